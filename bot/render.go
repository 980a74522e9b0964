package bot

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bwmarrin/discordgo"
)

// Discord's limits, which discordgo does not check. Every message the bot
// builds is cut to fit them (see fit).
const (
	maxContent          = 2000
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxEmbedTotal       = 6000
	maxRows             = 5
	maxButtonsPerRow    = 5
	maxButtonLabel      = 80
	maxCustomID         = 100
	maxSelectOptions    = 25
	maxChoices          = 25
	maxChoiceName       = 100
)

// Custom ids of the bot's components.
const (
	idAsk      = "ask:"  // + entry id: answer that entry (+ "@" + language: in that language, as in "ask:fy25-earnings@ur")
	idPick     = "pick:" // + question id + ":" + entry id: a suggestion picked under a recorded decline
	idNone     = "none"  // "none of these" under a decline; "none:" + question id when recorded
	idFeedback = "fb:"   // + question id + ":up" or ":down" + ":" + entry id (left out when too long)
	idTopic    = "topic"
	pickNone   = "none" // what a "none of these" pick is recorded as
)

// parseIDRef splits "123:rest" into the question id and the rest.
func parseIDRef(s string) (int64, string, bool) {
	id, rest, ok := strings.Cut(s, ":")
	if !ok {
		return 0, "", false
	}
	n, err := strconv.ParseInt(id, 10, 64)
	return n, rest, err == nil && n > 0 && rest != ""
}

// recordedMessage renders r for a question recorded under id: an answer
// gets thumbs-up and thumbs-down buttons, a decline's suggestions record
// which one was picked. With id 0 (not recorded) it is replyMessage.
func recordedMessage(r *answers.Reply, id int64) message {
	m := replyMessage(r)
	if id <= 0 {
		return m
	}
	ref := strconv.FormatInt(id, 10)
	if r.Answered {
		// The vote buttons carry the entry too, so that a vote needs
		// nothing from the replica that answered.
		vote := func(v string) string {
			if id := idFeedback + ref + ":" + v + ":" + r.EntryID(); len(id) <= maxCustomID {
				return id
			}
			return idFeedback + ref + ":" + v
		}
		m.Components = append(m.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Helpful", Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: vote("up")},
			discordgo.Button{Label: "Not helpful", Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: vote("down")},
		}})
		return m
	}
	for i, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for j, cc := range row.Components {
			btn, ok := cc.(discordgo.Button)
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(btn.CustomID, idAsk):
				if id := idPick + ref + ":" + strings.TrimPrefix(btn.CustomID, idAsk); len(id) <= maxCustomID {
					btn.CustomID = id
				}
			case btn.CustomID == idNone:
				btn.CustomID = idNone + ":" + ref
			}
			row.Components[j] = btn
		}
		m.Components[i] = row
	}
	return m
}

const embedColor = 0x01411C // Pakistan green

// message is a reply before it becomes a Discord payload.
type message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
}

// noMentions is sent with every message: an empty, non-nil parse list, so no
// reply can ping @everyone, a role or a user, whatever the question held.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// interactionData turns m into an interaction response's data.
func (m message) interactionData() *discordgo.InteractionResponseData {
	m.fit()
	d := &discordgo.InteractionResponseData{
		Content:         m.Content,
		Embeds:          m.Embeds,
		Components:      m.Components,
		AllowedMentions: noMentions(),
	}
	if m.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{} // clears buttons on an update
	}
	return d
}

// messageSend turns m into a channel message replying to ref (may be nil).
func (m message) messageSend(ref *discordgo.MessageReference) *discordgo.MessageSend {
	m.fit()
	return &discordgo.MessageSend{
		Content:         m.Content,
		Embeds:          m.Embeds,
		Components:      m.Components,
		AllowedMentions: noMentions(),
		Reference:       ref,
	}
}

