package usage

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// testNow is the fixed "now" of the tests.
var testNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

// openTest opens a store in a new file under t.TempDir, with a fixed clock
// unless opts has one, and closes it at the end of the test.
func openTest(t testing.TB, opts Options) (*Store, string) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	path := filepath.Join(t.TempDir(), "usage.db")
	s, err := Open(t.Context(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s, path
}

// count returns the result of a SELECT COUNT(*) ... on the store.
func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.r.QueryRowContext(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func record(t testing.TB, s *Store, q Question) int64 {
	t.Helper()
	if q.Surface == "" {
		q.Surface = SurfaceSlash
	}
	id, err := s.RecordQuestion(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpenConfiguresDatabase(t *testing.T) {
	s, path := openTest(t, Options{})
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	for _, db := range []*sql.DB{s.w, s.r} {
		var mode string
		var fk, busy, version int
		ctx := t.Context()
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 || busy != int(busyTimeout.Milliseconds()) || version != len(migrations) {
			t.Errorf("journal_mode=%s foreign_keys=%d busy_timeout=%d user_version=%d; want wal, 1, %d, %d",
				mode, fk, busy, version, busyTimeout.Milliseconds(), len(migrations))
		}
	}
	// The readers cannot write.
	if _, err := s.r.ExecContext(t.Context(), "DELETE FROM questions"); err == nil {
		t.Error("a reader connection could write")
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd dir کال", "usage a?b#c%20.db")
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at the path as given: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no such dir", "usage.db")
	for _, tc := range []struct{ path, want string }{
		{"", "empty path"},
		{":memory:", "want the path of a file"},
		{"file:x.db?mode=memory", "want the path of a file"},
		{missing, missing},
	} {
		s, err := Open(t.Context(), tc.path, Options{})
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", tc.path)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q) = %v; want an error containing %q", tc.path, err, tc.want)
		}
	}
}

func TestReopenKeepsDataAndHashKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usage.db")
	opts := Options{Now: func() time.Time { return testNow }}
	var keys []string
	for range 3 {
		s, err := Open(t.Context(), path, opts)
		if err != nil {
			t.Fatal(err)
		}
		record(t, s, Question{UserID: "same-user", Normalized: "q"})
		keys = append(keys, hex.EncodeToString(s.key))
		r, err := s.Report(t.Context(), testNow.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if r.Total != len(keys) || r.DistinctUsers != 1 {
			t.Errorf("after %d opens: total %d, distinct users %d; want %d, 1", len(keys), r.Total, r.DistinctUsers, len(keys))
		}
	}
	if keys[0] != keys[1] || keys[1] != keys[2] {
		t.Errorf("generated hash key changed across reopens: %v", keys)
	}

	// Another database gets another key.
	other, _ := openTest(t, Options{})
	if hex.EncodeToString(other.key) == keys[0] {
		t.Error("two databases generated the same hash key")
	}
}

func TestUserIDsAreHashedNeverStored(t *testing.T) {
	const user = "987654321098765432" // a Discord snowflake
	key := []byte("test key")
	path := filepath.Join(t.TempDir(), "usage.db")
	s, err := Open(t.Context(), path, Options{HashKey: key, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	id := record(t, s, Question{UserID: user, GuildID: "guild-1", Normalized: "how much in fy25", EntryID: "e", Answered: true})
	if _, err := s.RecordFeedback(t.Context(), id, user, false); err != nil {
		t.Fatal(err)
	}

	m := hmac.New(sha256.New, key)
	m.Write([]byte(user))
	want := hex.EncodeToString(m.Sum(nil))
	if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE user_hash = ?", want); n != 1 {
		t.Errorf("questions with user_hash = HMAC-SHA256(key, user): %d; want 1", n)
	}
	if n := count(t, s, "SELECT COUNT(*) FROM feedback WHERE user_hash = ?", want); n != 1 {
		t.Errorf("feedback with user_hash = HMAC-SHA256(key, user): %d; want 1", n)
	}
	// A given key is not stored.
	if n := count(t, s, "SELECT COUNT(*) FROM meta"); n != 0 {
		t.Errorf("meta has %d rows with a key given; want 0", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	files, err := filepath.Glob(path + "*")
	if err != nil || len(files) == 0 {
		t.Fatalf("database files: %v %v", files, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(user)) {
			t.Errorf("%s contains the raw user id", filepath.Base(f))
		}
		if !bytes.Contains(b, []byte("how much in fy25")) && filepath.Base(f) == "usage.db" {
			t.Errorf("%s does not contain the question: is the check looking at the data?", filepath.Base(f))
		}
	}
}

// TestMigrateOldVersion opens a database made by the first version of the
// schema, with data in it, and checks that Open migrates it and keeps the data.
func TestMigrateOldVersion(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, old, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	at := testNow.Add(-time.Hour).UnixMilli()
	for _, q := range []string{
		`INSERT INTO questions (id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score)
			VALUES (7, ?, 'slash', '', 'aaaa', 'old question', 'fy25-earnings', 1, 0.9)`,
		`INSERT INTO feedback (question_id, user_hash, entry_id, up, at) VALUES (7, 'bbbb', 'fy25-earnings', 0, ?)`,
	} {
		if _, err := old.ExecContext(ctx, q, at); err != nil {
			t.Fatal(err)
		}
	}
	var v int
	if err := old.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil || v != 1 {
		t.Fatalf("old database at version %d (%v); want 1", v, err)
	}
	old.Close()

	s, err := Open(ctx, path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := count(t, s, "PRAGMA user_version"); v != len(migrations) {
		t.Errorf("after Open, version %d; want %d", v, len(migrations))
	}
	if err := s.RecordPick(ctx, 7, "why-pakistan"); err != nil { // picks came in version 2
		t.Fatal(err)
	}
	r, err := s.Report(ctx, testNow.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || len(r.MostDisliked) != 1 || len(r.Picks) != 1 {
		t.Errorf("migrated report: total %d, disliked %v, picks %v; want the old question, its feedback and the new pick",
			r.Total, r.MostDisliked, r.Picks)
	}
	// Migrating is idempotent.
	if err := migrate(ctx, s.w, migrations); err != nil {
		t.Errorf("migrating an up-to-date database: %v", err)
	}
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(t.Context(), path, Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded on a database from a newer program")
	}
	if !strings.Contains(err.Error(), "schema version 99 is newer") {
		t.Errorf("error %q does not explain the version", err)
	}
}

func TestMigrationFailureRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	steps := []string{"CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y INTEGER); CREATE TABLE a (z INTEGER)"}
	err = migrate(t.Context(), db, steps)
	if err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Fatalf("migrate = %v; want an error naming version 2", err)
	}
	var v, b int
	db.QueryRowContext(t.Context(), "PRAGMA user_version").Scan(&v)
	db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'b'").Scan(&b)
	if v != 1 || b != 0 {
		t.Errorf("after a failed step 2: version %d, table b exists: %v; want version 1 and no b", v, b == 1)
	}
}

func TestRecordQuestion(t *testing.T) {
	s, _ := openTest(t, Options{})
	long := strings.Repeat("کال سینٹر ", 100) // 1,000 runes
	id1 := record(t, s, Question{Normalized: long, Time: testNow.Add(-time.Minute)})
	id2 := record(t, s, Question{Normalized: "bad \xff utf-8", Score: 0.5})
	if id1 < 1 || id2 <= id1 {
		t.Errorf("ids %d, %d; want increasing from 1", id1, id2)
	}
	var text string
	var at int64
	if err := s.r.QueryRowContext(t.Context(), "SELECT normalized, at FROM questions WHERE id = ?", id1).Scan(&text, &at); err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(text); n != MaxQuestionLen || !strings.HasPrefix(long, text) {
		t.Errorf("stored %d runes, prefix of the question: %v; want %d", n, strings.HasPrefix(long, text), MaxQuestionLen)
	}
	if at != testNow.Add(-time.Minute).UnixMilli() {
		t.Errorf("stored time %v; want the question's", time.UnixMilli(at).UTC())
	}
	if err := s.r.QueryRowContext(t.Context(), "SELECT normalized, at FROM questions WHERE id = ?", id2).Scan(&text, &at); err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(text) || at != testNow.UnixMilli() {
		t.Errorf("stored %q at %v; want valid UTF-8 at now", text, time.UnixMilli(at).UTC())
	}
	if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE user_hash IS NULL"); n != 2 {
		t.Errorf("questions without a user: %d rows with a NULL hash; want 2", n)
	}

	for _, tc := range []struct {
		q    Question
		want string
	}{
		{Question{Normalized: "x"}, "empty surface"},
		{Question{Surface: SurfaceDM, Score: math.NaN()}, "score is NaN"},
		{Question{Surface: SurfaceDM, Score: math.Inf(1)}, "score is +Inf"},
	} {
		if _, err := s.RecordQuestion(t.Context(), tc.q); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("RecordQuestion(%+v) = %v; want an error containing %q", tc.q, err, tc.want)
		}
	}
}

func TestRecordFeedback(t *testing.T) {
	s, _ := openTest(t, Options{})
	ctx := t.Context()
	q := record(t, s, Question{Normalized: "fy25 earnings", EntryID: "fy25-earnings", Answered: true})
	steps := []struct {
		user        string
		up, changed bool
	}{
		{"u1", false, true},  // first vote
		{"u1", false, false}, // the same again
		{"u1", true, true},   // changed its mind
		{"u1", true, false},
		{"u2", false, true}, // another user
	}
	for i, st := range steps {
		changed, err := s.RecordFeedback(ctx, q, st.user, st.up)
		if err != nil {
			t.Fatal(err)
		}
		if changed != st.changed {
			t.Errorf("step %d: %s votes up=%v: changed %v; want %v", i, st.user, st.up, changed, st.changed)
		}
	}
	if n := count(t, s, "SELECT COUNT(*) FROM feedback"); n != 2 {
		t.Errorf("%d feedback rows; want one per user", n)
	}
	if n := count(t, s, "SELECT COUNT(*) FROM feedback WHERE entry_id = 'fy25-earnings'"); n != 2 {
		t.Errorf("%d feedback rows carry the question's entry id; want 2", n)
	}
	if n := count(t, s, "SELECT COUNT(*) FROM feedback WHERE up = 1"); n != 1 {
		t.Errorf("%d up votes; want 1 (u1's replaced vote)", n)
	}

	if _, err := s.RecordFeedback(ctx, q+100, "u1", true); !errors.Is(err, ErrUnknownQuestion) {
		t.Errorf("feedback on an unknown question: %v; want ErrUnknownQuestion", err)
	}
	if _, err := s.RecordFeedback(ctx, q, "", true); err == nil || !strings.Contains(err.Error(), "empty user id") {
		t.Errorf("feedback without a user: %v; want an error about the empty user id", err)
	}
}

func TestRecordPick(t *testing.T) {
	s, _ := openTest(t, Options{})
	ctx := t.Context()
	q := record(t, s, Question{Normalized: "salary"})
	for _, e := range []string{"why-pakistan", "why-pakistan", PickNone} {
		if err := s.RecordPick(ctx, q, e); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, "SELECT COUNT(*) FROM picks"); n != 2 {
		t.Errorf("%d picks; want 2 (a repeated pick counts once)", n)
	}
	if err := s.RecordPick(ctx, q+1, "x"); !errors.Is(err, ErrUnknownQuestion) {
		t.Errorf("pick on an unknown question: %v; want ErrUnknownQuestion", err)
	}
	if err := s.RecordPick(ctx, q, ""); err == nil || !strings.Contains(err.Error(), "empty entry id") {
		t.Errorf("pick of no entry: %v; want an error about the empty entry id", err)
	}
}

func TestPrune(t *testing.T) {
	ctx := t.Context()
	day := 24 * time.Hour
	for _, tc := range []struct {
		name      string
		retention time.Duration
		want      int64 // questions deleted
	}{
		{"default 90 days", 0, 2 + 2*pruneBatch},
		{"custom", 10 * day, 3 + 2*pruneBatch},
		{"forever", -1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTest(t, Options{Retention: tc.retention})
			old := record(t, s, Question{Normalized: "old", Time: testNow.Add(-100 * day)})
			record(t, s, Question{Normalized: "older", Time: testNow.Add(-200 * day)})
			mid := record(t, s, Question{Normalized: "mid", Time: testNow.Add(-30 * day)})
			recent := record(t, s, Question{Normalized: "recent", Time: testNow.Add(-day)})
			for _, q := range []int64{old, mid, recent} {
				if _, err := s.RecordFeedback(ctx, q, "u", false); err != nil {
					t.Fatal(err)
				}
				if err := s.RecordPick(ctx, q, PickNone); err != nil {
					t.Fatal(err)
				}
			}
			// Enough old rows to need several batches.
			if _, err := s.w.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
				INSERT INTO questions (at, surface, guild_id, normalized, entry_id, answered, score)
				SELECT ?, 'dm', '', 'bulk', '', 0, 0 FROM n`, 2*pruneBatch, testNow.Add(-365*day).UnixMilli()); err != nil {
				t.Fatal(err)
			}

			deleted, err := s.Prune(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if deleted != tc.want {
				t.Errorf("deleted %d questions; want %d", deleted, tc.want)
			}
			total := int64(4 + 2*pruneBatch)
			if n := count(t, s, "SELECT COUNT(*) FROM questions"); int64(n) != total-tc.want {
				t.Errorf("%d questions left; want %d", n, total-tc.want)
			}
			// Feedback and picks went with their questions.
			for _, table := range []string{"feedback", "picks"} {
				orphans := count(t, s, "SELECT COUNT(*) FROM "+table+" WHERE question_id NOT IN (SELECT id FROM questions)")
				if orphans != 0 {
					t.Errorf("%d %s rows outlived their question", orphans, table)
				}
			}
			if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE id = ?", recent); n != 1 {
				t.Error("the recent question was pruned")
			}
		})
	}
}

// TestConcurrentRecording records from many goroutines at once and checks
// that no row is lost.
func TestConcurrentRecording(t *testing.T) {
	const workers, each = 16, 200
	s, _ := openTest(t, Options{})
	ctx := t.Context()
	var wg sync.WaitGroup
	ids := make([][]int64, workers)
	errs := make(chan error, workers+1)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				id, err := s.RecordQuestion(ctx, Question{
					Surface:    SurfaceDM,
					UserID:     fmt.Sprint("user-", w),
					Normalized: fmt.Sprintf("question %d from %d", i, w),
					Answered:   i%2 == 0,
					EntryID:    "e",
				})
				if err != nil {
					errs <- err
					return
				}
				ids[w] = append(ids[w], id)
				if i%50 == 0 {
					if _, err := s.RecordFeedback(ctx, id, fmt.Sprint("voter-", w), i%100 == 0); err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Go(func() { // a report runs meanwhile, as a curator might
		if _, err := s.Report(ctx, testNow.Add(-time.Hour)); err != nil {
			errs <- err
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	seen := map[int64]bool{}
	for _, l := range ids {
		for _, id := range l {
			if seen[id] {
				t.Fatalf("id %d returned twice", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != workers*each {
		t.Errorf("%d ids returned; want %d", len(seen), workers*each)
	}
	if n := count(t, s, "SELECT COUNT(DISTINCT normalized) FROM questions"); n != workers*each {
		t.Errorf("%d distinct questions stored; want %d", n, workers*each)
	}
	r, err := s.Report(ctx, testNow.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != workers*each || r.Answered != workers*each/2 || r.DistinctUsers != workers {
		t.Errorf("report: total %d, answered %d, users %d; want %d, %d, %d",
			r.Total, r.Answered, r.DistinctUsers, workers*each, workers*each/2, workers)
	}
	if n := count(t, s, "SELECT COUNT(*) FROM feedback"); n != workers*each/50 {
		t.Errorf("%d feedback rows; want %d", n, workers*each/50)
	}
}

// TestLockedDatabaseDoesNotBlock holds the write lock from another
// connection, as another process could, and checks that recording gives up
// when its context ends rather than waiting out the busy timeout.
func TestLockedDatabaseDoesNotBlock(t *testing.T) {
	s, path := openTest(t, Options{})
	q := record(t, s, Question{Normalized: "before"})
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}

	calls := map[string]func(context.Context) error{
		"RecordQuestion": func(ctx context.Context) error {
			_, err := s.RecordQuestion(ctx, Question{Surface: SurfaceDM, Normalized: "blocked"})
			return err
		},
		"RecordFeedback": func(ctx context.Context) error {
			_, err := s.RecordFeedback(ctx, q, "u", true)
			return err
		},
		"RecordPick": func(ctx context.Context) error { return s.RecordPick(ctx, q, "e") },
		"Prune":      func(ctx context.Context) error { _, err := s.Prune(ctx); return err },
	}
	for name, call := range calls {
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		start := time.Now()
		err := call(ctx)
		cancel()
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s on a locked database took %v; want it to give up at its deadline", name, took)
		}
		if err == nil {
			t.Errorf("%s on a locked database succeeded", name)
		}
	}

	// Reports still run: readers do not wait for writers in WAL mode.
	if _, err := s.Report(t.Context(), testNow.Add(-time.Hour)); err != nil {
		t.Errorf("report while another connection holds the write lock: %v", err)
	}

	// Once the lock is released, recording works again.
	if _, err := conn.ExecContext(t.Context(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	record(t, s, Question{Normalized: "after"})
}

func TestClosedStore(t *testing.T) {
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "usage.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordQuestion(t.Context(), Question{Surface: SurfaceDM}); err == nil {
		t.Error("RecordQuestion on a closed store succeeded")
	}
}

func BenchmarkRecordQuestion(b *testing.B) {
	s, _ := openTest(b, Options{Now: time.Now})
	q := Question{Surface: SurfaceSlash, GuildID: "123", UserID: "987654321098765432",
		Normalized: "how much did pakistan's call centers earn in fy25", EntryID: "fy25-earnings", Answered: true, Score: 0.9}
	ctx := b.Context()
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.RecordQuestion(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := s.RecordQuestion(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
