package fakediscord_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bpobot/bpobot/internal/fakediscord"
)

// call makes a raw REST request and returns the status and body.
func call(t *testing.T, f *fakediscord.Server, method, path, auth, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, strings.TrimSuffix(f.APIURL(), "/")+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const bot = "Bot " + token

func errorCode(t *testing.T, body string) int {
	t.Helper()
	var e struct {
		Code int `json:"code"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	return e.Code
}

func TestRESTAuthAndRouting(t *testing.T) {
	f := newFake(t)
	if !strings.HasPrefix(f.APIURL(), "http://127.0.0.1:") || !strings.HasSuffix(f.APIURL(), "/api/v9/") ||
		!strings.HasPrefix(f.GatewayURL(), "ws://127.0.0.1:") || !strings.HasSuffix(f.GatewayURL(), "/gateway") {
		t.Fatalf("URLs %s %s", f.APIURL(), f.GatewayURL())
	}
	for _, auth := range []string{"", token, "Bot wrong"} {
		if code, body := call(t, f, "GET", "/users/@me", auth, ""); code != 401 || body != `{"message":"401: Unauthorized","code":0}` {
			t.Fatalf("auth %q: %d %s", auth, code, body)
		}
	}
	code, body := call(t, f, "GET", "/gateway", "", "")
	if code != 200 || body != `{"url":"`+f.GatewayURL()+`"}` {
		t.Fatalf("GET /gateway: %d %s", code, body)
	}
	code, body = call(t, f, "GET", "/gateway/bot", bot, "")
	if code != 200 || !strings.Contains(body, `"shards":1`) || !strings.Contains(body, `"max_concurrency":1`) {
		t.Fatalf("GET /gateway/bot: %d %s", code, body)
	}
	if code, body := call(t, f, "GET", "/users/@me", bot, ""); code != 200 || !strings.Contains(body, `"id":"`+appID+`"`) {
		t.Fatalf("GET /users/@me: %d %s", code, body)
	}
	if code, body := call(t, f, "GET", "/guilds/1", bot, ""); code != 404 || body != `{"message":"404: Not Found","code":0}` {
		t.Fatalf("unknown route: %d %s", code, body)
	}
	if code, _ := call(t, f, "DELETE", "/users/@me", bot, ""); code != 405 {
		t.Fatalf("wrong method: %d", code)
	}
	resp, err := http.Get(strings.TrimSuffix(f.APIURL(), "api/v9/") + "elsewhere?x=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Fatalf("outside the API: %d", resp.StatusCode)
	}

	reqs := f.Requests()
	var paths []string
	for _, r := range reqs {
		paths = append(paths, r.Method+" "+r.Path)
	}
	want := "GET /users/@me,GET /users/@me,GET /users/@me,GET /gateway,GET /gateway/bot,GET /users/@me,GET /guilds/1,DELETE /users/@me,GET /elsewhere"
	if strings.Join(paths, ",") != want {
		t.Fatalf("recorded %v", paths)
	}
	if reqs[len(reqs)-1].Query.Get("x") != "1" || reqs[5].Header.Get("Authorization") != bot {
		t.Fatalf("recorded %+v", reqs[len(reqs)-1])
	}
	// Requests returns copies.
	reqs[0].Header.Set("Authorization", "changed")
	if f.Requests()[0].Header.Get("Authorization") != "" {
		t.Fatal("Requests() shares memory with the recorder")
	}
}

func TestRESTWaitRequest(t *testing.T) {
	f := newFake(t)
	ctx := ctx10s(t)
	done := make(chan fakediscord.Request, 1)
	go func() {
		r, err := f.WaitRequest(ctx, func(r fakediscord.Request) bool { return r.Path == "/channels/9/typing" })
		if err != nil {
			t.Error(err)
		}
		done <- r
	}()
	time.Sleep(20 * time.Millisecond)
	call(t, f, "GET", "/users/@me", bot, "")
	call(t, f, "POST", "/channels/9/typing", bot, "")
	if r := recv(t, done, "WaitRequest"); r.Method != "POST" {
		t.Fatalf("got %+v", r)
	}
	// Already received requests match too.
	if r, err := f.WaitRequest(ctx, func(r fakediscord.Request) bool { return r.Method == "GET" }); err != nil || r.Path != "/users/@me" {
		t.Fatalf("WaitRequest = %+v, %v", r, err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := f.WaitRequest(short, func(fakediscord.Request) bool { return false }); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitRequest without a match = %v", err)
	}
}

func TestRESTInteractions(t *testing.T) {
	f := newFake(t)
	connectReady(t, f)
	cb := `{"type":4,"data":{"content":"hi"}}`
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", bot, cb); code != 404 || errorCode(t, body) != 10062 {
		t.Fatalf("unknown interaction: %d %s", code, body)
	}
	if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("1", "tok")); err != nil {
		t.Fatal(err)
	}
	if code, body := call(t, f, "POST", "/webhooks/"+appID+"/tok", bot, `{"content":"early"}`); code != 404 || errorCode(t, body) != 10015 {
		t.Fatalf("followup before the response: %d %s", code, body)
	}
	if code, body := call(t, f, "POST", "/interactions/1/wrong/callback", bot, cb); code != 404 || errorCode(t, body) != 10062 {
		t.Fatalf("wrong token: %d %s", code, body)
	}
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", "Bot wrong", cb); code != 401 {
		t.Fatalf("wrong Authorization: %d %s", code, body)
	}
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", bot, `{"type":8,"data":{"choices":[]}}`); code != 400 || errorCode(t, body) != 50035 {
		t.Fatalf("autocomplete result for a command: %d %s", code, body)
	}
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", bot, `{"type":4,"data":{"content":""}}`); code != 400 || errorCode(t, body) != 50006 {
		t.Fatalf("empty response: %d %s", code, body)
	}
	// No Authorization header is fine: the interaction token authenticates.
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", "", cb); code != 204 || body != "" {
		t.Fatalf("callback: %d %s", code, body)
	}
	if code, body := call(t, f, "POST", "/interactions/1/tok/callback", bot, cb); code != 400 || errorCode(t, body) != 40060 {
		t.Fatalf("second callback: %d %s", code, body)
	}
	code, body := call(t, f, "GET", "/webhooks/"+appID+"/tok/messages/@original", "", "")
	if code != 200 || !strings.Contains(body, `"content":"hi"`) || !strings.Contains(body, `"channel_id":"300"`) {
		t.Fatalf("@original: %d %s", code, body)
	}
	code, body = call(t, f, "POST", "/webhooks/"+appID+"/tok", bot, `{"content":"followup"}`)
	if code != 204 {
		t.Fatalf("followup without wait: %d %s", code, body)
	}
	code, body = call(t, f, "POST", "/webhooks/"+appID+"/tok?wait=true", bot, `{"content":"followup 2","flags":64}`)
	var fu struct {
		ID    string `json:"id"`
		Flags int    `json:"flags"`
	}
	if json.Unmarshal([]byte(body), &fu); code != 200 || fu.ID == "" || fu.Flags != 64 {
		t.Fatalf("followup: %d %s", code, body)
	}
	code, body = call(t, f, "PATCH", "/webhooks/"+appID+"/tok/messages/"+fu.ID, bot, `{"content":"edited"}`)
	if code != 200 || !strings.Contains(body, `"content":"edited"`) || strings.Contains(body, `"edited_timestamp":null`) {
		t.Fatalf("edit followup: %d %s", code, body)
	}
	if code, _ := call(t, f, "DELETE", "/webhooks/"+appID+"/tok/messages/"+fu.ID, bot, ""); code != 204 {
		t.Fatalf("delete followup: %d", code)
	}
	if code, body := call(t, f, "GET", "/webhooks/"+appID+"/tok/messages/"+fu.ID, bot, ""); code != 404 || errorCode(t, body) != 10008 {
		t.Fatalf("deleted followup: %d %s", code, body)
	}

	// ?with_response=true answers with the callback response object.
	if err := f.Dispatch("INTERACTION_CREATE", interactionPayload("2", "tok2")); err != nil {
		t.Fatal(err)
	}
	code, body = call(t, f, "POST", "/interactions/2/tok2/callback?with_response=true", bot, `{"type":5,"data":{"flags":64}}`)
	if code != 200 || !strings.Contains(body, `"response_message_loading":true`) || !strings.Contains(body, `"response_message_ephemeral":true`) {
		t.Fatalf("with_response: %d %s", code, body)
	}
}

func TestRESTValidation(t *testing.T) {
	f := newFake(t)
	long := strings.Repeat("x", 2001)
	embed := func(desc int) string { return `{"description":"` + strings.Repeat("d", desc) + `"}` }
	button := `{"type":2,"style":1,"label":"b","custom_id":"c"}`
	row := `{"type":1,"components":[` + button + `]}`
	cases := []struct {
		name, body string
		code       int
	}{
		{"ok", `{"content":"fine"}`, 0},
		{"empty", `{"content":""}`, 50006},
		{"long content", `{"content":"` + long + `"}`, 50035},
		{"2000 runes", `{"content":"` + strings.Repeat("é", 2000) + `"}`, 0},
		{"11 embeds", `{"embeds":[` + strings.TrimSuffix(strings.Repeat(embed(1)+",", 11), ",") + `]}`, 50035},
		{"embed description", `{"embeds":[` + embed(4097) + `]}`, 50035},
		{"embeds over 6000", `{"embeds":[` + embed(4000) + `,` + embed(2001) + `]}`, 50035},
		{"6 rows", `{"components":[` + strings.TrimSuffix(strings.Repeat(row+",", 6), ",") + `]}`, 50035},
		{"button without custom_id", `{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"b"}]}]}`, 50035},
		{"components only", `{"components":[` + row + `]}`, 0},
		{"not JSON", `{`, 50109},
	}
	for _, c := range cases {
		code, body := call(t, f, "POST", "/channels/5/messages", bot, c.body)
		if c.code == 0 {
			if code != 200 {
				t.Errorf("%s: %d %s", c.name, code, body)
			}
			continue
		}
		if code != 400 || errorCode(t, body) != c.code {
			t.Errorf("%s: %d %s, want 400 code %d", c.name, code, body, c.code)
		}
	}
	code, body := call(t, f, "POST", "/channels/5/messages", bot, `{"content":"`+long+`"}`)
	if code != 400 || !strings.Contains(body, `"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH"`) {
		t.Fatalf("error body: %s", body)
	}

	cmd := func(extra string) string {
		return `[{"name":"ask","description":"Ask"` + extra + `}]`
	}
	opt := func(fields string) string {
		return `,"options":[{"type":3,"name":"q","description":"Q"` + fields + `}]`
	}
	cmdCases := []struct {
		name, body string
		ok         bool
	}{
		{"ok", cmd(opt(`,"required":true,"max_length":6000`)), true},
		{"upper-case name", `[{"name":"Ask","description":"Ask"}]`, false},
		{"no description", `[{"name":"ask"}]`, false},
		{"user command", `[{"name":"Look Up","type":2}]`, true},
		{"max_length", cmd(opt(`,"max_length":6001`)), false},
		{"autocomplete with choices", cmd(opt(`,"autocomplete":true,"choices":[{"name":"a","value":"a"}]`)), false},
		{"required after optional", cmd(`,"options":[{"type":3,"name":"a","description":"A"},{"type":3,"name":"b","description":"B","required":true}]`), false},
		{"duplicate", `[{"name":"ask","description":"a"},{"name":"ask","description":"b"}]`, false},
		{"not an array", `{}`, false},
	}
	for _, c := range cmdCases {
		code, body := call(t, f, "PUT", "/applications/"+appID+"/commands", bot, c.body)
		if c.ok != (code == 200) || (!c.ok && errorCode(t, body) != 50035) {
			t.Errorf("%s: %d %s", c.name, code, body)
		}
	}
	if code, body := call(t, f, "PUT", "/applications/999/commands", bot, `[]`); code != 403 || errorCode(t, body) != 50001 {
		t.Fatalf("other application: %d %s", code, body)
	}
	code, body = call(t, f, "GET", "/applications/"+appID+"/commands", bot, "")
	if code != 200 || !strings.Contains(body, `"name":"Look Up"`) {
		t.Fatalf("GET commands: %d %s", code, body)
	}
}
