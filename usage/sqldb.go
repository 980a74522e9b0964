package usage

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A dialect is what differs between the SQL databases a Store runs on. The
// queries are written once, with ? placeholders, in SQL both understand.
type dialect struct {
	name string
	// numbered placeholders ($1, $2, ...) instead of ?
	numbered bool
	// insert a batch row by row with one prepared statement, rather than
	// as one multi-row INSERT: on SQLite, parsing a statement of
	// thousands of values costs more than stepping a prepared one (a
	// third of the time, measured by BenchmarkRecordQuestions); on
	// PostgreSQL a multi-row INSERT saves a round trip per row.
	perRow bool
	// the options of the report's read transaction: one snapshot
	reportTx *sql.TxOptions
}

// bind rewrites a query's ? placeholders for the dialect. The queries hold
// no ? inside string literals.
func (d *dialect) bind(q string) string {
	if !d.numbered {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sqlStore is a Store over database/sql: SQLite and PostgreSQL share it.
type sqlStore struct {
	d         *dialect
	w, r      *sql.DB // writes; reads (the same pool on PostgreSQL)
	key       *hasher
	retention time.Duration
	now       func() time.Time
	closers   []func() error // run by Close, in order

	insert1 string    // the insert of one question, bound
	insertQ *sql.Stmt // insert1 prepared on w, when the dialect inserts row by row
}

func newSQLStore(d *dialect, opts Options) *sqlStore {
	s := &sqlStore{d: d, retention: opts.Retention, now: opts.Now}
	if len(opts.HashKey) > 0 {
		s.key = newHasher(opts.HashKey)
	}
	if s.retention == 0 {
		s.retention = DefaultRetention
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.insert1 = s.insertQuery(1)
	return s
}

// questionColumns are the columns of a recorded question, in insert order.
const questionColumns = `id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score, reason, blocker, unknown, nearest`

const questionArity = 13

// insertQuery is the statement that inserts n questions.
func (s *sqlStore) insertQuery(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", questionArity), ", ") + ")"
	rows := strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
	return s.d.bind(`INSERT INTO questions (` + questionColumns + `) VALUES ` + rows + ` ON CONFLICT (id) DO NOTHING`)
}

// prepare prepares the statements the dialect reuses.
func (s *sqlStore) prepare(ctx context.Context) error {
	if !s.d.perRow {
		return nil
	}
	q, err := s.w.PrepareContext(ctx, s.insert1)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	s.insertQ = q
	s.closers = append([]func() error{q.Close}, s.closers...)
	return nil
}

// loadKey sets the hash key from the meta table, storing a fresh one first
// if there is none (another process may store it first: DO NOTHING keeps
// theirs).
func (s *sqlStore) loadKey(ctx context.Context) error {
	if s.key != nil {
		return nil
	}
	if _, err := s.w.ExecContext(ctx, s.d.bind(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`),
		hashKeyMeta, freshKey()); err != nil {
		return fmt.Errorf("store hash key: %w", err)
	}
	var v string
	if err := s.w.QueryRowContext(ctx, s.d.bind(`SELECT value FROM meta WHERE key = ?`), hashKeyMeta).Scan(&v); err != nil {
		return fmt.Errorf("read hash key: %w", err)
	}
	key, err := hex.DecodeString(v)
	if err != nil || len(key) == 0 {
		return fmt.Errorf("meta %s is not a hex key: %q", hashKeyMeta, v)
	}
	s.key = newHasher(key)
	return nil
}

// Close closes the database.
func (s *sqlStore) Close() error {
	var errs []error
	for _, c := range s.closers {
		if err := c(); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close question log: %w", err)
	}
	return nil
}

// RecordQuestions records qs in one transaction, skipping ids already
// recorded. A question that is not valid fails the whole batch, with nothing
// recorded.
func (s *sqlStore) RecordQuestions(ctx context.Context, qs []Question) error {
	if len(qs) == 0 {
		return nil
	}
	args := make([]any, 0, len(qs)*questionArity)
	for i := range qs {
		q := &qs[i]
		if err := q.check(); err != nil {
			return fmt.Errorf("record question: %w", err)
		}
		at := q.Time
		if at.IsZero() {
			at = s.now()
		}
		var user any // NULL when unknown
		if q.UserID != "" {
			user = s.key.hash(q.UserID)
		}
		args = append(args, q.ID, at.UnixMilli(), q.Surface, q.GuildID, user,
			clip(q.Normalized, MaxQuestionLen), q.EntryID, b2i(q.Answered), q.Score,
			clip(q.Reason, 40), clip(q.Blocker, 100), unknownWords(q.Unknown), q.Nearest)
	}
	if len(qs) == 1 {
		if _, err := s.w.ExecContext(ctx, s.insert1, args...); err != nil {
			return fmt.Errorf("record question: %w", err)
		}
		return nil
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if s.insertQ == nil {
			_, err := tx.ExecContext(ctx, s.insertQuery(len(qs)), args...)
			return err
		}
		stmt := tx.StmtContext(ctx, s.insertQ)
		for i := 0; i < len(args); i += questionArity {
			if _, err := stmt.ExecContext(ctx, args[i:i+questionArity]...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record %d questions: %w", len(qs), err)
	}
	return nil
}

// RecordPick records a suggestion picked for a question.
func (s *sqlStore) RecordPick(ctx context.Context, questionID int64, entryID string) error {
	if entryID == "" {
		return errors.New("record pick: empty entry id")
	}
	if questionID <= 0 {
		return fmt.Errorf("record pick: question id %d: want a positive id", questionID)
	}
	_, err := s.w.ExecContext(ctx, s.d.bind(`INSERT INTO picks (question_id, entry_id, at) VALUES (?, ?, ?)
		ON CONFLICT (question_id, entry_id) DO NOTHING`), questionID, entryID, s.now().UnixMilli())
	if err != nil {
		return fmt.Errorf("record pick of %q for question %d: %w", entryID, questionID, err)
	}
	return nil
}

// RecordFeedback records a vote.
func (s *sqlStore) RecordFeedback(ctx context.Context, v Vote) (changed bool, err error) {
	if v.UserID == "" {
		return false, errors.New("record feedback: empty user id")
	}
	if v.QuestionID <= 0 {
		return false, fmt.Errorf("record feedback: question id %d: want a positive id", v.QuestionID)
	}
	entry := v.EntryID
	if entry == "" {
		err := s.w.QueryRowContext(ctx, s.d.bind(`SELECT entry_id FROM questions WHERE id = ?`), v.QuestionID).Scan(&entry)
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrUnknownQuestion
		}
		if err != nil {
			return false, fmt.Errorf("record feedback for question %d: %w", v.QuestionID, err)
		}
	}
	res, err := s.w.ExecContext(ctx, s.d.bind(`INSERT INTO feedback (question_id, user_hash, entry_id, up, at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (question_id, user_hash) DO UPDATE SET up = excluded.up, at = excluded.at, entry_id = excluded.entry_id
		WHERE feedback.up <> excluded.up`),
		v.QuestionID, s.key.hash(v.UserID), entry, b2i(v.Up), s.now().UnixMilli())
	if err != nil {
		return false, fmt.Errorf("record feedback for question %d: %w", v.QuestionID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record feedback for question %d: %w", v.QuestionID, err)
	}
	return n > 0, nil
}

// writeTx runs f in a write transaction and commits it if f succeeds.
func (s *sqlStore) writeTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// pruneBatch is how many rows Prune deletes per statement, so that
// recording waits for at most one batch.
const pruneBatch = 1000

// Prune deletes rows past the retention period.
func (s *sqlStore) Prune(ctx context.Context) (deleted int64, err error) {
	if s.retention < 0 {
		return 0, nil
	}
	cutoff := s.now().Add(-s.retention).UnixMilli()
	for _, table := range []string{"questions", "feedback", "picks"} {
		n, err := s.pruneTable(ctx, table, cutoff)
		if table == "questions" {
			deleted = n
		}
		if err != nil {
			return deleted, fmt.Errorf("prune question log: %s: %w", table, err)
		}
	}
	return deleted, nil
}

func (s *sqlStore) pruneTable(ctx context.Context, table string, cutoff int64) (int64, error) {
	// table is one of three constants above.
	q := s.d.bind(`DELETE FROM ` + table + ` WHERE id IN (SELECT id FROM ` + table + ` WHERE at < ? ORDER BY at LIMIT ?)`)
	var deleted int64
	for {
		res, err := s.w.ExecContext(ctx, q, cutoff, pruneBatch)
		if err != nil {
			return deleted, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return deleted, err
		}
		deleted += n
		if n < pruneBatch {
			return deleted, nil
		}
	}
}
