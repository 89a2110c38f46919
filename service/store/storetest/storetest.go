// Package storetest is the one test suite every store.Store runs: the
// SQLite and PostgreSQL stores pass the same tests against real
// databases.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/service/store"
)

// Run runs the suite. newDB returns the URL of a new, empty database
// (store.Open's form); the suite opens it, and reopens it to check what
// survives.
func Run(t *testing.T, newDB func(t *testing.T) string) {
	tests := []struct {
		name string
		f    func(t *testing.T, url string)
	}{
		{"Surveys", testSurveys},
		{"SubmitOnce", testSubmitOnce},
		{"Tokens", testTokens},
		{"Concurrent", testConcurrent},
		{"Reopen", testReopen},
		{"Publish", testPublish},
		{"Plans", testPlans},
		{"Closed", testClosed},
		{"Secret", testSecret},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.f(t, newDB(t)) })
	}
}

func open(t *testing.T, url string) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), url)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

var ctx = context.Background()

func testSurveys(t *testing.T, url string) {
	s := open(t, url)
	require.NoError(t, s.CreateSurvey(ctx, "b", []byte(`{"v":1}`)))
	require.NoError(t, s.CreateSurvey(ctx, "a", []byte(`{}`)))
	if err := s.CreateSurvey(ctx, "b", []byte(`{"v":2}`)); !errors.Is(err, store.ErrExists) {
		t.Fatalf("creating a taken id: got %v, want ErrExists", err)
	}
	got, err := s.Survey(ctx, "b")
	require.NoError(t, err)
	if string(got) != `{"v":1}` {
		t.Errorf("a refused create changed the survey: %s", got)
	}
	require.NoError(t, s.UpdateSurvey(ctx, "b", []byte(`{"v":3}`)))
	got, _ = s.Survey(ctx, "b")
	if string(got) != `{"v":3}` {
		t.Errorf("after update: %s", got)
	}
	if err := s.UpdateSurvey(ctx, "zz", nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of a missing survey: got %v, want ErrNotFound", err)
	}
	if _, err := s.Survey(ctx, "zz"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("reading a missing survey: got %v, want ErrNotFound", err)
	}
	ids, err := s.SurveyIDs(ctx)
	require.NoError(t, err)
	if diff := cmp.Diff([]string{"a", "b"}, ids); diff != "" {
		t.Errorf("SurveyIDs (-want +got):\n%s", diff)
	}
}

func sub(survey string, key, body string) store.Submission {
	return store.Submission{Survey: survey, Key: []byte(key), Body: []byte(body), Day: "2026-12-02"}
}

func bodies(t *testing.T, s store.Store, survey string) []string {
	t.Helper()
	var got []string
	require.NoError(t, s.Responses(ctx, survey, func(b []byte) error {
		got = append(got, string(b))
		return nil
	}))
	return got
}

func testSubmitOnce(t *testing.T, url string) {
	s := open(t, url)
	require.NoError(t, s.CreateSurvey(ctx, "s", []byte(`{}`)))
	steps := []struct {
		sub  store.Submission
		want store.Outcome
	}{
		{sub("s", "k2", `{"n":2}`), store.Stored},
		{sub("s", "k1", `{"n":1}`), store.Stored},
		{sub("s", "k2", `{"n":2}`), store.Duplicate},
		{sub("s", "k2", `{"n":"changed"}`), store.Duplicate}, // first one wins
		{sub("t", "k2", `{"n":2}`), store.Stored},            // keys are per survey
	}
	for i, st := range steps {
		got, err := s.Submit(ctx, st.sub)
		require.NoError(t, err)
		if got != st.want {
			t.Errorf("step %d: outcome %d, want %d", i, got, st.want)
		}
	}
	if diff := cmp.Diff([]string{`{"n":1}`, `{"n":2}`}, bodies(t, s, "s")); diff != "" {
		t.Errorf("responses, in key order (-want +got):\n%s", diff)
	}
	n, err := s.CountResponses(ctx, "s")
	require.NoError(t, err)
	if n != 2 {
		t.Errorf("CountResponses = %d, want 2", n)
	}
}

