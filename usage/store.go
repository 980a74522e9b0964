package usage

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// DefaultRetention is how long rows are kept when [Options.Retention] is 0.
const DefaultRetention = 90 * 24 * time.Hour

// MaxQuestionLen is the most runes of [Question.Normalized] that are stored;
// the rest is cut off.
const MaxQuestionLen = 500

// The surfaces a question comes from, for [Question.Surface].
const (
	SurfaceSlash   = "slash"   // the /ask command
	SurfaceDM      = "dm"      // a direct message to the bot
	SurfaceMention = "mention" // a server message that mentions the bot
	SurfaceButton  = "button"  // a follow-up or suggestion button
)

// PickNone is the entry id [Store.RecordPick] takes for "none of these".
const PickNone = "none"

// busyTimeout is how long a statement waits for a lock another process holds
// (another bpobot, or a report run from the command line) before it fails
// with SQLITE_BUSY. The caller's context ends the wait sooner.
const busyTimeout = 5 * time.Second

// hashKeyMeta is the meta row that holds the generated user hash key.
const hashKeyMeta = "user_hash_key"

// ErrUnknownQuestion is returned by [Store.RecordPick] and
// [Store.RecordFeedback] for a question id the store does not have: never
// recorded, or pruned since.
var ErrUnknownQuestion = errors.New("unknown question id")

// Options configure a [Store]. The zero value is ready to use.
type Options struct {
	// HashKey is the HMAC-SHA256 key under which user ids are hashed. If it
	// is empty, a random key is generated on first use and kept in the
	// database, so hashes stay stable for that database. Changing the key
	// makes every user look new (distinct users are counted by hash).
	HashKey []byte

	// Retention is how long [Store.Prune] keeps rows: 0 means
	// DefaultRetention (90 days); a negative value means forever.
	Retention time.Duration

	// Now returns the current time; nil means time.Now. For tests.
	Now func() time.Time
}

// A Question is one question the bot handled, for [Store.RecordQuestion].
type Question struct {
	Time    time.Time // when it was asked; the zero time means now
	Surface string    // where it came from: SurfaceSlash, SurfaceDM, SurfaceMention or SurfaceButton
	GuildID string    // the server, "" in direct messages
	// UserID identifies the asker. It is never stored: only its
	// HMAC-SHA256 under the store's hash key is, to count distinct users.
	// "" means unknown, and is not counted.
	UserID string
	// Normalized is the question text, lowercased and trimmed by the
	// caller. Only its first MaxQuestionLen runes are stored.
	Normalized string
	EntryID    string  // the entry that answered it, "" when declined
	Answered   bool    // whether it was answered
	Score      float64 // the best entry's score
}

// A Store records usage in a SQLite database file. It is safe for concurrent
// use by many goroutines.
//
// Writes go through a single connection, so they never contend with each
// other inside the process; reports read through separate connections and,
// with the database in WAL mode, do not block writes. Every method takes a
// context and gives up when it is done, with the context's error.
type Store struct {
	w, r      *sql.DB // the single writer connection; the readers
	insertQ   *sql.Stmt
	key       []byte
	retention time.Duration
	now       func() time.Time
}

// Open opens the usage database at path, a file name, creating the file if
// needed, and brings its schema up to date. It turns on WAL mode (persistent,
// so reports can run while the bot writes), a busy timeout of 5 s for locks
// held by other processes, and foreign keys. The context bounds opening and
// migrating, not the Store's life.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open usage database: empty path")
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open usage database: %q: want the path of a file, not an in-memory database or a URI", path)
	}
	uri, err := fileURI(path)
	if err != nil {
		return nil, fmt.Errorf("open usage database %s: %w", path, err)
	}
	s, err := open(ctx, uri, opts)
	if err != nil {
		return nil, fmt.Errorf("open usage database %s: %w", path, err)
	}
	return s, nil
}