// replyMessage renders an engine reply.
func replyMessage(r *answers.Reply) message {
	if !r.Answered {
		return declineMessage(r)
	}
	return message{Embeds: []*discordgo.MessageEmbed{answerEmbed(r)}, Components: askButtons(r, r.Related)}
}

// answerEmbed renders an answer: the matched question as the title, the
// cited facts as the description, the sources as fields, and the period of
// the figures in the footer.
func answerEmbed(r *answers.Reply) *discordgo.MessageEmbed {
	var desc strings.Builder
	if r.Premise != "" {
		desc.WriteString("*" + r.Premise + "*") // a figure of the question the facts contradict
		if r.Brief {
			desc.WriteString(" " + r.Marks()) // whom the facts just shown are credited to: cited, as they were
		}
		desc.WriteString("\n\n")
	}
	multi := len(r.Parts) > 1
	for i, p := range r.Parts {
		if r.Brief {
			break // "who said that?": the facts were just shown; whom they are credited to, and the sources
		}
		if multi {
			if i > 0 {
				desc.WriteString("\n")
			}
			desc.WriteString("**" + p.Title() + "**\n")
		}
		for i, f := range p.Facts {
			if c := answers.CreditLine(p); c != "" && i == p.CreditAt {
				desc.WriteString(c + "\n")
			}
			desc.WriteString("• " + answers.FactLine(f) + "\n")
		}
	}
	if r.Note != "" {
		desc.WriteString("\n" + r.Note + "\n") // what part of the question is not answered
	}
	title := r.Parts[0].Title()
	if multi {
		title = strings.ReplaceAll(r.Label("parts"), "{n}", strconv.Itoa(len(r.Parts)))
	}
	footer := r.PeriodNote()
	if footer == "" {
		footer = r.Label("footer")
	}
	var cites []string
	for _, c := range r.Citations {
		cites = append(cites, r.Directed(answers.CitationLine(c)))
	}
	return &discordgo.MessageEmbed{
		Title:       r.Directed(title),
		Description: r.Directed(strings.TrimSpace(desc.String())),
		Color:       embedColor,
		Fields:      linesToFields(r.Label("sources"), cites),
		Footer:      &discordgo.MessageEmbedFooter{Text: r.Directed(footer)},
	}
}

// entryRef splits the entry a button names into its id and the language
// its answer is shown in ("fy25-earnings@ur"; "" for English).
func entryRef(ref string) (id, lang string) {
	id, lang, _ = strings.Cut(ref, "@")
	return id, lang
}

// declineMessage renders a decline: a short message, "did you mean" buttons
// for the suggestions and a "none of these" button.
func declineMessage(r *answers.Reply) message {
	content := r.DeclineText()
	rows := numberedButtons(r, r.Suggestions)
	if h := r.SuggestionsHeading(); h != "" {
		content += "\n" + h
	}
	if len(r.Suggestions) > 0 {
		none := discordgo.Button{Label: "None of these", Style: discordgo.SecondaryButton, CustomID: idNone}
		if len(rows) > 0 {
			row := rows[len(rows)-1].(discordgo.ActionsRow)
			if len(row.Components) < maxButtonsPerRow {
				row.Components = append(row.Components, none)
				rows[len(rows)-1] = row
			} else {
				rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{none}})
			}
		}
	}
	return message{Content: r.Directed(content), Components: rows, Ephemeral: true}
}

// askButtons renders up to 3 entries as buttons that ask them, one row,
// in the language of the reply r they follow: their answers are too.
func askButtons(r *answers.Reply, es []*knowledge.Entry) []discordgo.MessageComponent {
	return entryButtons(r, es, false)
}

// numberedButtons is askButtons with the buttons numbered, as a decline's
// suggestions are wherever they are shown ("1. How much ...").
func numberedButtons(r *answers.Reply, es []*knowledge.Entry) []discordgo.MessageComponent {
	return entryButtons(r, es, true)
}

