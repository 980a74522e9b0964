package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
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

func httpBot(t *testing.T) (*Bot, signer, *httptest.Server) {
	t.Helper()
	b, _ := testBot(t, nil)
	sg := newSigner(t)
	srv := httptest.NewServer(b.InteractionsHandler(sg.pub))
	t.Cleanup(srv.Close)
	return b, sg, srv
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

// FuzzInteractionRequest feeds arbitrary, correctly signed bodies to the
// endpoint: it must answer every one with 200, 400 or 413, never fall back
// to the panic apology, and keep every answer within Discord's limits with
// no pings possible.
func FuzzInteractionRequest(f *testing.F) {
	for _, s := range []string{
		pingBody, `{}`, `[]`, `null`, `{"type":2}`, `{"id":"1","type":2,"data":{"name":"ask"}}`,
		`{"id":"1","type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":7}]}}`,
		`{"id":"1","type":4,"data":{"name":"ask","options":[{"name":"question","type":4,"value":"x","focused":true}]}}`,
		`{"id":"1","type":3,"data":{"custom_id":"topic","component_type":3}}`,
		`{"id":"1","type":3,"data":{"custom_id":"ask:","component_type":2}}`,
	} {
		f.Add([]byte(s))
	}
	b, _ := testBot(f, nil)
	b.limiter = newLimiter(1e9, 1e9)
	sg := newSigner(f)
	h := b.InteractionsHandler(sg.pub)
	f.Fuzz(func(t *testing.T, body []byte) {
		req := sg.request(t, "http://bpobot.test/interactions", body, time.Now())
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		if rec.Code != 200 {
			return
		}
		var w wireResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &w); err != nil {
			t.Fatalf("invalid JSON answer %q: %v", rec.Body.String(), err)
		}
		if strings.Contains(w.Data.Content, apology) {
			t.Fatalf("a handler panicked on %q", body)
		}
		if runes(w.Data.Content) > maxContent || len(w.Data.Embeds) > 10 || len(w.Data.Choices) > maxChoices || len(w.Data.Components) > maxRows {
			t.Fatalf("over Discord's limits: %s", rec.Body.String())
		}
		for _, e := range w.Data.Embeds {
			if runes(e.Description) > maxEmbedDescription || strings.Contains(e.Description, "@everyone") {
				t.Fatalf("embed %q", e.Description)
			}
		}
		for _, c := range w.Data.Choices {
			if runes(c.Name) > maxChoiceName {
				t.Fatalf("choice %q", c.Name)
			}
		}
		for _, row := range w.Data.Components {
			if len(row.Components) > maxButtonsPerRow {
				t.Fatalf("row of %d", len(row.Components))
			}
			for _, c := range row.Components {
				if len(c.CustomID) > maxCustomID || runes(c.Label) > maxButtonLabel {
					t.Fatalf("component %+v", c)
				}
			}
		}
		if w.Type != 1 && w.Type != 8 && (w.Data.AllowedMentions == nil || w.Data.AllowedMentions.Parse == nil) {
			t.Fatalf("no allowed_mentions: %s", rec.Body.String())
		}
	})
}
