// Package usage records the questions bpobot handles and reports on them, so
// that whoever curates the knowledge base sees what people ask that it cannot
// answer and which answers people find wrong (the "curator's loop").
//
// A [Store] is the question log. [Open] returns one over an embedded SQLite
// file (modernc.org/sqlite, pure Go) or, for a URL such as
// postgres://host/db, over PostgreSQL through a pgx connection pool that any
// number of bot processes share. Both keep the same tables, migrated by
// versioned, append-only steps (applied once even when several processes
// start together: SQLite's write lock, PostgreSQL's advisory lock), and
// give the same reports; one test suite runs against both.
//
// It keeps one row per question handled ([Store.RecordQuestions]), with what
// the engine made of it (why it was declined, the term that blocked it, the
// entry that came nearest, the words it did not know); the suggestions people
// pick after a decline ([Store.RecordPick]); and their thumbs-up or
// thumbs-down on answers ([Store.RecordFeedback]). Question ids are chosen by
// the caller (random 63-bit numbers), so that a vote given on any process
// lands on the right question, and a vote names its entry, so it needs
// nothing from the process that answered. User ids are never stored: only an
// HMAC-SHA256 of them under a key ([Options.HashKey]), enough to count
// distinct users and to let each user vote once per answer. Rows older than
// [Options.Retention] are removed by [Store.Prune].
//
// A [Queue] keeps recording off the reply's path: [Queue.Add] never blocks
// (a full queue drops and counts), one goroutine writes batches in one
// transaction each, and [Queue.Close] writes what was accepted.
//
// [Store.Report] summarises a window of time: the words the engine did not
// know, how many questions were answered, what people asked most, the
// declined questions grouped by the engine's own analysis, the entries with
// the most thumbs-down and the suggestions picked, each with the questions
// behind them. A [Report] renders as text, JSON or a self-contained HTML
// page.
//
// The bot defines the interface it records through (bot.Recorder);
// internal/recording adapts a Store and its Queue to it.
package usage
