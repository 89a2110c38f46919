//go:build !js

package wasm

import (
	"github.com/spfkit/spfkit/hrod"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
)

func markup(el *obj) string { s, _ := el.props["innerHTML"].(string); return s }

// detail is the JSON an event carried.
func detail(ev *obj) string { return ev.props["detail"].(*obj).str }

// TestSurveyWidget drives the survey widget as a respondent would: a
// change saves a draft and announces it, a submission with a mistake
// shows the error summary, a good one is posted and, once the server
// accepts it, the draft goes and the thanks show. Every callback handed
// to the page for the request is released once it has run.
func TestSurveyWidget(t *testing.T) {
	p := newPage()
	sh := newShell(p)
	el := p.element("spf-survey", "survey", survey.HeatCheck2022Members, "submit-url", "/api/responses")
	id := sh.Mount(el, p.nul(), "survey", "")
	require.Equal(t, 1, id)
	require.Contains(t, markup(el), `id="spf1-form"`)
	for _, ev := range []string{"submit", "change", "input", "click"} {
		require.Len(t, el.listeners[ev], 1, ev)
	}

	// A change: the draft is saved to session storage and announced.
	p.fields = [][2]string{{"org_type", "dhsc"}, {"q1", "4"}}
	radio := p.object("input")
	radio.props["type"] = "radio"
	p.fire(el, "change", radio)
	draft, ok := p.stored("sessionStorage", "spfkit:draft:"+survey.HeatCheck2022Members)
	require.True(t, ok, "the draft is saved")
	require.Contains(t, draft, `\"q1\":4`)
	require.Len(t, p.events, 1)
	require.Equal(t, `{"survey":"heatcheck-2022-members","version":"1","answers":{"org_type":"dhsc","q1":4}}`, detail(p.events[0]))
	require.Contains(t, markup(el), `value="4" checked`)

	// A submission with a mistake: Other without its text.
	p.fields = [][2]string{{"org_type", "other"}, {"q1", "4"}}
	p.fire(el, "submit", p.object("form"))
	require.True(t, p.called("event.preventDefault()"))
	require.Equal(t, "Error: Forum", p.doc.props["title"])
	require.Contains(t, markup(el), "nhsuk-error-summary")
	require.True(t, p.called("#spf1-error-summary.focus()"))
	require.Empty(t, p.fetches, "nothing is sent")

	// A good submission is posted; the form says it is sending.
	p.fields = [][2]string{{"org_type", "hee"}, {"q1", "5"}}
	p.fire(el, "submit", p.object("form"))
	require.Equal(t, "Forum", p.doc.props["title"])
	require.Len(t, p.fetches, 1)
	f := p.fetches[0]
	require.Equal(t, "/api/responses", f.url)
	require.Equal(t, `{"survey":"heatcheck-2022-members","version":"1","answers":{"org_type":"hee","q1":5}}`, f.body)
	require.Equal(t, "spf-submit", strings.TrimPrefix(p.events[len(p.events)-1].name, "event:"))
	live := p.live()

	// The server accepts it.
	p.respond(f, 201)
	require.True(t, f.ok.released && f.fail.released, "both callbacks of the request are released")
	require.Equal(t, live-2, p.live())
	_, ok = p.stored("sessionStorage", "spfkit:draft:"+survey.HeatCheck2022Members)
	require.False(t, ok, "the draft goes once the answers are sent")
	require.True(t, p.called("#spf1-sent.focus()"))
}

// TestSurveyWidgetSendFails: a refused or failed request keeps the
// answers and says so.
func TestSurveyWidgetSendFails(t *testing.T) {
	for _, refused := range []bool{true, false} {
		p := newPage()
		sh := newShell(p)
		el := p.element("spf-survey", "survey", survey.HeatCheck2022Members, "submit-url", "/api/responses", "storage", "local")
		sh.Mount(el, el, "survey", "")
		p.fields = [][2]string{{"org_type", "hee"}, {"q1", "5"}}
		p.fire(el, "change", p.object("textarea"))
		p.fire(el, "submit", p.object("form"))
		f := p.fetches[0]
		if refused {
			p.respond(f, 503)
		} else {
			p.respond(f, 0)
		}
		require.Contains(t, markup(el), "Your answers could not be sent")
		require.True(t, p.called("#spf1-alert.focus()"), "focus moves to the message beside the button")
		_, ok := p.stored("localStorage", "spfkit:draft:"+survey.HeatCheck2022Members)
		require.True(t, ok, "the draft is kept")
		require.True(t, f.ok.released && f.fail.released)
		// Submitting again retries (the loader sends the same submission
		// id; the browser test checks the service counts it once).
		p.fire(el, "submit", p.object("form"))
		require.Len(t, p.fetches, 2)
		require.Equal(t, f.body, p.fetches[1].body)
	}
}

