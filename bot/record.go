package bot

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A Record is what the bot reports to its Recorder about one question.
type Record struct {
	// ID identifies the question: chosen by the bot, random and positive
	// (63 bits), so that any number of replicas can record to one log and
	// a button clicked on any of them names the right question.
	ID       int64
	Time     time.Time
	Surface  string // slash, button, dm or mention
	GuildID  string // "" in DMs
	UserID   string // the Recorder must not store it as it is
	Question string // the question, lowercased, mentions removed; a button's is its entry's question
	EntryID  string // "" when declined
	Answered bool
	Score    float64

	// What the engine made of it, for the curator.
	Reason  string   // why it was not answered from an entry ("" when it was)
	Blocker string   // the term the sources do not cover, when one was named
	Unknown []string // the words the engine did not know
	Nearest string   // when declined, the entry that came nearest
}

// A Vote is a thumbs-up or thumbs-down click on an answer. The button
// carries the question and its entry, so a vote needs nothing from the
// replica that answered.
type Vote struct {
	QuestionID int64
	EntryID    string // "" from buttons made before votes carried it
	UserID     string // the Recorder must not store it as it is
	Up         bool
}

// A Recorder keeps the questions the bot handles, the suggestions people
// pick and their feedback, for the curator. Record must not block: it
// queues the question and reports whether it was accepted. Picks and votes
// get a short deadline. A failure is logged and counted and never affects
// the reply.
type Recorder interface {
	Record(r Record) (accepted bool)
	RecordPick(ctx context.Context, questionID int64, entryID string) error
	RecordFeedback(ctx context.Context, v Vote) (changed bool, err error)
}

// RecorderStats are the counters of a Recorder that queues its writes,
// exported as metrics when the Recorder has a Stats() RecorderStats
// method.
type RecorderStats struct {
	Written int64 // questions written
	Batches int64 // the transactions that wrote them
	Dropped int64 // questions dropped because the queue was full
	Failed  int64 // questions whose write failed
	Depth   int   // questions waiting
}

type statsRecorder interface{ Stats() RecorderStats }

// registerRecorderStats exports a queueing Recorder's counters.
func (m *Metrics) registerRecorderStats(s statsRecorder) {
	counter := func(name, help string, f func(RecorderStats) int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return float64(f(s.Stats())) })
	}
	m.reg.MustRegister(
		counter("bpobot_log_rows_written_total", "Questions written to the question log.", func(s RecorderStats) int64 { return s.Written }),
		counter("bpobot_log_batches_total", "Transactions that wrote questions to the question log.", func(s RecorderStats) int64 { return s.Batches }),
		counter("bpobot_log_rows_dropped_total", "Questions not recorded because the log's queue was full.", func(s RecorderStats) int64 { return s.Dropped }),
		counter("bpobot_log_rows_failed_total", "Questions whose write to the question log failed.", func(s RecorderStats) int64 { return s.Failed }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bpobot_log_queue_depth", Help: "Questions waiting to be written to the question log."},
			func() float64 { return float64(s.Stats().Depth) }),
	)
}

// newQuestionID returns a random positive 63-bit id. math/rand/v2's global
// generator is ChaCha8, seeded from the system: ids from two replicas
// collide with probability about n²/2⁶⁴.
func newQuestionID() int64 {
	for {
		if id := rand.Int64(); id > 0 {
			return id
		}
	}
}

type nopRecorder struct{}

func (nopRecorder) Record(Record) bool                              { return false }
func (nopRecorder) RecordPick(context.Context, int64, string) error { return nil }
func (nopRecorder) RecordFeedback(context.Context, Vote) (bool, error) {
	return false, nil
}
