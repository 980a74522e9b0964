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

// --- The suite both backends pass. ---

func TestReopenKeepsDataAndHashKey(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		dsn := b.fresh(t)
		opts := Options{Now: func() time.Time { return testNow }}
		var keys []string
		for range 3 {
			s, err := Open(t.Context(), dsn, opts)
			if err != nil {
				t.Fatal(err)
			}
			record(t, s, Question{UserID: "same-user", Normalized: "q"})
			keys = append(keys, hex.EncodeToString(s.(*sqlStore).key.key))
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
		if other := b.open(t, Options{}); hex.EncodeToString(other.key.key) == keys[0] {
			t.Error("two databases generated the same hash key")
		}
	})
}

func TestUserIDsAreHashed(t *testing.T) {
	const user = "987654321098765432" // a Discord snowflake
	key := []byte("test key")
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t, Options{HashKey: key})
		id := record(t, s, Question{UserID: user, GuildID: "guild-1", Normalized: "how much in fy25", EntryID: "e", Answered: true})
		vote(t, s, id, user, false)
		m := hmac.New(sha256.New, key)
		m.Write([]byte(user))
		want := hex.EncodeToString(m.Sum(nil))
		if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE user_hash = ?", want); n != 1 {
			t.Errorf("questions with user_hash = HMAC-SHA256(key, user): %d; want 1", n)
		}
		if n := count(t, s, "SELECT COUNT(*) FROM feedback WHERE user_hash = ?", want); n != 1 {
			t.Errorf("feedback with user_hash = HMAC-SHA256(key, user): %d; want 1", n)
		}
		if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE user_hash = ? OR guild_id = ?", user, user); n != 0 {
			t.Errorf("%d rows hold the raw user id", n)
		}
		// A given key is not stored.
		if n := count(t, s, "SELECT COUNT(*) FROM meta"); n != 0 {
			t.Errorf("meta has %d rows with a key given; want 0", n)
		}
	})
}

func TestRecordQuestions(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t, Options{})
		long := strings.Repeat("کال سینٹر ", 100) // 1,000 runes
		id1 := record(t, s, Question{Normalized: long, Time: testNow.Add(-time.Minute)})
		id2 := record(t, s, Question{Normalized: "bad \xff utf-8", Score: 0.5,
			Reason: "unsupported", Blocker: "Afiniti", Unknown: []string{"Afiniti", "Zong Telecom", strings.Repeat("x", 100)}, Nearest: "fy25-earnings"})
		var text string
		var at int64
		if err := s.r.QueryRowContext(t.Context(), s.d.bind("SELECT normalized, at FROM questions WHERE id = ?"), id1).Scan(&text, &at); err != nil {
			t.Fatal(err)
		}
		if n := utf8.RuneCountInString(text); n != MaxQuestionLen || !strings.HasPrefix(long, text) {
			t.Errorf("stored %d runes, prefix of the question: %v; want %d", n, strings.HasPrefix(long, text), MaxQuestionLen)
		}
		if at != testNow.Add(-time.Minute).UnixMilli() {
			t.Errorf("stored time %v; want the question's", time.UnixMilli(at).UTC())
		}
		var reason, blocker, unknown, nearest string
		if err := s.r.QueryRowContext(t.Context(), s.d.bind("SELECT normalized, at, reason, blocker, unknown, nearest FROM questions WHERE id = ?"), id2).
			Scan(&text, &at, &reason, &blocker, &unknown, &nearest); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(text) || at != testNow.UnixMilli() {
			t.Errorf("stored %q at %v; want valid UTF-8 at now", text, time.UnixMilli(at).UTC())
		}
		wantUnknown := "afiniti zongtelecom " + strings.Repeat("x", maxWordLen)
		if reason != "unsupported" || blocker != "Afiniti" || unknown != wantUnknown || nearest != "fy25-earnings" {
			t.Errorf("stored reason %q blocker %q unknown %q nearest %q; want unsupported, Afiniti, %q, fy25-earnings", reason, blocker, unknown, wantUnknown, nearest)
		}
		if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE user_hash IS NULL"); n != 2 {
			t.Errorf("questions without a user: %d rows with a NULL hash; want 2", n)
		}

		// A batch is one transaction: recording an id again is skipped, and
		// one bad question records none of the batch.
		batch := []Question{{ID: nextID(), Surface: SurfaceDM}, {ID: id1, Surface: SurfaceDM, Normalized: "again"}, {ID: nextID(), Surface: SurfaceDM}}
		if err := s.RecordQuestions(t.Context(), batch); err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, "SELECT COUNT(*) FROM questions"); n != 4 {
			t.Errorf("%d questions after a batch of 3 with one id recorded before; want 4", n)
		}
		bad := []Question{{ID: nextID(), Surface: SurfaceDM}, {ID: nextID(), Surface: SurfaceDM, Score: math.NaN()}}
		if err := s.RecordQuestions(t.Context(), bad); err == nil {
			t.Error("a batch with a NaN score was recorded")
		}
		if n := count(t, s, "SELECT COUNT(*) FROM questions"); n != 4 {
			t.Errorf("%d questions after a failed batch; want 4 (none of it)", n)
		}

		for _, tc := range []struct {
			q    Question
			want string
		}{
			{Question{ID: 1 << 40, Normalized: "x"}, "empty surface"},
			{Question{Surface: SurfaceDM}, "want a positive id"},
			{Question{ID: -3, Surface: SurfaceDM}, "want a positive id"},
			{Question{ID: 1 << 41, Surface: SurfaceDM, Score: math.NaN()}, "score is NaN"},
			{Question{ID: 1 << 42, Surface: SurfaceDM, Score: math.Inf(1)}, "score is +Inf"},
		} {
			if err := s.RecordQuestions(t.Context(), []Question{tc.q}); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("RecordQuestions(%+v) = %v; want an error containing %q", tc.q, err, tc.want)
			}
		}
		if err := s.RecordQuestions(t.Context(), nil); err != nil {
			t.Errorf("RecordQuestions(nil) = %v", err)
		}
	})
}