// TestSurveyWidgetNothingLost: a blank form is sent only when submitted
// twice; without a submit-url nothing claims to be sent unless the page
// takes the answers by cancelling spf-submit; a 400's problems go in the
// error summary, linked to their fields.
func TestSurveyWidgetNothingLost(t *testing.T) {
	p := newPage()
	sh := newShell(p)
	el := p.element("spf-survey", "survey", survey.HeatCheck2022Members, "submit-url", "/x")
	sh.Mount(el, el, "survey", "")
	p.fields = nil
	p.fire(el, "submit", p.object("form"))
	require.Empty(t, p.fetches, "a blank form is not sent at once")
	require.Contains(t, markup(el), "You have not answered any questions")
	require.True(t, p.called("#spf1-alert.focus()"))
	p.fire(el, "submit", p.object("form"))
	require.Len(t, p.fetches, 1, "the second submit sends it")

	// The service refuses it: its problems, linked.
	probs := &obj{page: p, items: []jsValue{
		&obj{page: p, items: []jsValue{p.str("/answers"), p.str("answer at least one question before you submit")}},
		&obj{page: p, items: []jsValue{p.str("/answers/q1"), p.str("the answer must be from 1 to 5, not 9")}},
	}}
	p.call(p.fetches[0].fail, probs)
	m := markup(el)
	require.Contains(t, m, `data-spf-focus="spf1-submit">Answer at least one question before you submit</a>`)
	require.Contains(t, m, `data-spf-focus="spf1-q1">The answer must be from 1 to 5, not 9</a>`)
	require.True(t, p.called("#spf1-error-summary.focus()"))
	require.Equal(t, "Error: Forum", p.doc.props["title"])

	// No submit-url: not sent, unless the page takes the answers.
	for _, pageTakesThem := range []bool{false, true} {
		p := newPage()
		p.cancels = map[string]bool{"spf-submit": pageTakesThem}
		el := p.element("spf-survey", "survey", survey.HeatCheck2022Members)
		newShell(p).Mount(el, el, "survey", "")
		p.fields = [][2]string{{"q1", "4"}}
		p.fire(el, "submit", p.object("form"))
		require.Empty(t, p.fetches)
		if pageTakesThem {
			require.Contains(t, markup(el), "Your answers have been sent")
		} else {
			require.Contains(t, markup(el), "Your answers have not been sent")
			require.NotContains(t, markup(el), "Thank you")
		}
	}
}

// TestChecklistThemesAndDetails: a theme opens on its summary, a filter
// narrows the rows, and an item's owner, due date, evidence and notes are
// edited in place and saved with the plan.
func TestChecklistThemesAndDetails(t *testing.T) {
	p := newPage()
	el := p.element("spf-checklist", "level", "local", "plan-key", "trust", "organization", "Example Trust")
	newShell(p).Mount(el, el, "checklist", fwJSON)
	require.NotContains(t, markup(el), `<li class="nhsuk-task-list__item"`, "closed themes render no rows")
	details := p.element("details", "data-spf-theme", "health-and-wellbeing")
	summary := p.object("summary")
	summary.methods["closest"] = func([]any) jsValue { return summary }
	summary.props["parentElement"] = details
	ev := p.fire(el, "click", summary)
	require.True(t, p.called("event.preventDefault()"))
	_ = ev
	require.Contains(t, markup(el), `data-spf-item="13.2"`, "the theme's rows show once it is open")

	edit := p.element("button", "data-spf-edit", "13.2")
	p.fire(el, "click", edit)
	require.Contains(t, markup(el), `id="spf1-item-13.2-owner"`)
	require.True(t, p.called("#spf1-item-13.2-owner.focus()"))
	for name, value := range map[string]string{"owner": "Head of wellbeing", "due": "2027-03-31", "evidence": "https://intranet.example/wellbeing", "notes": "Board paper in May"} {
		in := p.object("#spf1-item-13.2-" + name)
		in.props["value"] = value
		p.byID["spf1-item-13.2-"+name] = in
	}
	p.fire(el, "click", p.element("button", "data-spf-action", "save"))
	saved, ok := p.stored("localStorage", "spfkit:plan:trust:local")
	require.True(t, ok)
	for _, want := range []string{`"owner": "Head of wellbeing"`, `"due": "2027-03-31"`, `"url": "https://intranet.example/wellbeing"`, `"notes": "Board paper in May"`} {
		require.Contains(t, saved, want)
	}
	require.NotContains(t, markup(el), `id="spf1-item-13.2-owner"`, "the editor closes on save")

	owner := p.element("select", "data-spf-filter", "owner")
	owner.props["value"] = "Head of wellbeing"
	p.fire(el, "change", owner)
	require.Equal(t, 1, strings.Count(markup(el), `<li class="nhsuk-task-list__item"`), "one item has that owner")
}

// fwJSON is framework.txt as the loader fetches it for the checklist.
var fwJSON = string(FrameworkText(hrod.Builtin()))

// TestChecklistNeedsItsFramework: without framework.txt the checklist
// says so rather than showing nothing.
func TestChecklistNeedsItsFramework(t *testing.T) {
	p := newPage()
	el := p.element("spf-checklist", "level", "local", "plan-key", "x")
	newShell(p).Mount(el, el, "checklist", "not json")
	require.Contains(t, el.props["textContent"], "could not load the HR and OD framework")
}
