package fakediscord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Options configure the fake.
type Options struct {
	// Token is the bot token the fake accepts, without the "Bot " prefix (a
	// leading "Bot " is removed). REST calls whose Authorization header is not
	// "Bot "+Token get 401 {"message":"401: Unauthorized","code":0}; an IDENTIFY
	// or RESUME whose token is neither "Bot "+Token nor Token is closed with
	// 4004 "Authentication failed.". Default "fake-bot-token".
	Token string
	// AppID is the application id, which is also the bot's user id in READY.
	// Default "100000000000000001".
	AppID string
	// BotName is the bot's username. Default "bpobot".
	BotName string
	// HeartbeatInterval is sent in HELLO (rounded down to milliseconds, at
	// least 1ms). Default 41250ms, Discord's usual value. Keep the default
	// for discordgo clients: a short interval makes discordgo v0.29.0
	// reconnect twice or after Close (see the package documentation).
	HeartbeatInterval time.Duration
	// PrivilegedIntents lists the privileged gateway intents enabled for the
	// application, as a bit set: 1<<1 GUILD_MEMBERS, 1<<8 GUILD_PRESENCES,
	// 1<<15 MESSAGE_CONTENT. An IDENTIFY asking for a privileged intent not
	// listed here is closed with 4014 "Disallowed intent(s).". Default none,
	// like a new Discord application.
	PrivilegedIntents int64
	// Shards and MaxConcurrency are what GET /gateway/bot recommends: the
	// shard count and how many shards may identify at once. Default 1 each.
	Shards, MaxConcurrency int
}

// privilegedIntents are the intents Discord makes the developer enable.
const privilegedIntents = 1<<1 | 1<<8 | 1<<15

// Request is one REST request the fake received.
type Request struct {
	Method string
	// Path is the URL path without the "/api/v9" (or "/api/v10") prefix, e.g.
	// "/interactions/123/tok/callback"; paths outside the API are kept whole.
	Path string
	// Query is the parsed query string (e.g. wait=true on webhook executes).
	Query  url.Values
	Header http.Header
	Body   []byte
}

// JSON decodes the request's JSON body into v. For a multipart/form-data body
// (messages with files) it decodes the "payload_json" part.
func (r Request) JSON(v any) error {
	body, err := r.jsonBody()
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// jsonBody returns the JSON document of the body, taken from payload_json
// when the body is multipart.
func (r Request) jsonBody() ([]byte, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return r.Body, nil
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil, errors.New("fakediscord: multipart body without payload_json")
		}
		if err != nil {
			return nil, fmt.Errorf("fakediscord: reading multipart body: %w", err)
		}
		if p.FormName() == "payload_json" {
			return io.ReadAll(p)
		}
	}
}

// attachedFiles lists the file parts of a multipart body (name and size).
func (r Request) attachedFiles() []fileInfo {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil
	}
	var files []fileInfo
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return files
		}
		if p.FormName() == "payload_json" || p.FileName() == "" {
			continue
		}
		n, _ := io.Copy(io.Discard, p)
		files = append(files, fileInfo{name: p.FileName(), size: n, contentType: p.Header.Get("Content-Type")})
	}
}

type fileInfo struct {
	name        string
	size        int64
	contentType string
}

