package usage

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"strings"
	"sync"
	"time"
)

// DefaultRetention is how long rows are kept when [Options.Retention] is 0.
const DefaultRetention = 90 * 24 * time.Hour

// MaxQuestionLen is the most runes of [Question.Normalized] that are stored;
// the rest is cut off.
const MaxQuestionLen = 500

// maxUnknown is the most unknown words a question keeps, and maxWordLen the
// most runes of each.
const (
	maxUnknown = 8
	maxWordLen = 40
)

// The surfaces a question comes from, for [Question.Surface].
const (
	SurfaceSlash   = "slash"   // the /ask command
	SurfaceDM      = "dm"      // a direct message to the bot
	SurfaceMention = "mention" // a server message that mentions the bot
	SurfaceButton  = "button"  // a follow-up or suggestion button
)

// PickNone is the entry id [Store.RecordPick] takes for "none of these".
const PickNone = "none"

// hashKeyMeta is the meta row that holds the generated user hash key.
const hashKeyMeta = "user_hash_key"

// ErrUnknownQuestion is returned by [Store.RecordFeedback] for a vote that
// does not name its entry and whose question the store does not have:
// never recorded, not yet written, or pruned since.
var ErrUnknownQuestion = errors.New("unknown question id")

// Options configure a [Store]. The zero value is ready to use.
type Options struct {
	// HashKey is the HMAC-SHA256 key under which user ids are hashed. If it
	// is empty, a random key is generated on first use and kept in the
	// database, so hashes stay stable for that database (and every replica
	// writing to it). Changing the key makes every user look new (distinct
	// users are counted by hash).
	HashKey []byte

	// Retention is how long [Store.Prune] keeps rows: 0 means
	// DefaultRetention (90 days); a negative value means forever.
	Retention time.Duration

	// MaxConns bounds the connections to PostgreSQL; 0 means the URL's
	// pool_max_conns, or pgxpool's default (4, or the number of CPUs if
	// more). SQLite ignores it: it writes through one connection.
	MaxConns int

	// Now returns the current time; nil means time.Now. For tests.
	Now func() time.Time
}

// A Question is one question the bot handled, for [Store.RecordQuestions].
type Question struct {
	// ID identifies the question, chosen by the caller: positive and
	// globally unique, such as a random 63-bit number, so that any number
	// of processes can record to one store and a vote given on any of them
	// finds its question. Recording an id again changes nothing.
	ID      int64
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

	// What the engine made of a declined question, for the curator.
	Reason  string   // why it was declined, e.g. "unsupported", "not-covered"
	Blocker string   // the term the sources do not cover, if one was named
	Unknown []string // the words the engine did not know (lowercased when stored; at most 8)
	Nearest string   // the entry that came nearest, "" if none
}

// A Vote is a thumbs-up or thumbs-down on an answer, for
// [Store.RecordFeedback].
type Vote struct {
	QuestionID int64
	// EntryID is the entry whose answer is voted on. When it is "" the
	// store looks it up from the question (which must then be recorded).
	EntryID string
	UserID  string // who voted; stored only as a hash
	Up      bool
}

// A Store is the question log: it records the questions the bot handles,
// the suggestions picked and the votes given, and reports on them. Open
// returns one backed by an SQLite file or by PostgreSQL; both keep the same
// tables and give the same reports. A Store is safe for concurrent use, also
// by several processes sharing one database. Every method takes a context
// and gives up when it is done, with the context's error.
type Store interface {
	// RecordQuestions records questions in one transaction. A question
	// whose id is already recorded is skipped. The bot records through a
	// [Queue], which batches its questions and keeps them off the reply's
	// path.
	RecordQuestions(ctx context.Context, qs []Question) error

	// RecordPick records that the asker of question questionID picked the
	// suggested entry entryID, or PickNone for "none of these". Picking
	// the same entry for the same question again changes nothing. The
	// question need not be written yet.
	RecordPick(ctx context.Context, questionID int64, entryID string) error

	// RecordFeedback records a user's vote on the answer to a question,
	// under the vote's entry. A user votes once per question: a later
	// vote replaces the earlier one. changed reports whether anything
	// changed, false when the vote repeats the user's previous one.
	RecordFeedback(ctx context.Context, v Vote) (changed bool, err error)

	// Prune deletes the questions, votes and picks older than the
	// retention period and returns how many questions it deleted. With a
	// negative Retention it deletes nothing. It deletes in batches, so it
	// can run while the bot records; run it daily or so.
	Prune(ctx context.Context) (deleted int64, err error)

	// Report summarises the usage from since to now: questions recorded
	// at or after since, and votes and picks given at or after since.
	Report(ctx context.Context, since time.Time) (*Report, error)

	// Close closes the store. Calls in progress finish first; later calls
	// fail.
	Close() error
}

// IsPostgres reports whether dsn names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than an SQLite file.
func IsPostgres(dsn string) bool {
	d := strings.ToLower(strings.TrimSpace(dsn))
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// Open opens the question log named by dsn, creating its tables or bringing
// them up to date. A postgres:// or postgresql:// URL opens PostgreSQL (the
// URL's pool_max_conns and the other pgx settings apply); anything else is
// the path of an SQLite file, created if needed. The context bounds opening
// and migrating, not the Store's life.
func Open(ctx context.Context, dsn string, opts Options) (Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, opts)
	}
	return openSQLite(ctx, dsn, opts)
}

// Describe names the question log dsn for a log line: a PostgreSQL URL
// without its password, or the file's path.
func Describe(dsn string) string {
	if IsPostgres(dsn) {
		return redactURL(dsn)
	}
	return dsn
}

// A hasher hashes user ids under a key. It keeps HMAC states to reuse
// (Reset restores the keyed state without rehashing the key).
type hasher struct {
	key  []byte
	pool sync.Pool // of hash.Hash
}

func newHasher(key []byte) *hasher {
	h := &hasher{key: key}
	h.pool.New = func() any { return hmac.New(sha256.New, h.key) }
	return h
}

// hash returns the hex HMAC-SHA256 of a user id.
func (k *hasher) hash(userID string) string {
	m := k.pool.Get().(hash.Hash)
	m.Reset()
	m.Write([]byte(userID))
	var sum [sha256.Size]byte
	s := hex.EncodeToString(m.Sum(sum[:0]))
	k.pool.Put(m)
	return s
}

// freshKey returns a new random hash key, hex-encoded.
func freshKey() string {
	k := make([]byte, 32)
	rand.Read(k) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(k)
}

// check reports what is wrong with q, or nil.
func (q *Question) check() error {
	switch {
	case q.ID <= 0:
		return fmt.Errorf("question id %d: want a positive id", q.ID)
	case q.Surface == "":
		return errors.New("empty surface")
	case math.IsNaN(q.Score) || math.IsInf(q.Score, 0):
		return fmt.Errorf("score is %v", q.Score)
	}
	return nil
}

// unknownWords is how a question's unknown words are stored: lowercased,
// valid UTF-8, without spaces, at most maxUnknown of them, space-separated.
func unknownWords(ws []string) string {
	var out []string
	for _, w := range ws {
		w = strings.ToLower(clip(strings.Join(strings.Fields(w), ""), maxWordLen))
		if w != "" && len(out) < maxUnknown {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
