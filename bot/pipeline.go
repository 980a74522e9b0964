package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/bwmarrin/discordgo"
)

// An Event is one thing from Discord the bot may answer: an interaction (a
// slash command, autocomplete, or a click on one of the bot's components)
// or a message (a direct message, or a server message that may mention the
// bot). Exactly one of Interaction and Message is set.
type Event struct {
	Interaction *discordgo.Interaction
	Message     *discordgo.Message
	// Me is the bot's own user id: a server message is answered only when
	// it mentions it, and the bot's own messages are ignored.
	Me string
}

// A Response is what to send back for an Event: for an interaction, the
// interaction response as JSON (the body of the HTTP reply, or of the POST
// to Discord's callback); for a message, the message to send in its
// channel.
type Response struct {
	Interaction []byte
	Message     *discordgo.MessageSend
	Kind        string // what was answered, for logs: ask, autocomplete, button, message, apology, ...
}

// ErrDraining is returned by Handle once Drain has begun: the event is not
// taken (an HTTP endpoint answers 503).
var ErrDraining = errors.New("shutting down")

// Handle is the one way in for every surface: it builds the response to ev
// and, when there is one, passes it to reply, all while the event is
// counted in flight, so that Drain waits for the reply to be sent. A panic
// while building the response is recovered, logged and answered with an
// apology. Events that need no reply (a message for someone else, a
// message past the rate limit after its notice) call reply not at all. The
// error is ErrDraining, or reply's.
func (b *Bot) Handle(ctx context.Context, ev Event, reply func(Response) error) error {
	if !b.flight.enter() {
		return ErrDraining
	}
	defer b.flight.leave()
	resp := b.build(ev)
	if resp.Interaction == nil && resp.Message == nil {
		return nil
	}
	if err := reply(resp); err != nil {
		b.log.Warn("could not send the reply", "kind", resp.Kind, "err", err)
		return err
	}
	return nil
}

// build builds the response to ev, recovering a panic into an apology.
func (b *Bot) build(ev Event) (resp Response) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			sorry := message{Content: apology, Ephemeral: true}
			if ev.Message != nil {
				resp = Response{Message: sorry.messageSend(ev.Message.SoftReference()), Kind: "apology"}
				return
			}
			body, _ := json.Marshal(channelMessage(sorry))
			resp = Response{Interaction: body, Kind: "apology"}
		}
	}()
	switch {
	case ev.Interaction != nil:
		out := b.interactionResponse(ev.Interaction)
		if out.resp == nil && out.raw == nil {
			return Response{Kind: out.kind}
		}
		body, err := out.json()
		if err != nil {
			panic(fmt.Sprintf("encoding the %s response: %v", out.kind, err))
		}
		return Response{Interaction: body, Kind: out.kind}
	case ev.Message != nil:
		return b.messageResponse(ev.Message, ev.Me)
	}
	return Response{}
}
