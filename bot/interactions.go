package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// Surfaces a question can arrive on, for logs.
const (
	surfaceSlash   = "slash"
	surfaceButton  = "button"
	surfaceDM      = "dm"
	surfaceMention = "mention"
	// surfaceMessageCommand is the "Ask bpobot" message command.
	surfaceMessageCommand = "message-command"
)

const apology = "Sorry, something went wrong on my side while answering. Please try again in a moment."

// An outgoing response to an interaction: the response, or its JSON when
// it is ready-made (from the reply cache), and its kind for logs.
type outgoing struct {
	resp *discordgo.InteractionResponse
	raw  []byte
	kind string
}

// json returns the response's JSON.
func (o outgoing) json() ([]byte, error) {
	if o.raw != nil {
		return o.raw, nil
	}
	return json.Marshal(o.resp)
}

func plain(resp *discordgo.InteractionResponse, kind string) outgoing {
	return outgoing{resp: resp, kind: kind}
}

// interactionResponse builds the response to i.
func (b *Bot) interactionResponse(i *discordgo.Interaction) outgoing {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return plain(b.autocomplete(i), "autocomplete")
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		switch data.Name {
		case "ask":
			q, private := "", false
			for _, o := range data.Options {
				switch o.Name {
				case "question":
					q = plainQuestion(stringOption(o))
				case "private":
					private = boolOption(o)
				}
			}
			if private {
				return b.privately(b.askResponse(i, surfaceSlash, func() (*answers.Reply, *cached) {
					return b.ask(q).reply, nil // the cache's encodings are public
				}, q, "ask"))
			}
			return b.askResponse(i, surfaceSlash, func() (*answers.Reply, *cached) {
				c := b.ask(q)
				return c.reply, c
			}, q, "ask")
		case askMessageCommand:
			return b.askMessage(i, data)
		case "topics":
			return plain(channelMessage(topicsMessage(b.engine().Knowledge())), "topics")
		case "sources":
			return plain(channelMessage(sourcesMessage(b.engine().Knowledge())), "sources")
		case "help":
			return plain(channelMessage(helpMessage(b.engine())), "help")
		}
		return plain(channelMessage(message{Content: "I don't know that command. Try /help.", Ephemeral: true}), "unknown")
	case discordgo.InteractionMessageComponent:
		data := i.MessageComponentData()
		switch {
		case strings.HasPrefix(data.CustomID, idAsk):
			id, lang := entryRef(strings.TrimPrefix(data.CustomID, idAsk))
			return b.askResponse(i, surfaceButton, func() (*answers.Reply, *cached) {
				return b.engine().In(lang).AnswerEntry(id), nil
			}, id, "button")
		case strings.HasPrefix(data.CustomID, idFeedback):
			return plain(b.feedback(i, data.CustomID), "feedback")
		case strings.HasPrefix(data.CustomID, idPick):
			qid, ref, ok := parseIDRef(strings.TrimPrefix(data.CustomID, idPick))
			entry, lang := entryRef(ref)
			if ok {
				b.pick(qid, entry)
			}
			return b.askResponse(i, surfaceButton, func() (*answers.Reply, *cached) {
				return b.engine().In(lang).AnswerEntry(entry), nil
			}, entry, "pick")
		case data.CustomID == idNone || strings.HasPrefix(data.CustomID, idNone+":"):
			if qid, err := strconv.ParseInt(strings.TrimPrefix(data.CustomID, idNone+":"), 10, 64); err == nil {
				b.pick(qid, pickNone)
			}
			b.log.Info("question", "surface", surfaceButton, "entry", "none-of-these")
			return plain(&discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: message{Content: "Sorry I couldn't help with that. Try /topics to see what I can answer, or ask it another way."}.interactionData(),
			}, "none")
		case data.CustomID == idTopic && len(data.Values) > 0:
			return plain(&discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: topicMessage(b.engine().Knowledge(), data.Values[0]).interactionData(),
			}, "topic")
		}
		return plain(channelMessage(message{Content: "That button has expired. Try /ask again.", Ephemeral: true}), "unknown")
	}
	return plain(nil, "ignored")
}

