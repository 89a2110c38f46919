package service

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"net/url"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/wasm"
)

// The service's own pages for a survey and a plan work without
// JavaScript or WebAssembly, as the GOV.UK service standard asks: the
// survey page is the widget's own markup (the same Go code renders it)
// inside <spf-survey>, posting as an ordinary form, with the error summary
// rendered here; the plan page is a read-only list inside <spf-checklist>.
// Where scripts run, the widget takes the element over when it loads,
// keeping what was already entered.

var surveyPage = template.Must(template.New("survey").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Error}}Error: {{end}}{{.Title}}</title>
<link rel="stylesheet" href="{{.Base}}/spfkit/spfkit.css"><style>{{.CSS}}</style>
<script src="{{.Base}}/spfkit/spfkit.js" defer></script></head>
<body><main>
<spf-survey class="spf-root" src="{{.Base}}/api/surveys/{{.ID}}/definition" submit-url="{{.Base}}/api/surveys/{{.ID}}/responses">{{.Form}}</spf-survey>
</main></body></html>
`))

// formPage renders the survey page: the form, its errors, or the thanks.
func (s *Service) formPage(w http.ResponseWriter, code int, id string, c *compiledSurvey, v *wasm.SurveyView) {
	var buf bytes.Buffer
	err := surveyPage.Execute(&buf, map[string]any{
		"Title": c.def.Title, "Error": len(v.Errors) > 0, "Base": s.cfg.Base, "ID": id,
		"CSS": template.CSS(pageCSS), "Form": template.HTML(wasm.RenderSurvey(v)),
	})
	if err != nil {
		http.Error(w, "the page could not be made", http.StatusInternalServerError)
		return
	}
	s.htmlCSP(w, pageCSS)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func newSubmissionID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// view is the survey form as this service renders it for a request.
func (s *Service) view(r *http.Request, id string, c *compiledSurvey) *wasm.SurveyView {
	action := s.cfg.Base + "/surveys/" + id
	if inv := r.URL.Query().Get("invitation"); inv != "" {
		action += "?invitation=" + url.QueryEscape(inv)
	}
	return &wasm.SurveyView{Def: c.def, Answers: &survey.Response{Survey: c.def.ID, Version: c.def.Version, Answers: map[survey.QuestionID]survey.Answer{}},
		Action: action, Submission: newSubmissionID()}
}

// surveyForm: GET /surveys/{id} is the survey's page.
func (s *Service) surveyForm(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	v := s.view(r, id, c)
	if st := c.state(s.cfg.Now()); st != "open" {
		v.Sent, v.Alert = false, ""
		v.Notice = map[string]string{"not_open": "This survey is not open yet: it opens " + when(c.Opens) + ".", "closed": "This survey closed " + when(c.Closes) + "."}[st]
	}
	s.formPage(w, http.StatusOK, id, c, v)
}

// surveyPost: POST /surveys/{id} takes the form as an ordinary form post
// and answers with the page: the thanks, or the form again with its error
// summary. The submission id in the form makes a resent form harmless.
func (s *Service) surveyPost(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, r) {
		return
	}
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	v := s.view(r, id, c)
	if sub := r.PostForm.Get("spf.submission"); idempotencyKey.MatchString(sub) {
		v.Submission = sub
	}
	var fields [][2]string
	for k, vs := range r.PostForm {
		for _, x := range vs {
			fields = append(fields, [2]string{k, x})
		}
	}
	v.Answers = wasm.ResponseFromForm(c.def, fields)
	if st := c.state(s.cfg.Now()); st != "open" {
		v.Alert = "Your answers could not be taken: this survey is not open."
		s.formPage(w, http.StatusForbidden, id, c, v)
		return
	}
	body, _ := v.Answers.MarshalJSON()
	res := c.checker.Check(body)
	if !res.Valid() {
		v.Errors = res.Problems
		s.formPage(w, http.StatusBadRequest, id, c, v)
		return
	}
	out, p := s.accept(r, id, c, res.Value.(*survey.Response), v.Submission, r.URL.Query().Get("invitation"))
	switch out {
	case store.Stored, store.Duplicate:
		v.Sent = true
		s.formPage(w, http.StatusOK, id, c, v)
	case 0:
		s.log.ErrorContext(r.Context(), "database error", "path", r.URL.Path, "error", p.Message)
		v.Alert = "Your answers could not be saved just now. Send them again in a minute: they will not be counted twice."
		s.formPage(w, http.StatusServiceUnavailable, id, c, v)
	default:
		if p.Code == "blank" {
			v.Errors = []*problem.Error{p}
		} else {
			v.Alert = problemSentence(p)
		}
		s.formPage(w, http.StatusBadRequest, id, c, v)
	}
}

// problemSentence is a problem as a sentence for a page: the form's
// wording, then the hint.
func problemSentence(p *problem.Error) string {
	m := wasm.Message(p)
	if p.Hint != "" {
		m += ": " + p.Hint
	}
	return m + "."
}

var planPage = template.Must(template.New("plan").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plan: {{.Org}}</title>
<link rel="stylesheet" href="{{.Base}}/spfkit/spfkit.css"><style>{{.CSS}}</style>
<script src="{{.Base}}/spfkit/spfkit.js" defer></script></head>
<body><main>
<h1>HR and OD plan: {{.Org}}</h1>
<spf-checklist class="spf-root" level="{{.Level}}" plan-key="{{.Key}}" organization="{{.Org}}" plan-url="{{.Base}}/api/plans/{{.Key}}">
<p>{{.Done}} of {{.Total}} entries completed on {{.On}}. This list is read-only; with JavaScript the page lets you change it.</p>
{{range .Themes}}<h2>{{.Name}}</h2><ul>{{range .Entries}}<li>{{.Item}} {{.Text}}: <strong>{{.Status}}</strong>{{if .Owner}}, owner {{.Owner}}{{end}}{{if .Due}}, due {{.Due}}{{end}}</li>{{end}}</ul>
{{end}}</spf-checklist>
</main></body></html>
`))

