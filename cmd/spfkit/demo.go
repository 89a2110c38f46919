package main

import (
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

func cmdDemo(e env, args []string) int {
	fs := newFlagSet(e, "demo", "spfkit demo [--addr 127.0.0.1:8080] [--out DIR]")
	addr := fs.String("addr", "127.0.0.1:8080", "the address to serve on")
	out := fs.String("out", "", "where to build the widget bundle (default: a temporary folder)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "spfkit demo: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	dir := *out
	if dir == "" {
		if dir, err = os.MkdirTemp("", "spfkit-demo-"); err != nil {
			fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
			return exitUsage
		}
		defer os.RemoveAll(dir)
	}
	fmt.Fprintln(e.stderr, "spfkit demo: building the widget bundle…")
	if _, err := buildBundle(e.stderr, dir); err != nil {
		fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
		return exitInvalid
	}
	d, err := newDemo(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
		return exitInvalid
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "spfkit demo: serving the sample intranet page at http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	if err := http.Serve(ln, d); err != nil {
		fmt.Fprintf(e.stderr, "spfkit demo: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// demo serves the sample intranet page, the widget bundle, an endpoint
// that collects responses in memory, and the live report of them.
type demo struct {
	bundle string
	def    *survey.Definition
	mu     sync.Mutex
	tally  *score.Tally
}

func newDemo(bundle string) (*demo, error) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	t, err := score.NewTally(def, score.TallyOptions{By: "org_type"})
	if err != nil {
		return nil, err
	}
	mime.AddExtensionType(".wasm", "application/wasm")
	return &demo{bundle: bundle, def: def, tally: t}, nil
}

func (d *demo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'")
		io.WriteString(w, demoPage)
	case r.URL.Path == "/intranet.css":
		// The host page's own look, as an intranet's theme would be: the
		// widgets must sit well inside it.
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, intranetCSS)
	case r.URL.Path == "/api/responses" && r.Method == http.MethodPost:
		d.collect(w, r)
	case r.URL.Path == "/report":
		d.mu.Lock()
		rep, err := d.tally.Report(score.ReportOptions{WithholdUnanimous: true}) // as the service will
		d.mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		report.WriteHTML(w, rep)
	case strings.HasPrefix(r.URL.Path, "/spfkit/"):
		serveBundle(w, r, d.bundle, strings.TrimPrefix(r.URL.Path, "/spfkit/"))
	default:
		http.NotFound(w, r)
	}
}

// collect checks a posted response as spfkit validate would (its
// schema, then the survey's rules) and counts it; a bad one gets 400 and
// its problems, located.
func (d *demo) collect(w http.ResponseWriter, r *http.Request) {
	c := &check.Checker{Kind: schema.SurveyResponse, Survey: d.def, MaxBytes: 1 << 20}
	res, err := c.Read(r.Body, r.ContentLength)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	probs := res.Problems
	if res.Valid() {
		d.mu.Lock()
		err = d.tally.Add(res.Value.(*survey.Response))
		d.mu.Unlock()
		probs = problem.All(err)
	}
	w.Header().Set("Content-Type", "application/json")
	if len(probs) > 0 {
		w.WriteHeader(http.StatusBadRequest)
		check.WriteProblems(w, probs)
		return
	}
	w.WriteHeader(http.StatusCreated)
	io.WriteString(w, `{"ok":true}`)
}

// serveBundle serves a bundle file, precompressed when the browser accepts
// brotli or gzip, with the WebAssembly MIME type.
func serveBundle(w http.ResponseWriter, r *http.Request, dir, name string) {
	if name == "" || strings.Contains(name, "..") || strings.ContainsAny(name, "/\\") {
		http.NotFound(w, r)
		return
	}
	path := filepath.Join(dir, name)
	w.Header().Set("Cache-Control", "no-store")
	if ct := mime.TypeByExtension(filepath.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if strings.Contains(accept, enc.token) {
			if _, err := os.Stat(path + enc.ext); err == nil {
				w.Header().Set("Content-Encoding", enc.token)
				w.Header().Set("Vary", "Accept-Encoding")
				http.ServeFile(w, r, path+enc.ext)
				return
			}
		}
	}
	http.ServeFile(w, r, path)
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
<header><p><span><strong>Example NHS Trust</strong> intranet</span> <a href="/report">Live survey results</a></p></header>
<main>
<h1>Staff partnership forum</h1>
<p class="lede">This sample page embeds spfkit's two widgets: one script tag for both, then one element each. Submitted answers are counted in memory by this demo server; <a href="/report">the live report</a> withholds any group of fewer than 11.</p>
<h2>SPF heat check</h2>
<spf-survey survey="heatcheck-2022-members" submit-url="/api/responses"></spf-survey>
<h2>HR and OD action checklist</h2>
<spf-checklist level="local" plan-key="example-trust" organization="Example NHS Trust"></spf-checklist>
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
