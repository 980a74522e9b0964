package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// recorder keeps the responses the bot's pipeline gives, as a transport
// would send them.
type recorder struct {
	mu     sync.Mutex
	bodies [][]byte
	msgs   []*discordgo.MessageSend
	keep   bool
}

// do passes i through the pipeline, as the gateway or the HTTP endpoint does.
func (r *recorder) do(b *Bot, i *discordgo.Interaction) {
	b.Handle(context.Background(), Event{Interaction: i, Me: "999"}, r.reply)
}

// message passes m through the pipeline.
func (r *recorder) message(b *Bot, m *discordgo.Message) {
	b.Handle(context.Background(), Event{Message: m, Me: "999"}, r.reply)
}

func (r *recorder) reply(resp Response) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.keep {
		if resp.Interaction != nil {
			r.bodies = append(r.bodies, resp.Interaction)
		}
		if resp.Message != nil {
			r.msgs = append(r.msgs, resp.Message)
		}
	}
	return nil
}

// wireResponse is an interaction response as it travels: discordgo cannot
// decode components into its interface type, so tests use this shape.
type wireResponse struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Content         string                                      `json:"content"`
		Flags           discordgo.MessageFlags                      `json:"flags"`
		Embeds          []*discordgo.MessageEmbed                   `json:"embeds"`
		Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
		Components      []struct {
			Type       int `json:"type"`
			Components []struct {
				Type     int    `json:"type"`
				CustomID string `json:"custom_id"`
				Label    string `json:"label"`
				Options  []any  `json:"options"`
			} `json:"components"`
		} `json:"components"`
	} `json:"data"`
}

func (r *recorder) last(t *testing.T) wireResponse {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.bodies) == 0 {
		t.Fatal("no interaction response was sent")
	}
	var resp wireResponse
	if err := json.Unmarshal(r.bodies[len(r.bodies)-1], &resp); err != nil {
		t.Fatal(err)
	}
	return resp
}

func testBot(t testing.TB, logs io.Writer) (*Bot, *recorder) {
	t.Helper()
	if logs == nil {
		logs = io.Discard
	}
	rec := &recorder{keep: true}
	b := New(Config{Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}, shippedEngine(t))
	return b, rec
}

func slash(user, q string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "1", Token: "itok", Type: discordgo.InteractionApplicationCommand, GuildID: "g",
		Member: &discordgo.Member{User: &discordgo.User{ID: user}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: q},
		}},
	}
}

// TestSlashAskInUrdu: a question in Urdu script is answered in Urdu, and
// the buttons under the answer offer its follow-ups in Urdu, answered in
// Urdu.
func TestSlashAskInUrdu(t *testing.T) {
	b, rec := testBot(t, nil)
	rec.do(b, slash("u1", "کال سینٹرز نے کتنا کمایا؟"))
	resp := rec.last(t)
	if len(resp.Data.Embeds) != 1 || !strings.Contains(resp.Data.Embeds[0].Description, "$328 ملین") {
		t.Fatalf("response %+v", resp.Data)
	}
	// Every line of it is laid out right to left, even one that starts
	// with FY25.
	lines := resp.Data.Embeds[0].Title + "\n" + resp.Data.Embeds[0].Description
	for _, f := range resp.Data.Embeds[0].Fields {
		lines += "\n" + f.Value // the sources, whose titles are English
	}
	for _, l := range strings.Split(lines, "\n") {
		if l != "" && !strings.HasPrefix(l, "\u200f") {
			t.Errorf("line %q lacks the right-to-left mark", l)
		}
	}
	asks := 0
	for _, row := range resp.Data.Components {
		for _, btn := range row.Components {
			if strings.HasPrefix(btn.CustomID, idAsk) || strings.HasPrefix(btn.CustomID, idPick) {
				asks++
				if !strings.HasSuffix(btn.CustomID, "@ur") || !strings.ContainsAny(btn.Label, "کیا") {
					t.Errorf("button %q %q: want it offered and answered in Urdu", btn.Label, btn.CustomID)
				}
			}
		}
	}
	if asks == 0 {
		t.Errorf("no follow-up buttons: %+v", resp.Data.Components)
	}
}

