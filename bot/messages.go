package bot

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bwmarrin/discordgo"
)

// mentionRe matches a mention of a user: <@id> or <@!id>.
var mentionRe = regexp.MustCompile(`<@!?(\d+)>`)

// markupRe matches Discord markup that is no part of a question: mentions
// of users, roles and channels, @everyone and @here, and custom emoji.
var markupRe = regexp.MustCompile(`<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b|<a?:\w+:\d+>`)

// plainQuestion removes Discord markup from what a user typed, before it
// is asked or recorded. (The answers package knows nothing of Discord.)
func plainQuestion(s string) string {
	return strings.TrimSpace(markupRe.ReplaceAllString(s, " "))
}

// messageResponse answers a direct message, or a server message that
// mentions the bot (me); it ignores bots (itself included) and everything
// else. A flood past the rate limit gets one notice, not one per message.
func (b *Bot) messageResponse(m *discordgo.Message, me string) Response {
	if m.Author == nil || m.Author.Bot || m.Author.ID == me {
		return Response{Kind: "ignored"}
	}
	surface := surfaceDM
	if m.GuildID != "" {
		if !mentioned(m, me) {
			return Response{Kind: "ignored"}
		}
		surface = surfaceMention
	}
	reply := func(msg message) Response {
		msg.Ephemeral = false // no such thing outside interactions
		return Response{Message: msg.messageSend(m.SoftReference()), Kind: surface}
	}
	if ok, wait, first := b.limiter.take(m.Author.ID, b.now()); !ok {
		b.metrics.reject("rate_limited")
		if first { // one notice per flood, not one per message
			return reply(rateLimited(wait))
		}
		return Response{Kind: "rate_limited"}
	}
	q := plainQuestion(m.Content) // the bot's mention included
	talk, now := m.ChannelID+"/"+m.Author.ID, b.now()
	prev, prevReply, list := b.talks.lastList(talk, now)
	var picked *answers.Reply // an item of a reply in another language than English, answered in it
	if n, ok := b.engine().Ordinal(q); ok && prevReply != nil {
		// "tell me more about the second one", "teesra wala": that point
		// or suggestion of the last reply, asked as its own question; or,
		// past its end, of the last list ("aur paanchwa?" after a point).
		en := b.engine().PickItem(prevReply, list, n)
		if en == nil {
			// "the 9th one" after three: said so, not asked as a question.
			if n == answers.Last {
				return reply(message{Content: "My last answer has no points or follow-ups to pick from. Ask me a question, or use /topics to browse what I can answer."})
			}
			return reply(message{Content: fmt.Sprintf("My last answer has no point or follow-up number %d. Ask me a question, or use /topics to browse what I can answer.", n)})
		}
		q = en.Question
		if lang := prevReply.Lang(); lang != knowledge.English {
			picked = b.engine().In(lang).AnswerEntry(en.ID)
		}
	}
	r, id := b.timed(surface, q, asker{m.GuildID, m.Author.ID}, func() (*answers.Reply, *cached) {
		if picked != nil {
			return picked, nil
		}
		if r := b.engine().WhyNot(prevReply, q); r != nil {
			return r, nil // "why not?" right after a decline: why there is no answer
		}
		if r, ok := b.engine().FollowUp(prev, q); ok {
			return r, nil // "and in FY24?": the last question, of FY24
		}
		c := b.ask(q)
		return c.reply, c
	})
	if r.Restates(prevReply) {
		// "who said that?" right after the answer: whom to credit, not
		// the facts just shown again. (A copy: a reply may be shared.)
		brief := *r
		brief.Brief = true
		r = &brief
	}
	c := r.Context()
	if c == "" {
		c = prev // a follow-up not answered: the subject stays
	}
	b.talks.rememberReply(talk, c, r, now)
	return reply(recordedMessage(r, id))
}

// mentioned reports whether m mentions the bot itself, id (not a role, not
// @everyone).
func mentioned(m *discordgo.Message, id string) bool {
	if id == "" {
		return false
	}
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	for _, sm := range mentionRe.FindAllStringSubmatch(m.Content, -1) {
		if sm[1] == id {
			return true
		}
	}
	return false
}
