package fakediscord_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	bpobot "github.com/bpobot/bpobot/discord"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/bpobot/bpobot/internal/fakediscord"
)

// discordgo logs through a package variable; capture it once for the whole
// binary (reassigning it per test would race with discordgo's goroutines).
var (
	logMu    sync.Mutex
	logLines []string
)

func TestMain(m *testing.M) {
	discordgo.Logger = func(level, caller int, format string, a ...any) {
		logMu.Lock()
		logLines = append(logLines, fmt.Sprintf(format, a...))
		logMu.Unlock()
	}
	os.Exit(m.Run())
}

func loggedContains(sub string) bool {
	logMu.Lock()
	defer logMu.Unlock()
	for _, l := range logLines {
		if strings.Contains(l, sub) {
			return true
		}
	}
	return false
}

// pointDiscordgo repoints discordgo's endpoint variables at the fake. The
// string endpoints are computed at init from EndpointDiscord, so every one of
// them must be reassigned; the Endpoint...(id) funcs read these at call time.
// They are deliberately not restored afterwards: a leftover discordgo
// goroutine then reaches a closed loopback port instead of discord.com.
// Tests that call it must not run in parallel.
func pointDiscordgo(f *fakediscord.Server) {
	if err := bpobot.SetAPIURL(f.APIURL()); err != nil {
		panic(err)
	}
}

const (
	token = "TOKEN"
	appID = "100000000000000001"
)

func ctx10s(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// recv waits for a value from ch, failing the test after 10s.
func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// client is a discordgo session with channels for the events the tests watch.
type client struct {
	dg           *discordgo.Session
	ready        chan *discordgo.Ready
	resumed      chan *discordgo.Resumed
	disconnected chan struct{}
	interactions chan *discordgo.InteractionCreate
	messages     chan *discordgo.MessageCreate
}

func newClient(t *testing.T, f *fakediscord.Server, tok string, configure func(*discordgo.Session)) *client {
	t.Helper()
	pointDiscordgo(f)
	dg, err := discordgo.New(tok)
	if err != nil {
		t.Fatal(err)
	}
	dg.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	c := &client{
		dg:           dg,
		ready:        make(chan *discordgo.Ready, 10),
		resumed:      make(chan *discordgo.Resumed, 10),
		disconnected: make(chan struct{}, 10),
		interactions: make(chan *discordgo.InteractionCreate, 10),
		messages:     make(chan *discordgo.MessageCreate, 10),
	}
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { c.ready <- r })
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { c.resumed <- r })
	dg.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { c.disconnected <- struct{}{} })
	dg.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { c.interactions <- i })
	dg.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { c.messages <- m })
	if configure != nil {
		configure(dg)
	}
	return c
}

func (c *client) open(t *testing.T) {
	t.Helper()
	if err := c.dg.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		// Without this, discordgo's heartbeat goroutine can race Close (its
		// select may pick the ticker over the closed listening channel),
		// fail to write, and reconnect the closed session forever. (Only
		// written when set: discordgo reads it without a lock.)
		if c.dg.ShouldReconnectOnError {
			c.dg.ShouldReconnectOnError = false
		}
		c.dg.Close()
	})
}

func interactionPayload(id, tok string) map[string]any {
	return map[string]any{
		"id": id, "token": tok, "type": 2, "version": 1,
		"application_id": appID, "channel_id": "300", "guild_id": "400",
		"app_permissions": "0", "locale": "en-US",
		"data": map[string]any{
			"id": "500", "name": "ask", "type": 1,
			"options": []any{map[string]any{"name": "question", "type": 3, "value": "why?"}},
		},
		"member": map[string]any{
			"user":  map[string]any{"id": "600", "username": "alice", "discriminator": "0"},
			"roles": []any{}, "joined_at": "2024-01-01T00:00:00.000000+00:00",
		},
	}
}

