package service

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/wasm/bundle"
)

// Config configures a Service. Only Store is required; the zero value of
// every other field is a safe default.
type Config struct {
	// Store is where answers, releases and plans are kept.
	Store store.Store
	// AdminToken is the bearer token the administrator endpoints
	// (/admin/…) need. Empty turns them off: they answer 403.
	AdminToken string
	// Origins are the intranet origins (https://intranet.example.nhs.uk)
	// whose pages may embed the widgets: they may submit from the browser
	// (CORS) and frame the service's pages (frame-ancestors). Requests
	// from any other origin are refused; the service's own origin is
	// always allowed.
	Origins []string
	// TrustProxy takes the client's address from the X-Forwarded-For
	// header that a reverse proxy in front sets, for rate limiting. Leave
	// it off when clients reach the service directly.
	TrustProxy bool
	// MaxBody bounds a submission or a plan, in bytes; 0 means 64 KiB.
	MaxBody int64
	// Rate is how many submissions one client may make a minute, with
	// Burst at once; 0 means 30 a minute with a burst of 10, and a
	// negative Rate turns the limit off.
	Rate  float64
	Burst int
	// Logger receives one structured line per request (never a secret
	// or an answer); nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Home serves "/" and any path the service does not; nil serves a
	// short page of links.
	Home http.Handler
	// Base is the path the service is mounted under when it is not at
	// the root of its host (a trust's program strips it before the
	// service sees a request), e.g. "/forum": links and Location headers
	// start with it.
	Base string
}

// Service is the survey and plan service, an http.Handler.
type Service struct {
	cfg     Config
	mux     *http.ServeMux
	secret  []byte
	limiter *limiter
	log     *slog.Logger

	mu       sync.Mutex
	compiled map[string]*compiledSurvey // by the SHA-256 of the stored settings
	recent   map[string]recentSurvey    // by survey id, read in the last second
}

// recentSurvey is a survey read from the store, and when.
type recentSurvey struct {
	c    *compiledSurvey
	read time.Time
}

// settingsTTL is how long an instance goes on using a survey's settings
// before reading them again: a change another instance makes (closing a
// survey early) takes effect everywhere within it.
const settingsTTL = time.Second

// New makes a service over cfg.Store. It reads the service's secret from
// the store (making it on first use), so every instance on one database
// recognises the same submissions and invitations.
func New(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("service: no store")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 64 << 10
	}
	if cfg.Rate == 0 {
		cfg.Rate, cfg.Burst = 30, 10
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 10
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Base = strings.TrimRight(cfg.Base, "/")
	if cfg.Base != "" && !strings.HasPrefix(cfg.Base, "/") {
		return nil, fmt.Errorf("service: Base %q must be a path starting with /", cfg.Base)
	}
	for i, o := range cfg.Origins {
		cfg.Origins[i] = strings.TrimRight(o, "/")
		if !strings.HasPrefix(o, "https://") && !strings.HasPrefix(o, "http://") {
			return nil, fmt.Errorf("service: origin %q must be a scheme and host, as in https://intranet.example.nhs.uk", o)
		}
	}
	secret, err := cfg.Store.Secret(ctx, "service")
	if err != nil {
		return nil, fmt.Errorf("service: reading its secret: %w", err)
	}
	s := &Service{cfg: cfg, secret: secret, log: cfg.Logger, compiled: map[string]*compiledSurvey{}, recent: map[string]recentSurvey{}}
	if cfg.Rate > 0 {
		s.limiter = newLimiter(cfg.Rate/60, cfg.Burst, cfg.Now)
	}
	s.routes()
	return s, nil
}

