package service

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

// publicSurvey: GET /api/surveys/{id} says whether a survey is open,
// for a page that embeds it.
func (s *Service) publicSurvey(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": id, "title": c.def.Title, "state": c.state(s.cfg.Now()),
		"opens": c.Opens, "closes": c.Closes, "invitations": c.Invitations,
		"definition": s.cfg.Base + "/api/surveys/" + id + "/definition", "responses": s.cfg.Base + "/api/surveys/" + id + "/responses",
		"results": s.cfg.Base + "/results/" + id,
	})
}

// definition: GET /api/surveys/{id}/definition gives the definition
// document, for <spf-survey src="…">.
func (s *Service) definition(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(c.Definition)
}

// htmlCSP is the policy of the service's own HTML pages: nothing but its
// own files, and inline styles only when their hash is listed.
func (s *Service) htmlCSP(w http.ResponseWriter, styles ...string) {
	style := "'self'"
	for _, css := range styles {
		sum := sha256.Sum256([]byte(css))
		style += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src "+style+"; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "+s.frameAncestors())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
}

var pageCSS = `body{font-family:Arial,sans-serif;max-width:960px;margin:24px auto;padding:0 16px;color:#212b32;line-height:1.5}a{color:#005eb8}table{border-collapse:collapse}th,td{text-align:left;padding:6px 12px 6px 0;border-bottom:1px solid #d8dde0}.notice{border-left:8px solid #005eb8;padding:8px 16px;background:#eef7ff}`

var resultsPage = template.Must(template.New("results").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Results: {{.Title}}</title><style>{{.CSS}}</style></head>
<body><main>
<h1>{{.Title}}</h1>
<p>Survey <code>{{.ID}}</code>, {{.State}}.</p>
{{if .Open}}<p class="notice">Anyone with the survey's link could respond, and more than once, so a group's count may include made-up answers.</p>{{end}}
{{if .Releases}}<table><thead><tr><th scope="col">Release</th><th scope="col">Released</th><th scope="col">Broken down by</th><th scope="col">Respondents</th><th scope="col">Report</th></tr></thead><tbody>
{{range .Releases}}<tr><td>{{.ID}}{{if .Label}}: {{.Label}}{{end}}</td><td>{{.Released}}</td><td>{{if .By}}{{.By}}{{else}}–{{end}}</td><td>{{.Respondents}}</td><td><a href="{{.Report}}.html">HTML</a> · <a href="{{.Report}}.json">JSON</a> · <a href="{{.Report}}.csv">CSV</a></td></tr>
{{end}}</tbody></table>
{{else}}<p>Nothing has been released from this survey yet. Results are published when the survey closes, or when its organisers release them; nothing is shown before that.</p>{{end}}
</main></body></html>
`))

// results: GET /results/{id} lists a survey's releases. It shows nothing
// that was not released.
func (s *Service) results(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	rels, err := s.releases(r.Context(), id)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	var buf bytes.Buffer
	err = resultsPage.Execute(&buf, map[string]any{
		"Title": c.def.Title, "ID": id, "State": strings.ReplaceAll(c.state(s.cfg.Now()), "_", " "),
		"Open": !c.Invitations, "Releases": rels, "CSS": template.CSS(pageCSS),
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.htmlCSP(w, pageCSS)
	w.Write(buf.Bytes())
}

// result: GET /results/{id}/{n}.html|.json|.csv serves a released report.
func (s *Service) result(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	file := r.PathValue("file")
	num, ext, _ := strings.Cut(file, ".")
	n, err := strconv.Atoi(num)
	if err != nil || (ext != "html" && ext != "json" && ext != "csv") {
		http.NotFound(w, r)
		return
	}
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	rels, err := s.cfg.Store.Releases(r.Context(), id)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	var body []byte
	for _, rel := range rels {
		if rel.ID == n {
			body = rel.Report
		}
	}
	if body == nil {
		http.NotFound(w, r)
		return
	}
	if ext == "json" {
		w.Header().Set("Access-Control-Allow-Origin", "*") // released results are public
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
		return
	}
	rep, err := score.ParseReport(body)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	rep = rep.WithDefinition(c.def)
	var buf bytes.Buffer
	if ext == "csv" {
		if err := report.WriteCSV(&buf, rep); err != nil {
			s.internal(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", "attachment; filename=\""+id+"-"+num+".csv\"")
		w.Write(buf.Bytes())
		return
	}
	if err := report.WriteHTML(&buf, rep); err != nil {
		s.internal(w, r, err)
		return
	}
	s.htmlCSP(w, report.StyleSheet())
	w.Write(buf.Bytes())
}

var homePage = template.Must(template.New("home").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>spfkit service</title><style>{{.CSS}}</style></head>
<body><main><h1>spfkit service</h1>
<p>This service takes answers from the <code>&lt;spf-survey&gt;</code> widget and shared plans from <code>&lt;spf-checklist&gt;</code>, and publishes surveys' results when they are released.</p>
<ul>{{range .IDs}}<li>{{.}}: <a href="{{$.Base}}/surveys/{{.}}">answer it</a>, <a href="{{$.Base}}/results/{{.}}">its results</a></li>{{else}}<li>No surveys yet.</li>{{end}}</ul>
</main></body></html>
`))

func (s *Service) home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	ids, err := s.cfg.Store.SurveyIDs(r.Context())
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	var buf bytes.Buffer
	homePage.Execute(&buf, struct {
		CSS  template.CSS
		IDs  []string
		Base string
	}{template.CSS(pageCSS), ids, s.cfg.Base})
	s.htmlCSP(w, pageCSS)
	w.Write(buf.Bytes())
}
