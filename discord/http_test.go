package discord

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bwmarrin/discordgo"
)

// signer signs requests as Discord does: Ed25519 over timestamp+body.
type signer struct {
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newSigner(t testing.TB) signer {
	t.Helper()
	seed := bytes.Repeat([]byte{7}, ed25519.SeedSize) // deterministic, no randomness needed
	priv := ed25519.NewKeyFromSeed(seed)
	return signer{pub: priv.Public().(ed25519.PublicKey), priv: priv}
}

func (s signer) request(t testing.TB, url string, body []byte, at time.Time) *http.Request {
	t.Helper()
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := ed25519.Sign(s.priv, append([]byte(ts), body...))
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("Content-Type", "application/json")
	return req
}

// testBot returns a bot answering from the shipped knowledge base.
func testBot(t testing.TB) *bot.Bot {
	t.Helper()
	kb, err := knowledge.Default()
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(bot.Config{Logger: slog.New(slog.DiscardHandler), RatePerMinute: 1e9, RateBurst: 1e9}, answers.New(kb))
}

func httpBot(t *testing.T) (*bot.Bot, signer, *httptest.Server) {
	t.Helper()
	b := testBot(t)
	sg := newSigner(t)
	srv := httptest.NewServer(InteractionsHandler(b, sg.pub))
	t.Cleanup(srv.Close)
	return b, sg, srv
}

// wireResponse is the part of an interaction response the tests read.
type wireResponse struct {
	Type int `json:"type"`
	Data struct {
		Content         string                    `json:"content"`
		Embeds          []*discordgo.MessageEmbed `json:"embeds"`
		Choices         []struct{ Name string }   `json:"choices"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	} `json:"data"`
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

const pingBody = `{"id":"1","application_id":"2","type":1,"token":"t","version":1}`

func TestHTTPSignatures(t *testing.T) {
	_, sg, srv := httpBot(t)
	url := srv.URL + "/interactions"
	now := time.Now()
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
	}{
		{"valid ping", func() *http.Request { return sg.request(t, url, []byte(pingBody), now) }, 200},
		{"wrong key", func() *http.Request {
			return signer{priv: other}.request(t, url, []byte(pingBody), now)
		}, 401},
		{"flipped body byte", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			b := []byte(pingBody)
			b[10] ^= 1
			r.Body = io.NopCloser(bytes.NewReader(b))
			return r
		}, 401},
		{"stale timestamp", func() *http.Request { return sg.request(t, url, []byte(pingBody), now.Add(-6*time.Minute)) }, 401},
		{"future timestamp", func() *http.Request { return sg.request(t, url, []byte(pingBody), now.Add(6*time.Minute)) }, 401},
		{"just inside the window", func() *http.Request { return sg.request(t, url, []byte(pingBody), now.Add(-4*time.Minute)) }, 200},
		{"missing signature", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}, 401},
		{"missing timestamp", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			r.Header.Del("X-Signature-Timestamp")
			return r
		}, 401},
		{"non-hex signature", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			r.Header.Set("X-Signature-Ed25519", strings.Repeat("zz", 64))
			return r
		}, 401},
		{"short signature", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			r.Header.Set("X-Signature-Ed25519", "abcd")
			return r
		}, 401},
		{"timestamp not a number", func() *http.Request {
			r := sg.request(t, url, []byte(pingBody), now)
			r.Header.Set("X-Signature-Timestamp", "yesterday")
			return r
		}, 401},
		{"oversized body", func() *http.Request {
			return sg.request(t, url, bytes.Repeat([]byte(" "), MaxInteractionBody+1), now)
		}, 413},
		{"malformed JSON", func() *http.Request { return sg.request(t, url, []byte(`{"type":`), now) }, 400},
		{"unknown type", func() *http.Request { return sg.request(t, url, []byte(`{"id":"1","type":99}`), now) }, 400},
		{"command without data", func() *http.Request { return sg.request(t, url, []byte(`{"id":"1","type":2}`), now) }, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, tt.req())
			if status != tt.status {
				t.Errorf("status %d (%s), want %d", status, body, tt.status)
			}
			if status == 200 && strings.TrimSpace(body) != `{"type":1}` {
				t.Errorf("PING answered %s", body)
			}
		})
	}
	// Other methods and the health check.
	if st, _ := do(t, mustReq(t, http.MethodGet, url)); st != http.StatusMethodNotAllowed {
		t.Errorf("GET /interactions = %d", st)
	}
	if st, body := do(t, mustReq(t, http.MethodGet, srv.URL+"/healthz")); st != 200 || body != "ok\n" {
		t.Errorf("healthz = %d %q", st, body)
	}
	_, metrics := do(t, mustReq(t, http.MethodGet, srv.URL+"/metrics"))
	for _, want := range []string{
		`bpobot_rejected_requests_total{reason="bad_signature"} 7`,
		`bpobot_rejected_requests_total{reason="stale_timestamp"} 2`,
		`bpobot_rejected_requests_total{reason="too_large"} 1`,
		`bpobot_rejected_requests_total{reason="malformed"} 3`,
		`bpobot_rejected_requests_total{reason="method"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func mustReq(t *testing.T, method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestHTTPInteractions(t *testing.T) {
	_, sg, srv := httpBot(t)
	url := srv.URL + "/interactions"
	post := func(v any) wireResponse {
		t.Helper()
		body, _ := json.Marshal(v)
		st, out := do(t, sg.request(t, url, body, time.Now()))
		if st != 200 {
			t.Fatalf("status %d: %s", st, out)
		}
		var w wireResponse
		if err := json.Unmarshal([]byte(out), &w); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if w.Type != 8 && (w.Data.AllowedMentions == nil || w.Data.AllowedMentions.Parse == nil) {
			t.Errorf("no allowed_mentions in %s", out)
		}
		return w
	}
	cmd := func(typ int, name string, opts ...map[string]any) map[string]any {
		return map[string]any{"id": "10", "token": "tk", "type": typ, "application_id": "2",
			"member": map[string]any{"user": map[string]any{"id": "55"}},
			"data":   map[string]any{"id": "1", "name": name, "type": 1, "options": opts}}
	}
	w := post(cmd(2, "ask", map[string]any{"name": "question", "type": 3, "value": "how much did call centers earn in FY25?"}))
	if w.Type != 4 || len(w.Data.Embeds) != 1 || !strings.Contains(w.Data.Embeds[0].Description, "$328 million") {
		t.Errorf("/ask: %+v", w)
	}
	w = post(cmd(4, "ask", map[string]any{"name": "question", "type": 3, "value": "dabba", "focused": true}))
	if w.Type != 8 || len(w.Data.Choices) == 0 || len(w.Data.Choices) > 25 {
		t.Errorf("autocomplete: %+v", w)
	}
	if w = post(cmd(2, "topics")); w.Type != 4 || len(w.Data.Components) != 1 {
		t.Errorf("/topics: %+v", w)
	}
	if w = post(cmd(2, "sources")); w.Type != 4 || len(w.Data.Embeds) != 1 || len(w.Data.Embeds[0].Fields) < 2 {
		t.Errorf("/sources: %+v", w)
	}
	if w = post(cmd(2, "help")); w.Type != 4 || len(w.Data.Embeds) != 1 {
		t.Errorf("/help: %+v", w)
	}
	button := map[string]any{"id": "11", "token": "tk", "type": 3, "application_id": "2", "user": map[string]any{"id": "56"},
		"data": map[string]any{"custom_id": "ask:fy24-earnings", "component_type": 2}}
	if w = post(button); w.Type != 4 || !strings.Contains(w.Data.Embeds[0].Description, "$263 million") {
		t.Errorf("button: %+v", w)
	}
	topic := map[string]any{"id": "12", "token": "tk", "type": 3, "application_id": "2", "user": map[string]any{"id": "56"},
		"data": map[string]any{"custom_id": "topic", "component_type": 3, "values": []string{"clients"}}}
	if w = post(topic); w.Type != 7 || len(w.Data.Components) < 2 {
		t.Errorf("topic select: %+v", w)
	}
}

// TestHTTPDraining: once the bot drains, the endpoint says 503 to
// interactions and to the health check, so the load balancer moves on.
func TestHTTPDraining(t *testing.T) {
	b, sg, srv := httpBot(t)
	b.Drain()
	body := []byte(`{"id":"10","token":"tk","type":2,"application_id":"2","data":{"id":"1","name":"help","type":1}}`)
	if st, out := do(t, sg.request(t, srv.URL+"/interactions", body, time.Now())); st != http.StatusServiceUnavailable {
		t.Errorf("interaction while draining: %d %s; want 503", st, out)
	}
	if st, _ := do(t, mustReq(t, http.MethodGet, srv.URL+"/healthz")); st != http.StatusServiceUnavailable {
		t.Errorf("healthz while draining = %d; want 503", st)
	}
}