func messagePayload(id, content string) map[string]any {
	return map[string]any{
		"id": id, "channel_id": "301", "content": content, "type": 0,
		"timestamp": "2024-01-01T00:00:00.000000+00:00",
		"author":    map[string]any{"id": "600", "username": "alice", "discriminator": "0"},
		"mentions":  []any{}, "attachments": []any{}, "embeds": []any{},
	}
}

func isPost(path string) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool { return r.Method == "POST" && r.Path == path }
}

// The discordgo tests keep Discord's default 41.25s heartbeat interval: with
// a short one, discordgo's heartbeat goroutine races its listen goroutine on
// every disconnect and may reconnect twice, or resurrect a closed session.
func TestDiscordgoEndToEnd(t *testing.T) {
	f := fakediscord.New(t, fakediscord.Options{Token: token})
	c := newClient(t, f, "Bot "+token, nil)
	c.open(t)
	ctx := ctx10s(t)

	if err := f.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	r := recv(t, c.ready, "READY")
	if r.User.ID != appID || r.User.Username != "bpobot" || !r.User.Bot || !strings.HasPrefix(r.SessionID, "fake-session-") || r.Application.ID != appID {
		t.Fatalf("READY = %+v user %+v", r, r.User)
	}
	raw, ok := f.Identify()
	if !ok {
		t.Fatal("no IDENTIFY recorded")
	}
	// Not discordgo.Identify: its presence.game.created_at does not survive
	// a JSON round trip.
	var ident struct {
		Token    string           `json:"token"`
		Intents  discordgo.Intent `json:"intents"`
		Compress bool             `json:"compress"`
	}
	if err := json.Unmarshal(raw, &ident); err != nil {
		t.Fatal(err)
	}
	wantIntents := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if ident.Token != "Bot "+token || ident.Intents != wantIntents || !ident.Compress {
		t.Fatalf("IDENTIFY = %s", raw)
	}
	if _, err := f.WaitRequest(ctx, func(r fakediscord.Request) bool { return r.Method == "GET" && r.Path == "/gateway" }); err != nil {
		t.Fatal(err)
	}

	// Slash commands: bulk overwrite, global and guild.
	cmds := []*discordgo.ApplicationCommand{{
		Name: "ask", Description: "Ask a question",
		Options: []*discordgo.ApplicationCommandOption{{
			Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "The question", Required: true, MaxLength: 6000,
		}},
	}}
	got, err := c.dg.ApplicationCommandBulkOverwrite(appID, "", cmds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID == "" || got[0].ApplicationID != appID || got[0].Name != "ask" || got[0].Version == "" {
		t.Fatalf("overwrite answer = %+v", got[0])
	}
	again, err := c.dg.ApplicationCommandBulkOverwrite(appID, "", cmds)
	if err != nil || again[0].ID != got[0].ID {
		t.Fatalf("second overwrite: id %v, err %v; want the same id %s", again[0].ID, err, got[0].ID)
	}
	guildCmds, err := c.dg.ApplicationCommandBulkOverwrite(appID, "400", cmds)
	if err != nil || guildCmds[0].GuildID != "400" {
		t.Fatalf("guild overwrite: %+v, %v", guildCmds, err)
	}

	// INTERACTION_CREATE reaches the handler, which responds.
	if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("700", "itok")); err != nil {
		t.Fatal(err)
	}
	ic := recv(t, c.interactions, "INTERACTION_CREATE")
	if ic.Type != discordgo.InteractionApplicationCommand {
		t.Fatalf("interaction type %v", ic.Type)
	}
	data := ic.ApplicationCommandData()
	if data.Name != "ask" || data.Options[0].StringValue() != "why?" || ic.Member.User.ID != "600" || ic.ChannelID != "300" {
		t.Fatalf("interaction = %+v data %+v", ic.Interaction, data)
	}
	err = c.dg.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         "because",
			AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
		},
	}, discordgo.WithContext(ctx))
	if err != nil {
		t.Fatalf("InteractionRespond: %v", err)
	}
	cb, err := f.WaitRequest(ctx, isPost("/interactions/700/itok/callback"))
	if err != nil {
		t.Fatal(err)
	}
	var resp discordgo.InteractionResponse
	if err := cb.JSON(&resp); err != nil || resp.Type != 4 || resp.Data.Content != "because" {
		t.Fatalf("callback body %s (%v)", cb.Body, err)
	}
	if cb.Header.Get("Authorization") != "Bot "+token {
		t.Fatalf("callback Authorization %q", cb.Header.Get("Authorization"))
	}
	// A second response is refused like Discord does.
	err = c.dg.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "again"}})
	var restErr *discordgo.RESTError
	if !errors.As(err, &restErr) || restErr.Message == nil || restErr.Message.Code != 40060 {
		t.Fatalf("second InteractionRespond err = %v, want code 40060", err)
	}
	orig, err := c.dg.InteractionResponse(ic.Interaction)
	if err != nil || orig.Content != "because" || orig.Author.ID != appID {
		t.Fatalf("InteractionResponse = %+v, %v", orig, err)
	}

	// Deferred response, then edit and a followup through the webhook routes.
	if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("701", "itok2")); err != nil {
		t.Fatal(err)
	}
	ic2 := recv(t, c.interactions, "second INTERACTION_CREATE")
	if err := c.dg.InteractionRespond(ic2.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
	}); err != nil {
		t.Fatal(err)
	}
	content := "thought about it"
	edited, err := c.dg.InteractionResponseEdit(ic2.Interaction, &discordgo.WebhookEdit{Content: &content})
	if err != nil || edited.Content != content || edited.Flags&discordgo.MessageFlagsEphemeral == 0 || edited.EditedTimestamp == nil {
		t.Fatalf("InteractionResponseEdit = %+v, %v", edited, err)
	}
	fu, err := c.dg.FollowupMessageCreate(ic2.Interaction, true, &discordgo.WebhookParams{Content: "more"})
	if err != nil || fu.ID == "" || fu.Content != "more" {
		t.Fatalf("FollowupMessageCreate = %+v, %v", fu, err)
	}
	if _, err := f.WaitRequest(ctx, func(r fakediscord.Request) bool {
		return r.Method == "PATCH" && r.Path == "/webhooks/"+appID+"/itok2/messages/@original"
	}); err != nil {
		t.Fatal(err)
	}

	// MESSAGE_CREATE reaches the handler, which replies.
	if err := f.Dispatch("MESSAGE_CREATE", messagePayload("800", "hello bot")); err != nil {
		t.Fatal(err)
	}
	m := recv(t, c.messages, "MESSAGE_CREATE")
	if m.Content != "hello bot" || m.Author.ID != "600" || m.ChannelID != "301" {
		t.Fatalf("message = %+v", m.Message)
	}
	sent, err := c.dg.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
		Content:         "hi alice",
		Embeds:          []*discordgo.MessageEmbed{{Title: "t", Description: "d"}},
		Reference:       m.SoftReference(),
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sent.ID == "" || sent.ChannelID != "301" || sent.Content != "hi alice" || sent.Author.ID != appID ||
		len(sent.Embeds) != 1 || sent.Embeds[0].Type != "rich" || sent.MessageReference == nil || sent.MessageReference.MessageID != "800" {
		t.Fatalf("sent message = %+v", sent)
	}
	req, err := f.WaitRequest(ctx, isPost("/channels/301/messages"))
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := req.JSON(&body); err != nil || body["content"] != "hi alice" {
		t.Fatalf("message body %s", req.Body)
	}
	if am, _ := body["allowed_mentions"].(map[string]any); am == nil || am["parse"] == nil {
		t.Fatalf("allowed_mentions not sent as an empty list: %s", req.Body)
	}
	dm, err := c.dg.UserChannelCreate("600")
	if err != nil || dm.ID == "" || dm.Type != discordgo.ChannelTypeDM {
		t.Fatalf("UserChannelCreate = %+v, %v", dm, err)
	}
	me, err := c.dg.User("@me")
	if err != nil || me.ID != appID || !me.Bot {
		t.Fatalf("User(@me) = %+v, %v", me, err)
	}

	// Dropped TCP connection: discordgo reconnects to the cached gateway URL
	// and RESUMEs the session.
	f.DropConnection()
	if err := f.Dispatch("MESSAGE_CREATE", messagePayload("801", "lost")); err == nil {
		t.Fatal("Dispatch without a connection succeeded")
	}
	recv(t, c.disconnected, "Disconnect after DropConnection")
	if err := f.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	recv(t, c.resumed, "RESUMED")
	if n := f.Connections(); n != 2 {
		t.Fatalf("Connections() = %d, want 2", n)
	}
	if err := f.Dispatch("MESSAGE_CREATE", messagePayload("802", "still there?")); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, c.messages, "MESSAGE_CREATE after resume"); m.ID != "802" {
		t.Fatalf("got message %s after resume", m.ID)
	}

	// RECONNECT (op 7): discordgo closes with 1012 and resumes.
	if err := f.RequestReconnect(); err != nil {
		t.Fatal(err)
	}
	recv(t, c.disconnected, "Disconnect after RECONNECT")
	recv(t, c.resumed, "RESUMED after RECONNECT")
	if err := f.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	if n := f.Connections(); n != 3 {
		t.Fatalf("Connections() = %d, want 3", n)
	}
	if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("702", "itok3")); err != nil {
		t.Fatal(err)
	}
	select {
	case ic := <-c.interactions:
		if ic.ID != "702" {
			t.Fatalf("got interaction %s", ic.ID)
		}
	case <-c.ready:
		// discordgo v0.29.0's heartbeat goroutine of the connection op 7
		// closed can reconnect once more, on a loaded machine, right after
		// the resume (see the package documentation): the resumed
		// connection closes with 1000, the next RESUME is refused, and a
		// new session is identified, losing what was sent in between. The
		// client must still get what is sent to the new session.
		t.Log("discordgo reconnected a second time after op 7 (its known heartbeat race); dispatching again")
		if err := f.WaitReady(ctx10s(t)); err != nil {
			t.Fatal(err)
		}
		if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("703", "itok4")); err != nil {
			t.Fatal(err)
		}
		if ic := recv(t, c.interactions, "INTERACTION_CREATE after the second reconnect"); ic.ID != "703" {
			t.Fatalf("got interaction %s", ic.ID)
		}
		return
	case <-time.After(10 * time.Second):
		t.Fatal("timed out waiting for INTERACTION_CREATE after reconnect")
	}
	select {
	case r := <-c.ready:
		t.Fatalf("unexpected second READY %+v: the session should have been resumed", r)
	default:
	}
}

