package usage

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// TopN is how many rows a [Report] lists at most in each of its rankings:
// unknown words, top questions, declined groups, entries with thumbs-down and
// picks.
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

	UnknownWords []WordCount     `json:"unknown_words"` // the words the engine did not know, most frequent first
	TopQuestions []QuestionCount `json:"top_questions"` // the questions asked most, answered or not
	TopDeclined  []DeclinedGroup `json:"top_declined"`  // the declined questions, grouped by why they were declined
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
	Text     string `json:"text"`     // the normalised question
	Count    int    `json:"count"`    // how often it was asked
	EntryID  string `json:"entry_id"` // the entry that answered it, "" when declined or replied to without one
	Answered bool   `json:"answered"` // answered, or replied to (a greeting): not declined
}

// A DeclinedGroup is a set of declined questions the engine declined for the
// same reason: the same term the sources do not cover ("salary"), or the
// same entry coming nearest without answering. Questions recorded without
// the engine's analysis each form their own group.
type DeclinedGroup struct {
	Reason    string   `json:"reason"`            // the engine's reason: unsupported, unsure, not-covered, empty; "" when not recorded
	Term      string   `json:"term,omitempty"`    // the term the sources do not cover, lowercased
	Nearest   string   `json:"nearest,omitempty"` // the entry that came nearest, when no term was named
	Label     string   `json:"label"`             // the group's most frequent phrasing
	Count     int      `json:"count"`             // how often any of its phrasings was asked
	Phrasings int      `json:"phrasings"`         // how many distinct phrasings it has
	Examples  []string `json:"examples"`          // up to 3 other phrasings, most frequent first
}

// A WordCount is a word the engine did not know, how many questions held
// it, and the most frequent of them: the words to add to the lexicon (or to
// the knowledge base) first.
type WordCount struct {
	Word    string `json:"word"`
	Count   int    `json:"count"`
	Example string `json:"example"`
}

// An EntryFeedback counts the votes on an entry's answers.
type EntryFeedback struct {
	EntryID   string   `json:"entry_id"`
	Down      int      `json:"down"`
	Up        int      `json:"up"`
	Questions []string `json:"questions"` // up to 3 of the questions whose answer got a thumbs-down, most frequent first
}

// A PickCount is how often a suggestion was picked after a decline.
type PickCount struct {
	EntryID   string   `json:"entry_id"` // the entry picked, or PickNone
	Count     int      `json:"count"`
	Questions []string `json:"questions"` // up to 3 of the declined questions it was picked for, most frequent first
}

func rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Report summarises the usage from since to now.
func (s *sqlStore) Report(ctx context.Context, since time.Time) (*Report, error) {
	now := s.now()
	if since.After(now) {
		return nil, fmt.Errorf("usage report: since %s is after now (%s)",
			since.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	r := &Report{
		From:         since.UTC(),
		To:           now.UTC(),
		Days:         []Day{},
		UnknownWords: []WordCount{},
		TopQuestions: []QuestionCount{},
		TopDeclined:  []DeclinedGroup{},
		MostDisliked: []EntryFeedback{},
		Picks:        []PickCount{},
	}
	// One read transaction: every figure comes from the same snapshot.
	tx, err := s.r.BeginTx(ctx, s.d.reportTx)
	if err != nil {
		return nil, fmt.Errorf("usage report: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if err := r.fill(ctx, reader{tx, s.d}, since.UnixMilli(), now.UnixMilli()); err != nil {
		return nil, fmt.Errorf("usage report: %w", err)
	}
	return r, nil
}

// reader runs a report's queries in its transaction, in its dialect.
type reader struct {
	tx *sql.Tx
	d  *dialect
}

// row runs a query that returns one row.
func (rd reader) row(ctx context.Context, q string, args ...any) *sql.Row {
	return rd.tx.QueryRowContext(ctx, rd.d.bind(q), args...)
}

// each runs a query and calls scan for each row.
func (rd reader) each(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := rd.tx.QueryContext(ctx, rd.d.bind(q), args...)
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

const dayMillis = 24 * 60 * 60 * 1000

// fill runs the report's queries over [from, to], in Unix milliseconds.
func (r *Report) fill(ctx context.Context, rd reader, from, to int64) error {
	const window = ` at >= ? AND at <= ? `
	span := []any{from, to}

	err := rd.row(ctx, `SELECT COUNT(*), COALESCE(SUM(answered), 0), COUNT(DISTINCT user_hash)
		FROM questions WHERE`+window, from, to).Scan(&r.Total, &r.Answered, &r.DistinctUsers)
	if err != nil {
		return fmt.Errorf("totals: %w", err)
	}
	r.Declined = r.Total - r.Answered
	r.AnswerRate = rate(r.Answered, r.Total)

	var days []Day
	err = rd.each(ctx, `SELECT at / ? AS day, COUNT(*), SUM(answered)
		FROM questions WHERE`+window+`GROUP BY day ORDER BY day`, []any{dayMillis, from, to},
		func(rows *sql.Rows) error {
			var n int64
			var d Day
			err := rows.Scan(&n, &d.Total, &d.Answered)
			d.Date = time.UnixMilli(n * dayMillis).UTC().Format(time.DateOnly)
			days = append(days, d)
			return err
		})
	if err != nil {
		return fmt.Errorf("questions per day: %w", err)
	}
	if r.Days, err = fillDays(days, time.UnixMilli(to).UTC()); err != nil {
		return fmt.Errorf("questions per day: %w", err)
	}

	var unknown []phrasing
	err = rd.each(ctx, `SELECT unknown, normalized, COUNT(*)
		FROM questions WHERE unknown <> '' AND`+window+`GROUP BY unknown, normalized`, span,
		func(rows *sql.Rows) error {
			var p phrasing
			err := rows.Scan(&p.unknown, &p.text, &p.count)
			unknown = append(unknown, p)
			return err
		})
	if err != nil {
		return fmt.Errorf("unknown words: %w", err)
	}
	words := countWords(unknown)
	r.UnknownWords = append(r.UnknownWords, words[:min(len(words), TopN)]...)

	err = rd.each(ctx, `SELECT normalized, entry_id, MAX(answered), COUNT(*) AS n
		FROM questions WHERE`+window+`GROUP BY normalized, entry_id
		ORDER BY n DESC, normalized, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			var q QuestionCount
			var answered int
			err := rows.Scan(&q.Text, &q.EntryID, &answered, &q.Count)
			q.Answered = answered == 1
			r.TopQuestions = append(r.TopQuestions, q)
			return err
		})
	if err != nil {
		return fmt.Errorf("top questions: %w", err)
	}

	var declined []phrasing
	err = rd.each(ctx, `SELECT reason, blocker, nearest, normalized, COUNT(*)
		FROM questions WHERE answered = 0 AND`+window+`GROUP BY reason, blocker, nearest, normalized`, span,
		func(rows *sql.Rows) error {
			var p phrasing
			err := rows.Scan(&p.reason, &p.term, &p.nearest, &p.text, &p.count)
			declined = append(declined, p)
			return err
		})
	if err != nil {
		return fmt.Errorf("declined questions: %w", err)
	}
	groups := groupDeclined(declined)
	r.TopDeclined = append(r.TopDeclined, groups[:min(len(groups), TopN)]...)

	err = rd.each(ctx, `SELECT entry_id, SUM(CASE WHEN up = 0 THEN 1 ELSE 0 END) AS downs, SUM(up) AS ups
		FROM feedback WHERE`+window+`GROUP BY entry_id HAVING SUM(CASE WHEN up = 0 THEN 1 ELSE 0 END) > 0
		ORDER BY downs DESC, ups, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			f := EntryFeedback{Questions: []string{}}
			err := rows.Scan(&f.EntryID, &f.Down, &f.Up)
			r.MostDisliked = append(r.MostDisliked, f)
			return err
		})
	if err != nil {
		return fmt.Errorf("feedback: %w", err)
	}
	dislikedBy := map[string]*[]string{}
	for i := range r.MostDisliked {
		dislikedBy[r.MostDisliked[i].EntryID] = &r.MostDisliked[i].Questions
	}
	if err := rd.questionsOf(ctx, "feedback", "f.up = 0 AND ", span, dislikedBy); err != nil {
		return fmt.Errorf("feedback questions: %w", err)
	}

	err = rd.each(ctx, `SELECT entry_id, COUNT(*) AS n
		FROM picks WHERE`+window+`GROUP BY entry_id
		ORDER BY n DESC, entry_id LIMIT ?`, []any{from, to, TopN},
		func(rows *sql.Rows) error {
			p := PickCount{Questions: []string{}}
			err := rows.Scan(&p.EntryID, &p.Count)
			r.Picks = append(r.Picks, p)
			return err
		})
	if err != nil {
		return fmt.Errorf("picks: %w", err)
	}
	pickedBy := map[string]*[]string{}
	for i := range r.Picks {
		pickedBy[r.Picks[i].EntryID] = &r.Picks[i].Questions
	}
	if err := rd.questionsOf(ctx, "picks", "", span, pickedBy); err != nil {
		return fmt.Errorf("pick questions: %w", err)
	}
	return nil
}

// questionsOf fills, for each entry in into, up to maxExamples texts of the
// questions whose rows of table (feedback or picks, aliased f; where is an
// extra condition on them) fall in span, most frequent first.
func (rd reader) questionsOf(ctx context.Context, table, where string, span []any, into map[string]*[]string) error {
	// table and where are constants of fill.
	return rd.each(ctx, `SELECT f.entry_id, q.normalized, COUNT(*) AS n
		FROM `+table+` f JOIN questions q ON q.id = f.question_id
		WHERE `+where+`f.at >= ? AND f.at <= ?
		GROUP BY f.entry_id, q.normalized ORDER BY n DESC, q.normalized`, span,
		func(rows *sql.Rows) error {
			var entry, text string
			var n int
			if err := rows.Scan(&entry, &text, &n); err != nil {
				return err
			}
			if qs := into[entry]; qs != nil && len(*qs) < maxExamples {
				*qs = append(*qs, text)
			}
			return nil
		})
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
