package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/internal/pgtest"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

const adminToken = "test-admin-token-0123456789"

// clock is a fake clock the tests move by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

var t0 = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

// env is a service on a real database behind a real HTTP server.
type env struct {
	t     *testing.T
	srv   *httptest.Server
	svc   *service.Service
	st    store.Store
	clock *clock
}

// databases runs f against SQLite and PostgreSQL.
func databases(t *testing.T, f func(t *testing.T, url string)) {
	t.Run("sqlite", func(t *testing.T) { f(t, "sqlite:"+filepath.Join(t.TempDir(), "spfkit.db")) })
	t.Run("postgres", func(t *testing.T) { f(t, pgtest.Database(t)) })
}

func newEnv(t *testing.T, url string, cfg service.Config) *env {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	c := &clock{now: t0}
	cfg.Store, cfg.Now = st, c.Now
	if cfg.AdminToken == "" {
		cfg.AdminToken = adminToken
	}
	if cfg.Rate == 0 {
		cfg.Rate = -1
	}
	cfg.Logger = slog.New(slog.DiscardHandler)
	svc, err := service.New(context.Background(), cfg)
	require.NoError(t, err)
	srv := httptest.NewServer(svc)
	t.Cleanup(srv.Close)
	return &env{t: t, srv: srv, svc: svc, st: st, clock: c}
}

type reply struct {
	code   int
	header http.Header
	body   string
}

// do sends a request; headers come in name, value pairs.
func (e *env) do(method, path, body string, headers ...string) reply {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	require.NoError(e.t, err)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := e.srv.Client().Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return reply{res.StatusCode, res.Header, string(b)}
}

func (e *env) admin(method, path, body string) reply {
	e.t.Helper()
	return e.do(method, path, body, "Authorization", "Bearer "+adminToken, "Content-Type", "application/json")
}

func definition(t *testing.T) string { return readDef(t) }

func readDef(t testing.TB) string {
	b, err := os.ReadFile("testdata/pulse.json")
	require.NoError(t, err)
	return string(b)
}

// open opens the pulse survey from t0+1h to t0+1 week, with settings
// merged in.
func (e *env) open(id string, extra string) {
	e.t.Helper()
	body := fmt.Sprintf(`{"id":%q,"definition":%s,"opens":"2026-12-02T10:00:00Z","closes":"2026-12-09T10:00:00Z","min_group":5,"by":["side"]%s}`, id, definition(e.t), extra)
	r := e.admin("POST", "/admin/surveys", body)
	require.Equal(e.t, http.StatusCreated, r.code, r.body)
}

func answer(side string, heard int, note string) string {
	return fmt.Sprintf(`{"survey":"service-pulse","answers":{"side":%q,"heard":%d,"note":%q}}`, side, heard, note)
}

func (e *env) submit(id, body, key string, headers ...string) reply {
	e.t.Helper()
	return e.do("POST", "/api/surveys/"+id+"/responses", body, append([]string{"Content-Type", "application/json", "Idempotency-Key", key}, headers...)...)
}

