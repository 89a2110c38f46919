package store

import (
	"context"
	crand "crypto/rand"
	"database/sql"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
)

// dialect is what differs between the two databases.
type dialect int

const (
	sqlite dialect = iota
	postgres
)

func (d dialect) fill(stmt string) string {
	blob, norowid := "BLOB", " WITHOUT ROWID"
	if d == postgres {
		blob, norowid = "BYTEA", ""
	}
	return strings.NewReplacer("{blob}", blob, "{norowid}", norowid).Replace(stmt)
}

// maxBatch bounds one group commit.
const maxBatch = 256

// sqlStore is the Store over database/sql, for both databases.
type sqlStore struct {
	db   *sql.DB
	d    dialect
	name string

	mu     sync.RWMutex // guards closed and sends on queue
	closed bool
	queue  chan *pending
	done   chan struct{}
}

type pending struct {
	s    Submission
	out  Outcome
	err  error
	done chan struct{}
}

func newSQL(db *sql.DB, d dialect, name string) *sqlStore {
	return &sqlStore{db: db, d: d, name: name, queue: make(chan *pending, maxBatch), done: make(chan struct{})}
}

// start checks the database answers, migrates it and starts the writer.
func (s *sqlStore) start(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return err
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	go s.writer()
	return nil
}

// q rewrites ? placeholders as $1, $2… for PostgreSQL.
func (s *sqlStore) q(stmt string) string {
	if s.d != postgres {
		return stmt
	}
	var b strings.Builder
	n := 0
	for _, r := range stmt {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *sqlStore) CreateSurvey(ctx context.Context, id string, settings []byte) error {
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO surveys (id, settings) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, settings)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrExists
	}
	return nil
}

func (s *sqlStore) UpdateSurvey(ctx context.Context, id string, settings []byte) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE surveys SET settings = ? WHERE id = ?`), settings, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *sqlStore) Survey(ctx context.Context, id string) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, s.q(`SELECT settings FROM surveys WHERE id = ?`), id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return b, err
}

func (s *sqlStore) SurveyIDs(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM surveys ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *sqlStore) Submit(ctx context.Context, sub Submission) (Outcome, error) {
	p := &pending{s: sub, done: make(chan struct{})}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return 0, ErrClosed
	}
	select {
	case s.queue <- p:
	case <-ctx.Done():
		s.mu.RUnlock()
		return 0, ctx.Err()
	}
	s.mu.RUnlock()
	// Once queued, the submission is committed or refused whatever the
	// caller does; waiting for it keeps "acknowledged" and "durable" the
	// same thing.
	<-p.done
	return p.out, p.err
}

// writer commits queued submissions, as many as are waiting in one
// transaction.
func (s *sqlStore) writer() {
	defer close(s.done)
	for p := range s.queue {
		batch := []*pending{p}
	more:
		for len(batch) < maxBatch {
			select {
			case p, ok := <-s.queue:
				if !ok {
					break more
				}
				batch = append(batch, p)
			default:
				break more
			}
		}
		s.commit(batch)
		for _, p := range batch {
			close(p.done)
		}
	}
}

// commit writes a batch in shuffled order in one transaction; if the
// transaction fails, every submission in it gets the error and none is
// stored.
func (s *sqlStore) commit(batch []*pending) {
	rand.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
	fail := func(err error) {
		for _, p := range batch {
			p.out, p.err = 0, err
		}
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		fail(err)
		return
	}
	defer tx.Rollback()
	var plain []*pending
	for _, p := range batch {
		if p.s.Token == nil {
			plain = append(plain, p)
			continue
		}
		if p.out, err = s.submitTx(ctx, tx, p.s); err != nil {
			fail(err)
			return
		}
	}
	if err := s.insertAll(ctx, tx, plain); err != nil {
		fail(err)
		return
	}
	if err := tx.Commit(); err != nil {
		fail(err)
	}
}

// insertAll stores the submissions without tokens in one statement (one
// round trip however many there are), and learns from RETURNING which
// were new; the rest, and a second copy within the batch, are duplicates.
func (s *sqlStore) insertAll(ctx context.Context, tx *sql.Tx, ps []*pending) error {
	if len(ps) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString(`INSERT INTO responses (survey, key, day, body) VALUES `)
	args := make([]any, 0, 4*len(ps))
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?)")
		args = append(args, p.s.Survey, p.s.Key, p.s.Day, p.s.Body)
	}
	b.WriteString(` ON CONFLICT DO NOTHING RETURNING survey, key`)
	rows, err := tx.QueryContext(ctx, s.q(b.String()), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	inserted := map[string]bool{}
	for rows.Next() {
		var survey string
		var key []byte
		if err := rows.Scan(&survey, &key); err != nil {
			return err
		}
		inserted[survey+"\x00"+string(key)] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range ps {
		k := p.s.Survey + "\x00" + string(p.s.Key)
		p.out = Duplicate
		if inserted[k] {
			p.out = Stored
			delete(inserted, k) // a second copy in this batch is a duplicate
		}
	}
	return nil
}

func (s *sqlStore) submitTx(ctx context.Context, tx *sql.Tx, sub Submission) (Outcome, error) {
	exists := func() (bool, error) {
		var one int
		err := tx.QueryRowContext(ctx, s.q(`SELECT 1 FROM responses WHERE survey = ? AND key = ?`), sub.Survey, sub.Key).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil, err
	}
	if ok, err := exists(); err != nil || ok {
		return Duplicate, err
	}
	if sub.Token != nil {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM tokens WHERE survey = ? AND hash = ?`), sub.Survey, sub.Token)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Another instance may have stored this very submission
			// (and used its token) while we waited for the row.
			if ok, err := exists(); err != nil || ok {
				return Duplicate, err
			}
			return TokenRefused, nil
		}
	}
	res, err := tx.ExecContext(ctx, s.q(`INSERT INTO responses (survey, key, day, body) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`), sub.Survey, sub.Key, sub.Day, sub.Body)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Duplicate, nil
	}
	return Stored, nil
}