func TestDiscordgoFatalCloseCode(t *testing.T) {
	f := fakediscord.New(t, fakediscord.Options{Token: token})
	// discordgo v0.29.0 would retry a fatal close forever (with backoff up to
	// 10 minutes); a retry loop cannot be stopped, so it is off here.
	c := newClient(t, f, "Bot "+token, func(dg *discordgo.Session) {
		dg.ShouldReconnectOnError = false
		dg.LogLevel = discordgo.LogWarning
	})
	c.open(t)
	ctx := ctx10s(t)
	if err := f.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	f.CloseWith(4014, "Disallowed intent(s).")
	recv(t, c.disconnected, "Disconnect after close 4014")
	if !loggedContains("close 4014: Disallowed intent(s).") {
		t.Fatal("discordgo did not log the 4014 close")
	}
	// Sticky: the next attempt (discordgo RESUMEs, since it kept its session)
	// is closed with 4014 too, and Open returns the close error.
	err := c.dg.Open()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4014 || ce.Text != "Disallowed intent(s)." {
		t.Fatalf("second Open() = %v, want close 4014", err)
	}
	if n := f.Connections(); n != 2 {
		t.Fatalf("Connections() = %d, want 2", n)
	}
}

func TestDiscordgoBadToken(t *testing.T) {
	f := fakediscord.New(t, fakediscord.Options{Token: token})
	c := newClient(t, f, "Bot WRONG", func(dg *discordgo.Session) { dg.ShouldReconnectOnError = false })
	err := c.dg.Open()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4004 || ce.Text != "Authentication failed." {
		t.Fatalf("Open() = %v, want close 4004", err)
	}
	raw, _ := f.Identify()
	if !strings.Contains(string(raw), `"token":"Bot WRONG"`) {
		t.Fatalf("Identify() = %s", raw)
	}
	_, err = c.dg.User("@me")
	var restErr *discordgo.RESTError
	if !errors.As(err, &restErr) || restErr.Response.StatusCode != http.StatusUnauthorized || restErr.Message == nil || restErr.Message.Message != "401: Unauthorized" {
		t.Fatalf("User(@me) err = %v, want 401", err)
	}
}

