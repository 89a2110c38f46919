package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestOddPath: a folder name with the characters a URI gives meaning to
// (# ? %) holds the database where it says.
func TestOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a #1 ?x %20 y")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSQLite(context.Background(), filepath.Join(dir, "odd.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "odd.db")); err != nil {
		t.Fatalf("the database is not where it was asked to be: %v", err)
	}
}