func TestSlashAsk(t *testing.T) {
	var logs bytes.Buffer
	b, rec := testBot(t, &logs)
	rec.do(b, slash("u1", "how much did call centers earn in FY25?"))
	resp := rec.last(t)
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || len(resp.Data.Embeds) != 1 {
		t.Fatalf("response %+v", resp)
	}
	if !strings.Contains(resp.Data.Embeds[0].Description, "$328 million") || !strings.Contains(resp.Data.Embeds[0].Description, "[1]") {
		t.Errorf("embed %q", resp.Data.Embeds[0].Description)
	}
	l := logs.String()
	if !strings.Contains(l, "surface=slash") || !strings.Contains(l, "entry=fy25-earnings") || !strings.Contains(l, "latency=") {
		t.Errorf("log lacks the question line:\n%s", l)
	}
	if strings.Contains(l, "test-token") || strings.Contains(l, "itok") {
		t.Errorf("a token was logged:\n%s", l)
	}
}

func TestRateLimitNotice(t *testing.T) {
	b, rec := testBot(t, nil)
	now := time.Unix(1000, 0)
	b.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		rec.do(b, slash("u1", "why pakistan"))
		if rec.last(t).Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Fatalf("question %d was limited", i+1)
		}
	}
	rec.do(b, slash("u1", "why pakistan"))
	resp := rec.last(t)
	if resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(resp.Data.Content, "wait about 10 seconds") {
		t.Errorf("want a polite ephemeral notice, got %+v", resp.Data)
	}
	// Another user is not limited; the first is again after 10s.
	rec.do(b, slash("u2", "why pakistan"))
	if len(rec.last(t).Data.Embeds) != 1 {
		t.Error("another user was limited")
	}
	now = now.Add(10 * time.Second)
	rec.do(b, slash("u1", "why pakistan"))
	if len(rec.last(t).Data.Embeds) != 1 {
		t.Error("user still limited after the refill")
	}
}

func TestLimiterForgetsIdleUsers(t *testing.T) {
	l := newLimiter(6, 3)
	now := time.Unix(0, 0)
	for i := 0; i < 1000; i++ {
		l.allow(string(rune('a'+i%26))+strings.Repeat("x", i), now)
	}
	if l.size() != 1000 {
		t.Fatalf("size %d", l.size())
	}
	now = now.Add(2 * time.Minute)
	l.allow("new", now)
	if l.size() != 1 {
		t.Errorf("idle users kept: %d", l.size())
	}
}

func TestHandlerPanicApologises(t *testing.T) {
	var logs bytes.Buffer
	b, rec := testBot(t, &logs)
	b.SetEngine(nil) // every question now panics inside the handler
	rec.do(b, slash("u1", "why pakistan"))
	resp := rec.last(t)
	if !strings.Contains(resp.Data.Content, "Sorry, something went wrong") || resp.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("response %+v", resp.Data)
	}
	if !strings.Contains(logs.String(), "handler panicked") {
		t.Errorf("panic not logged:\n%s", logs.String())
	}
}

func TestAutocomplete(t *testing.T) {
	b, rec := testBot(t, nil)
	for _, partial := range []string{"", "earn fy2", "kitne log", strings.Repeat("z", 300)} {
		i := &discordgo.Interaction{ID: "2", Token: "t", Type: discordgo.InteractionApplicationCommandAutocomplete,
			Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: partial, Focused: true}}}}
		rec.do(b, i)
		resp := rec.last(t)
		if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(resp.Data.Choices) > 25 {
			t.Fatalf("%q: response %+v", partial, resp)
		}
		for _, c := range resp.Data.Choices {
			if runes(c.Name) > 100 || runes(c.Name) == 0 {
				t.Errorf("choice %q", c.Name)
			}
		}
		if partial == "earn fy2" && (len(resp.Data.Choices) == 0 || !strings.Contains(resp.Data.Choices[0].Name, "FY2")) {
			t.Errorf("earn fy2: %+v", resp.Data.Choices)
		}
	}
}

func TestButtons(t *testing.T) {
	b, rec := testBot(t, nil)
	click := func(id string, values ...string) wireResponse {
		rec.do(b, &discordgo.Interaction{ID: "3", Token: "t", Type: discordgo.InteractionMessageComponent,
			User: &discordgo.User{ID: "u9"}, Data: discordgo.MessageComponentInteractionData{CustomID: id, Values: values}})
		return rec.last(t)
	}
	if r := click("ask:fy24-earnings"); len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "$263 million") {
		t.Errorf("follow-up: %+v", r.Data)
	}
	// A follow-up offered under an answer in Urdu is answered in Urdu.
	if r := click("ask:fy24-earnings@ur"); len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "$263 ملین") ||
		r.Data.Embeds[0].Fields[0].Name != "ذرائع" {
		t.Errorf("Urdu follow-up: %+v", r.Data)
	}
	if r := click("none"); r.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(r.Data.Content, "/topics") || r.Data.Components == nil {
		t.Errorf("none of these: %+v", r)
	}
	if r := click("topic", "fraud"); r.Type != discordgo.InteractionResponseUpdateMessage || len(r.Data.Components) < 2 {
		t.Errorf("topic: %+v", r)
	}
	if r := click("ask:no-such-entry"); !strings.Contains(r.Data.Content, "no longer") {
		t.Errorf("stale button: %+v", r.Data)
	}
	if r := click("garbage"); !strings.Contains(r.Data.Content, "expired") {
		t.Errorf("unknown button: %+v", r.Data)
	}
}