func TestDiscordgoPrivilegedIntent(t *testing.T) {
	f := fakediscord.New(t, fakediscord.Options{Token: token})
	c := newClient(t, f, "Bot "+token, func(dg *discordgo.Session) {
		dg.ShouldReconnectOnError = false
		dg.Identify.Intents |= discordgo.IntentsMessageContent
	})
	err := c.dg.Open()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4014 {
		t.Fatalf("Open() = %v, want close 4014", err)
	}

	g := fakediscord.New(t, fakediscord.Options{Token: token,
		PrivilegedIntents: int64(discordgo.IntentsMessageContent)})
	c2 := newClient(t, g, "Bot "+token, func(dg *discordgo.Session) {
		dg.Identify.Intents |= discordgo.IntentsMessageContent
	})
	c2.open(t)
	if err := g.WaitReady(ctx10s(t)); err != nil {
		t.Fatal(err)
	}
}

func TestDiscordgoAttachment(t *testing.T) {
	f := fakediscord.New(t, fakediscord.Options{Token: token})
	c := newClient(t, f, "Bot "+token, nil)
	msg, err := c.dg.ChannelMessageSendComplex("302", &discordgo.MessageSend{
		Content: "see file",
		Files:   []*discordgo.File{{Name: "a.txt", ContentType: "text/plain", Reader: strings.NewReader("hello")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].Filename != "a.txt" || msg.Attachments[0].Size != 5 || msg.Content != "see file" {
		t.Fatalf("message = %+v attachments %+v", msg, msg.Attachments)
	}
	reqs := f.Requests()
	var body discordgo.MessageSend
	if len(reqs) != 1 || reqs[0].JSON(&body) != nil || body.Content != "see file" {
		t.Fatalf("requests = %+v", reqs)
	}
	// Limits discordgo does not check are enforced.
	_, err = c.dg.ChannelMessageSend("302", strings.Repeat("x", 2001))
	var restErr *discordgo.RESTError
	if !errors.As(err, &restErr) || restErr.Message == nil || restErr.Message.Code != 50035 {
		t.Fatalf("2001-character message err = %v, want 50035", err)
	}
	edited, err := c.dg.ChannelMessageEdit("302", msg.ID, "changed")
	if err != nil || edited.Content != "changed" || len(edited.Attachments) != 1 {
		t.Fatalf("ChannelMessageEdit = %+v, %v", edited, err)
	}
	if err := c.dg.ChannelTyping("302"); err != nil {
		t.Fatal(err)
	}
	if err := c.dg.ChannelMessageDelete("302", msg.ID); err != nil {
		t.Fatal(err)
	}
}
