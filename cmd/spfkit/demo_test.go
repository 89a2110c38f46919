package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDemoServer(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "spfkit.wasm"), []byte("plain"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "spfkit.wasm.br"), []byte("brotli"), 0o644))
	d, err := newDemo(dir)
	require.NoError(t, err)
	srv := httptest.NewServer(d)
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
		res, err := http.Post(srv.URL+"/api/responses", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}

	res, page := get("/")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Errorf("CSP %q", csp)
	}
	for _, want := range []string{`<script src="/spfkit/spfkit.js" defer></script>`, `<spf-survey survey="heatcheck-2022-members" submit-url="/api/responses">`, `<spf-checklist level="local"`, `<link rel="stylesheet" href="/intranet.css">`} {
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
	if code, _ := post(`not json`); code != http.StatusBadRequest {
		t.Errorf("not JSON: %d", code)
	}
	if _, report := get("/report"); !strings.Contains(report, "Responses counted: 1") {
		t.Error("the report does not count the one valid response")
	}

	res, body := get("/spfkit/spfkit.wasm", "Accept-Encoding", "gzip, br")
	if body != "brotli" || res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("brotli wasm: %q %v", body, res.Header)
	}
	if _, body := get("/spfkit/spfkit.wasm"); body != "plain" {
		t.Errorf("plain wasm: %q", body)
	}
	for _, p := range []string{"/spfkit/../demo.go", "/spfkit/", "/spfkit/a%2f..%2fb", "/nothing"} {
		if res, _ := get(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", p, res.StatusCode)
		}
	}
}