// askResponse answers a question from a slash command or a button. ask
// returns the reply and, when it came from the reply cache, its cache
// entry, whose encoded response is used as it is (or, when the question is
// recorded, with the question's id spliced in).
func (b *Bot) askResponse(i *discordgo.Interaction, surface string, ask func() (*answers.Reply, *cached), question, kind string) outgoing {
	if ok, wait := b.limiter.allow(interactionUser(i), b.now()); !ok {
		b.metrics.reject("rate_limited")
		return plain(channelMessage(rateLimited(wait)), kind)
	}
	var c *cached
	r, id := b.timed(surface, question, asker{i.GuildID, interactionUser(i)}, func() (*answers.Reply, *cached) {
		var r *answers.Reply
		r, c = ask()
		return r, c
	})
	switch {
	case r == nil:
		return plain(channelMessage(message{Content: "That question is no longer in my knowledge base. Try /topics.", Ephemeral: true}), kind)
	case c != nil && id == 0:
		return outgoing{resp: c.resp, raw: c.raw, kind: kind}
	case c != nil:
		if raw, err := c.recordedJSON(id); err == nil {
			return outgoing{raw: raw, kind: kind}
		}
	}
	// A recorded question's buttons carry its id, for feedback and picks.
	return plain(channelMessage(recordedMessage(r, id)), kind)
}

// asker is who asked, for the record.
type asker struct{ guild, user string }

// recordTimeout bounds recording a pick or a vote: a slow database delays
// no reply by more than this. Questions are queued, never waited for.
const recordTimeout = 250 * time.Millisecond

// errQueueFull is logged when the recorder does not accept a question.
var errQueueFull = errors.New("the question log's queue is full or closed")

// timed runs ask, logs one line about the question, counts it and records
// it. ask returns the reply and, when it came from the reply cache, its
// entry (which normalises the recorded question once). It returns the
// reply and the record's id (0 when not recorded).
func (b *Bot) timed(surface, question string, who asker, ask func() (*answers.Reply, *cached)) (*answers.Reply, int64) {
	start := time.Now()
	r, c := ask()
	took := time.Since(start)
	b.metrics.question(surface, r != nil && r.Handled(), took)
	attrs := []any{"surface", surface, "latency", took.Round(time.Microsecond)}
	switch {
	case r == nil:
		attrs = append(attrs, "entry", "unknown")
	case r.Answered:
		attrs = append(attrs, "entry", r.EntryID(), "score", r.Score)
	default:
		attrs = append(attrs, "entry", "declined", "reason", r.Reason.String(), "score", r.Score)
	}
	b.log.Info("question", attrs...)
	b.log.Debug("question text", "surface", surface, "text", answers.Truncate(question, 300))
	if _, off := b.cfg.Recorder.(nopRecorder); r == nil || off {
		return r, 0 // recording off: no work for it on the hot path
	}
	var normalized string
	switch {
	case surface == surfaceButton:
		normalized = normalizeForRecord(r.Question) // the button named an entry: record its question
	case c != nil:
		normalized = c.recordedQuestion()
	default:
		normalized = normalizeForRecord(question)
	}
	rec := Record{
		ID: newQuestionID(), Time: b.now(), Surface: surface, GuildID: who.guild, UserID: who.user,
		Question: normalized, EntryID: r.EntryID(), Answered: r.Handled(), Score: r.Score,
		Unknown: r.Unknown,
	}
	if !r.Answered {
		rec.Reason, rec.Blocker = r.Reason.String(), r.Unsupported
		if r.Nearest != nil {
			rec.Nearest = r.Nearest.ID
		}
	}
	if !b.cfg.Recorder.Record(rec) {
		b.metrics.recording.Inc()
		b.log.Debug("could not record question", "err", errQueueFull)
		return r, 0
	}
	return r, rec.ID
}

func (b *Bot) recordFailed(what string, err error) {
	b.metrics.recording.Inc()
	b.log.Warn("could not record "+what, "err", err)
}

// normalizeForRecord is the question as stored: lowercased, one space
// between words, mentions of anyone removed.
func normalizeForRecord(q string) string {
	q = plainQuestion(q)
	return answers.Truncate(strings.Join(strings.Fields(strings.ToLower(q)), " "), 500)
}

// pick records that the suggestion entry (or pickNone) was picked for
// the recorded question qid.
func (b *Bot) pick(qid int64, entry string) {
	if qid <= 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
	defer cancel()
	if err := b.cfg.Recorder.RecordPick(ctx, qid, entry); err != nil {
		b.recordFailed("suggestion pick", err)
	}
}

// feedback records a thumbs-up or thumbs-down click and thanks the user,
// privately.
func (b *Bot) feedback(i *discordgo.Interaction, customID string) *discordgo.InteractionResponse {
	qid, rest, ok := parseIDRef(strings.TrimPrefix(customID, idFeedback))
	vote, entry, _ := strings.Cut(rest, ":")
	if !ok || (vote != "up" && vote != "down") {
		return channelMessage(message{Content: "That button has expired.", Ephemeral: true})
	}
	ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
	defer cancel()
	changed, err := b.cfg.Recorder.RecordFeedback(ctx, Vote{QuestionID: qid, EntryID: entry, UserID: interactionUser(i), Up: vote == "up"})
	text := "Thanks for the feedback! It helps improve bpobot's answers."
	switch {
	case err != nil:
		b.recordFailed("feedback", err)
		text = "Thanks! I couldn't save your feedback just now; please try again later."
	case !changed:
		text = "You have already rated this answer that way. Thanks!"
	}
	b.log.Info("feedback", "vote", vote, "recorded", err == nil)
	return channelMessage(message{Content: text, Ephemeral: true})
}