func TestRecordFeedback(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t, Options{})
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
			if changed := vote(t, s, q, st.user, st.up); changed != st.changed {
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

		// A vote that names its entry needs no question: it may be in
		// another replica's queue still.
		later := nextID()
		changed, err := s.RecordFeedback(ctx, Vote{QuestionID: later, EntryID: "why-pakistan", UserID: "u1"})
		if err != nil || !changed {
			t.Errorf("vote with its entry before its question: changed %v, %v; want recorded", changed, err)
		}
		record(t, s, Question{ID: later, Normalized: "why pakistan", EntryID: "why-pakistan", Answered: true})
		if n := count(t, s, "SELECT COUNT(*) FROM feedback WHERE question_id = ? AND entry_id = 'why-pakistan'", later); n != 1 {
			t.Errorf("%d rows for the early vote; want 1", n)
		}

		if _, err := s.RecordFeedback(ctx, Vote{QuestionID: q + 1<<30, UserID: "u1", Up: true}); !errors.Is(err, ErrUnknownQuestion) {
			t.Errorf("vote without an entry on an unknown question: %v; want ErrUnknownQuestion", err)
		}
		if _, err := s.RecordFeedback(ctx, Vote{QuestionID: q, Up: true}); err == nil || !strings.Contains(err.Error(), "empty user id") {
			t.Errorf("feedback without a user: %v; want an error about the empty user id", err)
		}
		if _, err := s.RecordFeedback(ctx, Vote{UserID: "u", EntryID: "e"}); err == nil {
			t.Error("feedback on question 0 was recorded")
		}
	})
}

func TestRecordPick(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t, Options{})
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
		if err := s.RecordPick(ctx, q, ""); err == nil || !strings.Contains(err.Error(), "empty entry id") {
			t.Errorf("pick of no entry: %v; want an error about the empty entry id", err)
		}
		if err := s.RecordPick(ctx, 0, "x"); err == nil {
			t.Error("pick on question 0 was recorded")
		}
	})
}

