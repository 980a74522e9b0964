package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/bpobot/bpobot/internal/fakediscord"
)

// TestRegister registers the commands against the fake Discord over REST
// alone (no gateway), prints them, is idempotent, and explains a wrong
// token or application id.
func TestRegister(t *testing.T) {
	fake := fakediscord.New(t, fakediscord.Options{Token: fakeToken})
	reg := func(env map[string]string, args ...string) (string, error) {
		var out bytes.Buffer
		base := map[string]string{"DISCORD_TOKEN": fakeToken, "DISCORD_API_URL": fake.APIURL()}
		for k, v := range env {
			base[k] = v
		}
		err := run(context.Background(), append([]string{"register"}, args...), stdio{strings.NewReader(""), &out, &out}, func(k string) string { return base[k] })
		return out.String(), err
	}
	out, err := reg(nil)
	if err != nil {
		t.Fatalf("register: %v\n%s", err, out)
	}
	for _, want := range []string{"registered 5 commands for application 100000000000000001 globally", "/ask question private", "/topics", "/help", "Ask bpobot", "message command"} {
		if !strings.Contains(out, want) {
			t.Errorf("register printed no %q:\n%s", want, out)
		}
	}
	if fake.Connections() != 0 {
		t.Error("register connected to the gateway")
	}
	// Again: the same commands, not more.
	if _, err := reg(nil); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", fake.APIURL()+"applications/100000000000000001/commands", nil)
	req.Header.Set("Authorization", "Bot "+fakeToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var cmds []struct{ Name string }
	if err := json.Unmarshal(body, &cmds); err != nil || len(cmds) != 5 {
		t.Errorf("after registering twice, Discord has %d commands (%v): %s", len(cmds), err, body)
	}

	if out, err := reg(nil, "--guild", "400"); err != nil || !strings.Contains(out, "in server 400") {
		t.Errorf("register --guild: %v\n%s", err, out)
	}
	if _, err := reg(map[string]string{"DISCORD_TOKEN": "wrong"}); err == nil || !strings.Contains(err.Error(), "rejected the bot token") || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("wrong token: %v", err)
	}
	if _, err := reg(map[string]string{"DISCORD_APP_ID": "999"}); err == nil || !strings.Contains(err.Error(), "check DISCORD_APP_ID") {
		t.Errorf("wrong application id: %v", err)
	}
	if _, err := reg(map[string]string{"DISCORD_TOKEN": "-"}, "extra"); err == nil {
		t.Error("register with an argument succeeded")
	}
}