func TestSurveyLifecycle(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		e.open("pulse", "")
		// Before it opens.
		if r := e.submit("pulse", answer("staff", 4, "a"), "key-000001"); r.code != http.StatusForbidden || !strings.Contains(r.body, `"not_open"`) {
			t.Errorf("before opening: %d %s", r.code, r.body)
		}
		e.clock.Add(2 * time.Hour)
		steps := []struct {
			name, body, key string
			want            int
			wantBody        string
		}{
			{"stored", answer("staff", 4, "first"), "key-000001", 201, `"stored"`},
			{"retry", answer("staff", 4, "first"), "key-000001", 200, `"duplicate"`},
			{"invalid", `{"survey":"service-pulse","answers":{"heard":9}}`, "key-000002", 400, `"pointer":"/answers/heard"`},
			{"blank", `{"survey":"service-pulse","answers":{}}`, "key-000003", 400, `"blank"`},
			{"other survey", `{"survey":"heatcheck-2022-members","answers":{"q1":3}}`, "key-000004", 400, `"problems"`},
			{"bad key", answer("staff", 4, "x"), "short", 400, `"idempotency_key"`},
			{"not json", `{"survey":`, "key-000005", 400, `"problems"`},
			{"too large", answer("staff", 4, strings.Repeat("x", 70<<10)), "key-000006", 413, `"too_large"`},
		}
		for _, st := range steps {
			r := e.submit("pulse", st.body, st.key)
			if r.code != st.want || !strings.Contains(r.body, st.wantBody) {
				t.Errorf("%s: %d %s; want %d with %s", st.name, r.code, r.body, st.want, st.wantBody)
			}
		}
		if r := e.submit("nope", answer("staff", 4, "x"), "key-000007"); r.code != http.StatusNotFound {
			t.Errorf("an unknown survey: %d", r.code)
		}
		st := e.status("pulse")
		if st.Responses != 1 || st.State != "open" {
			t.Errorf("status: %d responses, %s", st.Responses, st.State)
		}
		// After it closes.
		e.clock.Add(8 * 24 * time.Hour)
		if r := e.submit("pulse", answer("staff", 4, "late"), "key-000008"); r.code != http.StatusForbidden || !strings.Contains(r.body, `"closed"`) {
			t.Errorf("after closing: %d %s", r.code, r.body)
		}
	})
}

func (e *env) status(id string) service.Status {
	e.t.Helper()
	r := e.admin("GET", "/admin/surveys/"+id, "")
	require.Equal(e.t, 200, r.code, r.body)
	require.NoError(e.t, schema.Validator{}.ValidateJSON(schema.ServiceSurvey, []byte(r.body)), "the status is a service-survey document")
	var st service.Status
	require.NoError(e.t, json.Unmarshal([]byte(r.body), &st))
	return st
}

func TestOpenSurveyProblems(t *testing.T) {
	e := newEnv(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), service.Config{})
	tests := []struct{ name, body, want string }{
		{"bad id", `{"id":"Bad Id","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z"}`, `"pointer":"/id"`},
		{"unknown builtin", `{"id":"a","builtin":"nope","closes":"2027-01-01T00:00:00Z"}`, `"pointer":"/builtin"`},
		{"both", `{"id":"a","builtin":"heatcheck-2022-members","definition":{},"closes":"2027-01-01T00:00:00Z"}`, `"one_of"`},
		{"no close", `{"id":"a","builtin":"heatcheck-2022-members"}`, `"pointer":"/closes"`},
		{"closes first", `{"id":"a","builtin":"heatcheck-2022-members","opens":"2027-02-01T00:00:00Z","closes":"2027-01-01T00:00:00Z"}`, `"order"`},
		{"small k", `{"id":"a","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z","min_group":2}`, `"pointer":"/min_group"`},
		{"by free text", `{"id":"a","definition":` + definition(t) + `,"closes":"2027-01-01T00:00:00Z","by":["note"]}`, `"pointer":"/by/0"`},
		{"bad definition", `{"id":"a","definition":{"id":"x"},"closes":"2027-01-01T00:00:00Z"}`, `"pointer":"/definition`},
		{"unknown field", `{"id":"a","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z","k":3}`, `"syntax"`},
		{"invited with invitations", `{"id":"a","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z","invited":40,"invitations":true}`, `"pointer":"/invited"`},
	}
	for _, tt := range tests {
		r := e.admin("POST", "/admin/surveys", tt.body)
		if r.code != http.StatusBadRequest || !strings.Contains(r.body, tt.want) {
			t.Errorf("%s: %d %s; want 400 with %s", tt.name, r.code, r.body, tt.want)
		}
	}
	e.open("pulse", "")
	if r := e.admin("POST", "/admin/surveys", `{"id":"pulse","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z"}`); r.code != http.StatusConflict {
		t.Errorf("a taken id: %d %s", r.code, r.body)
	}
}

