package bot

import (
	"github.com/bpobot/bpobot/answers"
	"strings"

	"github.com/bpobot/bpobot/knowledge"
	"github.com/bwmarrin/discordgo"
)

// maxQuestionLen is the /ask option's max_length.
const maxQuestionLen = 300

// askMessageCommand is the name of the message command that answers a
// message's text as a question, privately.
const askMessageCommand = "Ask bpobot"

// Commands returns the application commands the bot registers. With
// global set they carry contexts (servers, the bot's DMs, other private
// channels) and integration types (guild and user install), so people can
// use /ask anywhere; guild commands cannot carry them.
func Commands(global bool) []*discordgo.ApplicationCommand {
	minLen := 1
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        "ask",
			Description: "Ask about Pakistan's BPO and call-center sector (answers cite their sources)",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "question",
				Description:  "Your question, e.g. How much did call centers earn in FY25?",
				Required:     true,
				Autocomplete: true,
				MinLength:    &minLen,
				MaxLength:    maxQuestionLen,
			}, {
				Type:        discordgo.ApplicationCommandOptionBoolean,
				Name:        "private",
				Description: "Show the answer only to you (default: everyone in the channel sees it)",
			}},
		},
		// A message context-menu command: right-click a message > Apps.
		{Name: askMessageCommand, Type: discordgo.MessageApplicationCommand},
		{Name: "topics", Description: "Browse what bpobot can answer, by topic"},
		{Name: "sources", Description: "The sources bpobot answers from"},
		{Name: "help", Description: "What bpobot knows and how to ask"},
	}
	if global {
		contexts := []discordgo.InteractionContextType{
			discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM, discordgo.InteractionContextPrivateChannel,
		}
		installs := []discordgo.ApplicationIntegrationType{
			discordgo.ApplicationIntegrationGuildInstall, discordgo.ApplicationIntegrationUserInstall,
		}
		for _, c := range cmds {
			c.Contexts = &contexts
			c.IntegrationTypes = &installs
		}
	}
	return cmds
}

// topicsMessage lists the topics in a select menu.
func topicsMessage(kb *knowledge.Base) message {
	var opts []discordgo.SelectMenuOption
	for _, t := range kb.Topics {
		if len(kb.TopicEntries(t.ID)) == 0 {
			continue
		}
		opts = append(opts, discordgo.SelectMenuOption{
			Label:       cut(t.Title, 100),
			Value:       t.ID,
			Description: cut(t.Description, 100),
		})
	}
	return message{
		Content:   "Pick a topic to see the questions I can answer about it.",
		Ephemeral: true,
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.SelectMenu{CustomID: idTopic, Placeholder: "Choose a topic", Options: opts},
		}}},
	}
}

// topicMessage lists one topic's questions as buttons, under the menu.
func topicMessage(kb *knowledge.Base, topicID string) message {
	t := kb.Topic(topicID)
	if t == nil {
		return message{Content: "That topic no longer exists. Run /topics again.", Ephemeral: true}
	}
	m := topicsMessage(kb)
	m.Content = "**" + t.Title + "**: " + t.Description + "\nClick a question to ask it."
	var row []discordgo.MessageComponent
	for _, e := range kb.TopicEntries(topicID) {
		if len(m.Components) == maxRows {
			break
		}
		row = append(row, discordgo.Button{Label: cut(e.Question, maxButtonLabel), Style: discordgo.SecondaryButton, CustomID: idAsk + e.ID})
		if len(row) == maxButtonsPerRow {
			m.Components = append(m.Components, discordgo.ActionsRow{Components: row})
			row = nil
		}
	}
	if len(row) > 0 && len(m.Components) < maxRows {
		m.Components = append(m.Components, discordgo.ActionsRow{Components: row})
	}
	return m
}

// sourcesMessage lists the sources with their authors and the bodies they cite.
func sourcesMessage(kb *knowledge.Base) message {
	e := &discordgo.MessageEmbed{
		Title:       "Sources",
		Description: "Every answer cites one of these. Figures, names and key terms are kept exactly as the sources give them.",
		Color:       embedColor,
	}
	for _, s := range kb.Sources {
		var v []string
		if c := s.Credit(); c != "" {
			v = append(v, "By "+c)
		}
		if s.Summary != "" {
			v = append(v, s.Summary)
		}
		if len(s.Cites) > 0 {
			v = append(v, "Cites: "+strings.Join(s.Cites, "; "))
		}
		if len(v) == 0 {
			v = append(v, "—")
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: s.Label(), Value: strings.Join(v, "\n")})
	}
	return message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
}

// helpHow is how to ask; the introduction before it comes from the
// knowledge base (its lexicon's introduction message, with the topics and
// periods it covers), so it never goes stale.
const helpHow = `

**How to ask**
• ` + "`/ask`" + ` and type: suggestions appear as you type. English, Roman Urdu, Urdu or a mix are all fine ("call centers ne FY25 mein kitna kamaya?"); a question in Urdu script is answered in Urdu.
• ` + "`/topics`" + ` to browse, ` + "`/sources`" + ` for my sources.
• On any message: right-click (or long-press) it > Apps > **Ask bpobot** to answer its text as a question.
• In a server, mention me with your question. In a DM, just write it.

**Who sees what**
• ` + "`/ask`" + ` answers are posted in the channel for everyone; add ` + "`private: True`" + ` to see yours alone.
• **Ask bpobot** answers, questions I can't answer, notices (such as "you're asking too fast") and errors are shown only to you.`

// helpMessage explains the bot.
func helpMessage(e *answers.Engine) message {
	return message{
		Embeds:    []*discordgo.MessageEmbed{{Title: "About bpobot", Description: cut(e.Introduction()+helpHow, maxEmbedDescription), Color: embedColor}},
		Ephemeral: true,
	}
}
