package usage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// busyTimeout is how long a statement waits for a lock another process holds
// (another bpobot, or a report run from the command line) before it fails
// with SQLITE_BUSY. The caller's context ends the wait sooner.
const busyTimeout = 5 * time.Second

var sqliteDialect = &dialect{
	name:     "sqlite",
	perRow:   true,
	reportTx: &sql.TxOptions{ReadOnly: true}, // a read transaction in WAL mode is a snapshot
}

// openSQLite opens the question log in the SQLite file at path, creating it
// if needed. It turns on WAL mode (persistent, so reports can run while the
// bot writes), a busy timeout of 5 s for locks held by other processes, and
// foreign keys. Writes go through a single connection, so they never contend
// with each other inside the process; reports read through separate
// connections and do not block writes.
func openSQLite(ctx context.Context, path string, opts Options) (Store, error) {
	if path == "" {
		return nil, errors.New("open question log: empty path")
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("open question log: %q: want the path of a file, not an in-memory database or a URI", path)
	}
	uri, err := fileURI(path)
	if err != nil {
		return nil, fmt.Errorf("open question log %s: %w", path, err)
	}
	s, err := openSQLiteURI(ctx, uri, opts)
	if err != nil {
		return nil, fmt.Errorf("open question log %s: %w", path, err)
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

func openSQLiteURI(ctx context.Context, uri string, opts Options) (_ *sqlStore, err error) {
	s := newSQLStore(sqliteDialect, opts)
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
	s.closers = append(s.closers, s.w.Close)
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
	if err := migrateSQLite(ctx, s.w, sqliteMigrations); err != nil {
		return nil, err
	}
	if err := s.loadKey(ctx); err != nil {
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}

	rq := cloneValues(common)
	rq.Add("_pragma", "query_only(1)")
	if s.r, err = sql.Open("sqlite", uri+"?"+rq.Encode()); err != nil {
		return nil, err
	}
	s.closers = append([]func() error{s.r.Close}, s.closers...)
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
