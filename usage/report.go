package usage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// TopN is how many rows a [Report] lists at most in each of its rankings:
// top questions, declined groups, entries with thumbs-down and picks.
const TopN = 20

// A Report summarises the usage in a window of time. Rankings are ordered by
// count descending, then by text ascending, and hold at most TopN rows; days
// are in UTC. Build one with [Store.Report]; render it with [Report.Text],
// [Report.JSON] or [Report.HTML].
type Report struct {
	From time.Time `json:"from"` // the window's start, inclusive (UTC)
	To   time.Time `json:"to"`   // the window's end, inclusive: when the report was made (UTC)

	Total         int     `json:"total_questions"` // questions handled
	Answered      int     `json:"answered"`        // of which answered
	Declined      int     `json:"declined"`        // of which declined
	AnswerRate    float64 `json:"answer_rate"`     // Answered/Total in [0, 1]; 0 when there were none
	DistinctUsers int     `json:"distinct_users"`  // distinct (hashed) users who asked

	// Days has every UTC day from the first with a question in the window
	// to the window's end, days without questions included; empty when the
	// window has no questions.
	Days []Day `json:"days"`

	TopQuestions []QuestionCount `json:"top_questions"` // the questions asked most, answered or not
	TopDeclined  []DeclinedGroup `json:"top_declined"`  // the declined questions, near-duplicates grouped
	MostDisliked []EntryFeedback `json:"most_disliked"` // the entries with thumbs-down, most first
	Picks        []PickCount     `json:"picks"`         // the suggestions picked after a decline
}

// A Day counts the questions of one UTC day.
type Day struct {
	Date     string `json:"date"` // YYYY-MM-DD
	Total    int    `json:"total"`
	Answered int    `json:"answered"`
}

// Rate returns the day's answer rate in [0, 1], 0 when there were no
// questions.
func (d Day) Rate() float64 { return rate(d.Answered, d.Total) }

// A QuestionCount is a question text and how often it was asked with the
// same outcome.
type QuestionCount struct {
	Text    string `json:"text"`     // the normalised question
	Count   int    `json:"count"`    // how often it was asked
	EntryID string `json:"entry_id"` // the entry that answered it, "" when declined
}

// A DeclinedGroup is a set of declined questions that are near-duplicates of
// each other: token sets, after lowercasing and dropping punctuation and
// stopwords, with a Jaccard similarity of at least 0.6 to the group's label.
type DeclinedGroup struct {
	Label     string   `json:"label"`     // the group's most frequent phrasing
	Count     int      `json:"count"`     // how often any of its phrasings was asked
	Phrasings int      `json:"phrasings"` // how many distinct phrasings it has
	Examples  []string `json:"examples"`  // up to 3 other phrasings, most frequent first
}

// An EntryFeedback counts the votes on an entry's answers.
type EntryFeedback struct {
	EntryID string `json:"entry_id"`
	Down    int    `json:"down"`
	Up      int    `json:"up"`
}

// A PickCount is how often a suggestion was picked after a decline.
type PickCount struct {
	EntryID string `json:"entry_id"` // the entry picked, or PickNone
	Count   int    `json:"count"`
}

