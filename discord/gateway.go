package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bpobot/bpobot/bot"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Run connects to Discord, registers the commands and serves until ctx is
// done (then it stops taking events, finishes the replies in flight and
// closes the gateway) or until Discord ends the session for good.
func (b *Gateway) Run(ctx context.Context) error {
	token := strings.TrimPrefix(strings.TrimSpace(b.cfg.Token), "Bot ")
	if token == "" {
		return ErrNoToken
	}
	if err := SetAPIURL(b.cfg.APIURL); err != nil {
		return err
	}
	installLogger(b)
	defer uninstallLogger(b)

	// Check the token before anything else, for a clear message.
	api, err := newSession(token)
	if err != nil {
		return err
	}
	me, err := api.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
			return ErrTokenRejected
		}
		return fmt.Errorf("reaching Discord's API at %s: %v", apiURL(), redact(err))
	}
	b.botID.Store(&me.ID)

	ids, count, concurrency, err := b.shardPlan(ctx, api)
	if err != nil {
		return err
	}
	for _, id := range ids {
		s, err := newSession(token)
		if err != nil {
			return err
		}
		sh := &shard{id: id, count: count, s: s}
		s.Dialer = sh.dialer()
		s.ShardID, s.ShardCount = id, count
		s.AddHandler(b.onReady)
		s.AddHandler(func(*discordgo.Session, *discordgo.Connect) { sh.disconnectedAt.Store(0) })
		s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
			sh.disconnectedAt.CompareAndSwap(0, b.now().UnixNano())
			b.log.Warn("gateway disconnected; discordgo is reconnecting", "shard", sh.id)
		})
		s.AddHandler(b.onInteraction)
		s.AddHandler(b.onMessage)
		b.shards = append(b.shards, sh)
	}
	defer func() {
		for _, sh := range b.shards {
			sh.close()
		}
	}()

	// Open the shards in groups of max_concurrency, one group per
	// IdentifyInterval, as Discord's identify rate limit requires.
	for i, sh := range b.shards {
		if i > 0 && i%concurrency == 0 {
			select {
			case <-time.After(b.cfg.IdentifyInterval):
			case <-ctx.Done():
				return nil
			case err := <-b.fatal:
				return err
			}
		}
		if err := b.open(ctx, sh); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		b.log.Info("shard connected", "shard", sh.id, "of", sh.count)
	}

	// Commands are registered once, when the first shard is ready.
	select {
	case <-b.ready:
	case err := <-b.fatal:
		return err
	case <-ctx.Done():
		return nil
	case <-time.After(b.cfg.ConnectTimeout):
		return fmt.Errorf("connected to the gateway but got no READY within %s", b.cfg.ConnectTimeout)
	}
	if err := b.register(ctx, api); err != nil {
		if ctx.Err() != nil {
			b.shutdown()
			return nil
		}
		return err
	}
	b.online.Store(true)
	defer b.online.Store(false)
	b.log.Info("bpobot is online", "user", me.Username, "app", b.appIDValue(), "guild", b.cfg.GuildID, "shards", len(b.shards))

	watch := time.NewTicker(min(b.cfg.ReconnectTimeout/4, 5*time.Second))
	defer watch.Stop()
	for {
		select {
		case <-ctx.Done():
			b.shutdown()
			// discordgo's heartbeat can race with Close and start a
			// reconnect; tell it not to. (Not on the fatal path: a reconnect
			// loop is running there and reads the field unlocked.)
			for _, sh := range b.shards {
				sh.s.ShouldReconnectOnError = false
			}
			return nil
		case err := <-b.fatal:
			b.shutdown()
			return err
		case <-watch.C:
			for _, sh := range b.shards {
				b.watchdog(ctx, sh)
			}
		}
	}
}

