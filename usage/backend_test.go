package usage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// testNow is the fixed "now" of the tests.
var testNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

// postgresEnv names the variable that holds the URL of a PostgreSQL server
// the tests may create databases on (.ci/run starts one and sets it).
const postgresEnv = "BPOBOT_TEST_POSTGRES"

// A backend opens fresh stores of one kind for the tests.
type backend struct {
	name string
	// fresh returns the DSN of a new, empty database.
	fresh func(t testing.TB) string
}

var sqliteBackend = backend{"sqlite", func(t testing.TB) string {
	return filepath.Join(t.TempDir(), "usage.db")
}}

var postgresBackend = backend{"postgres", freshPostgres}

// freshPostgres creates a database on the server named by
// BPOBOT_TEST_POSTGRES, dropped at the end of the test, and returns its URL.
// Without the variable it skips the test.
func freshPostgres(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(postgresEnv)
	if admin == "" {
		t.Skipf("%s is not set: PostgreSQL tests skipped (.ci/postgres start DIR starts a throwaway server and prints the variable)", postgresEnv)
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: %v", postgresEnv, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "bpobot_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		db.Close()
		t.Fatalf("creating a test database on %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// eachBackend runs f as a subtest on SQLite and on PostgreSQL.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range []backend{sqliteBackend, postgresBackend} {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// open opens a store on a fresh database of the backend, with a fixed clock
// unless opts has one, and closes it at the end of the test.
func (b backend) open(t testing.TB, opts Options) *sqlStore {
	t.Helper()
	s, _ := b.openAt(t, b.fresh(t), opts)
	return s
}

func (b backend) openAt(t testing.TB, dsn string, opts Options) (*sqlStore, string) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	s, err := Open(t.Context(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s.(*sqlStore), dsn
}

// count returns the result of a SELECT COUNT(*) ... on the store (with ?
// placeholders).
func count(t testing.TB, s *sqlStore, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.r.QueryRowContext(t.Context(), s.d.bind(query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

var lastID atomic.Int64

// nextID returns a new question id for a test.
func nextID() int64 { return lastID.Add(1) }

// record records one question, with a new id and the slash surface unless
// q has them, and returns its id.
func record(t testing.TB, s Store, q Question) int64 {
	t.Helper()
	if q.Surface == "" {
		q.Surface = SurfaceSlash
	}
	if q.ID == 0 {
		q.ID = nextID()
	}
	if err := s.RecordQuestions(t.Context(), []Question{q}); err != nil {
		t.Fatal(err)
	}
	return q.ID
}

// vote records a vote that names no entry (the store looks it up).
func vote(t testing.TB, s Store, qid int64, user string, up bool) bool {
	t.Helper()
	changed, err := s.RecordFeedback(t.Context(), Vote{QuestionID: qid, UserID: user, Up: up})
	if err != nil {
		t.Fatal(err)
	}
	return changed
}