func (s *Service) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { text(w, http.StatusOK, "ok\n") })
	m.HandleFunc("GET /readyz", s.ready)
	m.Handle("GET /spfkit/{file}", http.HandlerFunc(serveBundle))

	m.HandleFunc("GET /api/surveys/{id}", s.fromPage(s.publicSurvey))
	m.HandleFunc("GET /api/surveys/{id}/definition", s.fromPage(s.definition))
	m.HandleFunc("POST /api/surveys/{id}/responses", s.fromPage(s.submit))
	m.HandleFunc("OPTIONS /api/surveys/{id}/responses", s.preflight)
	m.HandleFunc("GET /surveys/{id}", s.surveyForm)
	m.HandleFunc("POST /surveys/{id}", s.fromPage(s.surveyPost))
	m.HandleFunc("GET /plans/{key...}", s.planView)
	m.HandleFunc("GET /results/{id}", s.results)
	m.HandleFunc("GET /results/{id}/{file}", s.result)

	m.HandleFunc("GET /api/plans/{key...}", s.fromPage(s.getPlan))
	m.HandleFunc("PUT /api/plans/{key...}", s.fromPage(s.putPlan))
	m.HandleFunc("OPTIONS /api/plans/{key...}", s.preflight)
	m.HandleFunc("GET /systems/{system}", s.system)

	m.HandleFunc("GET /admin/surveys", s.admin(s.listSurveys))
	m.HandleFunc("POST /admin/surveys", s.admin(s.openSurvey))
	m.HandleFunc("GET /admin/surveys/{id}", s.admin(s.surveyStatus))
	m.HandleFunc("POST /admin/surveys/{id}/close", s.admin(s.closeSurvey))
	m.HandleFunc("POST /admin/surveys/{id}/invitations", s.admin(s.invite))
	m.HandleFunc("POST /admin/surveys/{id}/releases", s.admin(s.releaseNow))
	m.HandleFunc("GET /admin/surveys/{id}/responses", s.admin(s.exportResponses))
	m.HandleFunc("GET /admin/ledger", s.admin(s.exportLedger))

	home := s.cfg.Home
	if home == nil {
		home = http.HandlerFunc(s.home)
	}
	m.Handle("/", home)
	s.mux = m
}

// ServeHTTP serves a request: security headers first, then the route,
// then one log line.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := s.cfg.Now()
	var id [8]byte
	rand.Read(id[:])
	rid := hex.EncodeToString(id[:])
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := rec.Header()
	h.Set("X-Request-Id", rid)
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no referrer at all, browsers send
	// "Origin: null" on the service's own form posts, which the Origin
	// check must refuse.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'none'; "+s.frameAncestors())
	s.mux.ServeHTTP(rec, r)
	// The path and never the query: an address may be pasted with
	// anything in it. No header, body or token is logged.
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("id", rid), slog.String("method", r.Method), slog.String("path", r.URL.Path),
		slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes),
		slog.Duration("took", s.cfg.Now().Sub(start)))
}

// frameAncestors says which pages may frame the service's: its own and the
// configured intranet origins.
func (s *Service) frameAncestors() string {
	return "frame-ancestors " + strings.Join(append([]string{"'self'"}, s.cfg.Origins...), " ")
}

type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (s *Service) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
		s.log.Error("the database does not answer", "error", err.Error())
		text(w, http.StatusServiceUnavailable, "the database does not answer\n")
		return
	}
	text(w, http.StatusOK, "ready\n")
}

// keyed is the service's keyed hash of a value in a context (a
// submission id, an invitation token): 16 bytes of HMAC-SHA-256.
func (s *Service) keyed(purpose, surveyID, value string) []byte {
	m := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(m, "%s\x00%s\x00%s", purpose, surveyID, value)
	return m.Sum(nil)[:16]
}

// compiledSurvey is a stored survey with its definition read and its
// checker made, kept while its settings do not change.
type compiledSurvey struct {
	Survey
	def     *survey.Definition
	checker *check.Checker
}

// survey reads a survey's settings from the store, at most once a
// settingsTTL, and compiles them once.
func (s *Service) survey(ctx context.Context, id string) (*compiledSurvey, error) {
	now := s.cfg.Now()
	s.mu.Lock()
	r, ok := s.recent[id]
	s.mu.Unlock()
	if ok && now.Sub(r.read) < settingsTTL && !now.Before(r.read) {
		return r.c, nil
	}
	c, err := s.readSurvey(ctx, id)
	if err == nil {
		s.mu.Lock()
		if len(s.recent) > 1024 {
			clear(s.recent)
		}
		s.recent[id] = recentSurvey{c, now}
		s.mu.Unlock()
	}
	return c, err
}

