// Package discord connects a bot.Bot to Discord: the gateway (sessions,
// shards, identify pacing, reconnect watchdogs, command registration) and
// the HTTP interactions endpoint (Ed25519 signatures, body limits). It holds
// discordgo v0.29.0's workarounds and the process-wide state discordgo
// keeps (its endpoint variables and logger), walled in here. Every event
// goes through bot.Bot.Handle; this package only moves bytes.
//
// Errors name what is wrong, not where it is configured: the command line
// maps them to its environment variables.
package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bpobot/bpobot/bot"
	"github.com/bwmarrin/discordgo"
)

// Config configures a Gateway. Only Token is required.
type Config struct {
	Token   string // the bot token, without "Bot "
	AppID   string // the application id; taken from READY when empty
	GuildID string // register commands in this guild only (instant updates while developing)
	APIURL  string // REST base; default DefaultAPIURL

	Logger *slog.Logger // default slog.Default()

	// ConnectTimeout bounds the first connection to the gateway, and
	// ReconnectTimeout how long a shard may stay disconnected before its
	// session is restarted; default 30s and 2m.
	ConnectTimeout   time.Duration
	ReconnectTimeout time.Duration

	// Sharding. With ShardCount > 0 this process runs the one shard
	// ShardID of ShardCount (run one process per shard). With ShardCount 0
	// the shard count comes from GET /gateway/bot and this process runs all
	// shards, one session each, their IDENTIFYs paced by the max_concurrency
	// Discord gives, one group every IdentifyInterval (default 5s).
	ShardID          int
	ShardCount       int
	IdentifyInterval time.Duration
}

// Errors Run returns, for the command line to explain.
var (
	ErrNoToken       = errors.New("no bot token")
	ErrTokenRejected = errors.New("Discord rejected the bot token (HTTP 401)")
	ErrNoAppID       = errors.New("no application id: READY did not give one")
)

// A FatalCloseError is a gateway close code on which reconnecting cannot
// help (discordgo v0.29.0 would retry forever).
type FatalCloseError struct {
	Code int
}

func (e *FatalCloseError) Error() string {
	what := map[int]string{
		4004: "authentication failed: the token is invalid",
		4010: "invalid shard",
		4011: "sharding required: the bot is in too many servers for one session",
		4012: "invalid API version",
		4013: "invalid intents",
		4014: "disallowed intents: the bot asked for an intent not enabled for it; bpobot needs only Guilds, Guild Messages and Direct Messages, none of them privileged",
	}[e.Code]
	return fmt.Sprintf("Discord closed the gateway with code %d: %s", e.Code, what)
}

func fatalCode(code int) bool {
	switch code {
	case 4004, 4010, 4011, 4012, 4013, 4014:
		return true
	}
	return false
}

// UserAgent is what the bot tells Discord's API it is.
const UserAgent = "DiscordBot (https://github.com/bpobot/bpobot, 1)"

// A Gateway serves a bot over Discord's gateway.
type Gateway struct {
	cfg    Config
	b      *bot.Bot
	log    *slog.Logger
	client *http.Client // for interaction callbacks (see post)

	shards []*shard
	botID  atomic.Pointer[string]
	appID  atomic.Pointer[string]
	ready  chan int // shard ids as they become ready
	fatal  chan error
	online atomic.Bool // every shard connected, commands registered, until Run ends

	now func() time.Time
}

// A shard is one gateway session.
type shard struct {
	id, count      int
	s              *discordgo.Session
	disconnectedAt atomic.Int64             // unix nanos of the last disconnect, 0 when connected
	conn           atomic.Pointer[net.Conn] // the gateway's latest network connection
}

