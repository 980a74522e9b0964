package discord

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestStalledGateway: a gateway that accepts the connection but never says
// HELLO must not hang Run (discordgo's Open waits for it forever, holding
// the session's lock); Run gives up after ConnectTimeout and returns.
func TestStalledGateway(t *testing.T) {
	up := websocket.Upgrader{}
	stop := make(chan struct{})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/users/@me"):
			io.WriteString(w, `{"id":"1","username":"bpobot","bot":true}`)
		case strings.HasSuffix(r.URL.Path, "/gateway/bot"):
			io.WriteString(w, `{"url":"ws`+strings.TrimPrefix(srv.URL, "http")+`/ws","shards":1,"session_start_limit":{"max_concurrency":1}}`)
		case strings.HasSuffix(r.URL.Path, "/gateway"):
			io.WriteString(w, `{"url":"ws`+strings.TrimPrefix(srv.URL, "http")+`/ws"}`)
		case strings.HasPrefix(r.URL.Path, "/ws"):
			c, err := up.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			<-stop // say nothing
			c.Close()
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(stop)

	b := NewGateway(Config{Token: "t", APIURL: srv.URL + "/api/v9/", ConnectTimeout: time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, testBot(t))
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- b.Run(context.Background()) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "no answer within 1s") {
			t.Errorf("Run = %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Run took %s to give up", d)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("Run hung on a gateway that never says HELLO")
	}
}