func (s *sqlStore) Responses(ctx context.Context, survey string, each func([]byte) error) error {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT body FROM responses WHERE survey = ? ORDER BY key`), survey)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return err
		}
		if err := each(b); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *sqlStore) CountResponses(ctx context.Context, survey string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM responses WHERE survey = ?`), survey).Scan(&n)
	return n, err
}

func (s *sqlStore) AddTokens(ctx context.Context, survey string, hashes [][]byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, s.q(`UPDATE surveys SET tokens_issued = tokens_issued + ? WHERE id = ?`), len(hashes), survey)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	for _, h := range hashes {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO tokens (survey, hash) VALUES (?, ?)`), survey, h); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func (s *sqlStore) Tokens(ctx context.Context, survey string) (issued, used int, err error) {
	var unused int
	err = s.db.QueryRowContext(ctx, s.q(`SELECT tokens_issued, (SELECT COUNT(*) FROM tokens WHERE survey = ?) FROM surveys WHERE id = ?`), survey, survey).Scan(&issued, &unused)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, ErrNotFound
	}
	return issued, issued - unused, err
}

func (s *sqlStore) Ledger(ctx context.Context) ([]byte, int64, error) {
	var b []byte
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT data, version FROM ledger WHERE id = 1`).Scan(&b, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, nil
	}
	return b, v, err
}

func (s *sqlStore) Publish(ctx context.Context, version int64, ledger []byte, r Release) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var res sql.Result
	if version == 0 {
		res, err = tx.ExecContext(ctx, s.q(`INSERT INTO ledger (id, version, data) VALUES (1, 1, ?) ON CONFLICT DO NOTHING`), ledger)
	} else {
		res, err = tx.ExecContext(ctx, s.q(`UPDATE ledger SET data = ?, version = version + 1 WHERE id = 1 AND version = ?`), ledger, version)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrConflict
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO releases (survey, id, report) VALUES (?, ?, ?)`), r.Survey, r.ID, r.Report); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *sqlStore) Releases(ctx context.Context, survey string) ([]Release, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, report FROM releases WHERE survey = ? ORDER BY id`), survey)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Release
	for rows.Next() {
		r := Release{Survey: survey}
		if err := rows.Scan(&r.ID, &r.Report); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *sqlStore) Plan(ctx context.Context, key string) ([]byte, int64, error) {
	var b []byte
	var v int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT plan, version FROM plans WHERE key = ?`), key).Scan(&b, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, ErrNotFound
	}
	return b, v, err
}

func (s *sqlStore) PutPlan(ctx context.Context, key string, plan []byte, version int64) (int64, error) {
	var res sql.Result
	var err error
	if version == 0 {
		res, err = s.db.ExecContext(ctx, s.q(`INSERT INTO plans (key, version, plan) VALUES (?, 1, ?) ON CONFLICT DO NOTHING`), key, plan)
	} else {
		res, err = s.db.ExecContext(ctx, s.q(`UPDATE plans SET plan = ?, version = version + 1 WHERE key = ? AND version = ?`), plan, key, version)
	}
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, ErrConflict
	}
	return version + 1, nil
}

func (s *sqlStore) Plans(ctx context.Context, prefix string) ([]StoredPlan, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT key, version, plan FROM plans WHERE substr(key, 1, ?) = ? ORDER BY key`), len([]rune(prefix)), prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StoredPlan
	for rows.Next() {
		var p StoredPlan
		if err := rows.Scan(&p.Key, &p.Version, &p.Plan); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (s *sqlStore) Secret(ctx context.Context, name string) ([]byte, error) {
	var fresh [32]byte
	if _, err := crand.Read(fresh[:]); err != nil {
		return nil, err
	}
	if _, err := s.db.ExecContext(ctx, s.q(`INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING`), name, fresh[:]); err != nil {
		return nil, err
	}
	var b []byte
	err := s.db.QueryRowContext(ctx, s.q(`SELECT value FROM secrets WHERE name = ?`), name).Scan(&b)
	return b, err
}

func (s *sqlStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *sqlStore) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.queue)
	s.mu.Unlock()
	<-s.done
	return s.db.Close()
}