func entryButtons(r *answers.Reply, es []*knowledge.Entry, numbered bool) []discordgo.MessageComponent {
	var btns []discordgo.MessageComponent
	for _, e := range es {
		if len(btns) == 3 {
			break
		}
		id := idAsk + e.ID
		if lang := r.Lang(); lang != knowledge.English {
			id += "@" + lang // answered in the language it was offered in
		}
		if len(id) > maxCustomID {
			continue
		}
		label := r.QuestionOf(e)
		if numbered {
			label = strconv.Itoa(len(btns)+1) + ". " + label
		}
		label = r.Directed(label)
		btns = append(btns, discordgo.Button{Label: cut(label, maxButtonLabel), Style: discordgo.PrimaryButton, CustomID: id})
	}
	if len(btns) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: btns}}
}

// linesToFields packs lines into fields named name, each within Discord's
// field limit, continuing into further fields as needed.
func linesToFields(name string, lines []string) []*discordgo.MessageEmbedField {
	var fields []*discordgo.MessageEmbedField
	var cur strings.Builder
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		n := name
		if len(fields) > 0 {
			n = name + " (continued)"
		}
		fields = append(fields, &discordgo.MessageEmbedField{Name: n, Value: cur.String()})
		cur.Reset()
	}
	for _, l := range lines {
		l = cut(l, maxFieldValue)
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(l) > maxFieldValue {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteString("\n")
		}
		cur.WriteString(l)
	}
	flush()
	return fields
}

// fit cuts m to Discord's limits: content, embed parts and their total, and
// the number and size of components.
func (m *message) fit() {
	m.Content = cut(m.Content, maxContent)
	if len(m.Embeds) > 10 {
		m.Embeds = m.Embeds[:10]
	}
	budget := maxEmbedTotal
	for _, e := range m.Embeds {
		fitEmbed(e, &budget)
	}
	if len(m.Components) > maxRows {
		m.Components = m.Components[:maxRows]
	}
	for i, c := range m.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		if len(row.Components) > maxButtonsPerRow {
			row.Components = row.Components[:maxButtonsPerRow]
		}
		for j, cc := range row.Components {
			switch x := cc.(type) {
			case discordgo.Button:
				x.Label = cut(x.Label, maxButtonLabel)
				row.Components[j] = x
			case discordgo.SelectMenu:
				if len(x.Options) > maxSelectOptions {
					x.Options = x.Options[:maxSelectOptions]
				}
				row.Components[j] = x
			}
		}
		m.Components[i] = row
	}
}

// fitEmbed cuts e to the per-part limits and to what is left of budget, the
// characters all embeds of a message may share.
func fitEmbed(e *discordgo.MessageEmbed, budget *int) {
	e.Title = cut(e.Title, min(maxEmbedTitle, *budget))
	*budget -= runes(e.Title)
	if e.Footer != nil {
		e.Footer.Text = cut(e.Footer.Text, min(maxFooter, max(*budget, 0)))
		*budget -= runes(e.Footer.Text)
	}
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	// Fields (the sources) take precedence over a long description: a fact
	// must never lose its citation.
	var kept []*discordgo.MessageEmbedField
	for _, f := range e.Fields {
		f.Name = cut(f.Name, maxFieldName)
		f.Value = cut(f.Value, maxFieldValue)
		n := runes(f.Name) + runes(f.Value)
		if n > *budget-200 { // leave room for some description
			break
		}
		*budget -= n
		kept = append(kept, f)
	}
	e.Fields = kept
	e.Description = cutLines(e.Description, min(maxEmbedDescription, max(*budget, 0)))
	*budget -= runes(e.Description)
}

// cut shortens s to at most n runes, ending with "…" when cut.
func cut(s string, n int) string { return answers.Truncate(s, n) }

// cutLines shortens s to at most n runes at a line boundary where it can.
func cutLines(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	c := cut(s, n)
	if i := strings.LastIndex(c, "\n"); i > 0 && runes(c[:i])+2 <= n {
		return c[:i] + "\n…"
	}
	return c
}

func runes(s string) int { return utf8.RuneCountInString(s) }
