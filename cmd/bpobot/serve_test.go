package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeLifecycle starts `bpobot serve` in-process on a loopback port,
// checks /healthz and that unsigned interactions are refused, then stops it
// as SIGTERM would and checks it shuts down cleanly.
func TestServeLifecycle(t *testing.T) {
	logs := &syncBuffer{}
	env := map[string]string{
		"DISCORD_PUBLIC_KEY": "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c",
		"BPOBOT_DB":          "off",
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, stdio{strings.NewReader(""), io.Discard, logs}, func(k string) string { return env[k] })
	}()
	addrRe := regexp.MustCompile(`serving Discord interactions" addr=(\S+)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(logs.String()); m != nil {
			base = "http://" + m[1]
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", logs.String())
		}
	}
	res, err := http.Get(base + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", res, err)
	}
	res.Body.Close()
	res, err = http.Post(base+"/interactions", "application/json", strings.NewReader(`{"type":1}`))
	if err != nil || res.StatusCode != 401 {
		t.Fatalf("unsigned PING: %v %v", res, err)
	}
	res.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if l := logs.String(); !strings.Contains(l, "shut down cleanly") || !strings.Contains(l, "HTTP server stopped") {
		t.Errorf("logs:\n%s", l)
	}
}
