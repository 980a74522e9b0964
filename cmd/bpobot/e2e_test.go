package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bpobot/bpobot/internal/fakediscord"
)

// syncBuffer is a bytes.Buffer safe for the logger and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const fakeToken = "e2e-secret-token"

// startBot runs "bpobot run" as a child process (this test binary, see
// TestMain) against a fake Discord, configured only through the environment
// (DISCORD_API_URL) and a .env file. Each bot gets a process of its own:
// discordgo keeps its endpoints and logger in package variables, and a
// process runs one bot. It returns a channel with the child's exit error.
func startBot(t *testing.T, fake *fakediscord.Server, extra map[string]string) (cmd *exec.Cmd, done <-chan error, logs *syncBuffer) {
	t.Helper()
	env := map[string]string{
		"DISCORD_TOKEN":   fakeToken,
		"DISCORD_API_URL": fake.APIURL(),
		"LOG_LEVEL":       "debug",
		"RATE_LIMIT":      "600",
	}
	for k, v := range extra {
		env[k] = v
	}
	dir := t.TempDir()
	// Part of the configuration comes from a .env file, as in production.
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("RATE_BURST=100\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(os.Args[0], "run")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logs = &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		errc <- cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	return cmd, errc, logs
}

func wait(t *testing.T, fake *fakediscord.Server, what string, match func(fakediscord.Request) bool) fakediscord.Request {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	r, err := fake.WaitRequest(ctx, match)
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
	return r
}

func interaction(id string, typ int, data map[string]any) map[string]any {
	return map[string]any{
		"id": id, "token": "itok-" + id, "type": typ, "version": 1,
		"application_id": "100000000000000001", "channel_id": "300", "guild_id": "400",
		"member": map[string]any{"user": map[string]any{"id": "500", "username": "asker"}},
		"data":   data,
	}
}

func askData(q string, focused bool) map[string]any {
	return map[string]any{"id": "1", "name": "ask", "type": 1, "options": []any{
		map[string]any{"name": "question", "type": 3, "value": q, "focused": focused},
	}}
}

func callback(id string) func(fakediscord.Request) bool {
	return func(r fakediscord.Request) bool {
		return r.Method == "POST" && r.Path == "/interactions/"+id+"/itok-"+id+"/callback"
	}
}

// wireReply is the part of an interaction callback or message the test reads.
type wireReply struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Fields      []struct{ Name, Value string }
		} `json:"embeds"`
		Choices         []struct{ Name string } `json:"choices"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
	} `json:"data"`
}

func TestEndToEnd(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	_, done, logs := startBot(t, fake, nil)

	// Commands are registered globally with the expected payload.
	reg := wait(t, fake, "command registration", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && r.Path == "/applications/100000000000000001/commands"
	})
	var cmds []struct {
		Name             string
		Contexts         []int `json:"contexts"`
		IntegrationTypes []int `json:"integration_types"`
		Options          []struct {
			Name         string
			Type         int
			Required     bool
			Autocomplete bool
			MaxLength    int `json:"max_length"`
		}
	}
	if err := reg.JSON(&cmds); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range cmds {
		names[c.Name] = true
		if len(c.Contexts) != 3 || len(c.IntegrationTypes) != 2 {
			t.Errorf("%s: contexts %v, integration types %v", c.Name, c.Contexts, c.IntegrationTypes)
		}
	}
	if len(cmds) != 5 || !names["ask"] || !names["Ask bpobot"] || !names["topics"] || !names["sources"] || !names["help"] {
		t.Fatalf("registered %+v", cmds)
	}
	if o := cmds[0].Options[0]; cmds[0].Name != "ask" || o.Name != "question" || o.Type != 3 || !o.Required || !o.Autocomplete || o.MaxLength != 300 {
		t.Errorf("ask option %+v", o)
	}
	if id, ok := fake.Identify(); !ok || !strings.Contains(string(id), `"intents":4609`) {
		t.Errorf("IDENTIFY %s: want intents Guilds|GuildMessages|DirectMessages (4609)", id)
	}

	// /ask answers with a cited embed, a type 4 callback, no pings possible.
	ask := func(id, q string) wireReply {
		t.Helper()
		if err := fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, askData(q, false))); err != nil {
			t.Fatal(err)
		}
		var w wireReply
		cb := wait(t, fake, "/ask callback "+id, callback(id))
		if err := cb.JSON(&w); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(cb.Body), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("callback without an empty parse list: %s", cb.Body)
		}
		return w
	}
	w := ask("1001", "how much did call centers earn in FY25? @everyone")
	if w.Type != 4 || len(w.Data.Embeds) != 1 {
		t.Fatalf("reply %+v", w)
	}
	if e := w.Data.Embeds[0]; !strings.Contains(e.Description, "$328 million") || !strings.Contains(e.Description, "[1]") || len(e.Fields) == 0 || !strings.Contains(e.Fields[0].Value, "[1]") {
		t.Errorf("embed %+v", e)
	}
	if w.Data.AllowedMentions == nil || w.Data.AllowedMentions.Parse == nil || len(w.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions %+v", w.Data.AllowedMentions)
	}

	// Autocomplete: at most 25 choices.
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("1002", 4, askData("call cent", true))); err != nil {
		t.Fatal(err)
	}
	var ac wireReply
	if err := wait(t, fake, "autocomplete", callback("1002")).JSON(&ac); err != nil {
		t.Fatal(err)
	}
	if ac.Type != 8 || len(ac.Data.Choices) == 0 || len(ac.Data.Choices) > 25 {
		t.Errorf("autocomplete %+v", ac)
	}

	// A follow-up button answers that question.
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("1003", 3, map[string]any{"custom_id": "ask:fy24-earnings", "component_type": 2})); err != nil {
		t.Fatal(err)
	}
	var btn wireReply
	if err := wait(t, fake, "button", callback("1003")).JSON(&btn); err != nil {
		t.Fatal(err)
	}
	if btn.Type != 4 || len(btn.Data.Embeds) != 1 || !strings.Contains(btn.Data.Embeds[0].Description, "$263 million") {
		t.Errorf("button reply %+v", btn)
	}

	// A guild message without a mention gets nothing; a DM gets a reply that
	// references it; a mention in a guild is answered with the mention stripped.
	msg := func(id, channel, guild, content string, mentions []any) map[string]any {
		m := map[string]any{"id": id, "channel_id": channel, "content": content, "type": 0,
			"author": map[string]any{"id": "500", "username": "asker"}, "mentions": mentions, "timestamp": "2026-11-23T00:00:00Z"}
		if guild != "" {
			m["guild_id"] = guild
		}
		return m
	}
	if err := fake.Dispatch("MESSAGE_CREATE", msg("2001", "301", "400", "how much did call centers earn in FY25?", []any{})); err != nil {
		t.Fatal(err)
	}
	if err := fake.Dispatch("MESSAGE_CREATE", msg("2002", "302", "", "dabba scam kya hai", []any{})); err != nil {
		t.Fatal(err)
	}
	dm := wait(t, fake, "DM reply", func(r fakediscord.Request) bool { return r.Method == "POST" && r.Path == "/channels/302/messages" })
	var dmBody struct {
		Embeds []struct{ Description string }
		Ref    struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
		AllowedMentions *struct{ Parse []string } `json:"allowed_mentions"`
	}
	if err := dm.JSON(&dmBody); err != nil {
		t.Fatal(err)
	}
	if dmBody.Ref.MessageID != "2002" || len(dmBody.Embeds) != 1 || !strings.Contains(dmBody.Embeds[0].Description, "Dabba") ||
		dmBody.AllowedMentions == nil || dmBody.AllowedMentions.Parse == nil {
		t.Errorf("DM reply %s", dm.Body)
	}
	if err := fake.Dispatch("MESSAGE_CREATE", msg("2003", "303", "400", "<@100000000000000001> who is adeel azhar", []any{map[string]any{"id": "100000000000000001", "username": "bpobot", "bot": true}})); err != nil {
		t.Fatal(err)
	}
	mention := wait(t, fake, "mention reply", func(r fakediscord.Request) bool { return r.Method == "POST" && r.Path == "/channels/303/messages" })
	if !strings.Contains(string(mention.Body), "Call Centers Association of Pakistan") {
		t.Errorf("mention reply %s", mention.Body)
	}
	for _, r := range fake.Requests() {
		if r.Path == "/channels/301/messages" {
			t.Errorf("answered a guild message that did not mention the bot: %s", r.Body)
		}
	}
	// The bot's own messages are ignored.
	own := msg("2004", "304", "", "why pakistan", []any{})
	own["author"] = map[string]any{"id": "100000000000000001", "username": "bpobot", "bot": true}
	if err := fake.Dispatch("MESSAGE_CREATE", own); err != nil {
		t.Fatal(err)
	}

	// After a dropped connection the bot reconnects and answers again.
	before := fake.Connections()
	fake.DropConnection()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for fake.Connections() == before {
		if ctx.Err() != nil {
			t.Fatal("no reconnect after the connection dropped")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	if w := ask("1004", "why outsource to pakistan"); len(w.Data.Embeds) != 1 {
		t.Errorf("after reconnect: %+v", w)
	}
	// A question in Urdu script is answered in Urdu through the real
	// client, the figures exact and the lines marked right to left.
	if w := ask("1005", "کال سینٹرز نے کتنا کمایا؟"); len(w.Data.Embeds) != 1 ||
		!strings.Contains(w.Data.Embeds[0].Description, "\u200f• اسٹیٹ بینک آف پاکستان (SBP) کے مطابق، FY25 میں") ||
		!strings.Contains(w.Data.Embeds[0].Description, "$328 ملین") {
		t.Errorf("Urdu reply: %+v", w.Data)
	}
	for _, r := range fake.Requests() {
		if r.Path == "/channels/304/messages" {
			t.Error("the bot answered its own message")
		}
	}

	// A fatal close code ends run with a clear error.
	fake.CloseWith(4014, "Disallowed intent(s).")
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(logs.String(), "bpobot: Discord closed the gateway with code 4014: disallowed intents") {
			t.Errorf("run ended with %v; output:\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("run did not end after close code 4014")
	}
	if l := logs.String(); strings.Contains(l, fakeToken) {
		t.Errorf("the token appears in the logs")
	} else if !strings.Contains(l, "surface=slash") || !strings.Contains(l, "surface=dm") || !strings.Contains(l, "surface=mention") || !strings.Contains(l, "surface=button") {
		t.Errorf("question log lines missing:\n%s", l)
	}
}

func TestRunRejectedToken(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: "the-right-token"})
	_, done, logs := startBot(t, fake, map[string]string{"DISCORD_TOKEN": "a-wrong-token"})
	select {
	case err := <-done:
		if err == nil || !strings.Contains(logs.String(), "bpobot: Discord rejected the bot token") {
			t.Errorf("run ended with %v; output:\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not end")
	}
	if strings.Contains(logs.String(), "a-wrong-token") {
		t.Error("the token appears in the logs")
	}
}

func TestRunNoToken(t *testing.T) {
	err := run(context.Background(), []string{"run"}, stdio{strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}}, func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN is not set") {
		t.Errorf("run = %v", err)
	}
}

func TestGracefulShutdown(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	cmd, done, logs := startBot(t, fake, map[string]string{"DISCORD_GUILD_ID": "777"})
	wait(t, fake, "guild command registration", func(r fakediscord.Request) bool {
		return r.Method == "PUT" && r.Path == "/applications/100000000000000001/guilds/777/commands"
	})
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), "bpobot is online"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("never online:\n%s", logs.String())
		}
	}
	// SIGINT, as Ctrl-C or a process manager sends.
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("bpobot exited with %v after SIGINT", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop")
	}
	if !strings.Contains(logs.String(), "shut down cleanly") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// TestShardedProcess runs one shard of two, as a process per shard would,
// and checks the IDENTIFY carries the shard and that it still answers.
func TestShardedProcess(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	_, _, logs := startBot(t, fake, map[string]string{"SHARD_ID": "1", "SHARD_COUNT": "2", "METRICS_ADDR": "127.0.0.1:0"})
	wait(t, fake, "command registration", func(r fakediscord.Request) bool { return r.Method == "PUT" })
	id, ok := fake.Identify()
	if !ok || !strings.Contains(strings.ReplaceAll(string(id), " ", ""), `"shard":[1,2]`) {
		t.Errorf("IDENTIFY %s: want shard [1,2]", id)
	}
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("3001", 2, askData("who is adeel azhar", false))); err != nil {
		t.Fatal(err)
	}
	cb := wait(t, fake, "callback", callback("3001"))
	if !strings.Contains(string(cb.Body), "Adeel Azhar") {
		t.Errorf("callback %s", cb.Body)
	}
	if !strings.Contains(logs.String(), "serving /healthz and /metrics") || !strings.Contains(logs.String(), "shard=1 of=2") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

func TestShardConfigErrors(t *testing.T) {
	for _, env := range []map[string]string{
		{"DISCORD_TOKEN": "x", "SHARD_ID": "1"},
		{"DISCORD_TOKEN": "x", "SHARD_COUNT": "2"},
		{"DISCORD_TOKEN": "x", "SHARD_COUNT": "zero", "SHARD_ID": "0"},
		{"DISCORD_TOKEN": "x", "RATE_LIMIT": "-1"},
		{"DISCORD_TOKEN": "x", "LOG_LEVEL": "loud"},
	} {
		err := run(context.Background(), []string{"run"}, stdio{strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}}, func(k string) string { return env[k] })
		if err == nil || strings.Contains(err.Error(), "x") && strings.Contains(err.Error(), "DISCORD_TOKEN=x") {
			t.Errorf("%v: err = %v", env, err)
		}
	}
}

// TestRecordingEndToEnd records questions, a pick and feedback in a real
// SQLite file through the gateway, then reports on them.
func TestRecordingEndToEnd(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	db := filepath.Join(t.TempDir(), "questions.db")
	cmd, done, logs := startBot(t, fake, map[string]string{"BPOBOT_DB": db})
	wait(t, fake, "command registration", func(r fakediscord.Request) bool { return r.Method == "PUT" })

	if err := fake.Dispatch("INTERACTION_CREATE", interaction("4001", 2, askData("how much did call centers earn in FY25?", false))); err != nil {
		t.Fatal(err)
	}
	cb := wait(t, fake, "answer", callback("4001"))
	down := customID(t, cb.Body, `fb:\d+:down:fy25-earnings`)
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("4002", 3, map[string]any{"custom_id": down, "component_type": 2})); err != nil {
		t.Fatal(err)
	}
	wait(t, fake, "feedback", callback("4002"))
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("4003", 2, askData("average call center salary", false))); err != nil {
		t.Fatal(err)
	}
	none := customID(t, wait(t, fake, "decline", callback("4003")).Body, `none:\d+`)
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("4004", 3, map[string]any{"custom_id": none, "component_type": 2})); err != nil {
		t.Fatal(err)
	}
	wait(t, fake, "none of these", callback("4004"))
	cmd.Process.Signal(os.Interrupt)
	if err := <-done; err != nil {
		t.Fatalf("bpobot exited with %v:\n%s", err, logs.String())
	}

	var out bytes.Buffer
	err := run(context.Background(), []string{"report", "--since", "1d", "--format", "json"}, stdio{strings.NewReader(""), &out, &out},
		func(k string) string { return map[string]string{"BPOBOT_DB": db}[k] })
	if err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	var rep struct {
		Total        int `json:"total_questions"`
		Answered     int `json:"answered"`
		Declined     int `json:"declined"`
		MostDisliked []struct {
			EntryID string `json:"entry_id"`
			Down    int    `json:"down"`
		} `json:"most_disliked"`
		Picks []struct {
			EntryID string `json:"entry_id"`
			Count   int    `json:"count"`
		} `json:"picks"`
		TopDeclined []struct{ Label string } `json:"top_declined"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	for format, want := range map[string]string{"text": "salary", "html": "<svg"} {
		var o bytes.Buffer
		if err := run(context.Background(), []string{"report", "--since", "1d", "--format", format}, stdio{strings.NewReader(""), &o, &o},
			func(k string) string { return map[string]string{"BPOBOT_DB": db}[k] }); err != nil || !strings.Contains(o.String(), want) {
			t.Errorf("report --format %s: %v\n%s", format, err, o.String())
		}
	}
	if rep.Total != 2 || rep.Answered != 1 || rep.Declined != 1 || len(rep.MostDisliked) != 1 || rep.MostDisliked[0].EntryID != "fy25-earnings" ||
		len(rep.Picks) != 1 || rep.Picks[0].EntryID != "none" || len(rep.TopDeclined) != 1 || !strings.Contains(rep.TopDeclined[0].Label, "salary") {
		t.Errorf("report %s", out.String())
	}
}

