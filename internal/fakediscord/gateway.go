package fakediscord

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

const (
	writeTimeout = 5 * time.Second
	// closeWait is how long a connection that was sent a close frame waits
	// for the client's close frame before dropping the TCP connection.
	closeWait = 3 * time.Second
	// maxReplay bounds the dispatches kept per session for RESUME.
	maxReplay = 1000
)

// session is a gateway session: what RESUME continues.
type session struct {
	id      string
	seq     int64
	valid   bool
	events  []sentEvent // dispatches kept for replay, oldest first
	trimmed int64       // highest sequence number dropped from events
}

type sentEvent struct {
	seq   int64
	frame []byte
}

// gwConn is one gateway websocket connection.
type gwConn struct {
	s  *Server
	ws *websocket.Conn
	n  int

	writeMu sync.Mutex // serialises writes; acquire before s.mu, never after

	// Guarded by s.mu.
	identified bool
	ready      bool
	closing    bool
	sess       *session
}

// sessionCounter numbers sessions across all fakes in the process.
var sessionCounter atomic.Int64

// fatalClose reports whether Discord treats a close code as "do not
// reconnect"; CloseWith makes those sticky.
func fatalClose(code int) bool {
	switch code {
	case 4004, 4010, 4011, 4012, 4013, 4014:
		return true
	}
	return false
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		http.Error(w, "fakediscord: only encoding=json is supported", http.StatusBadRequest)
		return
	}
	if q.Get("compress") != "" {
		http.Error(w, "fakediscord: transport compression is not supported", http.StatusBadRequest)
		return
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	c := &gwConn{s: s, ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.wg.Add(1)
	defer s.wg.Done()
	s.conns++
	c.n = s.conns
	s.latest = c
	s.active[c] = struct{}{}
	s.tracefLocked("gw#%d: connected %s", c.n, r.URL.RequestURI())
	s.notifyLocked()
	s.mu.Unlock()

	defer func() {
		ws.Close()
		s.mu.Lock()
		delete(s.active, c)
		if s.cur == c {
			s.cur = nil
		}
		if s.latest == c {
			s.latest = nil
		}
		c.ready = false
		s.notifyLocked()
		s.mu.Unlock()
	}()

	if v := q.Get("v"); v != "" && v != "9" && v != "10" {
		c.closeWith(4012, "Invalid API version.")
	} else {
		ms := s.opt.HeartbeatInterval.Milliseconds()
		if ms < 1 {
			ms = 1
		}
		c.writeJSON("HELLO", map[string]any{"op": opHello, "s": nil, "t": nil,
			"d": map[string]any{"heartbeat_interval": ms}})
	}
	c.readLoop()
}

// readLoop handles the client's payloads until the connection ends.
func (c *gwConn) readLoop() {
	s := c.s
	c.ws.SetCloseHandler(func(code int, _ string) error {
		// A client closing with 1000 or 1001 ends its session. Done before
		// the close is echoed, so a client that saw the echo cannot resume.
		s.mu.Lock()
		if !c.closing && (code == websocket.CloseNormalClosure || code == websocket.CloseGoingAway) && c.sess != nil {
			c.sess.valid = false
		}
		s.mu.Unlock()
		// What gorilla/websocket's default handler does: echo the code.
		var msg []byte
		if code != websocket.CloseNoStatusReceived {
			msg = websocket.FormatCloseMessage(code, "")
		}
		c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(writeTimeout))
		return nil
	})
	for {
		mt, msg, err := c.ws.ReadMessage()
		if err != nil {
			s.mu.Lock()
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				s.tracefLocked("gw#%d: client closed with %d %q", c.n, ce.Code, ce.Text)
			} else {
				s.tracefLocked("gw#%d: ended: %v", c.n, err)
			}
			s.mu.Unlock()
			return
		}
		s.mu.Lock()
		closing := c.closing
		s.mu.Unlock()
		if closing {
			continue // waiting for the client's close frame
		}
		if mt != websocket.TextMessage {
			c.closeWith(4002, "Error while decoding payload.")
			continue
		}
		var p struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(msg, &p); err != nil || p.Op == nil {
			c.closeWith(4002, "Error while decoding payload.")
			continue
		}
		switch *p.Op {
		case opHeartbeat:
			s.tracef("gw#%d: <- HEARTBEAT %s", c.n, p.D)
			c.writeJSON("HEARTBEAT_ACK", map[string]any{"op": opHeartbeatAck, "s": nil, "t": nil, "d": nil})
		case opIdentify:
			c.handleIdentify(p.D)
		case opResume:
			c.handleResume(p.D)
		case opPresenceUpdate, opVoiceState, opRequestMembers:
			s.mu.Lock()
			identified := c.identified
			s.tracefLocked("gw#%d: <- op %d %s", c.n, *p.Op, p.D)
			s.mu.Unlock()
			if !identified {
				c.closeWith(4003, "Not authenticated.")
			}
		default:
			s.tracef("gw#%d: <- unknown op %d", c.n, *p.Op)
			c.closeWith(4001, "Unknown opcode.")
		}
	}
}

