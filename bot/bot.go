package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
)

// Config configures a Bot. Only Token is required.
type Config struct {
	Token   string // the bot token, without "Bot "
	AppID   string // the application id; taken from READY when empty
	GuildID string // register commands in this guild only (instant updates while developing)
	APIURL  string // REST base; default DefaultAPIURL

	RatePerMinute float64 // questions a user may ask a minute; default 6
	RateBurst     int     // questions a user may ask at once; default 3

	Logger *slog.Logger // default slog.Default()

	// ShutdownTimeout bounds how long Run waits for replies in flight when
	// it stops; default 10s.
	ShutdownTimeout time.Duration
	// ConnectTimeout bounds the first connection to the gateway, and how
	// long the bot may stay disconnected before it restarts its session;
	// default 30s and 2m.
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

	// Recorder records each question for the curator (see package usage);
	// nil records nothing.
	Recorder Recorder
}

// Errors Run returns, for the command line to explain.
var (
	ErrNoToken       = errors.New("DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal (Bot > Reset Token) and put the token in .env or the environment")
	ErrTokenRejected = errors.New("Discord rejected the bot token (HTTP 401): reset it in the Developer Portal (Bot > Reset Token) and update DISCORD_TOKEN")
)

// A FatalCloseError is a gateway close code on which reconnecting cannot
// help (discordgo v0.29.0 would retry forever).
type FatalCloseError struct {
	Code int
}

func (e *FatalCloseError) Error() string {
	what := map[int]string{
		4004: "authentication failed: the token is invalid; reset it in the Developer Portal (Bot > Reset Token) and update DISCORD_TOKEN",
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

// Metrics returns the bot's metrics, for an HTTP /metrics endpoint.
func (b *Bot) Metrics() *Metrics { return b.metrics }

// A Bot serves bpobot on Discord, over the gateway (Run) or as an HTTP
// interactions endpoint (InteractionsHandler).
type Bot struct {
	cfg     Config
	cur     atomic.Pointer[served] // the engine answering, and its reply cache
	log     *slog.Logger
	limiter *limiter
	client  *http.Client // for interaction callbacks (see respond)

	metrics *Metrics

	shards []*shard
	botID  atomic.Pointer[string]
	appID  atomic.Pointer[string]
	ready  chan int // shard ids as they become ready
	fatal  chan error
	flight flight

	now func() time.Time
}

// A shard is one gateway session.
type shard struct {
	id, count      int
	s              *discordgo.Session
	disconnectedAt atomic.Int64             // unix nanos of the last disconnect, 0 when connected
	conn           atomic.Pointer[net.Conn] // the gateway's latest network connection
}

// New returns a Bot answering from eng.
func New(cfg Config, eng *answers.Engine) *Bot {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 30 * time.Second
	}
	if cfg.ReconnectTimeout <= 0 {
		cfg.ReconnectTimeout = 2 * time.Minute
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = 3
	}
	if cfg.RatePerMinute <= 0 {
		cfg.RatePerMinute = 6
	}
	if cfg.IdentifyInterval <= 0 {
		cfg.IdentifyInterval = 5 * time.Second
	}
	if cfg.Recorder == nil {
		cfg.Recorder = nopRecorder{}
	}
	b := &Bot{
		cfg:     cfg,
		log:     cfg.Logger,
		limiter: newLimiter(cfg.RatePerMinute, cfg.RateBurst),
		client:  &http.Client{Timeout: 10 * time.Second},
		metrics: newMetrics(),
		ready:   make(chan int, 64),
		fatal:   make(chan error, 1),
		now:     time.Now,
	}
	if sr, ok := cfg.Recorder.(statsRecorder); ok {
		b.metrics.registerRecorderStats(sr)
	}
	b.SetEngine(eng)
	return b
}

// served is what answers questions: an engine and the cache of its replies,
// swapped together.
type served struct {
	eng     *answers.Engine
	replies *replyCache
}

// SetEngine makes eng answer from now on, atomically: a question in flight
// finishes with the engine it started with. The reply cache starts empty.
func (b *Bot) SetEngine(eng *answers.Engine) {
	b.cur.Store(&served{eng: eng, replies: newReplyCache(replyCacheSize)})
}

func (b *Bot) engine() *answers.Engine { return b.cur.Load().eng }

// Drain stops taking new events and waits (up to ShutdownTimeout) for the
// replies in flight. Run drains by itself; an HTTP server calls it before
// shutting down.
func (b *Bot) Drain() { b.shutdown() }

// ask answers q through the reply cache.
func (b *Bot) ask(q string) *cached {
	cur := b.cur.Load()
	return cur.replies.get(q, func() *answers.Reply { return cur.eng.Ask(q) })
}
