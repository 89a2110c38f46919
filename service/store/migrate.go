package store

import (
	"context"
	"fmt"
	"strings"
)

// migrations are the database's versions, in order: migration i+1 is
// migrations[i]. Never edit one that has shipped; add another.
// {blob} and {norowid} are filled in for each database.
var migrations = []string{
	// 1: surveys, responses, invitations, releases, plans.
	`CREATE TABLE surveys (
		id TEXT PRIMARY KEY,
		settings {blob} NOT NULL,
		tokens_issued BIGINT NOT NULL DEFAULT 0
	);
	CREATE TABLE responses (
		survey TEXT NOT NULL,
		key {blob} NOT NULL,
		day TEXT NOT NULL,
		body {blob} NOT NULL,
		PRIMARY KEY (survey, key)
	){norowid};
	CREATE TABLE tokens (
		survey TEXT NOT NULL,
		hash {blob} NOT NULL,
		PRIMARY KEY (survey, hash)
	){norowid};
	CREATE TABLE ledger (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		version BIGINT NOT NULL,
		data {blob} NOT NULL
	);
	CREATE TABLE releases (
		survey TEXT NOT NULL,
		id INTEGER NOT NULL,
		report {blob} NOT NULL,
		PRIMARY KEY (survey, id)
	);
	CREATE TABLE plans (
		key TEXT PRIMARY KEY,
		version BIGINT NOT NULL,
		plan {blob} NOT NULL
	)`,
	// 2: the service's own secrets, made at random on first use.
	`CREATE TABLE secrets (
		name TEXT PRIMARY KEY,
		value {blob} NOT NULL
	)`,
}

// migrate brings the database to the newest version, one transaction
// for all of it.
func (s *sqlStore) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.d == postgres {
		// Instances starting together wait here for the first.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7370656)`); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS spfkit_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM spfkit_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("the database is at version %d, made by a newer spfkit than this one (which knows %d); upgrade spfkit", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		for _, stmt := range strings.Split(s.d.fill(migrations[v-1]), ";\n") {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO spfkit_migrations (version) VALUES (?)`), v); err != nil {
			return err
		}
	}
	return tx.Commit()
}
