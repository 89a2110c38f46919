//go:build !js

package wasm

import (
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
	resp := p.object("response")
	resp.props["ok"] = true
	p.call(f.ok, resp)
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
			resp := p.object("response")
			resp.props["ok"] = false
			p.call(f.ok, resp)
		} else {
			p.call(f.fail, p.str("network error"))
		}
		require.Contains(t, markup(el), "Your answers could not be sent")
		_, ok := p.stored("localStorage", "spfkit:draft:"+survey.HeatCheck2022Members)
		require.True(t, ok, "the draft is kept")
		require.True(t, f.ok.released && f.fail.released)
	}
}

// TestSurveyWidgetDrafts: a saved draft is restored when the form
// mounts; one saved for another version of the survey is cleared with a
// notice; an inline definition that is not valid says why.
func TestSurveyWidgetDrafts(t *testing.T) {
	p := newPage()
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q2": survey.Number(3)}}
	p.storage["sessionStorage"].props["data"].(map[string]string)[DraftKey(def)] = string(EncodeDraft(def, r, 500))
	el := p.element("spf-survey", "survey", survey.HeatCheck2022Members)
	newShell(p).Mount(el, el, "survey", "")
	require.Contains(t, markup(el), `name="q2" type="radio" value="3" checked`)

	changed := *def
	changed.Title += " (reworded)"
	p.storage["sessionStorage"].props["data"].(map[string]string)[DraftKey(def)] = string(EncodeDraft(&changed, r, 500))
	el = p.element("spf-survey", "survey", survey.HeatCheck2022Members)
	newShell(p).Mount(el, el, "survey", "")
	require.Contains(t, markup(el), NoticeChanged)
	_, ok := p.stored("sessionStorage", DraftKey(def))
	require.False(t, ok)

	el = p.element("spf-survey")
	newShell(p).Mount(el, el, "survey", `{"id": "s"}`)
	require.Contains(t, el.props["textContent"], "spfkit: the survey definition is not valid")
	el = p.element("spf-survey", "survey", "nope")
	newShell(p).Mount(el, el, "survey", "")
	require.Equal(t, "spfkit: there is no built-in survey nope.", el.props["textContent"])
}

// TestUnmountReleases: when an element leaves the page its listeners are
// removed and released, and the other widgets keep theirs.
func TestUnmountReleases(t *testing.T) {
	p := newPage()
	sh := newShell(p)
	a := p.element("spf-survey", "survey", survey.HeatCheck2022Members)
	b := p.element("spf-checklist", "plan-key", "t")
	ida := sh.Mount(a, a, "survey", "")
	idb := sh.Mount(b, b, "checklist", "")
	require.Equal(t, 2, sh.Mounted())
	require.Equal(t, 6, p.live(), "four listeners on the survey, two on the checklist")

	sh.Unmount(ida)
	require.Equal(t, 1, sh.Mounted())
	require.Equal(t, 2, p.live())
	for ev, fs := range a.listeners {
		require.Empty(t, fs, "a %s listener is left on the element", ev)
	}
	require.Len(t, b.listeners["change"], 1)
	sh.Unmount(ida) // twice: no harm
	sh.Unmount(99)
	sh.Unmount(idb)
	require.Zero(t, p.live())
	require.Zero(t, sh.Mounted())
	require.Zero(t, sh.Mount(a, a, "carousel", ""), "an unknown kind mounts nothing")
}

// TestChecklistWidget: a status change is saved and announced; a plan
// file is imported, or refused with its problems; the plan exports as a
// file.
func TestChecklistWidget(t *testing.T) {
	p := newPage()
	el := p.element("spf-checklist", "level", "local", "plan-key", "trust", "organization", "Example Trust")
	newShell(p).Mount(el, el, "checklist", "")
	require.Contains(t, markup(el), "Example Trust")

	sel := p.element("select", "data-spf-item", "13.2")
	sel.props["value"] = "completed"
	p.fire(el, "change", sel)
	saved, ok := p.stored("localStorage", "spfkit:plan:trust:local")
	require.True(t, ok)
	require.Contains(t, saved, `"item": "13.2",`+"\n"+`      "status": "completed"`)
	require.Equal(t, saved, detail(p.events[len(p.events)-1]))

	// Import: the file's text arrives through a promise.
	importFile := func(text string) {
		var done, fail *fakeFunc
		file := p.object("file")
		file.methods["text"] = func([]any) jsValue {
			promise := p.object("promise")
			promise.methods["then"] = func(args []any) jsValue {
				done, fail = args[0].(*fakeFunc), args[1].(*fakeFunc)
				return p.undef()
			}
			return promise
		}
		input := p.element("input", "data-spf-action", "import")
		files := p.object("files")
		files.items = []jsValue{file}
		input.props["files"] = files
		p.fire(el, "change", input)
		p.call(done, p.str(text))
		require.True(t, done.released && fail.released)
	}
	importFile(`{"organization": "Other Trust", "level": "local", "entries": [{"item": "13.2", "status": "in_progress"}]}`)
	require.Contains(t, markup(el), "Imported the plan for Other Trust.")
	importFile(`{"organization": "Other Trust", "level": "local", "entries": [{"item": "13.2", "status": "done"}]}`)
	require.Contains(t, markup(el), "nhsuk-error-summary")
	require.True(t, p.called("#spf1-error-summary.focus()"))

	// Export: a Blob of the plan, downloaded through a link.
	p.fire(el, "click", p.element("button", "data-spf-action", "export"))
	require.True(t, p.called("URL.createObjectURL(<blob>)"))
	require.True(t, p.called("<a>.click()"))
	require.True(t, p.called("URL.revokeObjectURL(blob:1)"))
}
