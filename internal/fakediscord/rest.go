package fakediscord

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// interaction is what the fake remembers of a dispatched INTERACTION_CREATE.
type interaction struct {
	id, token, appID, channelID string
	itype                       int64
	acked                       bool
	original                    map[string]any // set by a type 4 or 5 response
	followups                   map[string]map[string]any
}

// Interaction types.
const (
	interactionPing         = 1
	interactionCommand      = 2
	interactionComponent    = 3
	interactionAutocomplete = 4
	interactionModalSubmit  = 5
)

// Interaction callback (response) types.
const (
	callbackChannelMessage         = 4
	callbackDeferredChannelMessage = 5
	callbackDeferredUpdateMessage  = 6
	callbackUpdateMessage          = 7
	callbackAutocompleteResult     = 8
	callbackModal                  = 9
	callbackPremiumRequired        = 10
	callbackLaunchActivity         = 12
)

// Message flags and types.
const (
	messageFlagSuppressEmbeds   = 1 << 2
	messageFlagEphemeral        = 1 << 6
	messageFlagLoading          = 1 << 7
	messageFlagIsComponentsV2   = 1 << 15
	messageTypeDefault          = 0
	messageTypeReply            = 19
	messageTypeChatInputCommand = 20
)

// Discord's JSON error codes and messages.
const (
	errCodeUnknownMessage         = 10008
	errCodeUnknownWebhook         = 10015
	errCodeUnknownInteraction     = 10062
	errCodeAlreadyAcknowledged    = 40060
	errCodeMissingAccess          = 50001
	errCodeEmptyMessage           = 50006
	errCodeInvalidFormBody        = 50035
	errCodeInvalidJSON            = 50109
	unknownInteractionMessage     = "Unknown interaction"
	alreadyAcknowledgedMessage    = "Interaction has already been acknowledged."
	unknownWebhookMessage         = "Unknown Webhook"
	unknownMessageMessage         = "Unknown Message"
	invalidFormBodyMessage        = "Invalid Form Body"
	cannotSendEmptyMessageMessage = "Cannot send an empty message"
	invalidJSONMessage            = "The request body contains invalid JSON."
	missingAccessMessage          = "Missing Access"
)

const (
	maxRequestBody           = 64 << 20
	discordEpochMillis int64 = 1420070400000
)