// checkToken reports whether a gateway token is the bot's.
func (s *Server) checkToken(tok string) bool {
	return tok == "Bot "+s.token || tok == s.token
}

// preflight handles what IDENTIFY and RESUME share: a sticky close and a
// connection that is already authenticated. It reports whether to go on.
func (c *gwConn) preflight() bool {
	s := c.s
	s.mu.Lock()
	sticky, identified := s.sticky, c.identified
	s.mu.Unlock()
	switch {
	case sticky != nil:
		c.closeWith(sticky.code, sticky.reason)
		return false
	case identified:
		c.closeWith(4005, "Already authenticated.")
		return false
	}
	return true
}

func (c *gwConn) handleIdentify(raw json.RawMessage) {
	s := c.s
	var d struct {
		Token    string  `json:"token"`
		Intents  *int64  `json:"intents"`
		Compress bool    `json:"compress"`
		Shard    *[2]int `json:"shard"`
	}
	err := json.Unmarshal(raw, &d)
	s.mu.Lock()
	s.identify = bytes.Clone(raw)
	s.tracefLocked("gw#%d: <- IDENTIFY intents=%v compress=%v", c.n, ptrVal(d.Intents), d.Compress)
	s.mu.Unlock()
	if err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	if !c.preflight() {
		return
	}
	switch {
	case !s.checkToken(d.Token):
		c.closeWith(4004, "Authentication failed.")
		return
	case d.Intents == nil || *d.Intents < 0 || *d.Intents >= 1<<26:
		c.closeWith(4013, "Invalid intent(s).")
		return
	case *d.Intents&privilegedIntents&^s.opt.PrivilegedIntents != 0:
		c.closeWith(4014, "Disallowed intent(s).")
		return
	case d.Shard != nil && (d.Shard[1] < 1 || d.Shard[0] < 0 || d.Shard[0] >= d.Shard[1]):
		c.closeWith(4010, "Invalid shard.")
		return
	}

	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	s.mu.Lock()
	if c.closing {
		s.mu.Unlock()
		return
	}
	if s.sess != nil {
		s.sess.valid = false
	}
	// Session ids are unique in the process, so a discordgo session left
	// over from another test cannot RESUME into this fake.
	sess := &session{id: fmt.Sprintf("fake-session-%d", sessionCounter.Add(1)), valid: true, seq: 1}
	s.sess = sess
	c.sess = sess
	c.identified = true
	ready := map[string]any{
		"v":                  10,
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": s.GatewayURL(),
		"user":               s.botUser(),
		"application":        map[string]any{"id": s.opt.AppID, "flags": 0},
		"guilds":             []any{},
		"private_channels":   []any{},
	}
	if d.Shard != nil {
		ready["shard"] = d.Shard
	}
	frame, _ := json.Marshal(map[string]any{"op": opDispatch, "s": sess.seq, "t": "READY", "d": ready})
	s.tracefLocked("gw#%d: -> READY s=1 %s", c.n, sess.id)
	// Ready from now on: c.writeMu is held, so a Dispatch cannot overtake
	// READY, and a client that got READY always finds the connection ready.
	c.ready = true
	s.cur = c
	s.notifyLocked()
	s.mu.Unlock()

	mt := websocket.TextMessage
	if d.Compress {
		frame, mt = zlibCompress(frame), websocket.BinaryMessage
	}
	c.writeFrameLocked(mt, frame)
}