func TestPrune(t *testing.T) {
	day := 24 * time.Hour
	eachBackend(t, func(t *testing.T, b backend) {
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
				now := testNow
				s := b.open(t, Options{Retention: tc.retention, Now: func() time.Time { return now }})
				ctx := t.Context()
				old := record(t, s, Question{Normalized: "old", Time: testNow.Add(-100 * day)})
				record(t, s, Question{Normalized: "older", Time: testNow.Add(-200 * day)})
				mid := record(t, s, Question{Normalized: "mid", Time: testNow.Add(-30 * day)})
				recent := record(t, s, Question{Normalized: "recent", Time: testNow.Add(-day)})
				for _, q := range []int64{old, mid, recent} {
					// Votes and picks given when their question was asked.
					var at time.Time
					switch q {
					case old:
						at = testNow.Add(-100 * day)
					case mid:
						at = testNow.Add(-30 * day)
					default:
						at = testNow.Add(-day)
					}
					now = at
					vote(t, s, q, "u", false)
					if err := s.RecordPick(ctx, q, PickNone); err != nil {
						t.Fatal(err)
					}
				}
				now = testNow
				// Enough old rows to need several batches.
				var bulk []Question
				for range 2 * pruneBatch {
					bulk = append(bulk, Question{ID: nextID(), Time: testNow.Add(-365 * day), Surface: SurfaceDM, Normalized: "bulk"})
				}
				for i := 0; i < len(bulk); i += 500 {
					if err := s.RecordQuestions(ctx, bulk[i:i+500]); err != nil {
						t.Fatal(err)
					}
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
				// Votes and picks go by their own time, as their questions do.
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
	})
}

// TestConcurrentRecording records from many goroutines at once, through two
// stores on one database as two replicas would, and checks that no row is
// lost and votes land on the right entries.
func TestConcurrentRecording(t *testing.T) {
	const workers, each = 8, 150
	eachBackend(t, func(t *testing.T, b backend) {
		a, dsn := b.openAt(t, b.fresh(t), Options{})
		other, _ := b.openAt(t, dsn, Options{})
		if !bytes.Equal(a.key.key, other.key.key) {
			t.Fatal("two stores on one database use different hash keys")
		}
		stores := []*sqlStore{a, other}
		ctx := t.Context()
		var wg sync.WaitGroup
		errs := make(chan error, workers+1)
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					id := nextID()
					s := stores[(w+i)%2]
					err := s.RecordQuestions(ctx, []Question{{
						ID: id, Surface: SurfaceDM, UserID: fmt.Sprint("user-", w),
						Normalized: fmt.Sprintf("question %d from %d", i, w), Answered: i%2 == 0, EntryID: fmt.Sprint("e", w),
					}})
					if err != nil {
						errs <- err
						return
					}
					if i%50 == 0 { // voted on the other replica
						if _, err := stores[(w+i+1)%2].RecordFeedback(ctx, Vote{QuestionID: id, EntryID: fmt.Sprint("e", w), UserID: fmt.Sprint("voter-", w)}); err != nil {
							errs <- err
							return
						}
					}
				}
			})
		}
		wg.Go(func() { // a report runs meanwhile, as a curator might
			if _, err := a.Report(ctx, testNow.Add(-time.Hour)); err != nil {
				errs <- err
			}
		})
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if n := count(t, a, "SELECT COUNT(DISTINCT normalized) FROM questions"); n != workers*each {
			t.Errorf("%d distinct questions stored; want %d", n, workers*each)
		}
		r, err := other.Report(ctx, testNow.Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != workers*each || r.Answered != workers*each/2 || r.DistinctUsers != workers {
			t.Errorf("report: total %d, answered %d, users %d; want %d, %d, %d",
				r.Total, r.Answered, r.DistinctUsers, workers*each, workers*each/2, workers)
		}
		if n := count(t, a, "SELECT COUNT(*) FROM feedback f JOIN questions q ON q.id = f.question_id AND q.entry_id = f.entry_id"); n != workers*each/50 {
			t.Errorf("%d votes on their question's entry; want %d", n, workers*each/50)
		}
	})
}

func TestClosedStore(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s, err := Open(t.Context(), b.fresh(t), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordQuestions(t.Context(), []Question{{ID: 1, Surface: SurfaceDM}}); err == nil {
			t.Error("RecordQuestions on a closed store succeeded")
		}
	})
}

// --- SQLite only. ---