func TestAdminNeedsToken(t *testing.T) {
	e := newEnv(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), service.Config{})
	for _, h := range [][]string{nil, {"Authorization", "Bearer wrong"}, {"Authorization", adminToken}, {"Authorization", "Bearer " + adminToken + "x"}} {
		if r := e.do("GET", "/admin/surveys", "", h...); r.code != http.StatusUnauthorized {
			t.Errorf("with %v: %d, want 401", h, r.code)
		}
	}
	if r := e.admin("GET", "/admin/surveys", ""); r.code != http.StatusOK {
		t.Errorf("with the token: %d", r.code)
	}
	if r := e.do("GET", "/admin/surveys", "", "Authorization", "Bearer "+adminToken, "Origin", "https://evil.example"); r.code != http.StatusForbidden {
		t.Errorf("from another site's page: %d, want 403", r.code)
	}
}

func TestHeaders(t *testing.T) {
	e := newEnv(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), service.Config{Origins: []string{"https://intranet.example.nhs.uk"}})
	e.open("pulse", "")
	e.clock.Add(2 * time.Hour)
	for _, path := range []string{"/", "/healthz", "/readyz", "/results/pulse", "/api/surveys/pulse", "/nothing", "/admin/surveys"} {
		r := e.do("GET", path, "")
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'self' https://intranet.example.nhs.uk") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if r.header.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s: Referrer-Policy %q", path, r.header.Get("Referrer-Policy"))
		}
		if r.header.Get("X-Request-Id") == "" {
			t.Errorf("%s: no request id", path)
		}
	}
	// CORS: the intranet may submit; another site may not.
	r := e.submit("pulse", answer("staff", 3, ""), "key-cors-01", "Origin", "https://intranet.example.nhs.uk")
	if r.code != 201 || r.header.Get("Access-Control-Allow-Origin") != "https://intranet.example.nhs.uk" {
		t.Errorf("from the intranet: %d %v", r.code, r.header)
	}
	r = e.submit("pulse", answer("staff", 3, ""), "key-cors-02", "Origin", "https://elsewhere.example")
	if r.code != http.StatusForbidden || r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("from elsewhere: %d %v", r.code, r.header)
	}
	r = e.do("OPTIONS", "/api/surveys/pulse/responses", "", "Origin", "https://intranet.example.nhs.uk", "Access-Control-Request-Method", "POST")
	if r.code != http.StatusNoContent || !strings.Contains(r.header.Get("Access-Control-Allow-Headers"), "Idempotency-Key") {
		t.Errorf("preflight: %d %v", r.code, r.header)
	}
	if r := e.do("GET", "/healthz", ""); r.code != 200 {
		t.Errorf("healthz %d", r.code)
	}
	if r := e.do("GET", "/readyz", ""); r.code != 200 {
		t.Errorf("readyz %d", r.code)
	}
	e.st.Close()
	if r := e.do("GET", "/readyz", ""); r.code != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d", r.code)
	}
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), service.Config{Rate: 60, Burst: 2})
	e.open("pulse", "")
	e.clock.Add(2 * time.Hour)
	var codes []int
	for i := range 3 {
		codes = append(codes, e.submit("pulse", answer("staff", 3, ""), fmt.Sprintf("key-rate-%02d", i)).code)
	}
	r := e.submit("pulse", answer("staff", 3, ""), "key-rate-09")
	codes = append(codes, r.code)
	if r.header.Get("Retry-After") != "1" {
		t.Errorf("Retry-After %q, want 1", r.header.Get("Retry-After"))
	}
	e.clock.Add(time.Second)
	codes = append(codes, e.submit("pulse", answer("staff", 3, ""), "key-rate-09").code)
	if diff := cmp.Diff([]int{201, 201, 429, 429, 201}, codes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

func TestInvitations(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		e.open("pulse", `,"invitations":true`)
		e.clock.Add(2 * time.Hour)
		r := e.admin("POST", "/admin/surveys/pulse/invitations", `{"count":3}`)
		require.Equal(t, 201, r.code, r.body)
		var inv struct{ Tokens []string }
		require.NoError(t, json.Unmarshal([]byte(r.body), &inv))
		require.Len(t, inv.Tokens, 3)
		steps := []struct {
			name, key, token string
			want             int
		}{
			{"no token", "key-inv-001", "", 403},
			{"unknown token", "key-inv-002", "made-up", 403},
			{"first use", "key-inv-003", inv.Tokens[0], 201},
			{"retry", "key-inv-003", inv.Tokens[0], 200},
			{"second use", "key-inv-004", inv.Tokens[0], 403},
			{"another", "key-inv-005", inv.Tokens[1], 201},
		}
		for _, st := range steps {
			h := []string{}
			if st.token != "" {
				h = []string{"Spfkit-Invitation", st.token}
			}
			if r := e.submit("pulse", answer("staff", 4, st.name), st.key, h...); r.code != st.want {
				t.Errorf("%s: %d %s, want %d", st.name, r.code, r.body, st.want)
			}
		}
		s := e.status("pulse")
		if s.InvitationsIssued != 3 || s.InvitationsUsed != 2 || s.Responses != 2 {
			t.Errorf("status: %d issued, %d used, %d responses", s.InvitationsIssued, s.InvitationsUsed, s.Responses)
		}
		// What is stored names no token, no submission id and no time.
		r = e.admin("GET", "/admin/surveys/pulse/responses", "")
		for _, secret := range append(inv.Tokens, "key-inv-003", "key-inv-005", "T09", "T10", "T11", ":00") {
			if strings.Contains(r.body, secret) {
				t.Errorf("the stored responses hold %q:\n%s", secret, r.body)
			}
		}
		if r := e.admin("POST", "/admin/surveys/pulse/invitations", `{"count":0}`); r.code != 400 {
			t.Errorf("zero invitations: %d", r.code)
		}
	})
}