// registerInteraction remembers a dispatched interaction.
func (s *Server) registerInteraction(raw []byte) error {
	var d struct {
		ID        string `json:"id"`
		Token     string `json:"token"`
		AppID     string `json:"application_id"`
		ChannelID string `json:"channel_id"`
		Channel   *struct {
			ID string `json:"id"`
		} `json:"channel"`
		Type int64 `json:"type"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return fmt.Errorf("fakediscord: INTERACTION_CREATE payload: %w", err)
	}
	if d.ID == "" || d.Token == "" {
		return errors.New("fakediscord: INTERACTION_CREATE needs an id and a token")
	}
	if d.AppID == "" {
		d.AppID = s.opt.AppID
	}
	if d.ChannelID == "" && d.Channel != nil {
		d.ChannelID = d.Channel.ID
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.interactions[d.ID]; old != nil {
		delete(s.byToken, old.token)
	}
	it := &interaction{id: d.ID, token: d.Token, appID: d.AppID, channelID: d.ChannelID, itype: d.Type,
		followups: map[string]map[string]any{}}
	s.interactions[d.ID] = it
	s.byToken[d.Token] = it
	return nil
}

type authMode int

const (
	authBot      authMode = iota // Authorization must be "Bot "+Token
	authNone                     // no token needed; the header is ignored
	authOptional                 // no header is fine; a wrong one is not
)

type handler func(w http.ResponseWriter, r Request, seg []string)

// route finds the handlers (by method) for an API path.
func (s *Server) route(seg []string) (map[string]handler, authMode) {
	m := func(pattern ...string) bool {
		if len(seg) != len(pattern) {
			return false
		}
		for i, p := range pattern {
			if p != "*" && p != seg[i] {
				return false
			}
			if p == "*" && seg[i] == "" {
				return false
			}
		}
		return true
	}
	switch {
	case m("gateway"):
		return map[string]handler{"GET": s.getGateway}, authNone
	case m("gateway", "bot"):
		return map[string]handler{"GET": s.getGatewayBot}, authBot
	case m("users", "@me"):
		return map[string]handler{"GET": s.getMe}, authBot
	case m("users", "@me", "channels"):
		return map[string]handler{"POST": s.createDM}, authBot
	case m("applications", "@me"), m("oauth2", "applications", "@me"):
		return map[string]handler{"GET": s.getApplication}, authBot
	case m("applications", "*", "commands"), m("applications", "*", "guilds", "*", "commands"):
		return map[string]handler{"GET": s.getCommands, "PUT": s.putCommands}, authBot
	case m("interactions", "*", "*", "callback"):
		return map[string]handler{"POST": s.interactionCallback}, authOptional
	case m("channels", "*", "messages"):
		return map[string]handler{"POST": s.createMessage}, authBot
	case m("channels", "*", "messages", "*"):
		return map[string]handler{"GET": s.channelMessage, "PATCH": s.channelMessage, "DELETE": s.channelMessage}, authBot
	case m("channels", "*", "typing"):
		return map[string]handler{"POST": noContent}, authBot
	case m("webhooks", "*", "*"):
		return map[string]handler{"POST": s.webhookExecute}, authOptional
	case m("webhooks", "*", "*", "messages", "*"):
		return map[string]handler{"GET": s.webhookMessage, "PATCH": s.webhookMessage, "DELETE": s.webhookMessage}, authOptional
	}
	return nil, authBot
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, readErr := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	path := r.URL.Path
	apiPath, inAPI := strings.CutPrefix(path, "/api/v9")
	if !inAPI {
		apiPath, inAPI = strings.CutPrefix(path, "/api/v10")
	}
	if !inAPI || (apiPath != "" && apiPath[0] != '/') {
		apiPath, inAPI = path, false
	}
	req := Request{Method: r.Method, Path: apiPath, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body}
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.tracefLocked("rest: %s %s (%d bytes)", r.Method, r.URL.RequestURI(), len(body))
	s.notifyLocked()
	s.mu.Unlock()
	req = req.clone() // handlers may not change the recorded copy

	w.Header().Set("Content-Type", "application/json")
	if readErr != nil {
		writeError(w, http.StatusRequestEntityTooLarge, 40005, "Request entity too large")
		return
	}
	var handlers map[string]handler
	mode := authBot
	var seg []string
	if inAPI {
		seg = strings.Split(strings.Trim(apiPath, "/"), "/")
		handlers, mode = s.route(seg)
	}
	auth := r.Header.Get("Authorization")
	authOK := !inAPI || auth == "Bot "+s.token || mode == authNone || (mode == authOptional && auth == "")
	switch {
	case !authOK:
		writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
	case handlers == nil:
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
	case handlers[r.Method] == nil:
		writeError(w, http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
	default:
		handlers[r.Method](w, req, seg)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, 0, "500: fakediscord could not encode its answer: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// apiError is Discord's JSON error body.
type apiError struct {
	Message string         `json:"message"`
	Code    int            `json:"code"`
	Errors  map[string]any `json:"errors,omitempty"`
}

func writeError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, apiError{Message: message, Code: code})
}

func writeFormErrors(w http.ResponseWriter, fe formErrors) {
	writeJSON(w, http.StatusBadRequest, apiError{Message: invalidFormBodyMessage, Code: errCodeInvalidFormBody, Errors: fe})
}

func noContent(w http.ResponseWriter, _ Request, _ []string) {
	w.Header().Del("Content-Type")
	w.WriteHeader(http.StatusNoContent)
}

// decodeJSON decodes the request's JSON (payload_json for multipart) keeping
// numbers exact.
func decodeJSON(r Request) (any, error) {
	body, err := r.jsonBody()
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after JSON")
	}
	return v, nil
}

// decodeObject decodes a JSON object body, answering 400 if it is not one.
func decodeObject(w http.ResponseWriter, r Request) (map[string]any, bool) {
	v, err := decodeJSON(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, errCodeInvalidJSON, invalidJSONMessage)
		return nil, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		fe := formErrors{}
		fe.add([]string{"_errors"}, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
		writeFormErrors(w, fe)
		return nil, false
	}
	return m, true
}

func (s *Server) getGateway(w http.ResponseWriter, _ Request, _ []string) {
	writeJSON(w, http.StatusOK, map[string]any{"url": s.GatewayURL()})
}

func (s *Server) getGatewayBot(w http.ResponseWriter, _ Request, _ []string) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url":    s.GatewayURL(),
		"shards": max(1, s.opt.Shards),
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": max(1, s.opt.MaxConcurrency),
		},
	})
}

func (s *Server) getMe(w http.ResponseWriter, _ Request, _ []string) {
	u := s.botUser()
	u["verified"] = true
	u["mfa_enabled"] = false
	writeJSON(w, http.StatusOK, u)
}

func (s *Server) getApplication(w http.ResponseWriter, _ Request, _ []string) {
	writeJSON(w, http.StatusOK, map[string]any{
		"id": s.opt.AppID, "name": s.opt.BotName, "description": "", "icon": nil,
		"bot_public": false, "bot_require_code_grant": false, "flags": 0,
		"bot": s.botUser(), "verify_key": "",
	})
}

func (s *Server) createDM(w http.ResponseWriter, r Request, _ []string) {
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	rid, _ := obj["recipient_id"].(string)
	if rid == "" {
		fe := formErrors{}
		fe.add([]string{"recipient_id"}, "BASE_TYPE_REQUIRED", "This field is required")
		writeFormErrors(w, fe)
		return
	}
	s.mu.Lock()
	id := s.dms[rid]
	if id == "" {
		id = s.newID()
		s.dms[rid] = id
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{
		"id": id, "type": 1, "last_message_id": nil, "flags": 0,
		"recipients": []any{map[string]any{
			"id": rid, "username": "user" + rid, "discriminator": "0", "global_name": nil, "avatar": nil,
		}},
	})
}

// commandScope returns the application id and the scope ("" or a guild id)
// of a commands path.
func commandScope(seg []string) (app, guild string) {
	if len(seg) == 5 {
		return seg[1], seg[3]
	}
	return seg[1], ""
}

func (s *Server) getCommands(w http.ResponseWriter, _ Request, seg []string) {
	app, guild := commandScope(seg)
	if app != s.opt.AppID {
		writeError(w, http.StatusForbidden, errCodeMissingAccess, missingAccessMessage)
		return
	}
	s.mu.Lock()
	cmds := s.commands[guild]
	s.mu.Unlock()
	if cmds == nil {
		cmds = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, cmds)
}

func (s *Server) putCommands(w http.ResponseWriter, r Request, seg []string) {
	app, guild := commandScope(seg)
	if app != s.opt.AppID {
		writeError(w, http.StatusForbidden, errCodeMissingAccess, missingAccessMessage)
		return
	}
	v, err := decodeJSON(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, errCodeInvalidJSON, invalidJSONMessage)
		return
	}
	arr, ok := v.([]any)
	if !ok {
		fe := formErrors{}
		fe.add(nil, "BASE_TYPE_ARRAY", "Must be an array.")
		writeFormErrors(w, fe)
		return
	}
	if fe := validateCommands(arr); len(fe) > 0 {
		writeFormErrors(w, fe)
		return
	}
	out := make([]map[string]any, 0, len(arr))
	s.mu.Lock()
	for _, c := range arr {
		in := c.(map[string]any) // checked by validateCommands
		cmd := map[string]any{}
		for k, v := range in {
			cmd[k] = v
		}
		typ := int64(1)
		if t, ok := toInt(in["type"]); ok {
			typ = t
		}
		cmd["type"] = typ
		name, _ := in["name"].(string)
		key := guild + "\x00" + fmt.Sprint(typ) + "\x00" + name
		id := s.commandIDs[key]
		if id == "" {
			id = s.newID()
			s.commandIDs[key] = id
		}
		cmd["id"] = id
		cmd["application_id"] = app
		cmd["version"] = s.newID()
		if _, ok := cmd["description"]; !ok {
			cmd["description"] = ""
		}
		if _, ok := cmd["default_member_permissions"]; !ok {
			cmd["default_member_permissions"] = nil
		}
		if _, ok := cmd["nsfw"]; !ok {
			cmd["nsfw"] = false
		}
		if guild != "" {
			cmd["guild_id"] = guild
		}
		out = append(out, cmd)
	}
	s.commands[guild] = out
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// nowTimestamp formats the current time like Discord's ISO8601 timestamps.
func nowTimestamp() string {
	return time.Now().UTC().Format("2006-01-02T15:04:05.000000+00:00")
}

// newMessage builds a message object the bot sent to channelID from the
// request object in (content, embeds, components, ...), with attachments for
// the uploaded files.
func (s *Server) newMessage(channelID string, in map[string]any, files []fileInfo) map[string]any {
	id := s.newID()
	m := map[string]any{
		"id": id, "type": messageTypeDefault, "channel_id": channelID, "author": s.botUser(),
		"content": "", "timestamp": nowTimestamp(), "edited_timestamp": nil, "tts": false,
		"mention_everyone": false, "mentions": []any{}, "mention_roles": []any{},
		"attachments": []any{}, "embeds": []any{}, "components": []any{}, "pinned": false, "flags": 0,
	}
	for _, k := range []string{"content", "embeds", "components", "tts", "nonce", "poll", "flags"} {
		if v, ok := in[k]; ok && v != nil {
			m[k] = v
		}
	}
	if ref, ok := in["message_reference"].(map[string]any); ok {
		r := map[string]any{"channel_id": channelID}
		for k, v := range ref {
			r[k] = v
		}
		m["message_reference"] = r
		m["type"] = messageTypeReply
	}
	fixEmbeds(m)
	s.addAttachments(m, channelID, files)
	return m
}

// fixEmbeds sets the default "rich" type on embeds, as Discord does.
func fixEmbeds(m map[string]any) {
	embeds, _ := m["embeds"].([]any)
	for _, e := range embeds {
		if em, ok := e.(map[string]any); ok {
			if t, _ := em["type"].(string); t == "" {
				em["type"] = "rich"
			}
		}
	}
}

func (s *Server) addAttachments(m map[string]any, channelID string, files []fileInfo) {
	if len(files) == 0 {
		return
	}
	atts, _ := m["attachments"].([]any)
	for _, f := range files {
		id := s.newID()
		u := fmt.Sprintf("%s/attachments/%s/%s/%s", s.base, channelID, id, f.name)
		a := map[string]any{"id": id, "filename": f.name, "size": f.size, "url": u, "proxy_url": u}
		if f.contentType != "" {
			a["content_type"] = f.contentType
		}
		atts = append(atts, a)
	}
	m["attachments"] = atts
}

// applyEdit merges an edit request into a stored message and returns the
// result (a copy).
func applyEdit(old, in map[string]any, s *Server, files []fileInfo) map[string]any {
	m := make(map[string]any, len(old))
	for k, v := range old {
		m[k] = v
	}
	for _, k := range []string{"content", "embeds", "components", "attachments", "poll"} {
		v, ok := in[k]
		if !ok {
			continue
		}
		switch {
		case v != nil:
			m[k] = v
		case k == "content":
			m[k] = ""
		case k == "poll":
			delete(m, k)
		default:
			m[k] = []any{}
		}
	}
	flags, _ := toInt(m["flags"])
	flags &^= messageFlagLoading
	if f, ok := toInt(in["flags"]); ok {
		flags = flags&^messageFlagSuppressEmbeds | f&messageFlagSuppressEmbeds
	}
	m["flags"] = flags
	m["edited_timestamp"] = nowTimestamp()
	fixEmbeds(m)
	chID, _ := m["channel_id"].(string)
	s.addAttachments(m, chID, files)
	return m
}

func (s *Server) createMessage(w http.ResponseWriter, r Request, seg []string) {
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	files := r.attachedFiles()
	if !s.checkMessage(w, obj, len(files) > 0, true) {
		return
	}
	msg := s.newMessage(seg[1], obj, files)
	s.mu.Lock()
	s.messages[msg["id"].(string)] = msg
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, msg)
}

// checkMessage validates a message body, answering 400 when it is refused.
func (s *Server) checkMessage(w http.ResponseWriter, obj map[string]any, hasFiles, nonEmpty bool) bool {
	if fe := validateMessage(obj, nil); len(fe) > 0 {
		writeFormErrors(w, fe)
		return false
	}
	if nonEmpty && messageEmpty(obj, hasFiles) {
		writeError(w, http.StatusBadRequest, errCodeEmptyMessage, cannotSendEmptyMessageMessage)
		return false
	}
	return true
}

func (s *Server) channelMessage(w http.ResponseWriter, r Request, seg []string) {
	chID, mID := seg[1], seg[3]
	s.mu.Lock()
	old := s.messages[mID]
	if old != nil && old["channel_id"] != chID {
		old = nil
	}
	s.mu.Unlock()
	switch r.Method {
	case "DELETE":
		// The bot may delete other users' messages too; the fake allows it.
		s.mu.Lock()
		if old != nil {
			delete(s.messages, mID)
		}
		s.mu.Unlock()
		noContent(w, r, seg)
		return
	case "GET":
		if old == nil {
			writeError(w, http.StatusNotFound, errCodeUnknownMessage, unknownMessageMessage)
			return
		}
		writeJSON(w, http.StatusOK, old)
		return
	}
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	if old == nil {
		writeError(w, http.StatusNotFound, errCodeUnknownMessage, unknownMessageMessage)
		return
	}
	files := r.attachedFiles()
	msg := applyEdit(old, obj, s, files)
	if !s.checkMessage(w, msg, false, true) {
		return
	}
	s.mu.Lock()
	if s.messages[mID] != nil {
		s.messages[mID] = msg
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, msg)
}

func (s *Server) interactionCallback(w http.ResponseWriter, r Request, seg []string) {
	id, tok := seg[1], seg[2]
	s.mu.Lock()
	it := s.interactions[id]
	if it != nil && it.token != tok {
		it = nil
	}
	var itype int64
	var chID, appID string
	if it != nil {
		itype, chID, appID = it.itype, it.channelID, it.appID
	}
	s.mu.Unlock()
	if it == nil {
		writeError(w, http.StatusNotFound, errCodeUnknownInteraction, unknownInteractionMessage)
		return
	}
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	cbType, ok := toInt(obj["type"])
	if !ok {
		fe := formErrors{}
		fe.add([]string{"type"}, "BASE_TYPE_REQUIRED", "This field is required")
		writeFormErrors(w, fe)
		return
	}
	data, _ := obj["data"].(map[string]any)
	if data == nil {
		data = map[string]any{}
	}
	if !callbackAllowed(itype, cbType) {
		fe := formErrors{}
		fe.add([]string{"type"}, "INTERACTION_RESPONSE_TYPE_INVALID",
			fmt.Sprintf("Interaction response type %d is not valid for interaction type %d", cbType, itype))
		writeFormErrors(w, fe)
		return
	}
	files := r.attachedFiles()
	var original map[string]any
	switch cbType {
	case callbackChannelMessage:
		if fe := validateMessage(data, []string{"data"}); len(fe) > 0 {
			writeFormErrors(w, fe)
			return
		}
		if messageEmpty(data, len(files) > 0) {
			writeError(w, http.StatusBadRequest, errCodeEmptyMessage, cannotSendEmptyMessageMessage)
			return
		}
		original = s.newMessage(chID, data, files)
	case callbackDeferredChannelMessage:
		original = s.newMessage(chID, map[string]any{}, nil)
		f, _ := toInt(data["flags"])
		original["flags"] = f&messageFlagEphemeral | messageFlagLoading
	case callbackUpdateMessage:
		if fe := validateMessage(data, []string{"data"}); len(fe) > 0 {
			writeFormErrors(w, fe)
			return
		}
	case callbackAutocompleteResult:
		if fe := validateChoices(data["choices"], []string{"data", "choices"}, true); len(fe) > 0 {
			writeFormErrors(w, fe)
			return
		}
	case callbackModal:
		if fe := validateModal(data); len(fe) > 0 {
			writeFormErrors(w, fe)
			return
		}
	}
	if original != nil {
		original["webhook_id"] = appID
		original["application_id"] = appID
		if itype == interactionCommand {
			original["type"] = messageTypeChatInputCommand
		}
		delete(original, "message_reference")
	}

	s.mu.Lock()
	if it.acked {
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, errCodeAlreadyAcknowledged, alreadyAcknowledgedMessage)
		return
	}
	it.acked = true
	it.original = original
	s.mu.Unlock()

	if r.Query.Get("with_response") != "true" {
		noContent(w, r, seg)
		return
	}
	cb := map[string]any{"id": id, "type": itype, "activity_instance_id": nil,
		"response_message_id": nil, "response_message_loading": false, "response_message_ephemeral": false}
	res := map[string]any{"type": cbType}
	if original != nil {
		f, _ := toInt(original["flags"])
		cb["response_message_id"] = original["id"]
		cb["response_message_loading"] = f&messageFlagLoading != 0
		cb["response_message_ephemeral"] = f&messageFlagEphemeral != 0
		res["message"] = original
	}
	writeJSON(w, http.StatusOK, map[string]any{"interaction": cb, "resource": res})
}

// callbackAllowed reports whether a response type fits an interaction type.
func callbackAllowed(itype, cb int64) bool {
	switch cb {
	case callbackChannelMessage, callbackDeferredChannelMessage:
		return itype == interactionCommand || itype == interactionComponent || itype == interactionModalSubmit
	case callbackDeferredUpdateMessage, callbackUpdateMessage:
		return itype == interactionComponent || itype == interactionModalSubmit
	case callbackAutocompleteResult:
		return itype == interactionAutocomplete
	case callbackModal:
		return itype == interactionCommand || itype == interactionComponent
	case callbackPremiumRequired, callbackLaunchActivity:
		return itype != interactionAutocomplete && itype != interactionPing
	}
	return false // PONG is only for HTTP-delivered PINGs
}

// webhookInteraction finds the acknowledged interaction a webhook call is for.
// s.mu must be held.
func (s *Server) webhookInteractionLocked(seg []string) *interaction {
	it := s.byToken[seg[2]]
	if it == nil || it.appID != seg[1] || !it.acked {
		return nil
	}
	return it
}

func (s *Server) webhookExecute(w http.ResponseWriter, r Request, seg []string) {
	s.mu.Lock()
	it := s.webhookInteractionLocked(seg)
	s.mu.Unlock()
	if it == nil {
		writeError(w, http.StatusNotFound, errCodeUnknownWebhook, unknownWebhookMessage)
		return
	}
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	files := r.attachedFiles()
	if !s.checkMessage(w, obj, len(files) > 0, true) {
		return
	}
	msg := s.newMessage(it.channelID, obj, files)
	msg["webhook_id"] = it.appID
	msg["application_id"] = it.appID
	delete(msg, "message_reference")
	msg["type"] = messageTypeDefault
	s.mu.Lock()
	it.followups[msg["id"].(string)] = msg
	s.mu.Unlock()
	if r.Query.Get("wait") != "true" {
		noContent(w, r, seg)
		return
	}
	writeJSON(w, http.StatusOK, msg)
}

func (s *Server) webhookMessage(w http.ResponseWriter, r Request, seg []string) {
	mID := seg[4]
	s.mu.Lock()
	it := s.webhookInteractionLocked(seg)
	var old map[string]any
	if it != nil {
		if mID == "@original" || (it.original != nil && it.original["id"] == mID) {
			old = it.original
		} else {
			old = it.followups[mID]
		}
	}
	s.mu.Unlock()
	if it == nil {
		writeError(w, http.StatusNotFound, errCodeUnknownWebhook, unknownWebhookMessage)
		return
	}
	if old == nil {
		writeError(w, http.StatusNotFound, errCodeUnknownMessage, unknownMessageMessage)
		return
	}
	oldID := old["id"]
	switch r.Method {
	case "GET":
		writeJSON(w, http.StatusOK, old)
		return
	case "DELETE":
		s.mu.Lock()
		if it.original != nil && it.original["id"] == oldID {
			it.original = nil
		} else {
			delete(it.followups, mID)
		}
		s.mu.Unlock()
		noContent(w, r, seg)
		return
	}
	obj, ok := decodeObject(w, r)
	if !ok {
		return
	}
	msg := applyEdit(old, obj, s, r.attachedFiles())
	if !s.checkMessage(w, msg, false, true) {
		return
	}
	s.mu.Lock()
	if it.original != nil && it.original["id"] == oldID {
		it.original = msg
	} else if it.followups[mID] != nil {
		it.followups[mID] = msg
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, msg)
}

// toInt reads a JSON number (json.Number or float64) as an integer.
func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		return int64(n), n == float64(int64(n))
	case int64:
		return n, true
	case int:
		return int64(n), true
	}
	return 0, false
}