func TestSQLiteConfiguresDatabase(t *testing.T) {
	s, path := sqliteBackend.openAt(t, sqliteBackend.fresh(t), Options{})
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
		if mode != "wal" || fk != 1 || busy != int(busyTimeout.Milliseconds()) || version != len(sqliteMigrations) {
			t.Errorf("journal_mode=%s foreign_keys=%d busy_timeout=%d user_version=%d; want wal, 1, %d, %d",
				mode, fk, busy, version, busyTimeout.Milliseconds(), len(sqliteMigrations))
		}
	}
	// The readers cannot write.
	if _, err := s.r.ExecContext(t.Context(), "DELETE FROM questions"); err == nil {
		t.Error("a reader connection could write")
	}
}

func TestSQLiteFileHoldsNoUserID(t *testing.T) {
	const user = "987654321098765432"
	path := filepath.Join(t.TempDir(), "usage.db")
	s, err := Open(t.Context(), path, Options{HashKey: []byte("k")})
	if err != nil {
		t.Fatal(err)
	}
	id := record(t, s, Question{UserID: user, Normalized: "how much in fy25", EntryID: "e", Answered: true})
	vote(t, s, id, user, false)
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

func TestSQLitePathWithURICharacters(t *testing.T) {
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
	for _, tc := range []struct{ dsn, want string }{
		{"", "empty path"},
		{":memory:", "want the path of a file"},
		{"file:x.db?mode=memory", "want the path of a file"},
		{missing, missing},
		{"postgres://bpobot:s3cret@127.0.0.1:1/db?connect_timeout=1", "127.0.0.1:1"},
		{"postgres://bpobot:s3cret@127.0.0.1:1/db?pool_max_conns=many", "pool_max_conns"},
	} {
		s, err := Open(t.Context(), tc.dsn, Options{})
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", tc.dsn)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q) = %v; want an error containing %q", tc.dsn, err, tc.want)
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) = %v: the error shows the password", tc.dsn, err)
		}
	}
}

