package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Open opens the store a URL names, creating or upgrading its tables:
//
//	sqlite:FILE                  an SQLite file (made when missing)
//	postgres://USER@HOST/DB?...  a PostgreSQL database (also postgresql://)
//
// It fails at once, with the reason, when the database cannot be opened or
// is newer than this version of spfkit.
func Open(ctx context.Context, dbURL string) (Store, error) {
	switch {
	case strings.HasPrefix(dbURL, "sqlite:"):
		return OpenSQLite(ctx, strings.TrimPrefix(dbURL, "sqlite:"))
	case strings.HasPrefix(dbURL, "postgres://"), strings.HasPrefix(dbURL, "postgresql://"):
		return OpenPostgres(ctx, dbURL)
	}
	return nil, fmt.Errorf("store: %q names no database spfkit knows; use sqlite:FILE or postgres://USER@HOST/DB", Redact(dbURL))
}

// OpenSQLite opens (making when missing) an SQLite database file in WAL
// mode with synchronous commits, so a committed response survives a crash
// or a power cut.
func OpenSQLite(ctx context.Context, file string) (Store, error) {
	if file == "" {
		return nil, fmt.Errorf("store: name the SQLite file, as in sqlite:spfkit.db")
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // a writer takes the lock when it begins, never halfway
	// The name is a URI: escape what would end its path.
	name := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(file)
	db, err := sql.Open("sqlite", "file:"+name+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", file, err)
	}
	s := newSQL(db, sqlite, file)
	if err := s.start(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: opening %s: %w", file, err)
	}
	return s, nil
}

// OpenPostgres connects to a PostgreSQL database through pgx.
func OpenPostgres(ctx context.Context, dbURL string) (Store, error) {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", Redact(dbURL), err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := newSQL(db, postgres, Redact(dbURL))
	if err := s.start(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: opening %s: %w", Redact(dbURL), err)
	}
	return s, nil
}

// Redact hides a password in a database URL, so it never reaches a log.
func Redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}
