// Package bot is bpobot's Discord adapter: it turns Discord events (slash
// commands, autocomplete, buttons, direct messages and mentions) into
// questions for the answers package, and replies into embeds and buttons
// that fit Discord's limits and never mention anyone. It holds no matching
// logic.
package bot