func testTokens(t *testing.T, url string) {
	s := open(t, url)
	require.NoError(t, s.CreateSurvey(ctx, "s", []byte(`{}`)))
	if err := s.AddTokens(ctx, "missing", [][]byte{[]byte("x")}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("tokens for a missing survey: got %v, want ErrNotFound", err)
	}
	require.NoError(t, s.AddTokens(ctx, "s", [][]byte{[]byte("t1"), []byte("t2"), []byte("t3")}))
	withToken := func(key, tok string) store.Submission {
		x := sub("s", key, `{}`)
		x.Token = []byte(tok)
		return x
	}
	steps := []struct {
		sub  store.Submission
		want store.Outcome
	}{
		{withToken("a", "t1"), store.Stored},
		{withToken("b", "t1"), store.TokenRefused}, // used
		{withToken("c", "nope"), store.TokenRefused},
		{withToken("a", "t1"), store.Duplicate}, // a retry of the stored one
		{withToken("d", "t2"), store.Stored},
	}
	for i, st := range steps {
		got, err := s.Submit(ctx, st.sub)
		require.NoError(t, err)
		if got != st.want {
			t.Errorf("step %d: outcome %d, want %d", i, got, st.want)
		}
	}
	issued, used, err := s.Tokens(ctx, "s")
	require.NoError(t, err)
	if issued != 3 || used != 2 {
		t.Errorf("Tokens = %d issued, %d used; want 3 and 2", issued, used)
	}
	if n, _ := s.CountResponses(ctx, "s"); n != 2 {
		t.Errorf("%d responses stored, want 2", n)
	}
}

// testConcurrent submits from many goroutines at once, each submission
// twice, and half with tokens (some of them contested): the outcomes
// and the stored rows must be exact.
func testConcurrent(t *testing.T, url string) {
	s := open(t, url)
	require.NoError(t, s.CreateSurvey(ctx, "s", []byte(`{}`)))
	const n = 400
	var toks [][]byte
	for i := 0; i < n/2; i++ {
		toks = append(toks, []byte(fmt.Sprintf("tok%03d", i)))
	}
	require.NoError(t, s.AddTokens(ctx, "s", toks))
	type result struct {
		i int
		o store.Outcome
	}
	results := make(chan result, 2*n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		x := sub("s", fmt.Sprintf("key%04d", i), fmt.Sprintf(`{"i":%d}`, i))
		if i%2 == 0 {
			x.Token = toks[i/2]
		}
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				o, err := s.Submit(ctx, x)
				if err != nil {
					t.Error(err)
				}
				results <- result{i, o}
			}()
		}
	}
	wg.Wait()
	close(results)
	stored := map[int]int{}
	for r := range results {
		switch r.o {
		case store.Stored:
			stored[r.i]++
		case store.Duplicate:
		default:
			t.Errorf("submission %d: outcome %d", r.i, r.o)
		}
	}
	for i := 0; i < n; i++ {
		if stored[i] != 1 {
			t.Errorf("submission %d stored %d times, want once", i, stored[i])
		}
	}
	if got, _ := s.CountResponses(ctx, "s"); got != n {
		t.Errorf("%d rows, want %d", got, n)
	}
	if issued, used, _ := s.Tokens(ctx, "s"); issued != n/2 || used != n/2 {
		t.Errorf("tokens %d issued %d used, want %d both", issued, used, n/2)
	}
}

func testReopen(t *testing.T, url string) {
	s, err := store.Open(ctx, url)
	require.NoError(t, err)
	require.NoError(t, s.CreateSurvey(ctx, "s", []byte(`{}`)))
	o, err := s.Submit(ctx, sub("s", "k", `{"kept":true}`))
	require.NoError(t, err)
	require.Equal(t, store.Stored, o)
	require.NoError(t, s.Close())
	s = open(t, url) // the migrations find the tables made
	if diff := cmp.Diff([]string{`{"kept":true}`}, bodies(t, s, "s")); diff != "" {
		t.Errorf("after reopening (-want +got):\n%s", diff)
	}
	if o, _ := s.Submit(ctx, sub("s", "k", `{}`)); o != store.Duplicate {
		t.Errorf("a retry after a restart: outcome %d, want Duplicate", o)
	}
}

