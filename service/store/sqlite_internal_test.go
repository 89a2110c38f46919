package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestSQLiteDurable checks the settings durability rests on: WAL, and
// synchronous=FULL on every connection the pool makes.
func TestSQLiteDurable(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "d.db")
	st, err := OpenSQLite(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	s.db.SetMaxIdleConns(0) // each query below gets a fresh connection
	for range 3 {
		var mode string
		var sync int
		if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := s.db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || sync != 2 {
			t.Fatalf("journal_mode %q, synchronous %d; want wal and 2 (FULL)", mode, sync)
		}
	}
}

// TestNewerDatabase: a database migrated by a later spfkit is refused
// with advice, not written to.
func TestNewerDatabase(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "n.db")
	st, err := OpenSQLite(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.(*sqlStore).db.Exec(`INSERT INTO spfkit_migrations (version) VALUES (99)`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, err = OpenSQLite(ctx, file)
	if err == nil || !strings.Contains(err.Error(), "newer spfkit") {
		t.Fatalf("got %v, want a refusal naming a newer spfkit", err)
	}
}
