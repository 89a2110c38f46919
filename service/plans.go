package service

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/hrod/report"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service/store"
)

// planKey is a plan's address: a system and an organisation
// ("north-west-london/example-trust"), or a system's own plan (one part).
var planKey = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}(/[a-z0-9][a-z0-9-]{0,62})?$`)

func etag(v int64) string { return `"` + strconv.FormatInt(v, 10) + `"` }

// version reads an ETag that this service made.
func version(tag string) (int64, bool) {
	tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
	if len(tag) < 3 || tag[0] != '"' || tag[len(tag)-1] != '"' {
		return 0, false
	}
	v, err := strconv.ParseInt(tag[1:len(tag)-1], 10, 64)
	return v, err == nil && v > 0
}

func (s *Service) planKey(w http.ResponseWriter, r *http.Request) (string, bool) {
	key := r.PathValue("key")
	if !planKey.MatchString(key) {
		failMsg(w, http.StatusNotFound, "plan_key", fmt.Sprintf("%s is not a plan's address", problem.Quote(key)), "a plan lives at /api/plans/SYSTEM/ORGANISATION, each part lower-case letters, digits and hyphens")
		return "", false
	}
	return key, true
}

// getPlan: GET /api/plans/{system}/{organisation} gives the plan with its
// version as the ETag.
func (s *Service) getPlan(w http.ResponseWriter, r *http.Request) {
	key, ok := s.planKey(w, r)
	if !ok {
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	plan, v, err := s.cfg.Store.Plan(r.Context(), key)
	if errors.Is(err, store.ErrNotFound) {
		failMsg(w, http.StatusNotFound, "no_plan", "there is no plan here yet", "PUT one with If-None-Match: * to start it")
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(v))
	if r.Header.Get("If-None-Match") == etag(v) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(plan)
}

// putPlan: PUT /api/plans/{system}/{organisation} stores an action-plan
// document, checked as spfkit validate checks it. Two people editing one
// plan never overwrite each other: the request must carry If-Match with
// the ETag it was read at (or If-None-Match: * to start a plan), and a
// plan changed since gets 412 with the current ETag, so the editor can
// read it again and merge.
func (s *Service) putPlan(w http.ResponseWriter, r *http.Request) {
	key, ok := s.planKey(w, r)
	if !ok {
		return
	}
	var base int64
	switch im, inm := r.Header.Get("If-Match"), r.Header.Get("If-None-Match"); {
	case inm == "*":
		base = 0
	case im != "":
		if base, ok = version(im); !ok {
			failMsg(w, http.StatusPreconditionFailed, "etag", "If-Match does not hold an ETag this service gave", "read the plan again (GET) and send its ETag")
			return
		}
	default:
		failMsg(w, http.StatusPreconditionRequired, "if_match", "say which version of the plan this edit is of", "send If-Match with the ETag the plan was read with, or If-None-Match: * to start a new plan")
		return
	}
	c := &check.Checker{Kind: schema.ActionPlan, MaxBytes: s.cfg.MaxBody * 16}
	res, err := c.Read(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody*16), r.ContentLength)
	if err != nil {
		failMsg(w, http.StatusBadRequest, "unreadable", "the plan could not be read: "+err.Error(), "")
		return
	}
	if !res.Valid() {
		fail(w, http.StatusBadRequest, res.Problems...)
		return
	}
	plan := res.Value.(*hrod.Plan)
	plan.Schema = ""
	body, err := plan.MarshalJSON()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	v, err := s.cfg.Store.PutPlan(r.Context(), key, body, base)
	if errors.Is(err, store.ErrConflict) {
		if _, cur, err := s.cfg.Store.Plan(r.Context(), key); err == nil {
			w.Header().Set("ETag", etag(cur))
		}
		msg := "someone else changed this plan since it was read"
		if base == 0 {
			msg = "there is already a plan here"
		}
		failMsg(w, http.StatusPreconditionFailed, "conflict", msg, "read it again, make the change on top of theirs, and save")
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(v))
	code := http.StatusOK
	if base == 0 {
		code = http.StatusCreated
	}
	writeJSON(w, code, map[string]any{"status": "saved", "version": v})
}

var systemPage = template.Must(template.New("system").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plans of {{.System}}</title><style>{{.CSS}}</style></head>
<body><main><h1>HR and OD plans of {{.System}}</h1>
<p>Progress on {{.On}}: completed entries out of each plan's entries, with overdue entries and each organisation's place on the adoption curve among the plans shown.</p>
{{if .Rows}}<table><thead><tr><th scope="col">Organisation</th><th scope="col">Level</th><th scope="col">Completed</th><th scope="col">In progress</th><th scope="col">Overdue</th><th scope="col">Segment</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Org}}</td><td>{{.Level}}</td><td>{{.Done}} of {{.Total}} ({{printf "%.0f" .Pct}}%)</td><td>{{.InProgress}}</td><td>{{.Overdue}}</td><td>{{.Segment}}</td></tr>
{{end}}</tbody></table>{{else}}<p>No plans have been saved for this system yet.</p>{{end}}
</main></body></html>
`))

// system: GET /systems/{system}[?on=DATE&format=html|json|md] is the ICS
// view: each organisation's progress and readiness segment, as spfkit
// plan status computes for files.
func (s *Service) system(w http.ResponseWriter, r *http.Request) {
	sys := r.PathValue("system")
	if !planKey.MatchString(sys) || strings.Contains(sys, "/") {
		http.NotFound(w, r)
		return
	}
	opts := hrod.ProgressOptions{}
	if on := r.URL.Query().Get("on"); on != "" {
		d, err := date.ParseDay(on)
		if err != nil {
			failMsg(w, http.StatusBadRequest, "on", "on must be a day, YYYY-MM-DD", "")
			return
		}
		opts.On = d
	} else {
		y, m, d := s.cfg.Now().UTC().Date()
		opts.On, _ = date.Of(y, int(m), d)
	}
	stored, err := s.cfg.Store.Plans(r.Context(), sys+"/")
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	f := hrod.Builtin()
	c := &check.Checker{Kind: schema.ActionPlan, Framework: f}
	var plans []*hrod.Plan
	for _, p := range stored {
		res := c.Check(p.Plan)
		if !res.Valid() {
			s.log.Error("a stored plan no longer checks", "plan", p.Key)
			continue
		}
		plans = append(plans, res.Value.(*hrod.Plan))
	}
	st := f.StatusReport(plans, opts)
	switch r.URL.Query().Get("format") {
	case "json":
		w.Header().Set("Content-Type", "application/json")
		st.WriteJSON(w)
		return
	case "md":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		report.WriteStatusMarkdown(w, st)
		return
	}
	type row struct {
		Org, Level, Segment              string
		Done, Total, InProgress, Overdue int
		Pct                              float64
	}
	var rows []row
	for i, p := range st.Plans {
		rw := row{Org: p.Organization, Level: string(p.Level), Done: p.Overall.ByStatus[hrod.Completed], Total: p.Overall.Total, InProgress: p.Overall.ByStatus[hrod.InProgress], Overdue: len(p.Overdue)}
		if i < len(st.Readiness) {
			rw.Pct, rw.Segment = st.Readiness[i].CompletedPct, st.Readiness[i].Segment
		}
		rows = append(rows, rw)
	}
	var buf bytes.Buffer
	if err := systemPage.Execute(&buf, map[string]any{"System": sys, "On": opts.On.String(), "Rows": rows, "CSS": template.CSS(pageCSS)}); err != nil {
		s.internal(w, r, err)
		return
	}
	s.htmlCSP(w, pageCSS)
	w.Write(buf.Bytes())
}