func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Report summarises the usage from since to now: questions recorded at or
// after since, and feedback and picks given at or after since.
func (s *Store) Report(ctx context.Context, since time.Time) (*Report, error) {
	now := s.now()
	if since.After(now) {
		return nil, fmt.Errorf("usage report: since %s is after now (%s)",
			since.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	r := &Report{
		From:         since.UTC(),
		To:           now.UTC(),
		Days:         []Day{},
		TopQuestions: []QuestionCount{},
		TopDeclined:  []DeclinedGroup{},
		MostDisliked: []EntryFeedback{},
		Picks:        []PickCount{},
	}
	// One read transaction: every figure comes from the same snapshot.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("usage report: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if err := r.fill(ctx, tx, since.UnixMilli(), now.UnixMilli()); err != nil {
		return nil, fmt.Errorf("usage report: %w", err)
	}
	return r, nil
}

// fill runs the report's queries over [from, to], in Unix milliseconds.
func (r *Report) fill(ctx context.Context, tx *sql.Tx, from, to int64) error {
	const window = ` at >= ? AND at <= ? `

	err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(answered), 0), COUNT(DISTINCT user_hash)
		FROM questions WHERE`+window, from, to).Scan(&r.Total, &r.Answered, &r.DistinctUsers)
	if err != nil {
		return fmt.Errorf("totals: %w", err)
	}
	r.Declined = r.Total - r.Answered
	r.AnswerRate = rate(r.Answered, r.Total)

	var days []Day
	err = query(ctx, tx, `SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, COUNT(*), SUM(answered)
		FROM questions WHERE`+window+`GROUP BY day ORDER BY day`, []any{from, to},
		func(rows *sql.Rows) error {
			var d Day
			err := rows.Scan(&d.Date, &d.Total, &d.Answered)
			days = append(days, d)
			return err
		})
	if err != nil {
		return fmt.Errorf("questions per day: %w", err)
	}
	if r.Days, err = fillDays(days, time.UnixMilli(to).UTC()); err != nil {
		return fmt.Errorf("questions per day: %w", err)
	}

	err = query(ctx, tx, `SELECT normalized, entry_id, COUNT(*) AS n
		FROM questions WHERE`+window+`GROUP BY normalized, entry_id
		ORDER BY n DESC, normalized, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			var q QuestionCount
			err := rows.Scan(&q.Text, &q.EntryID, &q.Count)
			r.TopQuestions = append(r.TopQuestions, q)
			return err
		})
	if err != nil {
		return fmt.Errorf("top questions: %w", err)
	}

	var declined []phrasing
	err = query(ctx, tx, `SELECT normalized, COUNT(*) AS n
		FROM questions WHERE answered = 0 AND`+window+`GROUP BY normalized
		ORDER BY n DESC, normalized`, []any{from, to},
		func(rows *sql.Rows) error {
			var p phrasing
			err := rows.Scan(&p.text, &p.count)
			declined = append(declined, p)
			return err
		})
	if err != nil {
		return fmt.Errorf("declined questions: %w", err)
	}
	groups := groupDeclined(declined)
	r.TopDeclined = append(r.TopDeclined, groups[:min(len(groups), TopN)]...)

	err = query(ctx, tx, `SELECT entry_id, SUM(up = 0) AS down, SUM(up) AS up
		FROM feedback WHERE`+window+`GROUP BY entry_id HAVING down > 0
		ORDER BY down DESC, up, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			var f EntryFeedback
			err := rows.Scan(&f.EntryID, &f.Down, &f.Up)
			r.MostDisliked = append(r.MostDisliked, f)
			return err
		})
	if err != nil {
		return fmt.Errorf("feedback: %w", err)
	}

	err = query(ctx, tx, `SELECT entry_id, COUNT(*) AS n
		FROM picks WHERE`+window+`GROUP BY entry_id
		ORDER BY n DESC, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			var p PickCount
			err := rows.Scan(&p.EntryID, &p.Count)
			r.Picks = append(r.Picks, p)
			return err
		})
	if err != nil {
		return fmt.Errorf("picks: %w", err)
	}
	return nil
}

// query runs a query and calls scan for each row.
func query(ctx context.Context, tx *sql.Tx, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// fillDays returns the days from the first of days (in date order) to the
// day of end, with the days missing from days counted as zero.
func fillDays(days []Day, end time.Time) ([]Day, error) {
	out := []Day{}
	if len(days) == 0 {
		return out, nil
	}
	d, err := time.Parse(time.DateOnly, days[0].Date)
	if err != nil {
		return nil, fmt.Errorf("bad date %q: %w", days[0].Date, err)
	}
	last := end.Format(time.DateOnly)
	if l := days[len(days)-1].Date; l > last {
		last = l // cannot happen: every question is at or before end
	}
	for i := 0; ; d = d.AddDate(0, 0, 1) {
		date := d.Format(time.DateOnly)
		if i < len(days) && days[i].Date == date {
			out = append(out, days[i])
			i++
		} else {
			out = append(out, Day{Date: date})
		}
		if date >= last {
			return out, nil
		}
	}
}
