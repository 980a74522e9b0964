package usage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// sqliteMigrations are the SQLite schema's versions, in order:
// sqliteMigrations[i] takes a database from version i (PRAGMA user_version)
// to version i+1. Each runs in
// its own transaction together with the version bump, so a database is always
// at exactly one version. They are append-only: once one has shipped, never
// edit it; add another.
//
// Times are Unix milliseconds (UTC). Booleans are 0 or 1, as in PostgreSQL's
// schema, so the queries are the same for both.
var sqliteMigrations = []string{
	// 1: questions, feedback, and the meta table that holds the generated
	// user hash key.
	`CREATE TABLE meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) STRICT;

	CREATE TABLE questions (
		id         INTEGER PRIMARY KEY,
		at         INTEGER NOT NULL,
		surface    TEXT    NOT NULL,
		guild_id   TEXT    NOT NULL,
		user_hash  TEXT,
		normalized TEXT    NOT NULL,
		entry_id   TEXT    NOT NULL,
		answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
		score      REAL    NOT NULL
	) STRICT;
	CREATE INDEX questions_at ON questions (at);

	CREATE TABLE feedback (
		id          INTEGER PRIMARY KEY,
		question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		user_hash   TEXT    NOT NULL,
		entry_id    TEXT    NOT NULL,
		up          INTEGER NOT NULL CHECK (up IN (0, 1)),
		at          INTEGER NOT NULL,
		UNIQUE (question_id, user_hash)
	) STRICT;
	CREATE INDEX feedback_at ON feedback (at);`,

	// 2: the suggestions people pick after a decline, once per question and
	// entry however often the button is pressed.
	`CREATE TABLE picks (
		id          INTEGER PRIMARY KEY,
		question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		entry_id    TEXT    NOT NULL,
		at          INTEGER NOT NULL,
		UNIQUE (question_id, entry_id)
	) STRICT;
	CREATE INDEX picks_at ON picks (at);`,

	// 3: what the engine made of each question, for the curator; ids chosen
	// by the bot (random, so that replicas can share a log); and votes and
	// picks that no longer need their question written first (it may still
	// be in another replica's queue), so they do not reference it. The
	// table's rowid (seq) stays in insertion order, so that rows append to
	// the end of the table rather than land on random pages: keyed by the
	// random id, a batch of 1,000 questions dirtied about as many pages.
	`CREATE TABLE questions_v3 (
		seq        INTEGER PRIMARY KEY,
		id         INTEGER NOT NULL UNIQUE,
		at         INTEGER NOT NULL,
		surface    TEXT    NOT NULL,
		guild_id   TEXT    NOT NULL,
		user_hash  TEXT,
		normalized TEXT    NOT NULL,
		entry_id   TEXT    NOT NULL,
		answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
		score      REAL    NOT NULL,
		reason     TEXT    NOT NULL DEFAULT '',
		blocker    TEXT    NOT NULL DEFAULT '',
		unknown    TEXT    NOT NULL DEFAULT '',
		nearest    TEXT    NOT NULL DEFAULT ''
	) STRICT;
	INSERT INTO questions_v3 (seq, id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score)
		SELECT id, id, at, surface, guild_id, user_hash, normalized, entry_id, answered, score FROM questions;

	CREATE TABLE feedback_v3 (
		id          INTEGER PRIMARY KEY,
		question_id INTEGER NOT NULL,
		user_hash   TEXT    NOT NULL,
		entry_id    TEXT    NOT NULL,
		up          INTEGER NOT NULL CHECK (up IN (0, 1)),
		at          INTEGER NOT NULL,
		UNIQUE (question_id, user_hash)
	) STRICT;
	INSERT INTO feedback_v3 SELECT id, question_id, user_hash, entry_id, up, at FROM feedback;
	DROP TABLE feedback;
	ALTER TABLE feedback_v3 RENAME TO feedback;
	CREATE INDEX feedback_at ON feedback (at);

	CREATE TABLE picks_v3 (
		id          INTEGER PRIMARY KEY,
		question_id INTEGER NOT NULL,
		entry_id    TEXT    NOT NULL,
		at          INTEGER NOT NULL,
		UNIQUE (question_id, entry_id)
	) STRICT;
	INSERT INTO picks_v3 SELECT id, question_id, entry_id, at FROM picks;
	DROP TABLE picks;
	ALTER TABLE picks_v3 RENAME TO picks;
	CREATE INDEX picks_at ON picks (at);

	-- Last: dropping the old questions would cascade to the old votes and picks.
	DROP TABLE questions;
	ALTER TABLE questions_v3 RENAME TO questions;
	CREATE INDEX questions_at ON questions (at);`,
}

