package bot

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// mentionRe matches a mention of a user: <@id> or <@!id>.
var mentionRe = regexp.MustCompile(`<@!?(\d+)>`)

// anyMentionRe matches every kind of mention: users, roles, channels,
// @everyone and @here.
var anyMentionRe = regexp.MustCompile(`<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b`)

// onMessage answers direct messages, and messages in servers that mention
// the bot. It ignores bots (itself included) and everything else.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	b.HandleMessage(context.Background(), s, m.Message)
}

// HandleMessage answers one message if it is for the bot, replying through
// session s. It is exported for tests.
func (b *Bot) HandleMessage(ctx context.Context, s *discordgo.Session, m *discordgo.Message) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.ID == b.botIDValue() {
		return
	}
	surface := surfaceDM
	if m.GuildID != "" {
		if !b.mentioned(m) {
			return
		}
		surface = surfaceMention
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	send := func(msg message) {
		if _, err := s.ChannelMessageSendComplex(m.ChannelID, msg.messageSend(m.SoftReference()), discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("could not reply to message", "channel", m.ChannelID, "err", redact(err))
		}
	}
	b.guard("message", func() { send(message{Content: apology}) }, func() {
		if ok, wait, first := b.limiter.take(m.Author.ID, b.now()); !ok {
			b.metrics.reject("rate_limited")
			if first { // one notice per flood, not one per message
				send(rateLimited(wait))
			}
			return
		}
		q := b.stripMention(m.Content)
		r, id := b.timed(surface, q, asker{m.GuildID, m.Author.ID}, func() *answers.Reply { return b.ask(q).reply })
		msg := recordedMessage(r, id)
		msg.Ephemeral = false // no such thing outside interactions
		send(msg)
	})
}

// mentioned reports whether m mentions the bot itself (not a role, not
// @everyone).
func (b *Bot) mentioned(m *discordgo.Message) bool {
	id := b.botIDValue()
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

// stripMention removes mentions of the bot from a question.
func (b *Bot) stripMention(content string) string {
	id := b.botIDValue()
	return strings.TrimSpace(mentionRe.ReplaceAllStringFunc(content, func(s string) string {
		if mentionRe.FindStringSubmatch(s)[1] == id {
			return " "
		}
		return s
	}))
}