// clone returns a deep copy, so callers cannot change the recorded request.
func (r Request) clone() Request {
	r.Header = r.Header.Clone()
	r.Query = cloneValues(r.Query)
	r.Body = bytes.Clone(r.Body)
	return r
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// Server is a running fake of Discord. Create it with New.
type Server struct {
	opt     Options
	token   string // without "Bot "
	httpSrv *httptest.Server
	base    string // http://127.0.0.1:PORT
	tb      testing.TB

	upgrader websocket.Upgrader
	wg       sync.WaitGroup // gateway connection handlers
	ids      atomic.Int64

	mu           sync.Mutex
	closed       bool
	changed      chan struct{} // closed and replaced on every state change
	conns        int
	cur          *gwConn // latest connection that completed IDENTIFY/RESUME, while open
	latest       *gwConn // latest accepted connection, while open
	active       map[*gwConn]struct{}
	sess         *session
	identify     json.RawMessage
	sticky       *closeCode
	requests     []Request
	trace        []string
	interactions map[string]*interaction // by interaction id
	byToken      map[string]*interaction // by interaction token
	messages     map[string]map[string]any
	commands     map[string][]map[string]any // by scope ("" or guild id)
	commandIDs   map[string]string           // scope + "\x00" + name -> id
	dms          map[string]string           // recipient -> channel id
}

type closeCode struct {
	code   int
	reason string
}

// New starts a fake Discord on 127.0.0.1 (a random port); t.Cleanup closes it.
// Close any discordgo session using it before the test ends (register its
// cleanup after calling New), or discordgo will keep trying to reconnect.
func New(t testing.TB, opt Options) *Server {
	t.Helper()
	opt.Token = strings.TrimPrefix(opt.Token, "Bot ")
	if opt.Token == "" {
		opt.Token = "fake-bot-token"
	}
	if opt.AppID == "" {
		opt.AppID = "100000000000000001"
	}
	if opt.BotName == "" {
		opt.BotName = "bpobot"
	}
	if opt.HeartbeatInterval <= 0 {
		opt.HeartbeatInterval = 41250 * time.Millisecond
	}
	s := &Server{
		opt:          opt,
		token:        opt.Token,
		tb:           t,
		changed:      make(chan struct{}),
		active:       map[*gwConn]struct{}{},
		interactions: map[string]*interaction{},
		byToken:      map[string]*interaction{},
		messages:     map[string]map[string]any{},
		commands:     map[string][]map[string]any{},
		commandIDs:   map[string]string{},
		dms:          map[string]string{},
	}
	s.upgrader = websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		CheckOrigin:      func(*http.Request) bool { return true },
	}
	// The ids look like snowflakes minted now.
	s.ids.Store((time.Now().UnixMilli() - discordEpochMillis) << 22)

	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("fakediscord: listen on 127.0.0.1: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.serveGateway)
	mux.HandleFunc("/gateway/", s.serveGateway) // discordgo appends "/" to the URL
	mux.HandleFunc("/", s.serveREST)
	s.httpSrv = httptest.NewUnstartedServer(mux)
	s.httpSrv.Listener.Close()
	s.httpSrv.Listener = ln
	s.httpSrv.Start()
	s.base = s.httpSrv.URL
	t.Cleanup(func() {
		if t.Failed() {
			s.logTrace()
		}
		s.Close()
	})
	return s
}

// APIURL returns the REST base URL, ending with "/api/v9/", e.g.
// "http://127.0.0.1:PORT/api/v9/" (what discordgo.EndpointAPI should be).
func (s *Server) APIURL() string { return s.base + "/api/v9/" }

// DiscordURL returns the site root, "http://127.0.0.1:PORT/" (what
// discordgo.EndpointDiscord should be).
func (s *Server) DiscordURL() string { return s.base + "/" }

// GatewayURL returns the websocket URL, "ws://127.0.0.1:PORT/gateway", which
// GET /gateway also returns.
func (s *Server) GatewayURL() string {
	return "ws://" + strings.TrimPrefix(s.base, "http://") + "/gateway"
}

// Close shuts the fake down: gateway connections are dropped and the listener
// closed. It is idempotent and is called by t.Cleanup.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.cur, s.latest = nil, nil
	var conns []*gwConn
	for c := range s.active {
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.NetConn().Close()
	}
	s.httpSrv.Close()
	s.wg.Wait()
}

// notifyLocked wakes every waiter. s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// tracef records a line of gateway/REST activity, printed if the test fails.
// s.mu must be held.
func (s *Server) tracefLocked(format string, args ...any) {
	const maxTrace = 1000
	if len(s.trace) >= maxTrace {
		s.trace = s.trace[1:]
	}
	s.trace = append(s.trace, time.Now().Format("15:04:05.000")+" "+fmt.Sprintf(format, args...))
}

func (s *Server) tracef(format string, args ...any) {
	s.mu.Lock()
	s.tracefLocked(format, args...)
	s.mu.Unlock()
}

func (s *Server) logTrace() {
	s.mu.Lock()
	lines := append([]string(nil), s.trace...)
	s.mu.Unlock()
	s.tb.Logf("fakediscord trace (%d lines):\n%s", len(lines), strings.Join(lines, "\n"))
}

// WaitReady waits until a client has IDENTIFYed (or RESUMEd) and been sent
// READY (or RESUMED) on the current gateway connection.
func (s *Server) WaitReady(ctx context.Context) error {
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return errors.New("fakediscord: server closed")
		}
		if s.cur != nil && s.cur.ready {
			s.mu.Unlock()
			return nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return fmt.Errorf("fakediscord: waiting for a READY connection: %w", ctx.Err())
		case <-ch:
		}
	}
}

// Identify returns the "d" of the last IDENTIFY payload received (also one
// that was refused), and false if there was none.
func (s *Server) Identify() (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.identify == nil {
		return nil, false
	}
	return bytes.Clone(s.identify), true
}

// Connections returns how many gateway websocket connections were accepted
// so far.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// Requests returns every REST request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = r.clone()
	}
	return out
}

// WaitRequest returns the first REST request, already received or still to
// come, for which match returns true. It fails when ctx ends or the server
// closes.
func (s *Server) WaitRequest(ctx context.Context, match func(Request) bool) (Request, error) {
	next := 0
	for {
		s.mu.Lock()
		pending := make([]Request, 0, len(s.requests)-next)
		for _, r := range s.requests[next:] {
			pending = append(pending, r.clone())
		}
		next = len(s.requests)
		closed := s.closed
		ch := s.changed
		s.mu.Unlock()
		for _, r := range pending {
			if match(r) {
				return r, nil
			}
		}
		if closed {
			return Request{}, errors.New("fakediscord: server closed")
		}
		select {
		case <-ctx.Done():
			return Request{}, fmt.Errorf("fakediscord: waiting for a REST request: %w", ctx.Err())
		case <-ch:
		}
	}
}

// newID returns a fresh snowflake-like id.
func (s *Server) newID() string {
	return fmt.Sprint(s.ids.Add(1))
}

// botUser is the bot's user object.
func (s *Server) botUser() map[string]any {
	return map[string]any{
		"id":            s.opt.AppID,
		"username":      s.opt.BotName,
		"discriminator": "0",
		"global_name":   nil,
		"avatar":        nil,
		"bot":           true,
		"public_flags":  0,
		"flags":         0,
	}
}
