// Package service models the receiving side of spfkit's widgets: a
// survey and plan service, as an http.Handler a trust's own Go program can
// mount or `spfkit serve` runs. It takes answers from <spf-survey> and
// shared plans from <spf-checklist>, keeps them in a store.Store (SQLite
// or PostgreSQL), and publishes a survey's results only as releases
// through the release ledger.
//
// # Surveys
//
// An administrator opens a Survey (POST /admin/surveys): a built-in
// definition or a full one, checked as spfkit validate checks it; the
// window it takes answers in; the minimum group size k; the questions that
// may break results down; and either the number invited or one-time
// invitations. The definition is stored whole, so the survey keeps asking
// and scoring the same questions whatever later versions of spfkit build
// in.
//
// A submission (POST /api/surveys/{id}/responses) is checked by the same
// code as the widget and spfkit validate; it is refused outside the
// window, when larger than Config.MaxBody, when it answers nothing (unless
// the survey allows blank submissions), from a web page whose origin is
// not configured, and when a client sends more than Config.Rate a minute.
// The widget sends a submission id in Idempotency-Key, so a retry after a
// lost connection is recognised (200, "duplicate") and never counted twice.
// An answer is acknowledged (201) only once it is durable in the database.
//
// # Invitations and padding
//
// Without invitations anyone with the link can answer, as often as they
// like, so a withheld group could be padded with made-up answers until it
// is shown, after which a reader subtracts their own answers out. Reports
// of such surveys say so (open_collection). With invitations on, each
// answer needs a one-time token (POST /admin/surveys/{id}/invitations
// makes them and shows them once); the store keeps only a keyed hash of
// each unused token and deletes it when used, in the same transaction as
// the answer, so padding is impossible and nothing stored links a token to
// an answer: answers carry only the day they came, and are kept in the
// order of a random key. The response rate comes from the tokens issued.
// On PostgreSQL, the database's own transaction ids narrow an answer down
// to the tokens used in the same group commit for a reader of raw pages
// (see package store); SQLite keeps no such record.
//
// # Releases, never a live view
//
// Results are published when a survey closes (Service.Tick, which `spfkit
// serve` runs every minute) and when an administrator asks (POST
// /admin/surveys/{id}/releases), always through the release ledger with
// the survey's k and unanimous cells withheld, as `spfkit score --ledger
// FILE --withhold-unanimous` would. A release the ledger refuses publishes
// nothing and tells the administrator why and what would make it safe
// (409). Released reports are served as HTML, JSON and CSV under
// /results/{id}; nothing else about the answers is public, so reloading a
// page before and after a colleague submits shows nothing new. Responses
// (NDJSON that spfkit score reads) and the ledger are exported to the
// administrator.
//
// # Plans
//
// A plan lives at /api/plans/{system}/{organisation}. Edits carry the
// ETag they were read at in If-Match (If-None-Match: * to start a plan); an
// edit of a plan someone else changed first gets 412 with the current
// ETag, so nobody's work is overwritten silently. /systems/{system} is the
// integrated care system's view: every organisation's progress and
// readiness segment, as `spfkit plan status` computes for files.
//
// # Security and operations
//
// Administrator endpoints need Config.AdminToken as a bearer token,
// compared in constant time; a trust's single sign-on can sit in front,
// and should for the plan endpoints, which are open to the configured
// intranet origins. Every response carries a Content-Security-Policy
// (default-src 'none' for data; the service's own pages allow only their
// own files and hashed styles), X-Content-Type-Options: nosniff and
// frame-ancestors limited to the configured origins. Stored text is only
// ever rendered escaped. Each request is logged once with log/slog: its id,
// method, path (never the query), status, size and duration; never a
// header, a token, a body or an answer. /healthz says the process is up,
// /readyz that the database answers.
package service
