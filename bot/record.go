package bot

import (
	"context"
	"time"
)

// A Record is what the bot reports to its Recorder about one question.
type Record struct {
	Time     time.Time
	Surface  string // slash, button, dm or mention
	GuildID  string // "" in DMs
	UserID   string // the Recorder must not store it as it is
	Question string // the question, lowercased, mentions removed; a button's is its entry's question
	EntryID  string // "" when declined
	Answered bool
	Score    float64
}

// A Recorder keeps the questions the bot handles, the suggestions people
// pick and their feedback, for the curator. Calls get a short deadline; a
// failure is logged and counted and never affects the reply.
type Recorder interface {
	RecordQuestion(ctx context.Context, r Record) (id int64, err error)
	RecordPick(ctx context.Context, questionID int64, entryID string) error
	RecordFeedback(ctx context.Context, questionID int64, userID string, up bool) (changed bool, err error)
}

type nopRecorder struct{}

func (nopRecorder) RecordQuestion(context.Context, Record) (int64, error) { return 0, nil }
func (nopRecorder) RecordPick(context.Context, int64, string) error       { return nil }
func (nopRecorder) RecordFeedback(context.Context, int64, string, bool) (bool, error) {
	return false, nil
}
