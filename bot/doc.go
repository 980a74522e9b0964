// Package bot is bpobot's product logic on Discord: it turns Discord events
// (slash commands, autocomplete, buttons, direct messages and mentions) into
// questions for the answers package, and replies into embeds and buttons
// that fit Discord's limits and never mention anyone.
//
// Every event goes through one pipeline, [Bot.Handle]: it counts the event
// in flight (so that [Bot.Drain] can wait for it), recovers a panic into an
// apology, applies the per-user rate limit, asks the engine (through a
// cache of pre-encoded replies), records the question for the curator
// (through a [Recorder], off the reply's path) and renders the reply. How
// events arrive and replies leave (the gateway, shards, the HTTP
// interactions endpoint and its signatures, discordgo's workarounds) is
// the discord package's job; bot holds no session and no matching logic.
package bot
