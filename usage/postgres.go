package usage

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

var postgresDialect = &dialect{
	name:     "postgres",
	numbered: true,
	// Every query of a report sees the same snapshot.
	reportTx: &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
}

// openPostgres opens the question log in the PostgreSQL database at dsn,
// through a pgx connection pool that reads and writes share.
func openPostgres(ctx context.Context, dsn string, opts Options) (_ Store, err error) {
	where := redactURL(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open question log %s: %v", where, redactErr(err, dsn))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = int32(min(opts.MaxConns, 1<<20))
	}
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "bpobot"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open question log %s: %v", where, err)
	}
	s := newSQLStore(postgresDialect, opts)
	s.w = stdlib.OpenDBFromPool(pool)
	s.r = s.w
	s.closers = append(s.closers, s.w.Close, func() error { pool.Close(); return nil })
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if err := s.w.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("open question log %s: %w", where, err)
	}
	if err := migratePostgres(ctx, s.w, postgresMigrations); err != nil {
		return nil, fmt.Errorf("open question log %s: %w", where, err)
	}
	if err := s.loadKey(ctx); err != nil {
		return nil, fmt.Errorf("open question log %s: %w", where, err)
	}
	return s, nil
}

// redactURL returns a database URL fit for a log or an error: without its
// password.
func redactURL(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(a PostgreSQL URL that does not parse)"
	}
	return u.Redacted()
}

// redactErr returns err, or a plain error without the URL when err's text
// holds it (and so perhaps a password).
func redactErr(err error, dsn string) error {
	if u, perr := url.Parse(dsn); perr == nil {
		if p, ok := u.User.Password(); ok && p != "" && strings.Contains(err.Error(), p) {
			return fmt.Errorf("the URL is not valid")
		}
	}
	return err
}
