package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/survey"
)

// The demo's survey and plan addresses.
const (
	demoSurvey = "heatcheck-demo"
	demoPlan   = "example-ics/example-trust"
)

func cmdDemo(e env, args []string) int {
	fs := newFlagSet(e, "demo", "spfkit demo [--addr 127.0.0.1:8080] [--db sqlite:spfkit-demo.db] [--origin URL]...")
	addr := fs.String("addr", "127.0.0.1:8080", "the address to serve on")
	db := fs.String("db", "sqlite:spfkit-demo.db", "the database the answers are kept in: sqlite:FILE or postgres://...")
	var origins listFlag
	fs.Var(&origins, "origin", "another page's origin that may embed the widgets and post to the demo, e.g. http://127.0.0.1:3000; repeat for more")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "spfkit demo: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	// The administrator's token is made afresh for each run and kept in
	// a file readable only by its owner, never printed or logged.
	tokenFile := "spfkit-demo.token"
	var b [24]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
		return exitUsage
	}
	cfg := service.Config{AdminToken: token, Home: demoHome{}, Rate: -1, Origins: origins}
	return serve(e, "demo", *addr, *db, "text", cfg, func(svc *service.Service, where string) error {
		if err := openDemoSurvey(svc, token); err != nil {
			return err
		}
		abs, _ := filepath.Abs(tokenFile)
		fmt.Fprintf(e.stdout, `spfkit demo: serving the sample intranet page at http://%[1]s/ (Ctrl+C to stop)
spfkit demo: answers are kept in %[2]s, so they survive a restart; delete it to start again
spfkit demo: results are published only when released; release the answers so far with
  spfkit admin --service http://%[1]s --token-file %[3]s release %[4]s
  (or: curl -X POST -H "Authorization: Bearer $(cat %[3]s)" http://%[1]s/admin/surveys/%[4]s/releases)
spfkit demo: and read them at http://%[1]s/results/%[4]s
`, where, *db, abs, demoSurvey)
		return nil
	})
}

// openDemoSurvey opens the heat check for 30 days, broken down by
// organisation type, unless an earlier run opened it.
func openDemoSurvey(svc *service.Service, token string) error {
	now := time.Now().UTC().Truncate(time.Second)
	sv := service.Survey{ID: demoSurvey, Builtin: survey.HeatCheck2022Members, Opens: now.Add(-time.Minute), Closes: now.AddDate(0, 0, 30), By: []survey.QuestionID{"org_type"}}
	body, _ := json.Marshal(sv)
	r := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/admin/surveys", bytes.NewReader(body))
	r.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	svc.ServeHTTP(w, r)
	if w.Code == http.StatusCreated || w.Code == http.StatusConflict {
		return nil
	}
	return errors.New("opening the demo survey: " + w.Body.String())
}

// demoHome serves the sample intranet page and its stylesheet.
type demoHome struct{}

func (demoHome) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'self'")
		io.WriteString(w, demoPage)
	case "/intranet.css":
		// The host page's own look, as an intranet's theme would be: the
		// widgets must sit well inside it.
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, intranetCSS)
	default:
		http.NotFound(w, r)
	}
}

const demoPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Staff partnership forum – Example NHS Trust intranet</title>
<link rel="stylesheet" href="/intranet.css">
<script src="/spfkit/spfkit.js" defer></script>
</head>
<body>
<header><p><span><strong>Example NHS Trust</strong> intranet</span> <a href="/results/heatcheck-demo">Survey results</a> <a href="/systems/example-ics">Plans across the ICS</a></p></header>
<main>
<h1>Staff partnership forum</h1>
<p class="lede">This sample page embeds spfkit's two widgets: one script tag for both, then one element each. Answers are saved by the spfkit service behind this page; <a href="/results/heatcheck-demo">results</a> are published only when released, and never show a group of fewer than 10.</p>
<spf-survey survey="heatcheck-2022-members" submit-url="/api/surveys/heatcheck-demo/responses"></spf-survey>
<h2>HR and OD action checklist</h2>
<spf-checklist level="local" plan-key="example-trust" organization="Example NHS Trust" plan-url="/api/plans/example-ics/example-trust"></spf-checklist>
</main>
</body>
</html>
`

const intranetCSS = `body { margin: 0; font-family: Arial, "Helvetica Neue", sans-serif; color: #212b32; background: #f0f4f5; }
header { background: #005eb8; color: #fff; }
header p { max-width: 960px; margin: 0 auto; padding: 16px 24px; display: flex; justify-content: space-between; }
header a { color: #fff; }
main { max-width: 960px; margin: 24px auto; padding: 8px 24px 32px; background: #fff; }
h1 { font-size: 2rem; }
h2 { margin-top: 48px; border-top: 4px solid #005eb8; padding-top: 16px; }
.lede { font-size: 1.1875rem; }
`