// fileURI turns a file path into a SQLite URI, so that no character of the
// path (such as ? or #) is taken as part of the query string.
func fileURI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter: file:///C:/...
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath(), nil
}

func open(ctx context.Context, uri string, opts Options) (_ *Store, err error) {
	s := &Store{retention: opts.Retention, now: opts.Now}
	if s.retention == 0 {
		s.retention = DefaultRetention
	}
	if s.now == nil {
		s.now = time.Now
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()

	common := url.Values{}
	common.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	common.Add("_pragma", "foreign_keys(1)")

	// The writer: one connection, whose transactions take the write lock
	// at BEGIN (so a transaction that reads then writes cannot fail with
	// SQLITE_BUSY half-way), and synchronous=NORMAL, which in WAL mode
	// keeps the database consistent on a crash but may lose the last
	// commits on power loss: fine for usage statistics, and much faster.
	wq := cloneValues(common)
	wq.Add("_pragma", "synchronous(NORMAL)")
	wq.Set("_txlock", "immediate")
	if s.w, err = sql.Open("sqlite", uri+"?"+wq.Encode()); err != nil {
		return nil, err
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	s.w.SetConnMaxIdleTime(0)

	if err := s.w.PingContext(ctx); err != nil { // opens (or creates) the file
		return nil, err
	}
	var mode string
	if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return nil, fmt.Errorf("set WAL mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return nil, fmt.Errorf("set WAL mode: journal mode is %q", mode)
	}
	if err := migrate(ctx, s.w, migrations); err != nil {
		return nil, err
	}
	if s.key = opts.HashKey; len(s.key) == 0 {
		if s.key, err = s.storedKey(ctx); err != nil {
			return nil, err
		}
	}
	if s.insertQ, err = s.w.PrepareContext(ctx, `INSERT INTO questions
		(at, surface, guild_id, user_hash, normalized, entry_id, answered, score)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}

	rq := cloneValues(common)
	rq.Add("_pragma", "query_only(1)")
	if s.r, err = sql.Open("sqlite", uri+"?"+rq.Encode()); err != nil {
		return nil, err
	}
	s.r.SetMaxOpenConns(4)
	return s, nil
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// storedKey returns the hash key kept in the meta table, generating and
// storing one first if there is none.
func (s *Store) storedKey(ctx context.Context) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh) // never fails (crypto/rand since Go 1.24)
	// If another process stored one first, DO NOTHING keeps theirs.
	if _, err := s.w.ExecContext(ctx,
		`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
		hashKeyMeta, hex.EncodeToString(fresh)); err != nil {
		return nil, fmt.Errorf("store hash key: %w", err)
	}
	var v string
	if err := s.w.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, hashKeyMeta).Scan(&v); err != nil {
		return nil, fmt.Errorf("read hash key: %w", err)
	}
	key, err := hex.DecodeString(v)
	if err != nil || len(key) == 0 {
		return nil, fmt.Errorf("meta %s is not a hex key: %q", hashKeyMeta, v)
	}
	return key, nil
}

// Close closes the database. Calls in progress finish first; later calls
// fail.
func (s *Store) Close() error {
	var errs []error
	if s.insertQ != nil {
		errs = append(errs, s.insertQ.Close())
	}
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close usage database: %w", err)
	}
	return nil
}

// hashUser returns the hex HMAC-SHA256 of a user id under the store's key.
func (s *Store) hashUser(userID string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil))
}

// RecordQuestion records a question the bot handled and returns its id (from
// 1), for recording picks and feedback on it later. The user id is stored
// only as a hash, and the text only up to MaxQuestionLen runes. Pass a
// context with a short deadline.
func (s *Store) RecordQuestion(ctx context.Context, q Question) (int64, error) {
	if q.Surface == "" {
		return 0, errors.New("record question: empty surface")
	}
	if math.IsNaN(q.Score) || math.IsInf(q.Score, 0) {
		return 0, fmt.Errorf("record question: score is %v", q.Score)
	}
	at := q.Time
	if at.IsZero() {
		at = s.now()
	}
	var user any // NULL when unknown
	if q.UserID != "" {
		user = s.hashUser(q.UserID)
	}
	res, err := s.insertQ.ExecContext(ctx, at.UnixMilli(), q.Surface, q.GuildID, user,
		clip(q.Normalized, MaxQuestionLen), q.EntryID, q.Answered, q.Score)
	if err != nil {
		return 0, fmt.Errorf("record question: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record question: %w", err)
	}
	return id, nil
}

