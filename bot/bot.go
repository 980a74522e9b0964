package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
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

// A Bot serves bpobot on Discord over the gateway.
type Bot struct {
	cfg     Config
	eng     *answers.Engine
	log     *slog.Logger
	limiter *limiter
	client  *http.Client // for interaction callbacks (see respond)

	s       *discordgo.Session
	botID   atomic.Pointer[string]
	appID   atomic.Pointer[string]
	ready   chan struct{}
	fatal   chan error
	closing atomic.Bool
	flight  sync.WaitGroup

	disconnectedAt atomic.Int64 // unix nanos of the last disconnect, 0 when connected

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
	return &Bot{
		cfg:     cfg,
		eng:     eng,
		log:     cfg.Logger,
		limiter: newLimiter(cfg.RatePerMinute, cfg.RateBurst),
		client:  &http.Client{Timeout: 10 * time.Second},
		ready:   make(chan struct{}, 1),
		fatal:   make(chan error, 1),
		now:     time.Now,
	}
}

// Run connects to Discord, registers the commands and serves until ctx is
// done (then it stops taking events, finishes the replies in flight and
// closes the gateway) or until Discord ends the session for good.
func (b *Bot) Run(ctx context.Context) error {
	if strings.TrimSpace(b.cfg.Token) == "" {
		return ErrNoToken
	}
	if err := SetAPIURL(b.cfg.APIURL); err != nil {
		return err
	}
	s, err := discordgo.New("Bot " + strings.TrimPrefix(strings.TrimSpace(b.cfg.Token), "Bot "))
	if err != nil {
		return fmt.Errorf("creating the Discord session: %w", err)
	}
	b.s = s
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	s.StateEnabled = false // discordgo's State has data races (#731); the bot needs none of it
	s.LogLevel = discordgo.LogWarning
	s.Client = &http.Client{Timeout: 15 * time.Second}
	s.UserAgent = "DiscordBot (https://github.com/bpobot/bpobot, 1)"
	installLogger(b)
	defer uninstallLogger(b)

	// Check the token before anything else, for a clear message.
	me, err := s.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
			return ErrTokenRejected
		}
		return fmt.Errorf("reaching Discord's API at %s: %v", apiURL(), redact(err))
	}
	b.botID.Store(&me.ID)

	s.AddHandler(b.onReady)
	s.AddHandler(b.onConnect)
	s.AddHandler(b.onDisconnect)
	s.AddHandler(b.onInteraction)
	s.AddHandler(b.onMessage)

	if err := b.open(ctx); err != nil {
		return err
	}
	defer s.Close()

	select {
	case <-b.ready:
	case err := <-b.fatal:
		return err
	case <-ctx.Done():
		return nil
	case <-time.After(b.cfg.ConnectTimeout):
		return fmt.Errorf("connected to the gateway but got no READY within %s", b.cfg.ConnectTimeout)
	}
	if err := b.register(ctx); err != nil {
		if ctx.Err() != nil {
			b.shutdown() // stopped while registering: not a failure
			return nil
		}
		return err
	}
	b.log.Info("bpobot is online", "user", me.Username, "app", b.appIDValue(), "guild", b.cfg.GuildID)

	watch := time.NewTicker(min(b.cfg.ReconnectTimeout/4, 5*time.Second))
	defer watch.Stop()
	for {
		select {
		case <-ctx.Done():
			b.shutdown()
			// discordgo's heartbeat can race with Close and start a
			// reconnect; tell it not to. (Not on the fatal path: a reconnect
			// loop is running there and reads the field unlocked.)
			s.ShouldReconnectOnError = false
			return nil
		case err := <-b.fatal:
			b.shutdown()
			return err
		case <-watch.C:
			b.watchdog(ctx)
		}
	}
}

// open connects to the gateway, bounded by ConnectTimeout: discordgo's Open
// can block forever when Discord asks it to reconnect mid-handshake (#513).
func (b *Bot) open(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- b.s.Open() }()
	select {
	case err := <-done:
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && fatalCode(ce.Code) {
				return &FatalCloseError{Code: ce.Code}
			}
			return fmt.Errorf("connecting to the Discord gateway: %v", redact(err))
		}
		return nil
	case err := <-b.fatal:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(b.cfg.ConnectTimeout):
		return fmt.Errorf("connecting to the Discord gateway: no answer within %s", b.cfg.ConnectTimeout)
	}
}