// postgresMigrations are the PostgreSQL schema's versions, in order, kept
// in the bpobot_schema table. They are append-only too. Version 1 is the
// SQLite schema at its version 3.
var postgresMigrations = []string{
	`CREATE TABLE meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);

	CREATE TABLE questions (
		id         BIGINT PRIMARY KEY,
		at         BIGINT NOT NULL,
		surface    TEXT NOT NULL,
		guild_id   TEXT NOT NULL,
		user_hash  TEXT,
		normalized TEXT NOT NULL,
		entry_id   TEXT NOT NULL,
		answered   SMALLINT NOT NULL CHECK (answered IN (0, 1)),
		score      DOUBLE PRECISION NOT NULL,
		reason     TEXT NOT NULL DEFAULT '',
		blocker    TEXT NOT NULL DEFAULT '',
		unknown    TEXT NOT NULL DEFAULT '',
		nearest    TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX questions_at ON questions (at);

	CREATE TABLE feedback (
		id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		question_id BIGINT NOT NULL,
		user_hash   TEXT NOT NULL,
		entry_id    TEXT NOT NULL,
		up          SMALLINT NOT NULL CHECK (up IN (0, 1)),
		at          BIGINT NOT NULL,
		UNIQUE (question_id, user_hash)
	);
	CREATE INDEX feedback_at ON feedback (at);

	CREATE TABLE picks (
		id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		question_id BIGINT NOT NULL,
		entry_id    TEXT NOT NULL,
		at          BIGINT NOT NULL,
		UNIQUE (question_id, entry_id)
	);
	CREATE INDEX picks_at ON picks (at);`,
}

// schemaLock is the PostgreSQL advisory lock taken while migrating, so that
// replicas starting together apply each step once.
const schemaLock = 0x62706f626f74 // "bpobot"

// migratePostgres brings a PostgreSQL database up to len(steps) in one
// transaction, under the advisory lock: another process migrating at the
// same time waits, then finds the work done.
func migratePostgres(ctx context.Context, db *sql.DB, steps []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate schema: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, schemaLock); err != nil {
		return fmt.Errorf("migrate schema: take the lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS bpobot_schema (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate schema: %w", err)
	}
	version := 0
	switch err := tx.QueryRowContext(ctx, `SELECT version FROM bpobot_schema`).Scan(&version); {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, `INSERT INTO bpobot_schema (version) VALUES (0)`); err != nil {
			return fmt.Errorf("migrate schema: %w", err)
		}
	case err != nil:
		return fmt.Errorf("migrate schema: read version: %w", err)
	}
	if version > len(steps) {
		return fmt.Errorf("schema version %d is newer than this program knows (%d): upgrade bpobot or use another database", version, len(steps))
	}
	if version == len(steps) {
		return nil
	}
	for ; version < len(steps); version++ {
		if _, err := tx.ExecContext(ctx, steps[version]); err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", version+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bpobot_schema SET version = $1`, version); err != nil {
		return fmt.Errorf("migrate schema: set version: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate schema: commit: %w", err)
	}
	return nil
}

// migrateSQLite brings db up to len(steps), applying each missing step in its own
// immediate transaction. The version is read inside the transaction, so two
// processes opening the same new database at once do not both apply a step.
// A database newer than steps is an error: this program does not know its
// schema.
func migrateSQLite(ctx context.Context, db *sql.DB, steps []string) error {
	for {
		done, err := migrateOne(ctx, db, steps)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next missing step, if any, and reports whether the
// database was already up to date.
func migrateOne(ctx context.Context, db *sql.DB, steps []string) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate schema: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit

	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return false, fmt.Errorf("migrate schema: read version: %w", err)
	}
	switch {
	case version > len(steps):
		return false, fmt.Errorf("schema version %d is newer than this program knows (%d): upgrade bpobot or use another database", version, len(steps))
	case version == len(steps):
		return true, nil
	}
	if _, err := tx.ExecContext(ctx, steps[version]); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: %w", version+1, err)
	}
	// PRAGMA takes no parameters; version+1 is an int we computed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: set version: %w", version+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: commit: %w", version+1, err)
	}
	return false, nil
}