func TestMentionHandling(t *testing.T) {
	for _, tt := range []struct {
		content string
		mention bool
		q       string
	}{
		{"<@999> why pakistan?", true, "why pakistan?"},
		{"hey <@!999> kitne log?", true, "hey   kitne log?"},
		{"<@123> why pakistan?", false, "why pakistan?"},
		{"@everyone why pakistan <:pk:123456> <@&42> <#7>", false, "why pakistan"},
	} {
		m := &discordgo.Message{Content: tt.content, GuildID: "g", Author: &discordgo.User{ID: "u"}}
		if got := mentioned(m, "999"); got != tt.mention {
			t.Errorf("mentioned(%q) = %v", tt.content, got)
		}
		if got := plainQuestion(tt.content); got != tt.q {
			t.Errorf("plainQuestion(%q) = %q", tt.content, got)
		}
	}
}

// TestMemoryBounded: after many interactions, each with its own token, the
// heap has not grown with the count (the reply cache and the rate limiter
// are bounded). The discord package checks the same of its callback posts.
func TestMemoryBounded(t *testing.T) {
	n := 100_000
	if raceEnabled || testing.Short() {
		n = 10_000
	}
	b, rec := testBot(t, nil)
	rec.keep = false
	b.limiter = newLimiter(1e9, 1e9)
	ask := func(i int) {
		in := slash("u", "bpo earnings fy25")
		in.ID, in.Token = "id", "token-"+strings.Repeat("x", 60)+strconv.Itoa(i)
		rec.do(b, in)
	}
	for i := 0; i < 1000; i++ {
		ask(i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		ask(i)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	growth := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d interactions: heap %+d bytes", n, growth)
	if growth > 4<<20 {
		t.Errorf("heap grew by %d bytes over %d interactions", growth, n)
	}
}

// TestMessages passes direct messages and server messages through the
// pipeline: answered when for the bot, ignored otherwise, one notice per
// flood, an apology on a panic, and nothing once draining.
func TestMessages(t *testing.T) {
	b, rec := testBot(t, nil)
	dm := func(user, text string) *discordgo.Message {
		return &discordgo.Message{ID: "m1", ChannelID: "c", Content: text, Author: &discordgo.User{ID: user}}
	}
	rec.message(b, dm("u1", "why outsource to pakistan"))
	if len(rec.msgs) != 1 || len(rec.msgs[0].Embeds) != 1 || rec.msgs[0].Reference == nil || rec.msgs[0].AllowedMentions == nil {
		t.Fatalf("DM: %+v; want an embed answer replying to the message, with no pings allowed", rec.msgs)
	}
	inGuild := dm("u2", "<@999> how much did call centers earn in FY25?")
	inGuild.GuildID = "g"
	rec.message(b, inGuild)
	if len(rec.msgs) != 2 || !strings.Contains(rec.msgs[1].Embeds[0].Description, "$328 million") {
		t.Errorf("mention: %+v", rec.msgs)
	}
	for _, m := range []*discordgo.Message{
		{Content: "why pakistan", GuildID: "g", Author: &discordgo.User{ID: "u3"}},           // no mention
		{Content: "why pakistan", Author: &discordgo.User{ID: "u4", Bot: true}},              // a bot
		{Content: "why pakistan", Author: &discordgo.User{ID: "999"}},                        // itself
		{Content: "@everyone why pakistan", GuildID: "g", Author: &discordgo.User{ID: "u5"}}, // not the bot's mention
		{Content: "why pakistan"}, // no author
	} {
		rec.message(b, m)
	}
	if len(rec.msgs) != 2 {
		t.Errorf("%d replies; messages not for the bot were answered: %+v", len(rec.msgs), rec.msgs[2:])
	}
	for range 6 {
		rec.message(b, dm("flood", "why pakistan"))
	}
	notices := 0
	for _, m := range rec.msgs[2:] {
		if strings.Contains(m.Content, "wait about") {
			notices++
		}
	}
	if len(rec.msgs) != 2+3+1 || notices != 1 {
		t.Errorf("a flood of 6 got %d replies with %d notices; want 3 answers and 1 notice", len(rec.msgs)-2, notices)
	}

	b.SetEngine(nil) // every question now panics inside the pipeline
	rec.message(b, dm("u6", "why pakistan"))
	if last := rec.msgs[len(rec.msgs)-1]; !strings.Contains(last.Content, "Sorry, something went wrong") {
		t.Errorf("panic: %+v; want the apology", last)
	}
	b.Drain()
	if err := b.Handle(context.Background(), Event{Message: dm("u7", "why pakistan")}, rec.reply); !errors.Is(err, ErrDraining) {
		t.Errorf("Handle after Drain = %v; want ErrDraining", err)
	}
}

func TestReplyCache(t *testing.T) {
	c := newReplyCache(2)
	calls := 0
	ask := func(q string) *answers.Reply {
		return c.get(q, func() *answers.Reply { calls++; return &answers.Reply{Question: q, Reason: answers.DeclineEmpty} }).reply
	}
	a := ask("a")
	if ask("a") != a || calls != 1 {
		t.Fatalf("a second ask was not cached (calls %d)", calls)
	}
	ask("b")
	ask("c") // evicts a, the least recently used
	if c.len() != 2 {
		t.Fatalf("cache holds %d", c.len())
	}
	ask("a")
	if calls != 4 {
		t.Errorf("a was not evicted: calls %d", calls)
	}
	ask(strings.Repeat("x", 2000))
	if c.len() != 2 {
		t.Errorf("a long question was cached (%d entries)", c.len())
	}
	e := c.get("a", nil) // cached: ask is not called
	if want, _ := json.Marshal(e.resp); string(e.raw) != string(want) {
		t.Errorf("cached encoding %s, want %s", e.raw, want)
	}
}

// TestRecordedFromTemplate checks that a recorded reply spliced from the
// cache's template is byte for byte the reply rendered for its id, for an
// answer (vote buttons) and a decline (pick buttons).
func TestRecordedFromTemplate(t *testing.T) {
	eng := shippedEngine(t)
	c := newReplyCache(8)
	for _, q := range []string{"how much did call centers earn in fy25", "average salary at call centers", "hello"} {
		e := c.get(q, func() *answers.Reply { return eng.Ask(q) })
		for _, id := range []int64{1, 42, 9223372036854775807} {
			got, err := e.recordedJSON(id)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(channelMessage(recordedMessage(e.reply, id)))
			if string(got) != string(want) {
				t.Errorf("%q recorded as %d:\n got %s\nwant %s", q, id, got, want)
			}
		}
		if e.reply.Answered && len(e.tmpl) != 3 {
			t.Errorf("%q: template in %d parts; want 3 (two vote buttons)", q, len(e.tmpl))
		}
	}
}

// TestFloodGetsOneNotice: a flood of DMs or mentions past the limit gets one
// public notice, not one per message.
func TestFloodGetsOneNotice(t *testing.T) {
	l := newLimiter(6, 1)
	now := time.Unix(0, 0)
	if ok, _, _ := l.take("u", now); !ok {
		t.Fatal("first question refused")
	}
	_, _, first := l.take("u", now)
	_, _, second := l.take("u", now)
	if !first || second {
		t.Errorf("notices: first %v, second %v; want true, false", first, second)
	}
	now = now.Add(10 * time.Second)
	if ok, _, _ := l.take("u", now); !ok {
		t.Fatal("not refilled")
	}
	if _, _, first := l.take("u", now); !first {
		t.Error("a new flood after an allowed question gets no notice")
	}
}

// TestPrivateAsk: /ask answers in public by default and privately with
// private: true; declines are private either way.
func TestPrivateAsk(t *testing.T) {
	b, rec := testBot(t, nil)
	b.limiter = newLimiter(1e9, 1e9)
	ask := func(q string, private *bool) wireResponse {
		in := slash("u1", q)
		if private != nil {
			opts := in.Data.(discordgo.ApplicationCommandInteractionData)
			opts.Options = append(opts.Options, &discordgo.ApplicationCommandInteractionDataOption{Name: "private", Type: discordgo.ApplicationCommandOptionBoolean, Value: *private})
			in.Data = opts
		}
		rec.do(b, in)
		return rec.last(t)
	}
	yes, no := true, false
	for _, tt := range []struct {
		q       string
		private *bool
		want    bool
	}{
		{"how much did call centers earn in FY25?", nil, false},
		{"how much did call centers earn in FY25?", &no, false},
		{"how much did call centers earn in FY25?", &yes, true},
		{"average call center salary", nil, true}, // a decline
		{"average call center salary", &no, true},
	} {
		r := ask(tt.q, tt.private)
		if got := r.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.want {
			t.Errorf("%q private=%v: ephemeral %v; want %v", tt.q, tt.private, got, tt.want)
		}
	}
	if r := ask("how much did call centers earn in FY25?", &yes); len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "$328 million") {
		t.Errorf("private answer %+v", r.Data)
	}
}

// TestAskMessageCommand: the "Ask bpobot" message command answers the
// selected message's text privately, and says clearly what is wrong with a
// message it cannot read as a question.
func TestAskMessageCommand(t *testing.T) {
	b, rec := testBot(t, nil)
	command := func(m *discordgo.Message) wireResponse {
		data := discordgo.ApplicationCommandInteractionData{Name: "Ask bpobot", CommandType: discordgo.MessageApplicationCommand, TargetID: "42"}
		if m != nil {
			data.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Messages: map[string]*discordgo.Message{"42": m}}
		}
		rec.do(b, &discordgo.Interaction{ID: "7", Token: "t", Type: discordgo.InteractionApplicationCommand, GuildID: "g",
			Member: &discordgo.Member{User: &discordgo.User{ID: "u1"}}, Data: data})
		return rec.last(t)
	}
	r := command(&discordgo.Message{ID: "42", Content: "<@999> kya koi bata sakta hai call centers ne FY25 mein kitna kamaya?"})
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, "$328 million") {
		t.Errorf("answer: %+v; want a private answer", r.Data)
	}
	for _, tt := range []struct {
		name string
		m    *discordgo.Message
		want string
	}{
		{"empty", &discordgo.Message{ID: "42"}, "no text to answer"},
		{"mentions only", &discordgo.Message{ID: "42", Content: "<@123> @everyone"}, "no text to answer"},
		{"embed only", &discordgo.Message{ID: "42", Embeds: []*discordgo.MessageEmbed{{Title: "x"}}}, "only embeds or attachments"},
		{"too long", &discordgo.Message{ID: "42", Content: strings.Repeat("call centers ", 300)}, "too long"},
		{"not resolved", nil, "couldn't read that message"},
	} {
		r := command(tt.m)
		if !strings.Contains(r.Data.Content, tt.want) || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%s: %+v; want a private reply saying %q", tt.name, r.Data, tt.want)
		}
	}
}