// newSession returns a discordgo session set up the bot's way.
func newSession(token string) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("creating the Discord session: %w", err)
	}
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	s.StateEnabled = false // discordgo's State has data races (#731); the bot needs none of it
	s.LogLevel = discordgo.LogWarning
	s.Client = &http.Client{Timeout: 15 * time.Second}
	s.UserAgent = UserAgent
	return s, nil
}

// shardPlan decides which shards this process runs: the configured one, or
// all of those GET /gateway/bot recommends. It returns the shard ids, the
// shard count and how many shards may identify at once.
func (b *Gateway) shardPlan(ctx context.Context, api *discordgo.Session) (ids []int, count, concurrency int, err error) {
	if b.cfg.ShardCount > 0 {
		if b.cfg.ShardID < 0 || b.cfg.ShardID >= b.cfg.ShardCount {
			return nil, 0, 0, fmt.Errorf("shard %d is out of range for a shard count of %d (0 to %d)", b.cfg.ShardID, b.cfg.ShardCount, b.cfg.ShardCount-1)
		}
		return []int{b.cfg.ShardID}, b.cfg.ShardCount, 1, nil
	}
	gb, err := api.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("asking Discord how many shards to run (GET /gateway/bot): %v", redact(err))
	}
	count = max(1, gb.Shards)
	concurrency = max(1, gb.SessionStartLimit.MaxConcurrency)
	for i := 0; i < count; i++ {
		ids = append(ids, i)
	}
	return ids, count, concurrency, nil
}

// open connects one shard to the gateway, bounded by ConnectTimeout:
// discordgo's Open waits for the gateway's HELLO with no deadline while
// holding the session's lock, and blocks forever when Discord asks it to
// reconnect mid-handshake (#513). On timeout the network connection is cut,
// which ends the stalled Open.
func (b *Gateway) open(ctx context.Context, sh *shard) error {
	done := make(chan error, 1)
	go func() { done <- sh.s.Open() }()
	var err error
	select {
	case err = <-done:
		if err == nil {
			return nil
		}
		var ce *websocket.CloseError
		if errors.As(err, &ce) && fatalCode(ce.Code) {
			return &FatalCloseError{Code: ce.Code}
		}
		return fmt.Errorf("connecting shard %d to the Discord gateway: %v", sh.id, redact(err))
	case err = <-b.fatal:
	case <-ctx.Done():
		err = ctx.Err()
	case <-time.After(b.cfg.ConnectTimeout):
		err = fmt.Errorf("connecting shard %d to the Discord gateway: no answer within %s", sh.id, b.cfg.ConnectTimeout)
	}
	sh.cut()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		b.log.Warn("discordgo's Open did not return after its connection was cut", "shard", sh.id)
	}
	return err
}

// dialer returns the websocket dialer for the shard's session: discordgo's
// default, but remembering each network connection so a stalled handshake
// can be cut.
func (sh *shard) dialer() *websocket.Dialer {
	return &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 45 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{Timeout: 30 * time.Second}).DialContext(ctx, network, addr)
			if err == nil {
				sh.conn.Store(&c)
			}
			return c, err
		},
	}
}

// cut closes the shard's network connection, which unblocks a discordgo
// call waiting on it.
func (sh *shard) cut() {
	if c := sh.conn.Load(); c != nil {
		_ = (*c).Close()
	}
}

// close closes the shard's session without waiting forever for discordgo's
// lock (held by a stalled Open): the connection is cut if Close takes long.
func (sh *shard) close() {
	done := make(chan struct{})
	go func() { _ = sh.s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		sh.cut()
	}
}

// watchdog restarts a shard's session when discordgo has been disconnected
// for longer than ReconnectTimeout without managing to reconnect.
func (b *Gateway) watchdog(ctx context.Context, sh *shard) {
	at := sh.disconnectedAt.Load()
	if at == 0 || b.now().Sub(time.Unix(0, at)) < b.cfg.ReconnectTimeout {
		return
	}
	b.log.Warn("gateway still disconnected; restarting the session", "shard", sh.id, "after", b.cfg.ReconnectTimeout)
	sh.disconnectedAt.Store(b.now().UnixNano())
	sh.close()
	if err := b.open(ctx, sh); err != nil {
		var fe *FatalCloseError
		if errors.As(err, &fe) {
			b.fail(err)
			return
		}
		b.log.Warn("restart failed; will retry", "shard", sh.id, "err", err)
	}
}