func rateLimited(wait time.Duration) message {
	return message{
		Content:   fmt.Sprintf("You're asking faster than I can keep up. Please wait about %d seconds and ask again.", max(1, int(wait.Seconds()))),
		Ephemeral: true,
	}
}

func channelMessage(m message) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.interactionData()}
}

// autocomplete suggests up to 25 questions matching what the user has
// typed so far.
func (b *Bot) autocomplete(i *discordgo.Interaction) *discordgo.InteractionResponse {
	partial := ""
	for _, o := range i.ApplicationCommandData().Options {
		if o.Focused {
			partial = plainQuestion(stringOption(o))
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, e := range b.engine().Complete(partial, maxChoices) {
		q := cut(e.Question, maxChoiceName)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: q, Value: cut(e.Question, maxChoiceName)})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// boolOption returns a boolean option's value, false when the option is
// not a boolean.
func boolOption(o *discordgo.ApplicationCommandInteractionDataOption) bool {
	if o == nil || o.Type != discordgo.ApplicationCommandOptionBoolean {
		return false
	}
	v, _ := o.Value.(bool)
	return v
}

// privately makes a channel message response ephemeral: only the asker
// sees it.
func (b *Bot) privately(out outgoing) outgoing {
	if out.resp == nil || out.resp.Type != discordgo.InteractionResponseChannelMessageWithSource || out.resp.Data == nil {
		return out
	}
	data := *out.resp.Data
	data.Flags |= discordgo.MessageFlagsEphemeral
	return outgoing{resp: &discordgo.InteractionResponse{Type: out.resp.Type, Data: &data}, kind: out.kind}
}

// askMessage answers the "Ask bpobot" message command: the selected
// message's text, as a question, privately to the one who asked.
func (b *Bot) askMessage(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) outgoing {
	const kind = "message-command"
	var m *discordgo.Message
	if data.Resolved != nil {
		m = data.Resolved.Messages[data.TargetID]
	}
	notice := func(text string) outgoing {
		return plain(channelMessage(message{Content: text, Ephemeral: true}), kind)
	}
	if m == nil {
		return notice("I couldn't read that message. Try again, or ask with /ask.")
	}
	q := plainQuestion(m.Content)
	switch {
	case strings.TrimSpace(q) == "" && (len(m.Embeds) > 0 || len(m.Attachments) > 0):
		return notice("That message has no text I can read as a question, only embeds or attachments. Ask with /ask instead.")
	case strings.TrimSpace(q) == "":
		return notice("That message has no text to answer. Pick a message with a question in it, or ask with /ask.")
	case utf8.RuneCountInString(q) > answers.MaxQuestionRunes:
		return notice(fmt.Sprintf("That message is too long for me to read as one question (over %d characters). Ask the question in it with /ask.", answers.MaxQuestionRunes))
	}
	return b.privately(b.askResponse(i, surfaceMessageCommand, func() (*answers.Reply, *cached) {
		return b.ask(q).reply, nil
	}, q, kind))
}

// stringOption returns a string option's value, or "" when the option is
// not a string (discordgo's StringValue panics then).
func stringOption(o *discordgo.ApplicationCommandInteractionDataOption) string {
	if o == nil || o.Type != discordgo.ApplicationCommandOptionString {
		return ""
	}
	s, _ := o.Value.(string)
	return s
}

func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return "unknown"
}

// DecodeInteraction decodes an interaction as it arrives over HTTP and
// checks what the handlers rely on, so that a hostile (but signed) body
// cannot make them panic.
func DecodeInteraction(body []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("malformed interaction JSON: %v", err)
	}
	switch i.Type {
	case discordgo.InteractionPing:
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		if _, ok := i.Data.(discordgo.ApplicationCommandInteractionData); !ok {
			return nil, errors.New("application command interaction without command data")
		}
	case discordgo.InteractionMessageComponent:
		if _, ok := i.Data.(discordgo.MessageComponentInteractionData); !ok {
			return nil, errors.New("component interaction without component data")
		}
	default:
		return nil, fmt.Errorf("unsupported interaction type %d", i.Type)
	}
	if i.ID == "" {
		return nil, errors.New("interaction without an id")
	}
	return &i, nil
}
