package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spfkit/spfkit/internal/pgtest"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/service/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string {
		return "sqlite:" + filepath.Join(t.TempDir(), "spfkit.db")
	})
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string { return pgtest.Database(t) })
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct{ url, want string }{
		{"mysql://x", "names no database spfkit knows"},
		{"sqlite:", "name the SQLite file"},
		{"sqlite:" + filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), "opening"},
		{"postgres://nobody:secret@127.0.0.1:1/x?connect_timeout=2", "xxxxx"},
	}
	for _, tt := range tests {
		_, err := store.Open(ctx, tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q) = %v, want an error saying %q", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q): the error shows the password: %v", tt.url, err)
		}
	}
}