// forget drops what this instance remembers of a survey, after it changed
// the settings itself.
func (s *Service) forget(id string) {
	s.mu.Lock()
	delete(s.recent, id)
	s.mu.Unlock()
}

func (s *Service) readSurvey(ctx context.Context, id string) (*compiledSurvey, error) {
	b, err := s.cfg.Store.Survey(ctx, id)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	key := string(sum[:])
	s.mu.Lock()
	c := s.compiled[key]
	s.mu.Unlock()
	if c != nil {
		return c, nil
	}
	c = &compiledSurvey{}
	if err := json.Unmarshal(b, &c.Survey); err != nil {
		return nil, fmt.Errorf("service: survey %s: stored settings: %w", id, err)
	}
	r := (&check.Checker{Kind: schema.SurveyDefinition}).Check(c.Definition)
	if !r.Valid() {
		return nil, fmt.Errorf("service: survey %s: stored definition: %w", id, r.Err())
	}
	c.def = r.Value.(*survey.Definition)
	c.checker = &check.Checker{Kind: schema.SurveyResponse, Survey: c.def, MaxBytes: s.cfg.MaxBody}
	s.mu.Lock()
	if len(s.compiled) > 256 {
		clear(s.compiled)
	}
	s.compiled[key] = c
	s.mu.Unlock()
	return c, nil
}

// ---- answers ----

func text(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	w.Write([]byte(body))
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		b = []byte(`{"problems":[{"file":"","line":0,"pointer":"","code":"internal","message":"the answer could not be written"}]}`)
		code = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// fail answers with problems, the validation-problem list every error
// of the service's JSON endpoints is.
func fail(w http.ResponseWriter, code int, probs ...*problem.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	check.WriteProblems(w, probs)
}

// failMsg answers with one problem about the whole request.
func failMsg(w http.ResponseWriter, code int, c, msg, hint string) {
	p := problem.New("", c, msg)
	p.Hint = hint
	fail(w, code, p)
}

// internal answers 500 and logs the cause (never the request's content).
func (s *Service) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "internal error", "path", r.URL.Path, "error", err.Error())
	failMsg(w, http.StatusInternalServerError, "internal", "the service could not do that just now", "try again; if it keeps failing, tell the service's administrator")
}

// unavailable answers 503 when the database failed: the client may retry.
func (s *Service) unavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "database error", "path", r.URL.Path, "error", err.Error())
	w.Header().Set("Retry-After", "5")
	failMsg(w, http.StatusServiceUnavailable, "unavailable", "the answers could not be saved just now", "send them again in a few seconds; they will not be counted twice")
}

// serveBundle serves a file of the embedded widget bundle, brotli or gzip
// compressed when the browser takes it.
func serveBundle(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if !fs.ValidPath(name) || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Access-Control-Allow-Origin", "*") // a static, public bundle
	switch {
	case strings.HasSuffix(name, ".wasm"):
		h.Set("Content-Type", "application/wasm")
	case strings.HasSuffix(name, ".js"):
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	case strings.HasSuffix(name, ".css"):
		h.Set("Content-Type", "text/css; charset=utf-8")
	case strings.HasSuffix(name, ".html"):
		h.Set("Content-Type", "text/html; charset=utf-8")
	case strings.HasSuffix(name, ".txt"):
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	serve := name
	h.Add("Vary", "Accept-Encoding")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if _, err := bundle.ReadFile(name + enc.ext); err == nil && strings.Contains(accept, enc.token) {
			serve = name + enc.ext
			h.Set("Content-Encoding", enc.token)
			break
		}
	}
	b, err := bundle.ReadFile(serve)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(b)
}
