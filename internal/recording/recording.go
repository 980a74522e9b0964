// Package recording connects the bot to the question log: it adapts a
// usage.Store to bot.Recorder. The two packages know nothing of each other;
// the commands wire them together through this adapter.
package recording

import (
	"context"

	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/usage"
)

// Adapter records the bot's questions, picks and feedback in a usage.Store.
type Adapter struct{ Store *usage.Store }

var _ bot.Recorder = Adapter{}

// RecordQuestion records one question.
func (a Adapter) RecordQuestion(ctx context.Context, r bot.Record) (int64, error) {
	return a.Store.RecordQuestion(ctx, usage.Question{
		Time: r.Time, Surface: r.Surface, GuildID: r.GuildID, UserID: r.UserID,
		Normalized: r.Question, EntryID: r.EntryID, Answered: r.Answered, Score: r.Score,
	})
}

// RecordPick records a suggestion picked (or "none") for a question.
func (a Adapter) RecordPick(ctx context.Context, questionID int64, entryID string) error {
	return a.Store.RecordPick(ctx, questionID, entryID)
}

// RecordFeedback records a thumbs-up or thumbs-down on an answer.
func (a Adapter) RecordFeedback(ctx context.Context, questionID int64, userID string, up bool) (bool, error) {
	return a.Store.RecordFeedback(ctx, questionID, userID, up)
}
