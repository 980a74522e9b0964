// Package usage records the questions bpobot handles and reports on them, so
// that whoever curates the knowledge base sees what people ask that it cannot
// answer and which answers people find wrong (the "curator's loop").
//
// A [Store] keeps, in an embedded SQLite database (modernc.org/sqlite, pure
// Go), one row per question handled ([Store.RecordQuestion]), the suggestions
// people pick after a decline ([Store.RecordPick]) and their thumbs-up or
// thumbs-down on answers ([Store.RecordFeedback]). User ids are never stored:
// only an HMAC-SHA256 of them under a key ([Options.HashKey]), enough to count
// distinct users and to let each user vote once per answer. Rows older than
// [Options.Retention] are removed by [Store.Prune].
//
// [Store.Report] summarises a window of time: how many questions were
// answered, what people asked most, the declined questions grouped by
// similarity, the entries with the most thumbs-down and the suggestions
// picked. A [Report] renders as text, JSON or a self-contained HTML page.
//
// Recording must never hold up a reply: every method takes a context, and
// callers should pass one with a short deadline (a second or two) and treat
// a failure as something to log and count, not to show the user. The bot
// defines the interface it records through (bot.Recorder); cmd/bpobot
// adapts a Store to it.
package usage