// watchdog restarts the session when discordgo has been disconnected for
// longer than ReconnectTimeout without managing to reconnect.
func (b *Bot) watchdog(ctx context.Context) {
	at := b.disconnectedAt.Load()
	if at == 0 || b.now().Sub(time.Unix(0, at)) < b.cfg.ReconnectTimeout {
		return
	}
	b.log.Warn("gateway still disconnected; restarting the session", "after", b.cfg.ReconnectTimeout)
	b.disconnectedAt.Store(b.now().UnixNano())
	_ = b.s.Close()
	if err := b.open(ctx); err != nil {
		var fe *FatalCloseError
		if errors.As(err, &fe) {
			b.fail(err)
			return
		}
		b.log.Warn("restart failed; will retry", "err", err)
	}
}

// register overwrites the application's commands with Commands, globally or
// in the configured guild. A bulk overwrite is idempotent.
func (b *Bot) register(ctx context.Context) error {
	app := b.appIDValue()
	if app == "" {
		return errors.New("no application id: set DISCORD_APP_ID")
	}
	cmds := Commands(b.cfg.GuildID == "")
	got, err := b.s.ApplicationCommandBulkOverwrite(app, b.cfg.GuildID, cmds, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("registering slash commands: %v", redact(err))
	}
	b.log.Info("slash commands registered", "count", len(got), "scope", map[bool]string{true: "global", false: "guild " + b.cfg.GuildID}[b.cfg.GuildID == ""])
	return nil
}

// shutdown stops taking events and waits for replies in flight.
func (b *Bot) shutdown() {
	b.closing.Store(true)
	done := make(chan struct{})
	go func() { b.flight.Wait(); close(done) }()
	select {
	case <-done:
		b.log.Info("shut down cleanly")
	case <-time.After(b.cfg.ShutdownTimeout):
		b.log.Warn("shut down with replies still in flight", "waited", b.cfg.ShutdownTimeout)
	}
}

func (b *Bot) fail(err error) {
	select {
	case b.fatal <- err:
	default:
	}
}

func (b *Bot) appIDValue() string {
	if b.cfg.AppID != "" {
		return b.cfg.AppID
	}
	if p := b.appID.Load(); p != nil {
		return *p
	}
	return ""
}

func (b *Bot) botIDValue() string {
	if p := b.botID.Load(); p != nil {
		return *p
	}
	return ""
}

func (b *Bot) onReady(_ *discordgo.Session, r *discordgo.Ready) {
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
	b.disconnectedAt.Store(0)
	select {
	case b.ready <- struct{}{}:
	default:
	}
	b.log.Info("gateway ready", "session", r.SessionID != "")
}

func (b *Bot) onConnect(_ *discordgo.Session, _ *discordgo.Connect) {
	b.disconnectedAt.Store(0)
}

func (b *Bot) onDisconnect(_ *discordgo.Session, _ *discordgo.Disconnect) {
	b.disconnectedAt.CompareAndSwap(0, b.now().UnixNano())
	b.log.Warn("gateway disconnected; discordgo is reconnecting")
}

// Surfaces a question can arrive on, for logs.
const (
	surfaceSlash   = "slash"
	surfaceButton  = "button"
	surfaceDM      = "dm"
	surfaceMention = "mention"
)

const apology = "Sorry, something went wrong on my side while answering. Please try again in a moment."

// guard runs fn as one event: it is skipped while shutting down, counted
// as in flight, and a panic in it is recovered, logged and answered with an
// apology instead of silence.
func (b *Bot) guard(what string, apologise func(), fn func()) {
	if b.closing.Load() {
		return
	}
	b.flight.Add(1)
	defer b.flight.Done()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked", "event", what, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if apologise != nil {
				func() {
					defer func() { _ = recover() }()
					apologise()
				}()
			}
		}
	}()
	fn()
}

// onInteraction answers slash commands, autocomplete and component clicks.
func (b *Bot) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.HandleInteraction(context.Background(), ic.Interaction)
}

