package service_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogsKeepSecrets runs a survey from opening to release with
// invitations and a shared plan, and checks the log has a structured line
// per request, each with a request id, and never a token, a submission
// id, an answer or a plan's text.
func TestLogsKeepSecrets(t *testing.T) {
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "l.db"))
	require.NoError(t, err)
	defer st.Close()
	var logs syncBuffer
	c := &clock{now: t0}
	svc, err := service.New(context.Background(), service.Config{Store: st, AdminToken: adminToken, Rate: -1, Now: c.Now,
		Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	require.NoError(t, err)
	srv := httptest.NewServer(svc)
	defer srv.Close()
	e := &env{t: t, srv: srv, svc: svc, st: st, clock: c}
	e.open("pulse", `,"invitations":true`)
	c.Add(2 * time.Hour)
	r := e.admin("POST", "/admin/surveys/pulse/invitations", `{"count":6}`)
	var inv struct{ Tokens []string }
	require.NoError(t, json.Unmarshal([]byte(r.body), &inv))
	secrets := []string{adminToken, "secret-note-text", "submission-id-", "Trust With A Secret Name"}
	for i, tok := range inv.Tokens {
		secrets = append(secrets, tok)
		r := e.submit("pulse", answer("staff", 1+i%5, "secret-note-text"), "submission-id-"+tok[:8], "Spfkit-Invitation", tok)
		require.Equal(t, 201, r.code, r.body)
	}
	e.submit("pulse", answer("staff", 3, "secret-note-text"), "submission-id-bad", "Spfkit-Invitation", "made-up-invitation")
	secrets = append(secrets, "made-up-invitation")
	require.Equal(t, 201, e.do("PUT", "/api/plans/ics/trust", plan("Trust With A Secret Name"), "If-None-Match", "*").code)
	e.do("GET", "/results/pulse?invitation="+inv.Tokens[0], "")
	require.Equal(t, 201, e.admin("POST", "/admin/surveys/pulse/releases", `{}`).code)

	out := logs.String()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("the log holds %q", s)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	requests := 0
	for _, l := range lines {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &rec), "a log line is not JSON: %s", l)
		if rec["msg"] == "request" {
			requests++
			if id, _ := rec["id"].(string); len(id) != 16 {
				t.Errorf("a request line without its id: %s", l)
			}
		}
	}
	if requests < 10 {
		t.Errorf("%d request lines, want one per request", requests)
	}
}
