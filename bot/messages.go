package bot

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bpobot/bpobot/answers"
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
		q := plainQuestion(m.Content) // the bot's mention included
		r, id := b.timed(surface, q, asker{m.GuildID, m.Author.ID}, func() (*answers.Reply, string) {
			c := b.ask(q)
			return c.reply, c.normalized
		})
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

// guard runs fn as one event: it is skipped while shutting down, counted
// as in flight, and a panic in it is recovered, logged and answered with an
// apology instead of silence.
func (b *Bot) guard(what string, apologise func(), fn func()) {
	if !b.flight.enter() {
		return
	}
	defer b.flight.leave()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked", "event", what, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if apologise != nil {
				func() {
					defer func() { _ = recover() }()
					apologise()
				}()
			}
		}
	}()
	fn()
}
