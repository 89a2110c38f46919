package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// TestDemoServer runs the demo's page and survey on the service, as spfkit
// demo does, over a real SQLite file.
func TestDemoServer(t *testing.T) {
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "demo.db"))
	require.NoError(t, err)
	defer st.Close()
	const token = "0123456789abcdef0123"
	svc, err := service.New(context.Background(), service.Config{Store: st, AdminToken: token, Home: demoHome{}, Rate: -1, Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	require.NoError(t, openDemoSurvey(svc, token))
	require.NoError(t, openDemoSurvey(svc, token), "a second run finds the survey open")
	srv := httptest.NewServer(svc)
	defer srv.Close()

	get := func(path string, header ...string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultTransport.RoundTrip(req) // no automatic decompression
		require.NoError(t, err)
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, string(body)
	}
	post := func(body string) (int, string) {
		t.Helper()
		res, err := http.Post(srv.URL+"/api/surveys/"+demoSurvey+"/responses", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}

	res, page := get("/")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Errorf("CSP %q", csp)
	}
	for _, want := range []string{`<script src="/spfkit/spfkit.js" defer></script>`, `<spf-survey survey="heatcheck-2022-members" submit-url="/api/surveys/heatcheck-demo/responses">`, `plan-url="/api/plans/example-ics/example-trust"`, `<link rel="stylesheet" href="/intranet.css">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if res, css := get("/intranet.css"); !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, "header") {
		t.Errorf("intranet.css: %s", res.Header.Get("Content-Type"))
	}
	if code, body := post(`{"survey":"heatcheck-2022-members","answers":{"org_type":"dhsc","q1":4}}`); code != http.StatusCreated {
		t.Errorf("a valid response: %d %s", code, body)
	}
	if code, body := post(`{"survey":"heatcheck-2022-members","answers":{"q1":9}}`); code != http.StatusBadRequest || !strings.Contains(body, `"out_of_range"`) {
		t.Errorf("an invalid response: %d %s", code, body)
	}
	if _, results := get("/results/" + demoSurvey); !strings.Contains(results, "Nothing has been released") {
		t.Errorf("the results page shows something before any release:\n%s", results)
	}
	res, body := get("/spfkit/spfkit.wasm", "Accept-Encoding", "gzip, br")
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" || len(body) < 100000 {
		t.Errorf("brotli wasm: %d bytes, %v", len(body), res.Header)
	}
	if _, body := get("/spfkit/spfkit.wasm"); !strings.HasPrefix(body, "\x00asm") {
		t.Errorf("plain wasm is not WebAssembly")
	}
	for _, p := range []string{"/spfkit/../demo.go", "/spfkit/", "/spfkit/a%2f..%2fb", "/nothing", "/spfkit/spfkit.wasm.br"} {
		if res, _ := get(p); res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusTemporaryRedirect {
			t.Errorf("%s: %d, want 404 (or a redirect to the cleaned path)", p, res.StatusCode)
		}
	}
}