// customID returns the first component custom id in an interaction
// response body that matches the pattern.
func customID(t *testing.T, body []byte, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(`"custom_id":"(` + pattern + `)"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no button with a custom id like %s in %s", pattern, body)
	}
	return string(m[1])
}

// TestAutomaticShards runs the shards GET /gateway/bot recommends, one
// session each, their IDENTIFYs paced one per 5 seconds (max_concurrency 1).
func TestAutomaticShards(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for Discord's 5-second identify interval")
	}
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken, Shards: 2, MaxConcurrency: 1})
	_, _, logs := startBot(t, fake, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var first time.Time
	for fake.Connections() < 2 {
		if fake.Connections() == 1 && first.IsZero() {
			first = time.Now()
		}
		if ctx.Err() != nil {
			t.Fatalf("only %d shard connected:\n%s", fake.Connections(), logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if gap := time.Since(first); gap < 4*time.Second {
		t.Errorf("second shard identified %s after the first; want about 5s", gap)
	}
	wait(t, fake, "command registration", func(r fakediscord.Request) bool { return r.Method == "PUT" })
	if id, _ := fake.Identify(); !strings.Contains(strings.ReplaceAll(string(id), " ", ""), `"shard":[1,2]`) {
		t.Errorf("last IDENTIFY %s", id)
	}
	for !strings.Contains(logs.String(), "shard=1 of=2") || !strings.Contains(logs.String(), "shard=0 of=2") {
		if ctx.Err() != nil {
			t.Fatalf("logs:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestRunHealth: with HEALTH_ADDR, the gateway bot serves /healthz, ready
// (200) once its shards are connected and the commands registered, and
// /metrics; `bpobot health URL` says so with its exit status, and fails
// for a server that is not ready.
func TestRunHealth(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	cmd, done, logs := startBot(t, fake, map[string]string{"HEALTH_ADDR": "127.0.0.1:0"})
	wait(t, fake, "command registration", func(r fakediscord.Request) bool { return r.Method == "PUT" })
	addrRe := regexp.MustCompile(`serving /healthz and /metrics" addr=(\S+)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; time.Sleep(10 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(logs.String()); m != nil {
			base = "http://" + m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no health address in the logs:\n%s", logs.String())
		}
	}
	var out bytes.Buffer
	healthy := func() error {
		out.Reset()
		return run(context.Background(), []string{"health", base + "/healthz"}, stdio{strings.NewReader(""), &out, &out}, func(string) string { return "" })
	}
	deadline := time.Now().Add(10 * time.Second)
	for healthy() != nil {
		if time.Now().After(deadline) {
			t.Fatalf("never healthy: %s\n%s", out.String(), logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	res, err := http.Get(base + "/metrics")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("metrics: %v %v", res, err)
	}
	res.Body.Close()
	cmd.Process.Signal(os.Interrupt)
	if err := <-done; err != nil {
		t.Fatalf("bpobot exited with %v:\n%s", err, logs.String())
	}
	if err := healthy(); err == nil {
		t.Error("bpobot health succeeded against a stopped bot")
	}
}

// TestDiscordNative covers, through the gateway of the fake Discord, the
// "Ask bpobot" message command (private, with a clear reply for a message
// without text), /ask's private option, and numbered suggestions.
func TestDiscordNative(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	_, _, logs := startBot(t, fake, map[string]string{"BPOBOT_DB": "off"})
	put := wait(t, fake, "command registration", func(r fakediscord.Request) bool { return r.Method == "PUT" })
	if !strings.Contains(string(put.Body), `"name":"Ask bpobot"`) || !strings.Contains(string(put.Body), `"name":"private"`) {
		t.Errorf("registered commands lack the message command or the private option: %s", put.Body)
	}
	type reply struct {
		Type int `json:"type"`
		Data struct {
			Content    string            `json:"content"`
			Flags      int               `json:"flags"`
			Embeds     []json.RawMessage `json:"embeds"`
			Components []struct {
				Components []struct {
					Label string `json:"label"`
				} `json:"components"`
			} `json:"components"`
		} `json:"data"`
	}
	get := func(id string) reply {
		t.Helper()
		var r reply
		cb := wait(t, fake, "callback "+id, callback(id))
		if err := json.Unmarshal(cb.Body, &r); err != nil {
			t.Fatalf("%v: %s", err, cb.Body)
		}
		return r
	}
	messageCommand := func(id string, msg map[string]any) {
		data := map[string]any{"id": "2", "name": "Ask bpobot", "type": 3, "target_id": "900",
			"resolved": map[string]any{"messages": map[string]any{"900": msg}}}
		if err := fake.Dispatch("INTERACTION_CREATE", interaction(id, 2, data)); err != nil {
			t.Fatal(err)
		}
	}
	author := map[string]any{"id": "501", "username": "someone"}
	messageCommand("7001", map[string]any{"id": "900", "channel_id": "300", "author": author,
		"content": "does anyone know how much call centers earned in FY25?"})
	if r := get("7001"); r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 1 || !strings.Contains(string(r.Data.Embeds[0]), "$328 million") {
		t.Errorf("Ask bpobot: %+v; want a private answer\n%s", r, logs.String())
	}
	messageCommand("7002", map[string]any{"id": "900", "channel_id": "300", "author": author, "content": "",
		"embeds": []any{map[string]any{"title": "a link preview"}}})
	if r := get("7002"); r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "no text I can read") {
		t.Errorf("Ask bpobot on an embed-only message: %+v", r)
	}

	ask := askData("how much did call centers earn in FY25?", false)
	ask["options"] = append(ask["options"].([]any), map[string]any{"name": "private", "type": 5, "value": true})
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("7003", 2, ask)); err != nil {
		t.Fatal(err)
	}
	if r := get("7003"); r.Data.Flags&64 == 0 || len(r.Data.Embeds) != 1 {
		t.Errorf("/ask private: %+v", r)
	}
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("7004", 2, askData("how much did call centers earn in FY25?", false))); err != nil {
		t.Fatal(err)
	}
	if r := get("7004"); r.Data.Flags&64 != 0 {
		t.Errorf("/ask without private was private: %+v", r)
	}
	if err := fake.Dispatch("INTERACTION_CREATE", interaction("7005", 2, askData("average call center salary", false))); err != nil {
		t.Fatal(err)
	}
	r := get("7005")
	if r.Data.Flags&64 == 0 || !strings.Contains(r.Data.Content, "You could ask:") || len(r.Data.Components) == 0 ||
		!strings.HasPrefix(r.Data.Components[0].Components[0].Label, "1. ") || !strings.HasPrefix(r.Data.Components[0].Components[1].Label, "2. ") {
		t.Errorf("decline: %+v; want a private reply with numbered suggestions", r)
	}
}

// TestServeRegister: serve --register registers the commands over REST
// before it serves, with no gateway.
func TestServeRegister(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	logs := &syncBuffer{}
	env := map[string]string{
		"DISCORD_PUBLIC_KEY": "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c",
		"DISCORD_TOKEN":      fakeToken, "DISCORD_API_URL": fake.APIURL(), "BPOBOT_DB": "off",
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--register", "--addr", "127.0.0.1:0"}, stdio{strings.NewReader(""), io.Discard, logs}, func(k string) string { return env[k] })
	}()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), "serving Discord interactions"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", logs.String())
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "registered 5 commands") || fake.Connections() != 0 {
		t.Errorf("serve --register: %d gateway connections, logs:\n%s", fake.Connections(), logs.String())
	}
	env["DISCORD_TOKEN"] = "wrong"
	err := run(context.Background(), []string{"serve", "--register", "--addr", "127.0.0.1:0"}, stdio{strings.NewReader(""), io.Discard, io.Discard}, func(k string) string { return env[k] })
	if err == nil || !strings.Contains(err.Error(), "--register") || !strings.Contains(err.Error(), "rejected the bot token") {
		t.Errorf("serve --register with a wrong token: %v", err)
	}
}
