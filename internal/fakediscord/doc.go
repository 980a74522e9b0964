// Package fakediscord is a protocol-faithful fake of Discord's gateway
// (websocket) and REST API, served on 127.0.0.1 only, for end-to-end tests in
// which the real discordgo (v0.29.0) client connects to it. Nothing it does
// reaches the internet.
//
// # What it implements
//
// Gateway (JSON encoding, API v9 or v10, plain text frames; gorilla/websocket):
//   - HELLO (op 10) with the configured heartbeat_interval on connect.
//   - IDENTIFY (op 2): the token must be "Bot "+Token or Token (else close 4004
//     "Authentication failed."); intents are required (4013 if missing or out of
//     range) and privileged intents (GUILD_MEMBERS, GUILD_PRESENCES,
//     MESSAGE_CONTENT) not listed in Options.PrivilegedIntents are refused with
//     4014 "Disallowed intent(s).", as Discord does for intents not enabled in the
//     developer portal. A second IDENTIFY or RESUME on one connection gets 4005.
//     READY carries v, session_id "fake-session-N" (N counts sessions across
//     all fakes in the test binary, so a stray client cannot resume into
//     another test's fake), resume_gateway_url, the bot
//     user, application {id, flags}, empty guilds and private_channels, and shard
//     when one was sent. If IDENTIFY says "compress": true (discordgo's default)
//     READY is sent as a zlib-compressed binary frame, as Discord's payload
//     compression does; every other payload is a text frame.
//   - RESUME (op 6): if session_id is the last session and it is still valid,
//     the missed dispatches (sequence above the client's seq) are replayed, then
//     RESUMED {"op":0,"s":next,"t":"RESUMED","d":{}}; otherwise INVALID_SESSION
//     (op 9, d false) and the client must IDENTIFY. A seq beyond the session's
//     last sequence closes with 4007 "Invalid seq.". A client-initiated close
//     with 1000 or 1001 invalidates the session, like Discord.
//   - HEARTBEAT (op 1) is answered with HEARTBEAT_ACK (op 11), also before
//     IDENTIFY. Missed heartbeats are not enforced.
//   - Presence (op 3), voice state (op 4) and request guild members (op 8) are
//     accepted and ignored after IDENTIFY (4003 "Not authenticated." before);
//     unknown opcodes close with 4001, undecodable payloads with 4002.
//   - Test controls: Dispatch (op 0 with the next sequence number; kept for
//     replay on RESUME), RequestReconnect (op 7), DropConnection (TCP closed
//     without a close frame) and CloseWith (close frame with a code). Codes that
//     Discord treats as fatal (4004, 4010-4014) are sticky: every later IDENTIFY
//     or RESUME is closed with the same code, as Discord would for a bad token or
//     disallowed intents. 4007 and 4009 also invalidate the session.
//
// REST, under /api/v9/ (v10 is accepted too). Every request is recorded (body
// read in full) before it is answered. Authorization must be "Bot "+Token, else
// 401 {"message":"401: Unauthorized","code":0}; GET /gateway needs no token (as
// on Discord), and interaction callbacks and interaction webhooks
// (authenticated by the interaction token) accept a request without the header
// but refuse a wrong one.
//   - GET /gateway, GET /gateway/bot, GET /users/@me, GET /applications/@me
//     (and /oauth2/applications/@me).
//   - PUT and GET /applications/{app}/commands and
//     /applications/{app}/guilds/{guild}/commands: the set is echoed with id
//     (kept per name), application_id, version, type (default 1) and guild_id.
//     Another application id gets 403 Missing Access (50001).
//   - POST /interactions/{id}/{token}/callback: 204 No Content (or, with
//     ?with_response=true, 200 with an interaction callback response). Only
//     interactions sent with Dispatch("INTERACTION_CREATE", ...) are known:
//     others get 404 Unknown interaction (10062); a second callback gets 400
//     "Interaction has already been acknowledged." (40060).
//   - POST /webhooks/{app}/{token}[?wait=true] (followups: 200 message with
//     wait=true, else 204), GET/PATCH/DELETE
//     /webhooks/{app}/{token}/messages/{id|@original}. The webhook must be an
//     acknowledged interaction's (404 Unknown Webhook 10015 otherwise); unknown
//     messages get 404 Unknown Message (10008).
//   - POST /channels/{id}/messages (200 message: generated id, channel_id,
//     content, embeds, components, flags, message_reference, attachments from
//     multipart files, author = the bot), PATCH and GET
//     /channels/{id}/messages/{id} for messages the bot sent (404 10008
//     otherwise), DELETE of any message (204), POST
//     /channels/{id}/typing (204), POST /users/@me/channels (DM channel, type 1,
//     one id per recipient).
//   - Message limits that discordgo does not check are enforced with 400 Invalid
//     Form Body (50035): content 2000 characters, 10 embeds, embed title 256,
//     description 4096, 25 fields, field name 256 and value 1024, footer 2048,
//     author name 256, 6000 characters over all embeds, 5 action rows of at most
//     5 components, custom_id 100, button label 80, 25 select options, 25
//     autocomplete choices. An empty message gets 50006 "Cannot send an empty
//     message".
//   - Anything else: 404 {"message":"404: Not Found","code":0} (405 for a known
//     path with another method), still recorded; paths outside /api/ get 404
//     without an Authorization check.
//
// Not implemented: rate limit headers and 429s, zlib-stream transport
// compression, ETF encoding, sharding beyond validation, guild/state events the
// test does not Dispatch itself, and the 3-second interaction deadline.
//
// # Pointing discordgo at it
//
// discordgo's endpoint strings are package variables computed at init from
// EndpointDiscord; EndpointAPI, EndpointGuilds, EndpointChannels,
// EndpointUsers, EndpointGateway, EndpointGatewayBot, EndpointWebhooks,
// EndpointApplications (and the rest derived from EndpointAPI) must all be
// reassigned; the Endpoint...(id) functions read those variables when called.
// discordgo caches the gateway URL from GET /gateway in the Session and reuses
// it on every reconnect (it ignores resume_gateway_url). Its REST token must
// already carry the "Bot " prefix.
//
// Keep discordgo's heartbeat interval long in tests (the default 41.25s is
// fine: the first heartbeat is sent at once anyway). With a short interval,
// discordgo v0.29.0's heartbeat goroutine races its listen goroutine on each
// disconnect: it may reconnect twice, or reconnect a session after Close.
// Set ShouldReconnectOnError to false just before Session.Close for the same
// reason.
//
// All methods are safe for concurrent use.
package fakediscord