// clip returns s, made valid UTF-8, cut to at most n runes.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n { // bytes >= runes
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// RecordPick records that the asker of question questionID picked the
// suggested entry entryID, or PickNone for "none of these". Picking the same
// entry for the same question again changes nothing. It returns an error
// wrapping ErrUnknownQuestion if there is no such question. Pass a context
// with a short deadline.
func (s *Store) RecordPick(ctx context.Context, questionID int64, entryID string) error {
	if entryID == "" {
		return errors.New("record pick: empty entry id")
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := questionEntry(ctx, tx, questionID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO picks (question_id, entry_id, at) VALUES (?, ?, ?)
			ON CONFLICT (question_id, entry_id) DO NOTHING`,
			questionID, entryID, s.now().UnixMilli())
		return err
	})
	if err != nil {
		return fmt.Errorf("record pick of %q for question %d: %w", entryID, questionID, err)
	}
	return nil
}

// RecordFeedback records a user's thumbs-up (up) or thumbs-down on the answer
// to question questionID, under that question's entry id. A user votes once
// per question: a later vote replaces the earlier one. changed reports whether
// anything changed, false when the vote repeats the user's previous one. It
// returns an error wrapping ErrUnknownQuestion if there is no such question.
// Pass a context with a short deadline.
func (s *Store) RecordFeedback(ctx context.Context, questionID int64, userID string, up bool) (changed bool, err error) {
	if userID == "" {
		return false, errors.New("record feedback: empty user id")
	}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		entry, err := questionEntry(ctx, tx, questionID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feedback (question_id, user_hash, entry_id, up, at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (question_id, user_hash) DO UPDATE SET up = excluded.up, at = excluded.at
			WHERE up <> excluded.up`,
			questionID, s.hashUser(userID), entry, up, s.now().UnixMilli())
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		changed = n > 0
		return err
	})
	if err != nil {
		return false, fmt.Errorf("record feedback for question %d: %w", questionID, err)
	}
	return changed, nil
}

// questionEntry returns the entry id of a question, or ErrUnknownQuestion.
func questionEntry(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var entry string
	err := tx.QueryRowContext(ctx, `SELECT entry_id FROM questions WHERE id = ?`, id).Scan(&entry)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrUnknownQuestion
	}
	return entry, err
}

// writeTx runs f in a write transaction and commits it if f succeeds.
func (s *Store) writeTx(ctx context.Context, f func(*sql.Tx) error) error {
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

// pruneBatch is how many questions Prune deletes per transaction, so that
// recording waits for at most one batch.
const pruneBatch = 1000

// Prune deletes the questions older than the retention period, with their
// feedback and picks, and returns how many questions it deleted. With a
// negative Retention it deletes nothing. It deletes in batches, so it can run
// while the bot records; run it daily or so.
func (s *Store) Prune(ctx context.Context) (deleted int64, err error) {
	if s.retention < 0 {
		return 0, nil
	}
	cutoff := s.now().Add(-s.retention).UnixMilli()
	for {
		res, err := s.w.ExecContext(ctx, `DELETE FROM questions WHERE id IN
			(SELECT id FROM questions WHERE at < ? ORDER BY id LIMIT ?)`, cutoff, pruneBatch)
		if err != nil {
			return deleted, fmt.Errorf("prune usage database: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return deleted, fmt.Errorf("prune usage database: %w", err)
		}
		deleted += n
		if n < pruneBatch {
			return deleted, nil
		}
	}
}
