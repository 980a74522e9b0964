package bot

import (
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/bpobot/bpobot/answers"
)

// Config configures a Bot. The zero value is ready to use.
type Config struct {
	RatePerMinute float64 // questions a user may ask a minute; default 6
	RateBurst     int     // questions a user may ask at once; default 3

	Logger *slog.Logger // default slog.Default()

	// ShutdownTimeout bounds how long Drain waits for the replies in
	// flight; default 10s.
	ShutdownTimeout time.Duration

	// Recorder records each question for the curator (see package usage);
	// nil records nothing.
	Recorder Recorder
}

// Metrics returns the bot's metrics, for an HTTP /metrics endpoint.
func (b *Bot) Metrics() *Metrics { return b.metrics }

// A Bot answers bpobot's Discord events (see Handle). It is safe for
// concurrent use; the discord package connects it to Discord.
type Bot struct {
	cfg     Config
	cur     atomic.Pointer[served] // the engine answering, and its reply cache
	log     *slog.Logger
	limiter *limiter
	talks   conversations // the last question asked, per channel and person
	metrics *Metrics
	flight  flight

	now func() time.Time
}

// New returns a Bot answering from eng.
func New(cfg Config, eng *answers.Engine) *Bot {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = 3
	}
	if cfg.RatePerMinute <= 0 {
		cfg.RatePerMinute = 6
	}
	if cfg.Recorder == nil {
		cfg.Recorder = nopRecorder{}
	}
	b := &Bot{
		cfg:     cfg,
		log:     cfg.Logger,
		limiter: newLimiter(cfg.RatePerMinute, cfg.RateBurst),
		metrics: newMetrics(),
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

// Drain stops taking new events (Handle returns ErrDraining) and waits, up
// to ShutdownTimeout, for those in flight to be answered. It reports
// whether they all were.
func (b *Bot) Drain() bool {
	if b.flight.drain(b.cfg.ShutdownTimeout) {
		b.log.Info("shut down cleanly")
		return true
	}
	b.log.Warn("shut down with replies still in flight", "waited", b.cfg.ShutdownTimeout)
	return false
}

// Draining reports whether Drain has begun, for a readiness check.
func (b *Bot) Draining() bool { return b.flight.draining() }

// ask answers q through the reply cache.
func (b *Bot) ask(q string) *cached {
	cur := b.cur.Load()
	return cur.replies.get(q, func() *answers.Reply { return cur.eng.Ask(q) })
}
