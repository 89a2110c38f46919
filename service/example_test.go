package service_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// A trust's own Go program mounts the service under a path of its own
// site, on an SQLite file; an administrator opens a survey, the widget
// posts answers, and the results are published only once released.
func Example() {
	dir, _ := os.MkdirTemp("", "spfkit-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "answers.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	svc, err := service.New(ctx, service.Config{
		Store:      st,
		AdminToken: "an-administrator-token-from-the-environment",
		Logger:     slog.New(slog.DiscardHandler),
		Base:       "/forum", // where it is mounted, for its links
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/forum/", http.StripPrefix("/forum", svc))
	site := httptest.NewServer(mux)
	defer site.Close()

	send := func(method, path, body string, header ...string) string {
		req, _ := http.NewRequest(method, site.URL+"/forum"+path, strings.NewReader(body))
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return err.Error()
		}
		res.Body.Close()
		return res.Status
	}
	admin := []string{"Authorization", "Bearer an-administrator-token-from-the-environment"}
	now := time.Now().UTC()
	fmt.Println("open:", send("POST", "/admin/surveys", fmt.Sprintf(
		`{"id":"heatcheck-2026","builtin":"heatcheck-2022-members","opens":%q,"closes":%q,"min_group":5}`,
		now.Add(-time.Hour).Format(time.RFC3339), now.Add(24*time.Hour).Format(time.RFC3339)), admin...))
	for i := range 6 {
		status := send("POST", "/api/surveys/heatcheck-2026/responses",
			fmt.Sprintf(`{"survey":"heatcheck-2022-members","answers":{"org_type":"hee","q1":%d}}`, 1+i%5),
			"Idempotency-Key", fmt.Sprintf("widget-made-id-%d", i))
		if i == 0 {
			fmt.Println("first answer:", status)
		}
	}
	fmt.Println("a retry:", send("POST", "/api/surveys/heatcheck-2026/responses",
		`{"survey":"heatcheck-2022-members","answers":{"org_type":"hee","q1":1}}`, "Idempotency-Key", "widget-made-id-0"))
	fmt.Println("before release:", send("GET", "/results/heatcheck-2026/1.json", ""))
	fmt.Println("release:", send("POST", "/admin/surveys/heatcheck-2026/releases", `{"label":"forum papers"}`, admin...))
	fmt.Println("after release:", send("GET", "/results/heatcheck-2026/1.json", ""))
	// Output:
	// open: 201 Created
	// first answer: 201 Created
	// a retry: 200 OK
	// before release: 404 Not Found
	// release: 201 Created
	// after release: 200 OK
}