// TestFollowUpInMessages: in a DM, "and in FY24?" asks the last question
// again of FY24; another person's, or another channel's, last question is
// not theirs; and it is forgotten after conversationTTL.
func TestFollowUpInMessages(t *testing.T) {
	b, rec := testBot(t, nil)
	now := time.Unix(1_800_000_000, 0)
	b.now = func() time.Time { return now }
	dm := func(channel, user, text string) {
		rec.message(b, &discordgo.Message{ID: "m", ChannelID: channel, Content: text, Author: &discordgo.User{ID: user}})
	}
	last := func() string { return rec.msgs[len(rec.msgs)-1].Embeds[0].Description }
	dm("c1", "u1", "how much did call centers earn in FY25?")
	dm("c1", "u1", "and in FY24?")
	if !strings.Contains(last(), "$263 million") {
		t.Errorf("follow-up: %q; want FY24's earnings", last())
	}
	dm("c2", "u2", "and in FY24?") // nothing before, in this channel
	if strings.Contains(last(), "$263 million") {
		t.Errorf("another channel's follow-up was read with u1's question: %q", last())
	}
	dm("c1", "u1", "aur FY25 mein?") // still the first question, not the follow-up
	if !strings.Contains(last(), "$328 million") {
		t.Errorf("second follow-up: %q; want FY25's earnings", last())
	}
	now = now.Add(time.Minute) // past the rate limit's burst, within the conversation
	dm("c1", "u1", "tell me more")
	if m := rec.msgs[len(rec.msgs)-1]; !strings.Contains(m.Content, "To go further") || len(m.Components) == 0 {
		t.Errorf("tell me more: %+v; want the answer's follow-ups as buttons", m)
	}
	now = now.Add(time.Minute)
	dm("c1", "u1", "who said that?") // what the first question asked about: FY25's earnings
	if !strings.Contains(last(), "$328 million") {
		t.Errorf("who said that: %q; want FY25's earnings, with whom they are credited to", last())
	}
	// "why not?" right after a decline says why, and keeps the subject.
	now = now.Add(time.Minute)
	dm("c5", "u5", "how much did call centers earn in FY25?")
	dm("c5", "u5", "salary kitni hai?")
	now = now.Add(time.Minute)
	dm("c5", "u5", "kyun nahi?")
	if m := rec.msgs[len(rec.msgs)-1]; !strings.Contains(m.Content, "they don't report that") || len(m.Components) == 0 {
		t.Errorf("why not, after a decline: %+v; want why there is no answer, with the decline's suggestions", m)
	}
	dm("c5", "u5", "and in FY24?")
	if !strings.Contains(last(), "$263 million") {
		t.Errorf("and in FY24, after the decline and why not: %q; want FY24's earnings", last())
	}
	now = now.Add(conversationTTL)
	dm("c1", "u1", "and in FY24?")
	if strings.Contains(last(), "$263 million") {
		t.Errorf("a follow-up after %v still used the old question: %q", conversationTTL, last())
	}
	// A follow-up's answer is what the next one points back at.
	dm("c3", "u3", "how much did call centers earn in FY25?")
	dm("c3", "u3", "and in FY24?")
	now = now.Add(time.Minute)
	dm("c3", "u3", "who said that?")
	// Right after the answer: whom to credit, under FY24's question, with
	// its source, and not the facts just shown again.
	if em := rec.msgs[len(rec.msgs)-1].Embeds[0]; !strings.Contains(em.Title, "FY24") || !strings.Contains(em.Description, "State Bank") ||
		strings.Contains(em.Description, "$263 million") || !strings.Contains(em.Description, "[1]") || len(em.Fields) == 0 {
		t.Errorf("who said that, after 'and in FY24?': title %q, description %q, %d fields; want FY24's earnings credited, briefly, citing [1]", em.Title, em.Description, len(em.Fields))
	}
	// An ordinal picks a point of the last answer.
	dm("c4", "u4", "what challenges does the bpo industry face")
	now = now.Add(time.Minute)
	dm("c4", "u4", "tell me more about the second one")
	if m := rec.msgs[len(rec.msgs)-1]; len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Title+m.Embeds[0].Description, "talent") {
		t.Errorf("the second one, after the challenges: %+v; want the talent drain", m)
	}
	// Past the end of the last answer, an ordinal picks from the last list:
	// "aur paanchwa?" after the second trend is the fifth trend.
	dm("c5", "u5", "BPO ke key trends kya hain")
	dm("c5", "u5", "doosra wala")
	dm("c5", "u5", "aur paanchwa?")
	if m := rec.msgs[len(rec.msgs)-1]; len(m.Embeds) == 0 || !strings.Contains(m.Embeds[0].Title, "AI and data analytics") {
		t.Errorf("the fifth, after the second trend: %+v; want AI and data analytics", m)
	}
	// An ordinal past every list is said to be so.
	now = now.Add(time.Minute)
	dm("c5", "u5", "the 9th one")
	if m := rec.msgs[len(rec.msgs)-1]; !strings.Contains(m.Content, "no point or follow-up number 9") {
		t.Errorf("the 9th one: %+v", m)
	}
}

func TestConversationsBounded(t *testing.T) {
	var c conversations
	now := time.Unix(1_800_000_000, 0)
	for i := range conversationMax + 10 {
		c.remember(strconv.Itoa(i), "q", now.Add(time.Duration(i)*time.Millisecond))
	}
	if len(c.m) > conversationMax {
		t.Errorf("%d conversations kept; want at most %d", len(c.m), conversationMax)
	}
	if c.last("0", now.Add(time.Minute)) != "" || c.last(strconv.Itoa(conversationMax+9), now.Add(time.Minute)) != "q" {
		t.Error("the oldest was kept or the newest forgotten")
	}
	// All at one instant (a coarse clock): still bounded.
	var same conversations
	for i := range conversationMax + 10 {
		same.remember(strconv.Itoa(i), "q", now)
	}
	if len(same.m) > conversationMax {
		t.Errorf("%d conversations kept at one instant; want at most %d", len(same.m), conversationMax)
	}
}