// interactionDeadline is how long the first response may take: Discord
// drops interactions not answered within 3 seconds.
const interactionDeadline = 2800 * time.Millisecond

// HandleInteraction answers one interaction. It is exported for tests and
// for transports other than the gateway.
func (b *Bot) HandleInteraction(ctx context.Context, i *discordgo.Interaction) {
	ctx, cancel := context.WithTimeout(ctx, interactionDeadline)
	defer cancel()
	b.guard("interaction", func() {
		_ = b.respond(ctx, i, message{Content: apology, Ephemeral: true}, discordgo.InteractionResponseChannelMessageWithSource)
	}, func() {
		resp, kind := b.interactionResponse(i)
		if resp == nil {
			return
		}
		if err := b.post(ctx, i, resp); err != nil {
			b.log.Warn("could not answer interaction", "interaction", i.ID, "kind", kind, "err", err)
		}
	})
}

// interactionResponse builds the response to i, or nil for none.
func (b *Bot) interactionResponse(i *discordgo.Interaction) (*discordgo.InteractionResponse, string) {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return b.autocomplete(i), "autocomplete"
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		switch data.Name {
		case "ask":
			q := ""
			for _, o := range data.Options {
				if o.Name == "question" && o.Type == discordgo.ApplicationCommandOptionString {
					q = o.StringValue()
				}
			}
			return b.askResponse(i, surfaceSlash, func() *answers.Reply { return b.eng.Ask(q) }, q), "ask"
		case "topics":
			return channelMessage(topicsMessage(b.eng.Knowledge())), "topics"
		case "sources":
			return channelMessage(sourcesMessage(b.eng.Knowledge())), "sources"
		case "help":
			return channelMessage(helpMessage()), "help"
		}
		return channelMessage(message{Content: "I don't know that command. Try /help.", Ephemeral: true}), "unknown"
	case discordgo.InteractionMessageComponent:
		data := i.MessageComponentData()
		switch {
		case strings.HasPrefix(data.CustomID, idAsk):
			id := strings.TrimPrefix(data.CustomID, idAsk)
			return b.askResponse(i, surfaceButton, func() *answers.Reply { return b.eng.AnswerEntry(id) }, id), "button"
		case data.CustomID == idNone:
			b.log.Info("question", "surface", surfaceButton, "entry", "none-of-these")
			return &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: message{Content: "Sorry I couldn't help with that. Try /topics to see what I can answer, or ask it another way."}.interactionData(),
			}, "none"
		case data.CustomID == idTopic && len(data.Values) > 0:
			return &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: topicMessage(b.eng.Knowledge(), data.Values[0]).interactionData(),
			}, "topic"
		}
		return channelMessage(message{Content: "That button has expired. Try /ask again.", Ephemeral: true}), "unknown"
	}
	return nil, "ignored"
}

// askResponse answers a question from a slash command or a button.
func (b *Bot) askResponse(i *discordgo.Interaction, surface string, ask func() *answers.Reply, question string) *discordgo.InteractionResponse {
	if ok, wait := b.limiter.allow(interactionUser(i), b.now()); !ok {
		return channelMessage(rateLimited(wait))
	}
	r := b.timed(surface, question, ask)
	if r == nil {
		return channelMessage(message{Content: "That question is no longer in my knowledge base. Try /topics.", Ephemeral: true})
	}
	return channelMessage(replyMessage(r))
}

// timed runs ask and logs one line about the question.
func (b *Bot) timed(surface, question string, ask func() *answers.Reply) *answers.Reply {
	start := b.now()
	r := ask()
	attrs := []any{"surface", surface, "latency", time.Since(start).Round(time.Microsecond)}
	switch {
	case r == nil:
		attrs = append(attrs, "entry", "unknown")
	case r.Answered:
		attrs = append(attrs, "entry", r.EntryID(), "score", r.Score)
	default:
		attrs = append(attrs, "entry", "declined", "reason", r.Reason.String(), "score", r.Score)
	}
	b.log.Info("question", attrs...)
	b.log.Debug("question text", "surface", surface, "text", answers.Truncate(question, 300))
	return r
}

func rateLimited(wait time.Duration) message {
	return message{
		Content:   fmt.Sprintf("You're asking faster than I can keep up. Please wait about %d seconds and ask again.", max(1, int(wait.Seconds()))),
		Ephemeral: true,
	}
}

