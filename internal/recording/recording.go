// Package recording connects the bot to the question log: it adapts a
// usage.Store, written to through a usage.Queue, to bot.Recorder. The two
// packages know nothing of each other; the commands wire them together
// through this adapter.
package recording

import (
	"context"

	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/usage"
)

// Adapter records the bot's questions through Queue, and its picks and
// votes in Store directly (they are rare, and a vote's reply says whether
// it changed anything).
type Adapter struct {
	Store usage.Store
	Queue *usage.Queue
}

var _ bot.Recorder = Adapter{}

// Record queues one question.
func (a Adapter) Record(r bot.Record) bool {
	return a.Queue.Add(usage.Question{
		ID: r.ID, Time: r.Time, Surface: r.Surface, GuildID: r.GuildID, UserID: r.UserID,
		Normalized: r.Question, EntryID: r.EntryID, Answered: r.Answered, Score: r.Score,
		Reason: r.Reason, Blocker: r.Blocker, Unknown: r.Unknown, Nearest: r.Nearest,
	})
}

// RecordPick records a suggestion picked (or "none") for a question.
func (a Adapter) RecordPick(ctx context.Context, questionID int64, entryID string) error {
	return a.Store.RecordPick(ctx, questionID, entryID)
}

// RecordFeedback records a thumbs-up or thumbs-down on an answer.
func (a Adapter) RecordFeedback(ctx context.Context, v bot.Vote) (bool, error) {
	return a.Store.RecordFeedback(ctx, usage.Vote{QuestionID: v.QuestionID, EntryID: v.EntryID, UserID: v.UserID, Up: v.Up})
}

// Stats returns the queue's counters, for the bot's metrics.
func (a Adapter) Stats() bot.RecorderStats {
	s := a.Queue.Stats()
	return bot.RecorderStats{Written: s.Written, Batches: s.Batches, Dropped: s.Dropped, Failed: s.Failed, Depth: s.Depth}
}