// TestReleases: nothing is public until released; a release shows what
// score shows; a later release that would single out one late response
// is refused with the reason; the survey's close releases what is safe.
func TestReleases(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		e.open("pulse", "")
		e.clock.Add(2 * time.Hour)
		for i := range 12 {
			side := []string{"staff", "employer"}[i%2]
			r := e.submit("pulse", answer(side, 1+i%5, ""), fmt.Sprintf("key-rel-%03d", i))
			require.Equal(t, 201, r.code, r.body)
		}
		if r := e.do("GET", "/results/pulse", ""); !strings.Contains(r.body, "Nothing has been released") {
			t.Errorf("before release: %s", r.body)
		}
		if r := e.do("GET", "/results/pulse/1.json", ""); r.code != 404 {
			t.Errorf("an unreleased report: %d", r.code)
		}
		r := e.admin("POST", "/admin/surveys/pulse/releases", `{"label":"forum papers"}`)
		require.Equal(t, 201, r.code, r.body)
		r = e.do("GET", "/results/pulse/1.json", "")
		require.Equal(t, 200, r.code)
		rep, err := score.ParseReport([]byte(r.body))
		require.NoError(t, err)
		if rep.Respondents != 12 || !rep.WithholdUnanimous || !rep.OpenCollection || rep.MinGroup != 5 {
			t.Errorf("released report: %d respondents, unanimous withheld %v, open %v, k %d", rep.Respondents, rep.WithholdUnanimous, rep.OpenCollection, rep.MinGroup)
		}
		page := e.do("GET", "/results/pulse/1.html", "")
		if page.code != 200 || !strings.Contains(page.body, "Responses counted: 12") || !strings.Contains(page.body, "made-up answers") {
			t.Errorf("HTML report: %d", page.code)
		}
		if csp := page.header.Get("Content-Security-Policy"); !strings.Contains(csp, "style-src 'self' 'sha256-") {
			t.Errorf("HTML report CSP %q", csp)
		}
		if !strings.Contains(page.body, "<style>"+report.StyleSheet()+"</style>") {
			t.Error("the report's inline style is not the one whose hash the CSP allows")
		}
		if r := e.do("GET", "/results/pulse/1.csv", ""); r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
			t.Errorf("CSV report: %d %s", r.code, r.header.Get("Content-Type"))
		}
		if r := e.do("GET", "/results/pulse", ""); !strings.Contains(r.body, "forum papers") || !strings.Contains(r.body, "made-up answers") {
			t.Errorf("results page: %s", r.body)
		}
		// One late response: releasing again would give it away.
		require.Equal(t, 201, e.submit("pulse", answer("staff", 2, ""), "key-rel-late").code)
		r = e.admin("POST", "/admin/surveys/pulse/releases", `{}`)
		if r.code != http.StatusConflict || !strings.Contains(r.body, `"release_refused"`) || !strings.Contains(r.body, `"wait":4`) {
			t.Errorf("a release one response later: %d %s", r.code, r.body)
		}
		if r := e.do("GET", "/results/pulse/2.json", ""); r.code != 404 {
			t.Errorf("a refused release was published: %d", r.code)
		}
		if r := e.admin("POST", "/admin/surveys/pulse/releases", `{"by":"heard"}`); r.code != 400 {
			t.Errorf("a breakdown the survey does not allow: %d", r.code)
		}
		// Nine more, four staff and five employer, make it safe; the close
		// releases it and the breakdown.
		for i := range 9 {
			side := []string{"staff", "employer"}[min(i/4, 1)]
			require.Equal(t, 201, e.submit("pulse", answer(side, 1+i%5, ""), fmt.Sprintf("key-rel-more-%d", i)).code)
		}
		e.clock.Add(8 * 24 * time.Hour)
		require.NoError(t, e.svc.Tick(context.Background()))
		s := e.status("pulse")
		if s.AtClose != "released" || len(s.Releases) != 3 || s.Releases[2].By != "side" || s.Releases[1].Respondents != 22 {
			t.Errorf("after the close: %q, %+v", s.AtClose, s.Releases)
		}
		require.NoError(t, e.svc.Tick(context.Background()))
		if n := len(e.status("pulse").Releases); n != 3 {
			t.Errorf("a second tick released again: %d releases", n)
		}
		ledger := e.admin("GET", "/admin/ledger", "")
		if ledger.code != 200 || !strings.Contains(ledger.body, `"releases"`) {
			t.Errorf("ledger export: %d", ledger.code)
		}
	})
}