// planView: GET /plans/{system}/{organisation} shows a plan, read-only
// without scripts; the checklist takes it over where they run.
func (s *Service) planView(w http.ResponseWriter, r *http.Request) {
	key, ok := s.planKey(w, r)
	if !ok {
		return
	}
	data, _, err := s.cfg.Store.Plan(r.Context(), key)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	f := hrod.Builtin()
	checked := (&check.Checker{Kind: schema.ActionPlan, Framework: f}).Check(data)
	if !checked.Valid() {
		s.internal(w, r, errors.New("a stored plan no longer checks"))
		return
	}
	res := checked.Value.(*hrod.Plan)
	type entry struct{ Item, Text, Status, Owner, Due string }
	type theme struct {
		Name    string
		Entries []entry
	}
	items := map[hrod.ItemID]string{}
	itemTheme := map[hrod.ItemID]string{}
	for _, a := range f.Actions {
		for _, it := range a.Items {
			items[it.ID], itemTheme[it.ID] = it.Text, a.Theme
		}
	}
	var themes []theme
	for _, t := range f.Themes {
		th := theme{Name: t.Name}
		for _, e := range res.Entries {
			if itemTheme[e.Item] != t.Slug {
				continue
			}
			en := entry{Item: string(e.Item), Text: items[e.Item], Status: e.Status.Label(), Owner: e.Owner}
			if !e.Due.IsZero() {
				en.Due = e.Due.String()
			}
			th.Entries = append(th.Entries, en)
		}
		if len(th.Entries) > 0 {
			themes = append(themes, th)
		}
	}
	y, m, d := s.cfg.Now().UTC().Date()
	on, _ := date.Of(y, int(m), d)
	pr := f.Progress(res, hrod.ProgressOptions{On: on})
	var buf bytes.Buffer
	err = planPage.Execute(&buf, map[string]any{"Org": res.Organization, "Level": string(res.Level), "Key": key, "Base": s.cfg.Base,
		"CSS": template.CSS(pageCSS), "Themes": themes, "Done": pr.Overall.ByStatus[hrod.Completed], "Total": pr.Overall.Total, "On": on.String()})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.htmlCSP(w, pageCSS)
	w.Write(buf.Bytes())
}
