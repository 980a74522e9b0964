package usage

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema's versions, in order: migrations[i] takes a
// database from version i (PRAGMA user_version) to version i+1. Each runs in
// its own transaction together with the version bump, so a database is always
// at exactly one version. They are append-only: once one has shipped, never
// edit it; add another.
//
// Times are Unix milliseconds (UTC). Feedback and picks belong to a question
// and go when it goes (ON DELETE CASCADE, which needs foreign_keys on, as every
// connection of a Store has it).
var migrations = []string{
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
}

// migrate brings db up to len(steps), applying each missing step in its own
// immediate transaction. The version is read inside the transaction, so two
// processes opening the same new database at once do not both apply a step.
// A database newer than steps is an error: this program does not know its
// schema.
func migrate(ctx context.Context, db *sql.DB, steps []string) error {
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
