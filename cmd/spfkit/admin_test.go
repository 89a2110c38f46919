package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// TestAdmin drives a service through spfkit admin, as an administrator
// would from a terminal: open a survey from a definition file, make
// invitations, take answers, release, export and read the ledger.
func TestAdmin(t *testing.T) {
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "a.db"))
	require.NoError(t, err)
	defer st.Close()
	const token = "admin-command-token-0123456789"
	svc, err := service.New(context.Background(), service.Config{Store: st, AdminToken: token, Rate: -1, Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	srv := httptest.NewServer(svc)
	defer srv.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	require.NoError(t, os.WriteFile(tokenFile, []byte(token+"\n"), 0o600))

	admin := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, append([]string{"admin", "--service", srv.URL, "--token-file", tokenFile}, args...))
		return code, out.String(), errb.String()
	}
	code, _, stderr := admin("open", "--id", "pulse", "--survey", "../../service/testdata/pulse.json", "--opens", "2020-01-01", "--closes", "2099-01-01", "--min-group", "5", "--by", "side", "--invitations")
	require.Equal(t, 0, code, stderr)
	code, _, stderr = admin("open", "--id", "Bad Id", "--survey", "heatcheck-2022-members", "--closes", "2099-01-01")
	if code != 1 || !strings.Contains(stderr, "/id: the id must be") {
		t.Errorf("a bad id: %d %s", code, stderr)
	}
	code, _, stderr = admin("open", "--id", "x", "--survey", "heatcheck-2022-members", "--closes", "next week")
	if code != 2 || !strings.Contains(stderr, "--closes") {
		t.Errorf("a bad time: %d %s", code, stderr)
	}
	code, out, stderr := admin("invite", "pulse", "--count", "7")
	require.Equal(t, 0, code, stderr)
	tokens := strings.Fields(out)
	require.Len(t, tokens, 7)
	answer := func(i int, tok string) {
		side := []string{"staff", "employer"}[i%2]
		r := httptest.NewRequest("POST", "/api/surveys/pulse/responses", strings.NewReader(`{"survey":"service-pulse","answers":{"side":"`+side+`","heard":3}}`))
		r.Header.Set("Spfkit-Invitation", tok)
		w := httptest.NewRecorder()
		svc.ServeHTTP(w, r)
		require.Equal(t, 201, w.Code, w.Body.String())
	}
	for i, tok := range tokens[:6] {
		answer(i, tok)
	}
	code, out, stderr = admin("status", "pulse")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.ServiceSurvey, []byte(out)))
	var s service.Status
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	if s.Responses != 6 || s.InvitationsUsed != 6 || s.InvitationsIssued != 7 {
		t.Errorf("status: %+v", s)
	}
	code, _, stderr = admin("release", "pulse", "--label", "forum papers")
	require.Equal(t, 0, code, stderr)
	code, _, stderr = admin("release", "pulse", "--by", "side") // groups of 3, withheld
	require.Equal(t, 0, code, stderr)
	answer(6, tokens[6])
	code, _, stderr = admin("release", "pulse")
	if code != 1 || !strings.Contains(stderr, "refused") || !strings.Contains(stderr, "wait until at least 4 more") {
		t.Errorf("a release one answer later: %d %s", code, stderr)
	}
	code, out, stderr = admin("export", "pulse")
	require.Equal(t, 0, code, stderr)
	if n := strings.Count(out, "\n"); n != 7 {
		t.Errorf("export: %d lines", n)
	}
	code, out, stderr = admin("ledger")
	require.Equal(t, 0, code, stderr)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.ReleaseLedger, []byte(out)))
	code, _, stderr = admin("close", "pulse")
	require.Equal(t, 0, code, stderr)

	// Without a token, or with the wrong one, or with no service.
	var errb bytes.Buffer
	getenvWas := getenv
	getenv = func(string) string { return "" }
	defer func() { getenv = getenvWas }()
	if code := run(env{stdout: &bytes.Buffer{}, stderr: &errb}, []string{"admin", "--service", srv.URL, "status"}); code != 2 || !strings.Contains(errb.String(), "SPFKIT_ADMIN_TOKEN") {
		t.Errorf("no token: %d %s", code, errb.String())
	}
	getenv = func(k string) string {
		if k == "SPFKIT_ADMIN_TOKEN" {
			return "wrong-token-wrong-token"
		}
		return ""
	}
	errb.Reset()
	if code := run(env{stdout: &bytes.Buffer{}, stderr: &errb}, []string{"admin", "--service", srv.URL, "status"}); code != 1 || !strings.Contains(errb.String(), "administrator's token") {
		t.Errorf("a wrong token: %d %s", code, errb.String())
	}
	errb.Reset()
	if code := run(env{stdout: &bytes.Buffer{}, stderr: &errb}, []string{"admin", "--service", "http://127.0.0.1:1", "status"}); code != 2 || !strings.Contains(errb.String(), "cannot reach") {
		t.Errorf("no service: %d %s", code, errb.String())
	}
}
