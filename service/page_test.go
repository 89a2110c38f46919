package service_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/service"
)

// TestNoScriptForm: the survey page works as an ordinary form, with the
// error summary rendered by the service, and a resent form counts once.
func TestNoScriptForm(t *testing.T) {
	e := newEnv(t, "sqlite:"+t.TempDir()+"/p.db", service.Config{})
	e.open("pulse", "")
	e.clock.Add(2 * time.Hour)
	page := e.do("GET", "/surveys/pulse", "")
	require.Equal(t, 200, page.code)
	for _, want := range []string{`<form class="spf-form" novalidate id="spf-form" method="post" action="/surveys/pulse">`, `name="spf.submission"`, `<spf-survey class="spf-root" src="/api/surveys/pulse/definition"`, `<h2 class="nhsuk-heading-l spf-title">Forum pulse</h2>`} {
		require.Contains(t, page.body, want)
	}
	require.NotContains(t, page.body, "conditional--hidden", "without scripts nothing can reveal a hidden box")
	post := func(form url.Values) reply {
		return e.do("POST", "/surveys/pulse", form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	}
	r := post(url.Values{"spf.submission": {"form-submission-1"}, "heard": {"9"}})
	require.Equal(t, 400, r.code)
	require.Contains(t, r.body, "<title>Error: Forum pulse</title>")
	require.Contains(t, r.body, `There is a problem`)
	require.Contains(t, r.body, `href="#spf-heard"`)
	r = post(url.Values{"spf.submission": {"form-submission-2"}})
	require.Equal(t, 400, r.code)
	require.Contains(t, r.body, "Answer at least one question")
	ok := url.Values{"spf.submission": {"form-submission-3"}, "side": {"staff"}, "heard": {"4"}, "note": {"by post"}}
	for range 2 { // the second is the same form sent again
		r = post(ok)
		require.Equal(t, 200, r.code, r.body)
		require.Contains(t, r.body, "Thank you")
	}
	if n := e.status("pulse").Responses; n != 1 {
		t.Errorf("%d responses stored, want 1", n)
	}
	if r := e.do("POST", "/surveys/pulse", ok.Encode(), "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://elsewhere.example"); r.code != 403 {
		t.Errorf("a form posted from another site: %d", r.code)
	}
}

// TestNoScriptInvitation: the invitation in the page's address goes with
// the form.
func TestNoScriptInvitation(t *testing.T) {
	e := newEnv(t, "sqlite:"+t.TempDir()+"/i.db", service.Config{})
	e.open("pulse", `,"invitations":true`)
	e.clock.Add(2 * time.Hour)
	r := e.admin("POST", "/admin/surveys/pulse/invitations", `{"count":1}`)
	tok := r.body[strings.Index(r.body, `"tokens": [`)+len(`"tokens": [`):]
	tok = strings.TrimSpace(tok)
	tok = tok[1 : strings.Index(tok[1:], `"`)+1]
	page := e.do("GET", "/surveys/pulse?invitation="+tok, "")
	require.Contains(t, page.body, `action="/surveys/pulse?invitation=`+url.QueryEscape(tok)+`"`)
	form := url.Values{"spf.submission": {"form-inv-1"}, "side": {"staff"}}.Encode()
	if r := e.do("POST", "/surveys/pulse", form, "Content-Type", "application/x-www-form-urlencoded"); r.code != 400 || !strings.Contains(r.body, "invitation link") {
		t.Errorf("without the invitation: %d", r.code)
	}
	if r := e.do("POST", "/surveys/pulse?invitation="+url.QueryEscape(tok), form, "Content-Type", "application/x-www-form-urlencoded"); r.code != 200 || !strings.Contains(r.body, "Thank you") {
		t.Errorf("with it: %d %s", r.code, r.body)
	}
}

// TestPlanPage: a plan reads without scripts, inside the element the
// checklist takes over.
func TestPlanPage(t *testing.T) {
	e := newEnv(t, "sqlite:"+t.TempDir()+"/pl.db", service.Config{})
	require.Equal(t, 201, e.do("PUT", "/api/plans/ics/trust-a", plan("Trust <A>", "02.1"), "If-None-Match", "*").code)
	r := e.do("GET", "/plans/ics/trust-a", "")
	require.Equal(t, 200, r.code)
	for _, want := range []string{`<spf-checklist class="spf-root" level="local" plan-key="ics/trust-a" organization="Trust &lt;A&gt;" plan-url="/api/plans/ics/trust-a">`, "1 of 4 entries completed", "<strong>Completed</strong>", "<strong>Not yet started</strong>"} {
		require.Contains(t, r.body, want)
	}
	if r := e.do("GET", "/plans/ics/none", ""); r.code != 404 {
		t.Errorf("a missing plan: %d", r.code)
	}
}

// TestBundleEarlyViews: the service serves the widget bundle's early view
// of each built-in survey, which its loader shows while the runtime starts.
func TestBundleEarlyViews(t *testing.T) {
	e := newEnv(t, "sqlite:"+t.TempDir()+"/ev.db", service.Config{})
	r := e.do("GET", "/spfkit/survey-heatcheck-2022-members.html", "")
	require.Equal(t, 200, r.code)
	require.Contains(t, r.body, `<form class="spf-form" novalidate id="spf0-form">`)
	if r := e.do("GET", "/spfkit/survey-not-built-in.html", ""); r.code != 404 {
		t.Errorf("a survey that is not built in: %d", r.code)
	}
}