func (c *gwConn) handleResume(raw json.RawMessage) {
	s := c.s
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	err := json.Unmarshal(raw, &d)
	s.tracef("gw#%d: <- RESUME session=%s seq=%d", c.n, d.SessionID, d.Seq)
	if err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	if !c.preflight() {
		return
	}
	if !s.checkToken(d.Token) {
		c.closeWith(4004, "Authentication failed.")
		return
	}

	s.mu.Lock()
	badSeq := s.sess != nil && s.sess.valid && s.sess.id == d.SessionID && d.Seq > s.sess.seq
	s.mu.Unlock()
	if badSeq {
		c.closeWith(4007, "Invalid seq.")
		return
	}

	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	s.mu.Lock()
	if c.closing {
		s.mu.Unlock()
		return
	}
	sess := s.sess
	if sess == nil || !sess.valid || sess.id != d.SessionID || d.Seq < sess.trimmed || d.Seq > sess.seq {
		s.tracefLocked("gw#%d: -> INVALID_SESSION", c.n)
		s.mu.Unlock()
		frame, _ := json.Marshal(map[string]any{"op": opInvalidSession, "s": nil, "t": nil, "d": false})
		c.writeFrameLocked(websocket.TextMessage, frame)
		return
	}
	var frames [][]byte
	for _, e := range sess.events {
		if e.seq > d.Seq {
			frames = append(frames, e.frame)
		}
	}
	sess.seq++
	resumed, _ := json.Marshal(map[string]any{"op": opDispatch, "s": sess.seq, "t": "RESUMED", "d": map[string]any{}})
	frames = append(frames, resumed)
	// Discord keeps one connection per session: an older one is replaced.
	for o := range s.active {
		if o != c && o.sess == sess {
			o.ready = false
			o.sess = nil
		}
	}
	c.sess = sess
	c.identified = true
	s.tracefLocked("gw#%d: -> %d replayed dispatch(es), RESUMED s=%d", c.n, len(frames)-1, sess.seq)
	c.ready = true // c.writeMu is held: nothing overtakes the replay
	s.cur = c
	s.notifyLocked()
	s.mu.Unlock()

	for _, f := range frames {
		if err := c.writeFrameLocked(websocket.TextMessage, f); err != nil {
			return
		}
	}
}

// writeJSON sends v as a text frame.
func (c *gwConn) writeJSON(what string, v any) error {
	frame, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.s.tracef("gw#%d: -> %s", c.n, what)
	return c.writeFrameLocked(websocket.TextMessage, frame)
}

// writeFrameLocked sends one frame; c.writeMu must be held.
func (c *gwConn) writeFrameLocked(mt int, frame []byte) error {
	c.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
	return c.ws.WriteMessage(mt, frame)
}

// closeWith sends a close frame with code and reason, then waits (in the read
// loop) for the client's close frame before the connection is dropped.
func (c *gwConn) closeWith(code int, reason string) {
	s := c.s
	s.mu.Lock()
	if c.closing {
		s.mu.Unlock()
		return
	}
	c.closing = true
	c.ready = false
	if s.cur == c {
		s.cur = nil
	}
	s.tracefLocked("gw#%d: -> close %d %q", c.n, code, reason)
	s.notifyLocked()
	s.mu.Unlock()

	c.writeMu.Lock()
	err := c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(writeTimeout))
	c.writeMu.Unlock()
	if err != nil {
		c.ws.NetConn().Close()
		return
	}
	c.ws.SetReadDeadline(time.Now().Add(closeWait))
}

// currentReady returns the current connection if it is READY.
func (s *Server) currentReady() (*gwConn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("fakediscord: server closed")
	}
	if s.cur == nil || !s.cur.ready {
		return nil, errors.New("fakediscord: no gateway connection has completed IDENTIFY/RESUME")
	}
	return s.cur, nil
}

