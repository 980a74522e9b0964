package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

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

// ParsePublicKey decodes the application's public key (Developer Portal >
// General Information > Public Key), 64 hex characters.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Developer Portal (General Information)")
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("DISCORD_PUBLIC_KEY is not a public key: want %d hex characters from the Developer Portal (General Information)", 2*ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

// InteractionsHandler returns the HTTP handler for Discord's Interactions
// Endpoint URL: POST /interactions, verified with the application's public
// key, answered in the response body with the same payloads as the gateway
// mode; GET /healthz; and GET /metrics.
func (b *Bot) InteractionsHandler(pub ed25519.PublicKey) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", func(w http.ResponseWriter, r *http.Request) { b.serveInteraction(w, r, pub) })
	mux.HandleFunc("/interactions", func(w http.ResponseWriter, r *http.Request) {
		b.metrics.reject("method")
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "use POST", http.StatusMethodNotAllowed)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if b.flight.draining() {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.Handle("GET /metrics", b.metrics.Handler())
	return mux
}

// serveInteraction verifies, decodes and answers one interaction.
func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, pub ed25519.PublicKey) {
	if !b.flight.enter() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer b.flight.leave()

	sig, ts := r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp")
	if sig == "" || ts == "" {
		b.refuse(w, http.StatusUnauthorized, "bad_signature", "missing signature headers")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			b.refuse(w, http.StatusRequestEntityTooLarge, "too_large", "body too large")
			return
		}
		b.refuse(w, http.StatusBadRequest, "malformed", "could not read body")
		return
	}
	switch err := verify(pub, sig, ts, body, b.now()); {
	case errors.Is(err, errStale):
		b.refuse(w, http.StatusUnauthorized, "stale_timestamp", "invalid request signature")
		return
	case err != nil:
		b.refuse(w, http.StatusUnauthorized, "bad_signature", "invalid request signature")
		return
	}
	i, err := decodeInteraction(body)
	if err != nil {
		b.refuse(w, http.StatusBadRequest, "malformed", err.Error())
		return
	}
	var resp outgoing
	if i.Type == discordgo.InteractionPing {
		resp = plain(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, "ping")
	} else if resp = b.respond(i); resp.resp == nil && resp.raw == nil {
		b.refuse(w, http.StatusBadRequest, "unsupported", "unsupported interaction type")
		return
	}
	out, err := resp.json()
	if err != nil {
		b.log.Error("encoding interaction response", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(out)
}

func (b *Bot) refuse(w http.ResponseWriter, status int, reason, msg string) {
	b.metrics.reject(reason)
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

// decodeInteraction decodes an interaction and checks what the handlers
// rely on, so that a hostile (but signed) body cannot make them panic.
func decodeInteraction(body []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("malformed interaction JSON: %v", err)
	}
	switch i.Type {
	case discordgo.InteractionPing:
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		if _, ok := i.Data.(discordgo.ApplicationCommandInteractionData); !ok {
			return nil, errors.New("application command interaction without command data")
		}
	case discordgo.InteractionMessageComponent:
		if _, ok := i.Data.(discordgo.MessageComponentInteractionData); !ok {
			return nil, errors.New("component interaction without component data")
		}
	default:
		return nil, fmt.Errorf("unsupported interaction type %d", i.Type)
	}
	if i.ID == "" {
		return nil, errors.New("interaction without an id")
	}
	return &i, nil
}
