package fakediscord_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/bpobot/bpobot/internal/fakediscord"
)

// Raw protocol tests: a bare gorilla/websocket client speaks to the fake.

func newFake(t *testing.T) *fakediscord.Server {
	return fakediscord.New(t, fakediscord.Options{Token: token, HeartbeatInterval: 50 * time.Millisecond})
}

func dial(t *testing.T, f *fakediscord.Server, query string) *websocket.Conn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(f.GatewayURL()+query, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

type payload struct {
	Op int             `json:"op"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
	D  json.RawMessage `json:"d"`
}

// read reads one payload, inflating zlib binary frames; binary reports
// whether the frame was one.
func read(t *testing.T, ws *websocket.Conn) (p payload, binary bool) {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	mt, msg, err := ws.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if mt == websocket.BinaryMessage {
		zr, err := zlib.NewReader(bytes.NewReader(msg))
		if err != nil {
			t.Fatal(err)
		}
		if msg, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	if err := json.Unmarshal(msg, &p); err != nil {
		t.Fatalf("payload %q: %v", msg, err)
	}
	return p, mt == websocket.BinaryMessage
}

func send(t *testing.T, ws *websocket.Conn, v any) {
	t.Helper()
	if err := ws.WriteJSON(v); err != nil {
		t.Fatalf("write: %v", err)
	}
}

func expectClose(t *testing.T, ws *websocket.Conn, code int) {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, msg, err := ws.ReadMessage()
		if err == nil {
			t.Logf("ignoring %s before the close", msg)
			continue
		}
		var ce *websocket.CloseError
		if !errors.As(err, &ce) || ce.Code != code {
			t.Fatalf("got %v, want close %d", err, code)
		}
		return
	}
}

func identify(token string, intents int, compress bool) map[string]any {
	return map[string]any{"op": 2, "d": map[string]any{
		"token": token, "intents": intents, "compress": compress,
		"properties": map[string]any{"os": "linux", "browser": "test", "device": "test"},
	}}
}

func resume(session string, seq int64) map[string]any {
	return map[string]any{"op": 6, "d": map[string]any{"token": "Bot " + token, "session_id": session, "seq": seq}}
}

func typ(p payload) string {
	if p.T == nil {
		return ""
	}
	return *p.T
}

func seq(p payload) int64 {
	if p.S == nil {
		return -1
	}
	return *p.S
}

// connectReady dials, reads HELLO, identifies and returns the READY data.
func connectReady(t *testing.T, f *fakediscord.Server) (*websocket.Conn, map[string]any) {
	t.Helper()
	ws := dial(t, f, "/?v=9&encoding=json")
	if p, _ := read(t, ws); p.Op != 10 {
		t.Fatalf("first payload op %d, want HELLO", p.Op)
	}
	send(t, ws, identify("Bot "+token, 1<<0|1<<9|1<<12, false))
	p, _ := read(t, ws)
	if p.Op != 0 || typ(p) != "READY" || seq(p) != 1 {
		t.Fatalf("got %+v, want READY s=1", p)
	}
	var d map[string]any
	json.Unmarshal(p.D, &d)
	return ws, d
}

func TestGatewayHandshake(t *testing.T) {
	f := newFake(t)
	ws := dial(t, f, "")
	hello, _ := read(t, ws)
	var hd struct {
		HeartbeatInterval int `json:"heartbeat_interval"`
	}
	if err := json.Unmarshal(hello.D, &hd); hello.Op != 10 || err != nil || hd.HeartbeatInterval != 50 {
		t.Fatalf("HELLO = %+v %s", hello, hello.D)
	}
	send(t, ws, map[string]any{"op": 1, "d": nil})
	if p, _ := read(t, ws); p.Op != 11 {
		t.Fatalf("heartbeat answered with %+v", p)
	}
	send(t, ws, identify(token, 513, false)) // the bare token is accepted too
	ready, binary := read(t, ws)
	if binary || typ(ready) != "READY" || seq(ready) != 1 {
		t.Fatalf("READY = %+v (binary %v)", ready, binary)
	}
	var rd struct {
		V                int    `json:"v"`
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
		User             struct {
			ID, Username, Discriminator string
			Bot                         bool
		} `json:"user"`
		Application struct {
			ID    string `json:"id"`
			Flags int    `json:"flags"`
		} `json:"application"`
		Guilds []any `json:"guilds"`
	}
	if err := json.Unmarshal(ready.D, &rd); err != nil {
		t.Fatal(err)
	}
	if rd.V != 10 || !strings.HasPrefix(rd.SessionID, "fake-session-") || rd.ResumeGatewayURL != f.GatewayURL() ||
		rd.User.ID != appID || rd.User.Username != "bpobot" || !rd.User.Bot || rd.User.Discriminator != "0" ||
		rd.Application.ID != appID || rd.Guilds == nil || len(rd.Guilds) != 0 {
		t.Fatalf("READY d = %s", ready.D)
	}
	if err := f.WaitReady(ctx10s(t)); err != nil {
		t.Fatal(err)
	}
	if d, ok := f.Identify(); !ok || !strings.Contains(string(d), `"intents":513`) {
		t.Fatalf("Identify() = %s, %v", d, ok)
	}

	// Presence updates are accepted and ignored.
	send(t, ws, map[string]any{"op": 3, "d": map[string]any{"since": nil, "activities": []any{}, "status": "online", "afk": false}})
	if err := f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "1", "content": "x"}); err != nil {
		t.Fatal(err)
	}
	p, _ := read(t, ws)
	if typ(p) != "MESSAGE_CREATE" || seq(p) != 2 || !strings.Contains(string(p.D), `"content":"x"`) {
		t.Fatalf("dispatch = %+v %s", p, p.D)
	}
	if err := f.Dispatch("TYPING_START", json.RawMessage(`{"channel_id":"3"}`)); err != nil {
		t.Fatal(err)
	}
	if p, _ := read(t, ws); typ(p) != "TYPING_START" || seq(p) != 3 || string(p.D) != `{"channel_id":"3"}` {
		t.Fatalf("raw dispatch = %+v %s", p, p.D)
	}
	// A second IDENTIFY on the connection is refused.
	send(t, ws, identify(token, 513, false))
	expectClose(t, ws, 4005)
	if f.Connections() != 1 {
		t.Fatalf("Connections() = %d", f.Connections())
	}
}

func TestGatewayCompressedReady(t *testing.T) {
	f := newFake(t)
	ws := dial(t, f, "/?v=9&encoding=json")
	read(t, ws)
	send(t, ws, identify("Bot "+token, 1, true))
	p, binary := read(t, ws)
	if !binary || typ(p) != "READY" {
		t.Fatalf("READY = %+v, binary %v; want a zlib binary frame", p, binary)
	}
	send(t, ws, map[string]any{"op": 1, "d": 1})
	if p, binary := read(t, ws); binary || p.Op != 11 {
		t.Fatalf("ack = %+v binary %v", p, binary)
	}
}

func TestGatewayResume(t *testing.T) {
	f := newFake(t)
	ws, rd := connectReady(t, f)
	session := rd["session_id"].(string)
	for _, id := range []string{"a", "b"} {
		if err := f.Dispatch("MESSAGE_CREATE", map[string]any{"id": id}); err != nil {
			t.Fatal(err)
		}
	}
	read(t, ws) // s=2; pretend s=3 was lost
	f.DropConnection()
	if err := f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "c"}); err == nil {
		t.Fatal("Dispatch after DropConnection succeeded")
	}
	short, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := f.WaitReady(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitReady after drop = %v", err)
	}
	for { // frames already received may still be read, then the connection fails
		ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, _, err := ws.ReadMessage()
		var ne interface{ Timeout() bool }
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatal("dropped connection still open")
		}
		if err != nil {
			break
		}
	}

	ws2 := dial(t, f, "/?v=9&encoding=json")
	read(t, ws2)
	send(t, ws2, resume(session, 2))
	if p, _ := read(t, ws2); typ(p) != "MESSAGE_CREATE" || seq(p) != 3 || !strings.Contains(string(p.D), `"b"`) {
		t.Fatalf("replay = %+v %s", p, p.D)
	}
	if p, _ := read(t, ws2); typ(p) != "RESUMED" || seq(p) != 4 {
		t.Fatalf("got %+v, want RESUMED s=4", p)
	}
	if err := f.WaitReady(ctx10s(t)); err != nil {
		t.Fatal(err)
	}
	if err := f.Dispatch("MESSAGE_CREATE", map[string]any{"id": "d"}); err != nil {
		t.Fatal(err)
	}
	if p, _ := read(t, ws2); seq(p) != 5 {
		t.Fatalf("after resume got %+v", p)
	}

	// Unknown session: INVALID_SESSION, then IDENTIFY works on the same
	// connection and starts a new session.
	ws3 := dial(t, f, "")
	read(t, ws3)
	send(t, ws3, resume("nope", 1))
	p, _ := read(t, ws3)
	if p.Op != 9 || string(p.D) != "false" {
		t.Fatalf("got %+v %s, want INVALID_SESSION false", p, p.D)
	}
	send(t, ws3, identify("Bot "+token, 1, false))
	p, _ = read(t, ws3)
	var nd struct {
		SessionID string `json:"session_id"`
	}
	json.Unmarshal(p.D, &nd)
	if typ(p) != "READY" || nd.SessionID == session {
		t.Fatalf("got %+v %s", p, p.D)
	}
	// The old session ended with the new IDENTIFY.
	ws4 := dial(t, f, "")
	read(t, ws4)
	send(t, ws4, resume(session, 5))
	if p, _ := read(t, ws4); p.Op != 9 {
		t.Fatalf("resume of a replaced session: %+v", p)
	}
	if n := f.Connections(); n != 4 {
		t.Fatalf("Connections() = %d, want 4", n)
	}
}

func TestGatewayResumeErrors(t *testing.T) {
	f := newFake(t)
	ws, rd := connectReady(t, f)
	session := rd["session_id"].(string)

	// A sequence number the session never reached: 4007.
	ws2 := dial(t, f, "")
	read(t, ws2)
	send(t, ws2, resume(session, 99))
	expectClose(t, ws2, 4007)

	// A client closing with 1000 ends its session.
	ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""))
	expectClose(t, ws, 1000)
	ws3 := dial(t, f, "")
	read(t, ws3)
	send(t, ws3, resume(session, 1))
	if p, _ := read(t, ws3); p.Op != 9 {
		t.Fatalf("resume after close 1000 got %+v, want INVALID_SESSION", p)
	}
}

func TestGatewayCloseWith(t *testing.T) {
	f := newFake(t)
	ws, rd := connectReady(t, f)
	session := rd["session_id"].(string)

	// 4000 is resumable and not sticky.
	f.CloseWith(4000, "Unknown error.")
	expectClose(t, ws, 4000)
	ws2 := dial(t, f, "")
	read(t, ws2)
	send(t, ws2, resume(session, 1))
	if p, _ := read(t, ws2); typ(p) != "RESUMED" {
		t.Fatalf("resume after 4000: %+v", p)
	}

	// 4009 invalidates the session.
	f.CloseWith(4009, "Session timed out.")
	expectClose(t, ws2, 4009)
	ws3 := dial(t, f, "")
	read(t, ws3)
	send(t, ws3, resume(session, 2))
	if p, _ := read(t, ws3); p.Op != 9 {
		t.Fatalf("resume after 4009: %+v", p)
	}
	send(t, ws3, identify("Bot "+token, 1, false))
	if p, _ := read(t, ws3); typ(p) != "READY" {
		t.Fatalf("identify after 4009: %+v", p)
	}

	// 4014 is sticky: later IDENTIFYs and RESUMEs get it too, after HELLO.
	f.CloseWith(4014, "Disallowed intent(s).")
	expectClose(t, ws3, 4014)
	if err := f.Dispatch("X", nil); err == nil {
		t.Fatal("Dispatch after CloseWith succeeded")
	}
	for _, first := range []any{identify("Bot "+token, 1, false), resume(session, 1)} {
		ws := dial(t, f, "")
		if p, _ := read(t, ws); p.Op != 10 {
			t.Fatalf("want HELLO, got %+v", p)
		}
		send(t, ws, map[string]any{"op": 1, "d": nil})
		if p, _ := read(t, ws); p.Op != 11 {
			t.Fatalf("want HEARTBEAT_ACK, got %+v", p)
		}
		send(t, ws, first)
		expectClose(t, ws, 4014)
	}
}

func TestGatewayRejects(t *testing.T) {
	f := newFake(t)
	cases := []struct {
		name  string
		query string
		send  func(ws *websocket.Conn) error
		code  int
	}{
		{"bad token", "", func(ws *websocket.Conn) error { return ws.WriteJSON(identify("Bot nope", 1, false)) }, 4004},
		{"bad resume token", "", func(ws *websocket.Conn) error {
			return ws.WriteJSON(map[string]any{"op": 6, "d": map[string]any{"token": "x", "session_id": "s", "seq": 1}})
		}, 4004},
		{"no intents", "", func(ws *websocket.Conn) error {
			return ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": token}})
		}, 4013},
		{"privileged intent", "", func(ws *websocket.Conn) error { return ws.WriteJSON(identify(token, 1<<1, false)) }, 4014},
		{"bad shard", "", func(ws *websocket.Conn) error {
			return ws.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": token, "intents": 1, "shard": []int{1, 1}}})
		}, 4010},
		{"presence before identify", "", func(ws *websocket.Conn) error {
			return ws.WriteJSON(map[string]any{"op": 3, "d": map[string]any{}})
		}, 4003},
		{"unknown opcode", "", func(ws *websocket.Conn) error { return ws.WriteJSON(map[string]any{"op": 99}) }, 4001},
		{"not JSON", "", func(ws *websocket.Conn) error { return ws.WriteMessage(websocket.TextMessage, []byte("{")) }, 4002},
		{"binary frame", "", func(ws *websocket.Conn) error { return ws.WriteMessage(websocket.BinaryMessage, []byte("{}")) }, 4002},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := dial(t, f, c.query)
			read(t, ws)
			if err := c.send(ws); err != nil {
				t.Fatal(err)
			}
			expectClose(t, ws, c.code)
		})
	}
	t.Run("api version", func(t *testing.T) {
		ws := dial(t, f, "/?v=6&encoding=json")
		expectClose(t, ws, 4012)
	})
	// None of these was sticky: a good IDENTIFY still works.
	connectReady(t, f)
}
