// Package store models where the survey and plan service keeps what it is
// sent: surveys an administrator opened, the responses they received, the
// unused invitation tokens, the release ledger with the reports it let
// out, and shared action plans. One interface, Store, has two real
// implementations over database/sql: SQLite (modernc.org/sqlite, pure Go,
// one file in WAL mode with synchronous commits), the embedded default,
// and PostgreSQL (jackc/pgx/v5) for several instances behind a load
// balancer. Open picks one from a URL; the same test suite
// (store/storetest) runs against both real databases.
//
// # Durability
//
// Submit returns only after the transaction holding the response has
// committed: SQLite with synchronous=FULL fsyncs the WAL, PostgreSQL with
// its default synchronous_commit flushes its own WAL. Submissions reaching
// one instance at once are committed together by a single writer (group
// commit), so many answers share one fsync; each caller still learns its
// own outcome.
//
// # What the tables hold, and what they do not
//
// A response row holds the answers, the day it arrived (a date, never a
// time) and its key: a keyed hash of the submission id the widget made, so
// a retry finds the stored row and is not counted twice. The key is
// random-looking, and SQLite keeps the table in key order (WITHOUT ROWID),
// so the order of rows says nothing about the order of arrival. An
// invitation token is stored only as a keyed hash while it is unused; using
// it deletes the row in the same transaction as the response is written,
// so no table says which token went with which response or when it was
// used. Each group commit writes its responses in shuffled order. What is
// left is PostgreSQL's own bookkeeping: every row carries the id of the
// transaction that wrote it (xmin), and the deleted token rows keep theirs
// until VACUUM, so a superuser reading raw pages can narrow a response to
// the tokens used in the same group commit. Where that matters, run the
// service on SQLite, or vacuum the tokens table after each busy period;
// the service's package doc repeats this.
//
// Migrations are numbered and applied in order when a store is opened;
// several PostgreSQL instances starting at once take an advisory lock, so
// each migration runs exactly once.
package store
