package service_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// fuzzService is a service on a real SQLite file with the pulse survey
// open, driven without a network.
func fuzzService(f *testing.F) *service.Service {
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	c := &clock{now: t0.Add(2 * time.Hour)}
	svc, err := service.New(context.Background(), service.Config{Store: st, AdminToken: adminToken, Rate: -1, Now: c.Now, Logger: slog.New(slog.DiscardHandler), MaxBody: 4 << 10})
	if err != nil {
		f.Fatal(err)
	}
	body := `{"id":"pulse","definition":` + readDef(f) + `,"opens":"2026-12-02T10:00:00Z","closes":"2026-12-09T10:00:00Z","min_group":5,"by":["side"]}`
	if code, b := serve(svc, "POST", "/admin/surveys", body, "Authorization", "Bearer "+adminToken); code != 201 {
		f.Fatalf("opening the survey: %d %s", code, b)
	}
	return svc
}

func serve(h http.Handler, method, path, body string, header ...string) (int, string) {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code, w.Body.String()
}

// FuzzSubmit: whatever arrives, the answer is a located refusal or a
// stored (or recognised) response, never a panic or a server error.
func FuzzSubmit(f *testing.F) {
	svc := fuzzService(f)
	for _, seed := range []struct{ body, key string }{
		{answer("staff", 4, "fine"), "seed-key-0001"},
		{`{"survey":"service-pulse","answers":{"side":"other","heard":"dont_know"}}`, "seed-key-0002"},
		{`{"survey":"service-pulse","answers":{"heard":[1,2]},"other":{"side":"x"}}`, "seed-key-0003"},
		{`{"survey":"service-pulse","answers":{}}`, ""},
		{`{"survey":"service-pulse","answers":{"note":"\u0000\ud800"}}`, "bad key with spaces"},
		{`[1,2,3]`, "seed-key-0004"},
		{`{"survey":"service-pulse","answers":{"side":"staff"},"answers":{"side":"employer"}}`, "seed-key-0005"},
		{strings.Repeat("[", 5000), "seed-key-0006"},
	} {
		f.Add(seed.body, seed.key)
	}
	f.Fuzz(func(t *testing.T, body, key string) {
		code, out := serve(svc, "POST", "/api/surveys/pulse/responses", body, "Content-Type", "application/json", "Idempotency-Key", key)
		switch code {
		case 200, 201:
		case 400, 413:
			if !strings.Contains(out, `"problems"`) {
				t.Fatalf("%d without problems: %s", code, out)
			}
		default:
			t.Fatalf("status %d: %s", code, out)
		}
	})
}

// FuzzOpenSurvey: an administrator's survey is opened or refused with
// located problems, never a server error.
func FuzzOpenSurvey(f *testing.F) {
	svc := fuzzService(f)
	for _, seed := range []string{
		`{"id":"a","builtin":"heatcheck-2022-members","closes":"2027-01-01T00:00:00Z"}`,
		`{"id":"b","definition":{"id":"x","version":"1","title":"t","questions":[{"id":"q","type":"likert","text":"?","scale":{"min":1,"max":2,"labels":[{"value":1,"label":"a"},{"value":2,"label":"b"}]}}]},"closes":"2027-01-01T00:00:00Z","by":["q"]}`,
		`{"id":"c","builtin":"heatcheck-2022-members","opens":"2027-01-01T00:00:00Z","closes":"2026-01-01T00:00:00Z","min_group":-3,"invited":-1}`,
		`{"id":"","definition":null}`,
		`null`, `[]`, `{"id":1}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		code, out := serve(svc, "POST", "/admin/surveys", body, "Authorization", "Bearer "+adminToken)
		if code != 201 && code != 400 && code != 409 {
			t.Fatalf("status %d: %s", code, out)
		}
	})
}

// FuzzPutPlan: a plan edit is saved or refused, never a server error, and
// a refusal never changes the stored plan.
func FuzzPutPlan(f *testing.F) {
	svc := fuzzService(f)
	for _, seed := range []struct{ body, ifMatch string }{
		{plan("Trust A", "02.1"), `"1"`},
		{plan("Trust A"), "*"},
		{`{"organization":"x","level":"national","entries":[{"item":"02.1","status":"completed"}]}`, `W/"1"`},
		{`{"organization":"","level":"local","entries":[]}`, `"0"`},
		{`{}`, `"9223372036854775807"`},
	} {
		f.Add(seed.body, seed.ifMatch)
	}
	f.Fuzz(func(t *testing.T, body, ifMatch string) {
		h := []string{"If-Match", ifMatch}
		if ifMatch == "*" {
			h = []string{"If-None-Match", "*"}
		}
		code, out := serve(svc, "PUT", "/api/plans/ics/fuzz", body, h...)
		if code >= 500 || code < 200 {
			t.Fatalf("status %d: %s", code, out)
		}
	})
}