// register overwrites the application's commands with Commands, globally or
// in the configured guild. A bulk overwrite is idempotent.
func (b *Gateway) register(ctx context.Context, api *discordgo.Session) error {
	app := b.appIDValue()
	if app == "" {
		return ErrNoAppID
	}
	cmds := bot.Commands(b.cfg.GuildID == "")
	got, err := api.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, cmds, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("registering slash commands: %v", redact(err))
	}
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild " + b.cfg.GuildID
	}
	b.log.Info("slash commands registered", "count", len(got), "scope", scope)
	return nil
}

// shutdown stops taking events and waits for replies in flight.
func (b *Gateway) shutdown() { b.b.Drain() }

func (b *Gateway) fail(err error) {
	select {
	case b.fatal <- err:
	default:
	}
}

func (b *Gateway) appIDValue() string {
	if b.cfg.AppID != "" {
		return b.cfg.AppID
	}
	if p := b.appID.Load(); p != nil {
		return *p
	}
	return ""
}

func (b *Gateway) botIDValue() string {
	if p := b.botID.Load(); p != nil {
		return *p
	}
	return ""
}

func (b *Gateway) onReady(s *discordgo.Session, r *discordgo.Ready) {
	if r.Application != nil && r.Application.ID != "" {
		id := r.Application.ID
		b.appID.Store(&id)
	} else if r.User != nil {
		id := r.User.ID
		b.appID.Store(&id)
	}
	if r.User != nil {
		id := r.User.ID
		b.botID.Store(&id)
	}
	select {
	case b.ready <- s.ShardID:
	default:
	}
	b.log.Info("gateway ready", "shard", s.ShardID)
}

// The discordgo logger is process-wide; the running bot installs its own,
// which forwards to slog and watches for fatal close codes (discordgo
// v0.29.0 logs them and then retries forever).
// discordgo.Logger is a plain package variable, so it is set once, before
// any session exists, and routes to whichever bot is running.
var (
	loggerMu   sync.Mutex
	loggerBot  *Gateway
	loggerOnce sync.Once
)

func installLogger(b *Gateway) {
	loggerOnce.Do(func() { discordgo.Logger = routeLog })
	loggerMu.Lock()
	defer loggerMu.Unlock()
	loggerBot = b
}

// routeLog forwards discordgo's log lines to the running bot's logger and
// turns fatal close codes into a fatal error for Run.
func routeLog(level, _ int, format string, a ...any) {
	loggerMu.Lock()
	bot := loggerBot
	loggerMu.Unlock()
	if bot == nil {
		return
	}
	for _, x := range a {
		if err, ok := x.(error); ok {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && fatalCode(ce.Code) {
				bot.fail(&FatalCloseError{Code: ce.Code})
			}
		}
	}
	lvl := slog.LevelDebug
	switch level {
	case discordgo.LogError:
		lvl = slog.LevelError
	case discordgo.LogWarning:
		lvl = slog.LevelWarn
	}
	bot.log.Log(context.Background(), lvl, "discordgo: "+fmt.Sprintf(format, redactArgs(a)...))
}

func uninstallLogger(b *Gateway) {
	loggerMu.Lock()
	defer loggerMu.Unlock()
	if loggerBot == b {
		loggerBot = nil
	}
}

func redactArgs(a []any) []any {
	out := make([]any, len(a))
	for i, x := range a {
		if err, ok := x.(error); ok {
			out[i] = redact(err)
		} else {
			out[i] = x
		}
	}
	return out
}
