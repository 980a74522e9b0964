package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// Surfaces a question can arrive on, for logs.
const (
	surfaceSlash   = "slash"
	surfaceButton  = "button"
	surfaceDM      = "dm"
	surfaceMention = "mention"
)

const apology = "Sorry, something went wrong on my side while answering. Please try again in a moment."

// onInteraction answers slash commands, autocomplete and component clicks
// arriving over the gateway.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.HandleInteraction(context.Background(), ic.Interaction)
}

// interactionDeadline is how long the first response may take: Discord
// drops interactions not answered within 3 seconds.
const interactionDeadline = 2800 * time.Millisecond

// HandleInteraction answers one interaction that arrived over the gateway,
// by posting the response to Discord's callback endpoint.
func (b *Bot) HandleInteraction(ctx context.Context, i *discordgo.Interaction) {
	if !b.flight.enter() {
		return
	}
	defer b.flight.leave()
	ctx, cancel := context.WithTimeout(ctx, interactionDeadline)
	defer cancel()
	out := b.respond(i)
	if out.resp == nil && out.raw == nil {
		return
	}
	body, err := out.json()
	if err == nil {
		err = b.post(ctx, i, body)
	}
	if err != nil {
		b.log.Warn("could not answer interaction", "interaction", i.ID, "kind", out.kind, "err", err)
	}
}

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

// respond builds the response to an interaction, whichever way it arrived
// (the gateway or an HTTP POST). A panic while building it is recovered,
// logged and turned into an apology. For interactions that need no
// response, both resp and raw are nil.
func (b *Bot) respond(i *discordgo.Interaction) (out outgoing) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked", "event", "interaction", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			out = outgoing{resp: channelMessage(message{Content: apology, Ephemeral: true}), kind: "apology"}
		}
	}()
	return b.interactionResponse(i)
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
			q := ""
			for _, o := range data.Options {
				if o.Name == "question" {
					q = plainQuestion(stringOption(o))
				}
			}
			return b.askResponse(i, surfaceSlash, func() (*answers.Reply, *cached) {
				c := b.ask(q)
				return c.reply, c
			}, q, "ask")
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
			id := strings.TrimPrefix(data.CustomID, idAsk)
			return b.askResponse(i, surfaceButton, func() (*answers.Reply, *cached) {
				return b.engine().AnswerEntry(id), nil
			}, id, "button")
		case strings.HasPrefix(data.CustomID, idFeedback):
			return plain(b.feedback(i, data.CustomID), "feedback")
		case strings.HasPrefix(data.CustomID, idPick):
			qid, entry, ok := parseIDRef(strings.TrimPrefix(data.CustomID, idPick))
			if ok {
				b.pick(qid, entry)
			}
			return b.askResponse(i, surfaceButton, func() (*answers.Reply, *cached) {
				return b.engine().AnswerEntry(entry), nil
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
	r, id := b.timed(surface, question, asker{i.GuildID, interactionUser(i)}, func() (*answers.Reply, string) {
		var r *answers.Reply
		if r, c = ask(); c != nil {
			return r, c.normalized
		}
		return r, ""
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
// it. ask returns the reply and, when it knows it (from the reply cache),
// the question as recorded. It returns the reply and the record's id (0
// when not recorded).
func (b *Bot) timed(surface, question string, who asker, ask func() (*answers.Reply, string)) (*answers.Reply, int64) {
	start := time.Now()
	r, normalized := ask()
	took := time.Since(start)
	b.metrics.question(surface, r != nil && r.Answered, took)
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
	if surface == surfaceButton {
		normalized = normalizeForRecord(r.Question) // the button named an entry: record its question
	} else if normalized == "" {
		normalized = normalizeForRecord(question)
	}
	rec := Record{
		ID: newQuestionID(), Time: b.now(), Surface: surface, GuildID: who.guild, UserID: who.user,
		Question: normalized, EntryID: r.EntryID(), Answered: r.Answered, Score: r.Score,
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

// post sends an interaction response with a plain HTTP request rather than
// discordgo's InteractionRespond: discordgo v0.29.0 creates a rate-limit
// bucket per interaction token and never frees it (#1333), so memory would
// grow with every question. Interaction callbacks are not rate-limited per
// bot, so nothing is lost.
func (b *Bot) post(ctx context.Context, i *discordgo.Interaction, body []byte) error {
	u := apiURL() + "interactions/" + url.PathEscape(i.ID) + "/" + url.PathEscape(i.Token) + "/callback"
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return redact(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", UserAgent)
		res, err := b.client.Do(req)
		if err != nil {
			return redact(err)
		}
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 4<<10))
		res.Body.Close()
		switch {
		case res.StatusCode < 300:
			return nil
		case res.StatusCode == http.StatusTooManyRequests && attempt == 0:
			wait := retryAfter(res, msg)
			if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
				return fmt.Errorf("rate limited for %s, past the interaction deadline", wait)
			}
			time.Sleep(wait)
			continue
		default:
			return fmt.Errorf("interaction callback: HTTP %d: %s", res.StatusCode, strings.TrimSpace(string(msg)))
		}
	}
}

func retryAfter(res *http.Response, body []byte) time.Duration {
	var v struct {
		RetryAfter float64 `json:"retry_after"`
	}
	if json.Unmarshal(body, &v) == nil && v.RetryAfter > 0 {
		return time.Duration(v.RetryAfter * float64(time.Second))
	}
	if s, err := strconv.ParseFloat(res.Header.Get("Retry-After"), 64); err == nil {
		return time.Duration(s * float64(time.Second))
	}
	return time.Second
}

// redact drops URLs from err: an interaction callback URL carries the
// interaction's token, and no token belongs in a log.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request failed: %w", ue.Op, ue.Err)
	}
	return err
}