// TestSQLiteMigrateOldVersion opens a database made by the first version of
// the schema, with data in it, and checks that Open migrates it and keeps
// the data.
func TestSQLiteMigrateOldVersion(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateSQLite(ctx, old, sqliteMigrations[:2]); err != nil {
		t.Fatal(err)
	}
	at := testNow.Add(-time.Hour).UnixMilli()
	for _, q := range []string{
		`INSERT INTO questions (id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score)
			VALUES (7, ?, 'slash', '', 'aaaa', 'old question', 'fy25-earnings', 1, 0.9)`,
		`INSERT INTO questions (id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score)
			VALUES (8, ?, 'slash', '', 'aaaa', 'old decline', '', 0, 0.1)`,
		`INSERT INTO feedback (question_id, user_hash, entry_id, up, at) VALUES (7, 'bbbb', 'fy25-earnings', 0, ?)`,
		`INSERT INTO picks (question_id, entry_id, at) VALUES (8, 'why-pakistan', ?)`,
	} {
		if _, err := old.ExecContext(ctx, q, at); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, _ := sqliteBackend.openAt(t, path, Options{})
	if v := count(t, s, "PRAGMA user_version"); v != len(sqliteMigrations) {
		t.Errorf("after Open, version %d; want %d", v, len(sqliteMigrations))
	}
	// New questions, with random ids, go after the old ones.
	record(t, s, Question{ID: 1 << 60, Normalized: "new question"})
	r, err := s.Report(ctx, testNow.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 3 || len(r.MostDisliked) != 1 || len(r.Picks) != 1 || len(r.MostDisliked[0].Questions) != 1 || len(r.Picks[0].Questions) != 1 {
		t.Errorf("migrated report: total %d, disliked %+v, picks %+v; want the old questions, vote and pick, and the new question",
			r.Total, r.MostDisliked, r.Picks)
	}
	if n := count(t, s, "SELECT COUNT(*) FROM questions WHERE seq > (SELECT seq FROM questions WHERE id = 8) AND id = ?", int64(1<<60)); n != 1 {
		t.Error("a new question's row does not come after the old ones")
	}
	// Migrating is idempotent.
	if err := migrateSQLite(ctx, s.w, sqliteMigrations); err != nil {
		t.Errorf("migrating an up-to-date database: %v", err)
	}
}

func TestSQLiteRejectsNewerSchema(t *testing.T) {
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

func TestSQLiteMigrationFailureRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	steps := []string{"CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y INTEGER); CREATE TABLE a (z INTEGER)"}
	err = migrateSQLite(t.Context(), db, steps)
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

// TestSQLiteLockedDatabaseDoesNotBlock holds the write lock from another
// connection, as another process could, and checks that recording gives up
// when its context ends rather than waiting out the busy timeout.
func TestSQLiteLockedDatabaseDoesNotBlock(t *testing.T) {
	s, path := sqliteBackend.openAt(t, sqliteBackend.fresh(t), Options{})
	q := record(t, s, Question{Normalized: "before", EntryID: "e", Answered: true})
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
		"RecordQuestions": func(ctx context.Context) error {
			return s.RecordQuestions(ctx, []Question{{ID: nextID(), Surface: SurfaceDM, Normalized: "blocked"}, {ID: nextID(), Surface: SurfaceDM}})
		},
		"RecordFeedback": func(ctx context.Context) error {
			_, err := s.RecordFeedback(ctx, Vote{QuestionID: q, EntryID: "e", UserID: "u", Up: true})
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

// --- PostgreSQL only. ---

// TestPostgresReplicasMigrateOnce opens one new database from several
// goroutines at once, as replicas starting together do: each step must be
// applied once, and every replica must end with the same hash key.
func TestPostgresReplicasMigrateOnce(t *testing.T) {
	dsn := postgresBackend.fresh(t)
	const replicas = 6
	keys := make([]string, replicas)
	var wg sync.WaitGroup
	errs := make(chan error, replicas)
	for i := range replicas {
		wg.Go(func() {
			s, err := Open(t.Context(), dsn, Options{})
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			keys[i] = hex.EncodeToString(s.(*sqlStore).key.key)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, k := range keys[1:] {
		if k != keys[0] {
			t.Fatalf("replicas got different hash keys: %v", keys)
		}
	}
	s := postgresBackend.open(t, Options{})
	if v := count(t, s, "SELECT version FROM bpobot_schema"); v != len(postgresMigrations) {
		t.Errorf("schema version %d; want %d", v, len(postgresMigrations))
	}
	if n := count(t, s, "SELECT COUNT(*) FROM bpobot_schema"); n != 1 {
		t.Errorf("bpobot_schema has %d rows; want 1", n)
	}
}

func TestPostgresRejectsNewerSchema(t *testing.T) {
	dsn := postgresBackend.fresh(t)
	first, _ := postgresBackend.openAt(t, dsn, Options{})
	if _, err := first.w.ExecContext(t.Context(), "UPDATE bpobot_schema SET version = 99"); err != nil {
		t.Fatal(err)
	}
	again, err := Open(t.Context(), dsn, Options{})
	if err == nil {
		again.Close()
		t.Fatal("Open succeeded on a database from a newer program")
	}
	if !strings.Contains(err.Error(), "schema version 99 is newer") {
		t.Errorf("error %q does not explain the version", err)
	}
}

func TestPostgresMaxConns(t *testing.T) {
	s := postgresBackend.open(t, Options{MaxConns: 3})
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() { record(t, s, Question{Normalized: "q"}) })
	}
	wg.Wait()
	if n := count(t, s, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bpobot'"); n > 3 {
		t.Errorf("%d connections with MaxConns 3", n)
	}
}

func BenchmarkRecordQuestions(b *testing.B) {
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b, Options{Now: time.Now})
			q := Question{Surface: SurfaceSlash, GuildID: "123", UserID: "987654321098765432",
				Normalized: "how much did pakistan's call centers earn in fy25", EntryID: "fy25-earnings", Answered: true, Score: 0.9}
			ctx := b.Context()
			for _, n := range []int{1, 256} {
				b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
					batch := make([]Question, n)
					for b.Loop() {
						for i := range batch {
							batch[i] = q
							batch[i].ID = nextID()
						}
						if err := s.RecordQuestions(ctx, batch); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/question")
				})
			}
		})
	}
}