// TestExport: the export is NDJSON that spfkit score reads.
func TestExport(t *testing.T) {
	e := newEnv(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), service.Config{})
	e.open("pulse", "")
	e.clock.Add(2 * time.Hour)
	for i := range 7 {
		require.Equal(t, 201, e.submit("pulse", answer("staff", 1+i%5, fmt.Sprintf("n%d", i)), fmt.Sprintf("key-exp-%03d", i)).code)
	}
	r := e.admin("GET", "/admin/surveys/pulse/responses", "")
	require.Equal(t, 200, r.code)
	res := (&check.Checker{Kind: schema.SurveyDefinition}).Check([]byte(definition(t)))
	require.True(t, res.Valid())
	sc := score.Scorer{Definition: res.Value.(*survey.Definition), Format: score.FormatNDJSON}
	tally, err := sc.Score(strings.NewReader(r.body), "export.ndjson")
	require.NoError(t, err)
	if tally.Respondents() != 7 || tally.Rejected != 0 {
		t.Errorf("scored %d, rejected %d", tally.Respondents(), tally.Rejected)
	}
}

// TestReleaseAtCloseOnce: several instances on one database all see the
// survey close; its results are released once between them.
func TestReleaseAtCloseOnce(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		e.open("pulse", "")
		e.clock.Add(2 * time.Hour)
		for i := range 12 {
			require.Equal(t, 201, e.submit("pulse", answer([]string{"staff", "employer"}[i%2], 1+i%5, ""), fmt.Sprintf("key-once-%d", i)).code)
		}
		var others []*service.Service
		for range 3 {
			svc, err := service.New(context.Background(), service.Config{Store: e.st, Now: e.clock.Now, Logger: slog.New(slog.DiscardHandler)})
			require.NoError(t, err)
			others = append(others, svc)
		}
		e.clock.Add(8 * 24 * time.Hour)
		var wg sync.WaitGroup
		for _, svc := range append(others, e.svc) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := svc.Tick(context.Background()); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		s := e.status("pulse")
		var labels []string
		for _, r := range s.Releases {
			labels = append(labels, r.Label)
		}
		if diff := cmp.Diff([]string{"at close", "at close, by side"}, labels); diff != "" {
			t.Errorf("releases (-want +got):\n%s", diff)
		}
	})
}
