package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bpobot/bpobot/bot"
	"github.com/bwmarrin/discordgo"
)

// HTTP interactions endpoint limits.
const (
	// MaxInteractionBody is the largest request body accepted; Discord's
	// interactions are a few KB.
	MaxInteractionBody = 64 << 10
	// MaxClockSkew is how far a request's X-Signature-Timestamp may be from
	// now, in the past or the future, before it is refused as a replay.
	MaxClockSkew = 5 * time.Minute
)

// Errors of ParsePublicKey.
var (
	ErrNoPublicKey  = errors.New("no public key: copy the Public Key from the Developer Portal (General Information)")
	ErrBadPublicKey = fmt.Errorf("not a public key: want %d hex characters from the Developer Portal (General Information)", 2*ed25519.PublicKeySize)
)

// ParsePublicKey decodes the application's public key (Developer Portal >
// General Information > Public Key), 64 hex characters.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, ErrNoPublicKey
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, ErrBadPublicKey
	}
	return ed25519.PublicKey(b), nil
}

// InteractionsHandler returns the HTTP handler for Discord's Interactions
// Endpoint URL: POST /interactions, verified with the application's public
// key and answered through b in the response body, with the same payloads
// as over the gateway; GET /healthz (503 once b drains); and GET /metrics.
func InteractionsHandler(b *bot.Bot, pub ed25519.PublicKey) http.Handler {
	h := &endpoint{b: b, pub: pub, now: time.Now}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", h.serveInteraction)
	mux.HandleFunc("/interactions", func(w http.ResponseWriter, r *http.Request) {
		b.Metrics().Reject("method")
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "use POST", http.StatusMethodNotAllowed)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if b.Draining() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.Handle("GET /metrics", b.Metrics().Handler())
	return mux
}

type endpoint struct {
	b   *bot.Bot
	pub ed25519.PublicKey
	now func() time.Time
}

var pong = []byte(`{"type":1}`)

// serveInteraction verifies, decodes and answers one interaction.
func (h *endpoint) serveInteraction(w http.ResponseWriter, r *http.Request) {
	sig, ts := r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp")
	if sig == "" || ts == "" {
		h.refuse(w, http.StatusUnauthorized, "bad_signature", "missing signature headers")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.refuse(w, http.StatusRequestEntityTooLarge, "too_large", "body too large")
			return
		}
		h.refuse(w, http.StatusBadRequest, "malformed", "could not read body")
		return
	}
	switch err := verify(h.pub, sig, ts, body, h.now()); {
	case errors.Is(err, errStale):
		h.refuse(w, http.StatusUnauthorized, "stale_timestamp", "invalid request signature")
		return
	case err != nil:
		h.refuse(w, http.StatusUnauthorized, "bad_signature", "invalid request signature")
		return
	}
	i, err := bot.DecodeInteraction(body)
	if err != nil {
		h.refuse(w, http.StatusBadRequest, "malformed", err.Error())
		return
	}
	write := func(body []byte) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}
	if i.Type == discordgo.InteractionPing {
		write(pong)
		return
	}
	answered := false
	err = h.b.Handle(r.Context(), bot.Event{Interaction: i}, func(resp bot.Response) error {
		answered = true
		write(resp.Interaction)
		return nil
	})
	switch {
	case errors.Is(err, bot.ErrDraining):
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
	case !answered:
		h.refuse(w, http.StatusBadRequest, "unsupported", "unsupported interaction type")
	}
}

func (h *endpoint) refuse(w http.ResponseWriter, status int, reason, msg string) {
	h.b.Metrics().Reject(reason)
	http.Error(w, msg, status)
}

var errStale = errors.New("timestamp outside the allowed window")

// verify checks Discord's request signature: Ed25519 over timestamp+body,
// and that the timestamp is within MaxClockSkew of now (against replays).
func verify(pub ed25519.PublicKey, sigHex, ts string, body []byte, now time.Time) error {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errors.New("signature is not 64 hex-encoded bytes")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("timestamp is not a number")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > MaxClockSkew || d < -MaxClockSkew {
		return errStale
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(pub, msg, sig) {
		return errors.New("signature does not verify")
	}
	return nil
}