func channelMessage(m message) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.interactionData()}
}

// autocomplete suggests up to 25 questions matching what the user has
// typed so far.
func (b *Bot) autocomplete(i *discordgo.Interaction) *discordgo.InteractionResponse {
	partial := ""
	for _, o := range i.ApplicationCommandData().Options {
		if o.Focused && o.Type == discordgo.ApplicationCommandOptionString {
			partial = o.StringValue()
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, e := range b.eng.Complete(partial, maxChoices) {
		q := cut(e.Question, maxChoiceName)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: q, Value: cut(e.Question, maxQuestionLen)})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return "unknown"
}

// respond sends m as the response to i.
func (b *Bot) respond(ctx context.Context, i *discordgo.Interaction, m message, typ discordgo.InteractionResponseType) error {
	return b.post(ctx, i, &discordgo.InteractionResponse{Type: typ, Data: m.interactionData()})
}

// post sends an interaction response with a plain HTTP request rather than
// discordgo's InteractionRespond: discordgo v0.29.0 creates a rate-limit
// bucket per interaction token and never frees it (#1333), so memory would
// grow with every question. Interaction callbacks are not rate-limited per
// bot, so nothing is lost.
func (b *Bot) post(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	body, err := json.Marshal(resp)
	if err != nil {
		return err
	}
	u := apiURL() + "interactions/" + url.PathEscape(i.ID) + "/" + url.PathEscape(i.Token) + "/callback"
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if err != nil {
			return redact(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", b.s.UserAgent)
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

// mentionRe matches a mention of a user: <@id> or <@!id>.
var mentionRe = regexp.MustCompile(`<@!?(\d+)>`)

// onMessage answers direct messages, and messages in servers that mention
// the bot. It ignores bots (itself included) and everything else.
func (b *Bot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	b.HandleMessage(context.Background(), m.Message)
}

// HandleMessage answers one message if it is for the bot. It is exported
// for tests.
func (b *Bot) HandleMessage(ctx context.Context, m *discordgo.Message) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.ID == b.botIDValue() {
		return
	}
	surface := surfaceDM
	if m.GuildID != "" {
		if !b.mentioned(m) {
			return
		}
		surface = surfaceMention
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	send := func(msg message) {
		if _, err := b.s.ChannelMessageSendComplex(m.ChannelID, msg.messageSend(m.SoftReference()), discordgo.WithContext(ctx)); err != nil {
			b.log.Warn("could not reply to message", "channel", m.ChannelID, "err", redact(err))
		}
	}
	b.guard("message", func() { send(message{Content: apology}) }, func() {
		if ok, wait := b.limiter.allow(m.Author.ID, b.now()); !ok {
			send(rateLimited(wait))
			return
		}
		q := b.stripMention(m.Content)
		r := b.timed(surface, q, func() *answers.Reply { return b.eng.Ask(q) })
		msg := replyMessage(r)
		msg.Ephemeral = false // no such thing outside interactions
		send(msg)
	})
}

// mentioned reports whether m mentions the bot itself (not a role, not
// @everyone).
func (b *Bot) mentioned(m *discordgo.Message) bool {
	id := b.botIDValue()
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	for _, sm := range mentionRe.FindAllStringSubmatch(m.Content, -1) {
		if sm[1] == id {
			return true
		}
	}
	return false
}

// stripMention removes mentions of the bot from a question.
func (b *Bot) stripMention(content string) string {
	id := b.botIDValue()
	return strings.TrimSpace(mentionRe.ReplaceAllStringFunc(content, func(s string) string {
		if mentionRe.FindStringSubmatch(s)[1] == id {
			return " "
		}
		return s
	}))
}

// The discordgo logger is process-wide; the running bot installs its own,
// which forwards to slog and watches for fatal close codes (discordgo
// v0.29.0 logs them and then retries forever).
// discordgo.Logger is a plain package variable, so it is set once, before
// any session exists, and routes to whichever bot is running.
var (
	loggerMu   sync.Mutex
	loggerBot  *Bot
	loggerOnce sync.Once
)

func installLogger(b *Bot) {
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

func uninstallLogger(b *Bot) {
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