func testPublish(t *testing.T, url string) {
	s := open(t, url)
	l, v, err := s.Ledger(ctx)
	require.NoError(t, err)
	if l != nil || v != 0 {
		t.Fatalf("a new store's ledger: %q version %d", l, v)
	}
	require.NoError(t, s.Publish(ctx, 0, []byte("L1"), store.Release{Survey: "s", ID: 1, Report: []byte("R1")}))
	if err := s.Publish(ctx, 0, []byte("Lx"), store.Release{Survey: "s", ID: 2, Report: []byte("Rx")}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a second first release: got %v, want ErrConflict", err)
	}
	l, v, _ = s.Ledger(ctx)
	require.NoError(t, s.Publish(ctx, v, []byte("L2"), store.Release{Survey: "t", ID: 2, Report: []byte("R2")}))
	if err := s.Publish(ctx, v, []byte("Ly"), store.Release{Survey: "s", ID: 3, Report: []byte("Ry")}); !errors.Is(err, store.ErrConflict) {
		t.Errorf("a release from a stale ledger: got %v, want ErrConflict", err)
	}
	require.NoError(t, s.Publish(ctx, v+1, []byte("L3"), store.Release{Survey: "s", ID: 3, Report: []byte("R3")}))
	l, _, _ = s.Ledger(ctx)
	if !bytes.Equal(l, []byte("L3")) {
		t.Errorf("ledger = %q, want L3", l)
	}
	rs, err := s.Releases(ctx, "s")
	require.NoError(t, err)
	want := []store.Release{{Survey: "s", ID: 1, Report: []byte("R1")}, {Survey: "s", ID: 3, Report: []byte("R3")}}
	if diff := cmp.Diff(want, rs); diff != "" {
		t.Errorf("Releases (-want +got):\n%s", diff)
	}
}

func testPlans(t *testing.T, url string) {
	s := open(t, url)
	if _, _, err := s.Plan(ctx, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing plan: got %v, want ErrNotFound", err)
	}
	v, err := s.PutPlan(ctx, "ics-a/trust-1", []byte("p1"), 0)
	require.NoError(t, err)
	if _, err := s.PutPlan(ctx, "ics-a/trust-1", []byte("other"), 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("creating a plan twice: got %v, want ErrConflict", err)
	}
	v2, err := s.PutPlan(ctx, "ics-a/trust-1", []byte("p2"), v)
	require.NoError(t, err)
	if _, err := s.PutPlan(ctx, "ics-a/trust-1", []byte("lost"), v); !errors.Is(err, store.ErrConflict) {
		t.Errorf("an edit of an old version: got %v, want ErrConflict", err)
	}
	got, gv, err := s.Plan(ctx, "ics-a/trust-1")
	require.NoError(t, err)
	if string(got) != "p2" || gv != v2 || v2 == v {
		t.Errorf("plan %q version %d (put gave %d, first %d)", got, gv, v2, v)
	}
	s.PutPlan(ctx, "ics-a/trust-2", []byte("q"), 0)
	s.PutPlan(ctx, "ics-b/trust-3", []byte("r"), 0)
	ps, err := s.Plans(ctx, "ics-a/")
	require.NoError(t, err)
	var keys []string
	for _, p := range ps {
		keys = append(keys, p.Key)
	}
	if diff := cmp.Diff([]string{"ics-a/trust-1", "ics-a/trust-2"}, keys); diff != "" {
		t.Errorf("Plans(ics-a/) (-want +got):\n%s", diff)
	}
}

func testClosed(t *testing.T, url string) {
	s, err := store.Open(ctx, url)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	if _, err := s.Submit(ctx, sub("s", "k", `{}`)); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Submit after Close: got %v, want ErrClosed", err)
	}
	require.NoError(t, s.Close(), "a second Close")
}

func testSecret(t *testing.T, url string) {
	s := open(t, url)
	a, err := s.Secret(ctx, "hash")
	require.NoError(t, err)
	if len(a) != 32 {
		t.Fatalf("secret of %d bytes, want 32", len(a))
	}
	b, _ := s.Secret(ctx, "hash")
	c, _ := s.Secret(ctx, "other")
	if !bytes.Equal(a, b) || bytes.Equal(a, c) {
		t.Errorf("the same name must give the same secret, another name another: %x %x %x", a, b, c)
	}
	s2 := open(t, url) // another instance on the same database
	d, _ := s2.Secret(ctx, "hash")
	if !bytes.Equal(a, d) {
		t.Errorf("another instance got another secret")
	}
}