// NewGateway returns a Gateway that answers through b.
func NewGateway(cfg Config, b *bot.Bot) *Gateway {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 30 * time.Second
	}
	if cfg.ReconnectTimeout <= 0 {
		cfg.ReconnectTimeout = 2 * time.Minute
	}
	if cfg.IdentifyInterval <= 0 {
		cfg.IdentifyInterval = 5 * time.Second
	}
	return &Gateway{
		cfg:    cfg,
		b:      b,
		log:    cfg.Logger,
		client: &http.Client{Timeout: 10 * time.Second},
		ready:  make(chan int, 64),
		fatal:  make(chan error, 1),
		now:    time.Now,
	}
}

// Healthy reports whether the gateway is serving: every shard connected
// and the commands registered, no shard disconnected now, and the bot not
// draining. It is false while Run connects and once it stops.
func (b *Gateway) Healthy() bool {
	if !b.online.Load() || b.b.Draining() {
		return false
	}
	for _, sh := range b.shards {
		if sh.disconnectedAt.Load() != 0 {
			return false
		}
	}
	return true
}

// HealthHandler serves GET /healthz (200 when Healthy, else 503) and GET
// /metrics, for a gateway bot's orchestrator and monitoring.
func (b *Gateway) HealthHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if !b.Healthy() {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.Handle("GET /metrics", b.b.Metrics().Handler())
	return mux
}

// interactionDeadline is how long the first response may take: Discord
// drops interactions not answered within 3 seconds.
const interactionDeadline = 2800 * time.Millisecond

// onInteraction answers slash commands, autocomplete and component clicks
// arriving over the gateway, by posting the response to Discord's callback
// endpoint.
func (b *Gateway) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	ctx, cancel := context.WithTimeout(context.Background(), interactionDeadline)
	defer cancel()
	i := ic.Interaction
	b.b.Handle(ctx, bot.Event{Interaction: i, Me: b.botIDValue()}, func(r bot.Response) error {
		return b.post(ctx, i, r.Interaction)
	})
}

// onMessage answers direct messages, and messages in servers that mention
// the bot, in their channel.
func (b *Gateway) onMessage(s *discordgo.Session, mc *discordgo.MessageCreate) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	m := mc.Message
	if m == nil {
		return
	}
	b.b.Handle(ctx, bot.Event{Message: m, Me: b.botIDValue()}, func(r bot.Response) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, r.Message, discordgo.WithContext(ctx))
		return redact(err)
	})
}

// post sends an interaction response with a plain HTTP request rather than
// discordgo's InteractionRespond: discordgo v0.29.0 creates a rate-limit
// bucket per interaction token and never frees it (#1333), so memory would
// grow with every question. Interaction callbacks are not rate-limited per
// bot, so nothing is lost.
func (b *Gateway) post(ctx context.Context, i *discordgo.Interaction, body []byte) error {
	u := apiURL() + "interactions/" + url.PathEscape(i.ID) + "/" + url.PathEscape(i.Token) + "/callback"
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return redact(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", UserAgent)
		res, err := b.client.Do(req)
		if err != nil {
			return redact(err)
		}
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 4<<10))
		res.Body.Close()
		switch {
		case res.StatusCode < 300:
			return nil
		case res.StatusCode == http.StatusTooManyRequests && attempt == 0:
			wait := retryAfter(res, msg)
			if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
				return fmt.Errorf("rate limited for %s, past the interaction deadline", wait)
			}
			time.Sleep(wait)
			continue
		default:
			return fmt.Errorf("interaction callback: HTTP %d: %s", res.StatusCode, strings.TrimSpace(string(msg)))
		}
	}
}

func retryAfter(res *http.Response, body []byte) time.Duration {
	var v struct {
		RetryAfter float64 `json:"retry_after"`
	}
	if json.Unmarshal(body, &v) == nil && v.RetryAfter > 0 {
		return time.Duration(v.RetryAfter * float64(time.Second))
	}
	if s, err := strconv.ParseFloat(res.Header.Get("Retry-After"), 64); err == nil {
		return time.Duration(s * float64(time.Second))
	}
	return time.Second
}

// redact drops URLs from err: an interaction callback URL carries the
// interaction's token, and no token belongs in a log.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request failed: %w", ue.Op, ue.Err)
	}
	return err
}