// Dispatch sends {"op":0,"s":n,"t":event,"d":data} with the session's next
// sequence number on the current connection (the latest one that completed
// IDENTIFY or RESUME). data is encoded with
// encoding/json (pass a json.RawMessage to send JSON as is). It fails if no
// connection has completed IDENTIFY or RESUME. The event is kept for replay on
// RESUME, so if writing fails the client still gets it after resuming.
//
// An INTERACTION_CREATE's id, token, application_id and channel_id are
// remembered so that its callback and webhook calls are accepted.
func (s *Server) Dispatch(event string, data any) error {
	if event == "" {
		return errors.New("fakediscord: Dispatch needs an event name")
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("fakediscord: encoding %s: %w", event, err)
	}
	c, err := s.currentReady()
	if err != nil {
		return err
	}
	if event == "INTERACTION_CREATE" {
		if err := s.registerInteraction(raw); err != nil {
			return err
		}
	}

	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	s.mu.Lock()
	if s.cur != c || !c.ready || c.sess == nil {
		s.mu.Unlock()
		return errors.New("fakediscord: the gateway connection went away")
	}
	sess := c.sess
	sess.seq++
	frame, err := json.Marshal(map[string]any{"op": opDispatch, "s": sess.seq, "t": event, "d": json.RawMessage(raw)})
	if err != nil {
		s.mu.Unlock()
		return err
	}
	sess.events = append(sess.events, sentEvent{seq: sess.seq, frame: frame})
	if len(sess.events) > maxReplay {
		sess.trimmed = sess.events[0].seq
		sess.events = sess.events[1:]
	}
	s.tracefLocked("gw#%d: -> %s s=%d", c.n, event, sess.seq)
	s.mu.Unlock()
	if err := c.writeFrameLocked(websocket.TextMessage, frame); err != nil {
		return fmt.Errorf("fakediscord: writing %s: %w", event, err)
	}
	return nil
}

// target returns the connection test controls act on: the current READY
// connection, else the latest accepted one still open.
func (s *Server) targetLocked() *gwConn {
	if s.cur != nil {
		return s.cur
	}
	return s.latest
}

// RequestReconnect sends RECONNECT (op 7) on the current connection, as
// Discord does before moving a client; the client should close and RESUME
// (discordgo closes with 1012, which keeps the session resumable).
//
// The "current connection" of RequestReconnect, DropConnection and CloseWith
// is the latest one that completed IDENTIFY or RESUME, or else the latest
// accepted one that is still open.
func (s *Server) RequestReconnect() error {
	s.mu.Lock()
	c := s.targetLocked()
	s.mu.Unlock()
	if c == nil {
		return errors.New("fakediscord: no gateway connection")
	}
	return c.writeJSON("RECONNECT", map[string]any{"op": opReconnect, "s": nil, "t": nil, "d": nil})
}

// DropConnection abruptly closes the current websocket's TCP connection (no
// close frame), so the client has to reconnect. The session stays resumable
// and Dispatch fails until a client has IDENTIFYed or RESUMEd again.
func (s *Server) DropConnection() {
	s.mu.Lock()
	c := s.targetLocked()
	if c != nil {
		if s.cur == c {
			s.cur = nil
		}
		c.ready = false
		c.closing = true
		s.tracefLocked("gw#%d: dropped", c.n)
	}
	s.notifyLocked()
	s.mu.Unlock()
	if c != nil {
		c.ws.NetConn().Close()
	}
}

// CloseWith sends a close frame with code and reason on the current
// connection (if any), then closes it once the client answers (or after 3s).
// Codes Discord treats as fatal (4004, 4010, 4011, 4012, 4013, 4014) are
// sticky: every later IDENTIFY or RESUME is closed with the same code and
// reason, as Discord would keep doing for a bad token or disallowed intents.
// Codes 4007 and 4009 also invalidate the session, so a RESUME gets
// INVALID_SESSION; other codes (e.g. 4000) leave it resumable.
func (s *Server) CloseWith(code int, reason string) {
	s.mu.Lock()
	if fatalClose(code) {
		s.sticky = &closeCode{code: code, reason: reason}
	}
	if (code == 4007 || code == 4009) && s.sess != nil {
		s.sess.valid = false
	}
	c := s.targetLocked()
	s.mu.Unlock()
	if c != nil {
		c.closeWith(code, reason)
	}
}

func zlibCompress(b []byte) []byte {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func ptrVal(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}
