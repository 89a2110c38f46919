package wasm

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// The shell: what the widgets do in the page (mounting, listening to the
// form, saving drafts, posting answers, importing and exporting plans,
// letting go when an element leaves the page). It codes against jsValue,
// jsFunc and jsRuntime, the small part of JavaScript it needs: syscall/js's own
// types in the browser (dom_js.go), interfaces on the host (value.go),
// so the tests drive it through a recording fake.

// shell keeps the widgets of one page: each mount returns an id, and
// Unmount(id) releases everything the widget holds when its element
// leaves the page.
type shell struct {
	js jsRuntime
	// widgets are the mounted widgets by id less one; nil once gone. A
	// slice rather than a map: a map of int keys costs the bundle 9 KB.
	widgets []*mount
}

// newShell returns a shell over a page's JavaScript.
func newShell(js jsRuntime) *shell { return &shell{js: js} }

// mount is one widget on the page: its element, the element that
// configures it (host, which differs from el in a shadow root) and the
// listeners it added.
type mount struct {
	sh        *shell
	el, host  jsValue
	prefix    string
	listeners []listener
}

type listener struct {
	event string
	fn    jsFunc
}

// Mount renders a widget of kind "survey" or "checklist" into el,
// configured by host's attributes, and returns its id for Unmount; src is
// a survey definition given inline, or "". It returns 0 for an unknown
// kind.
func (sh *shell) Mount(el, host jsValue, kind, src string) int {
	if host.IsNull() || host.IsUndefined() {
		host = el
	}
	id := len(sh.widgets) + 1
	m := &mount{sh: sh, el: el, host: host, prefix: "spf" + strconv.Itoa(id)}
	switch kind {
	case "survey":
		m.survey(src)
	case "checklist":
		m.checklist(src)
	default:
		return 0
	}
	sh.widgets = append(sh.widgets, m)
	return id
}

// Unmount removes a widget's listeners and releases them. An unknown id
// (a widget already gone) is no error.
func (sh *shell) Unmount(id int) {
	if id < 1 || id > len(sh.widgets) || sh.widgets[id-1] == nil {
		return
	}
	m := sh.widgets[id-1]
	sh.widgets[id-1] = nil
	for _, l := range m.listeners {
		m.el.Call("removeEventListener", l.event, l.fn)
		l.fn.Release()
	}
	m.listeners = nil
}

// Mounted is the number of widgets on the page.
func (sh *shell) Mounted() int {
	n := 0
	for _, m := range sh.widgets {
		if m != nil {
			n++
		}
	}
	return n
}

// listen adds an event listener to the widget's element.
func (m *mount) listen(event string, fn func(ev jsValue)) {
	f := m.sh.js.FuncOf(func(_ jsValue, args []jsValue) any {
		if len(args) > 0 {
			fn(args[0])
		}
		return nil
	})
	m.el.Call("addEventListener", event, f)
	m.listeners = append(m.listeners, listener{event, f})
}

// once hands the page a function that runs once and is then released
// (a promise's callbacks), and its partner, released with it.
func (m *mount) once(ok, fail func(arg jsValue)) (jsFunc, jsFunc) {
	var okFn, failFn jsFunc
	release := func() {
		okFn.Release()
		failFn.Release()
	}
	arg := func(args []jsValue) jsValue {
		if len(args) == 0 {
			return m.sh.js.Null()
		}
		return args[0]
	}
	okFn = m.sh.js.FuncOf(func(_ jsValue, args []jsValue) any {
		release()
		ok(arg(args))
		return nil
	})
	failFn = m.sh.js.FuncOf(func(_ jsValue, args []jsValue) any {
		release()
		fail(arg(args))
		return nil
	})
	return okFn, failFn
}

func (m *mount) global() jsValue { return m.sh.js.Global() }

func attr(el jsValue, name string) string {
	v := el.Call("getAttribute", name)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	return v.String()
}

func (m *mount) storage(mode string) jsValue {
	switch mode {
	case "none":
		return m.sh.js.Null()
	case "local":
		return m.global().Get("localStorage")
	}
	return m.global().Get("sessionStorage")
}

func (m *mount) now() float64 { return m.global().Get("Date").Call("now").Float() }

func (m *mount) today() date.Date {
	d := m.global().Get("Date").New()
	day, _ := date.Of(d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
	return day
}

// dispatch sends a bubbling custom event from the host element, with a
// JSON detail.
func (m *mount) dispatch(name string, detailJSON []byte) bool {
	g := m.global()
	opts := g.Get("Object").New()
	opts.Set("detail", g.Get("JSON").Call("parse", string(detailJSON)))
	opts.Set("bubbles", true)
	opts.Set("composed", true)   // out of a shadow root too
	opts.Set("cancelable", true) // a page that takes the answers itself cancels spf-submit
	return m.host.Call("dispatchEvent", g.Get("CustomEvent").New(name, opts)).Bool()
}

// root is the document or the shadow root the widget lives in: both look
// up ids and know their active element.
func root(el jsValue) jsValue { return el.Call("getRootNode") }

func byID(el jsValue, id string) jsValue { return root(el).Call("getElementById", id) }

// render sets the markup once and puts focus back where it was.
func render(el jsValue, markup string) {
	active := root(el).Get("activeElement")
	id := ""
	if !active.IsNull() && !active.IsUndefined() {
		id = active.Get("id").String()
	}
	el.Set("innerHTML", markup)
	if id != "" {
		if again := byID(el, id); !again.IsNull() && el.Call("contains", again).Bool() {
			again.Call("focus")
		}
	}
}

func focus(el jsValue, id string) {
	if t := byID(el, id); !t.IsNull() {
		t.Call("focus")
		t.Call("scrollIntoView")
	}
}

// focusLink moves focus to an error summary link's target input, and
// reports whether the event was such a link.
func focusLink(ev jsValue) bool {
	t := ev.Get("target")
	if t.Get("tagName").String() != "A" {
		return false
	}
	id := t.Call("getAttribute", "data-spf-focus")
	if id.IsNull() {
		return false
	}
	ev.Call("preventDefault")
	focus(t, id.String())
	return true
}

// ---- survey ----

type surveyWidget struct {
	*mount
	view      SurveyView
	storage   jsValue
	form      string // FormID: which form a draft belongs to
	ttl       float64
	submitURL string
	title     string
}

func (m *mount) survey(src string) {
	w := &surveyWidget{mount: m, submitURL: attr(m.host, "submit-url"), storage: m.storage(attr(m.host, "storage"))}
	w.view.Prefix = m.prefix
	if attr(m.host, "storage") == "local" {
		w.ttl = DraftTTL
	}
	def, msg := SurveyFor(attr(m.host, "survey"), src)
	if def == nil {
		m.el.Set("textContent", msg)
		return
	}
	w.view.Def = def
	w.form = FormID(def, src)
	w.view.Answers = &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}
	if !w.storage.IsNull() {
		if saved := w.storage.Call("getItem", DraftKey(def)); !saved.IsNull() {
			r, notice := DecodeDraft(def, w.form, []byte(saved.String()), m.now(), w.ttl)
			if r != nil {
				w.view.Answers = r
			} else {
				w.storage.Call("removeItem", DraftKey(def))
				w.view.Notice = notice
			}
		}
	}
	// The service's page without scripts renders the form first: what
	// was entered there before the widget loaded carries over.
	if f := m.el.Call("querySelector", "form.spf-form"); !f.IsNull() && !f.IsUndefined() {
		if fields := formFields(m.global(), f); len(fields) > 1 {
			w.view.Answers = ResponseFromForm(def, fields)
		}
	}
	w.title = m.global().Get("document").Get("title").String()
	m.listen("submit", w.onSubmit)
	m.listen("change", w.onChange)
	m.listen("input", w.onInput)
	m.listen("click", func(ev jsValue) { focusLink(ev) })
	render(m.el, RenderSurvey(&w.view))
	m.global().Get("performance").Call("mark", "spf-rendered")
}

// read takes the answers from the form.
func (w *surveyWidget) read() {
	if form := byID(w.el, w.view.Prefix+"-form"); !form.IsNull() {
		w.view.Answers = ResponseFromForm(w.view.Def, formFields(w.global(), form))
	}
}

// formFields lists a form's fields as FormData gives them.
func formFields(g, form jsValue) [][2]string {
	entries := g.Get("Array").Call("from", g.Get("FormData").New(form))
	var fields [][2]string
	for i := 0; i < entries.Length(); i++ {
		e := entries.Index(i)
		fields = append(fields, [2]string{e.Index(0).String(), e.Index(1).String()})
	}
	return fields
}

func (w *surveyWidget) save() {
	if w.storage.IsNull() {
		return
	}
	w.storage.Call("setItem", DraftKey(w.view.Def), string(EncodeDraft(w.form, w.view.Answers, w.now())))
}

func (w *surveyWidget) onInput(ev jsValue) {
	t := ev.Get("target")
	if t.Get("tagName").String() != "TEXTAREA" {
		return
	}
	w.read()
	w.save()
	if q := w.view.Def.Question(survey.QuestionID(t.Get("name").String())); q != nil {
		if info := byID(w.el, t.Get("id").String()+"-info"); !info.IsNull() {
			text, _ := w.view.Answers.Answers[q.ID].Text()
			info.Set("textContent", remaining(q.MaxLength, text))
		}
	}
}

func (w *surveyWidget) onChange(ev jsValue) {
	w.read()
	w.save()
	body, _ := w.view.Answers.MarshalJSON()
	w.dispatch("spf-change", body)
	typ := ev.Get("target").Get("type").String()
	if typ == "radio" || typ == "checkbox" {
		render(w.el, RenderSurvey(&w.view)) // reveal or hide conditional inputs and questions
	}
}

func (w *surveyWidget) onSubmit(ev jsValue) {
	ev.Call("preventDefault")
	if w.view.Sending {
		return
	}
	w.read()
	w.view.Errors = survey.Validator{}.Check(w.view.Def, w.view.Answers)
	if len(w.view.Errors) > 0 {
		w.showErrors()
		return
	}
	w.global().Get("document").Set("title", w.title)
	// A blank response is sent only when the respondent submits it twice.
	if len(w.view.Answers.Answers) == 0 && w.view.Alert != BlankAlert {
		w.alert(BlankAlert)
		return
	}
	body, _ := w.view.Answers.MarshalJSON()
	if !w.dispatch("spf-submit", body) {
		w.sent() // the page took the answers, and said so by cancelling the event
		return
	}
	if w.submitURL == "" {
		w.alert(NotSentAlert)
		return
	}
	w.view.Sending, w.view.Notice, w.view.Alert = true, "", ""
	render(w.el, RenderSurvey(&w.view))
	// The loader's __spfSend posts the answers with a submission id that
	// stays the same on every retry until the service answers, and the
	// page's invitation: JavaScript does that in a fraction of the bytes
	// Go would, and the bundle's size budget has none to spare. A refusal
	// (400) comes back as the service's problems, [pointer, message] each.
	ok, fail := w.once(func(jsValue) { w.sent() }, func(probs jsValue) {
		w.view.Sending = false
		if probs.IsNull() || probs.IsUndefined() || probs.Length() == 0 {
			w.alert(FailedAlert)
			return
		}
		w.view.Errors = nil
		for i := 0; i < probs.Length(); i++ {
			p := probs.Index(i)
			w.view.Errors = append(w.view.Errors, problem.New(p.Index(0).String(), "", p.Index(1).String()))
		}
		w.showErrors()
	})
	w.global().Call("__spfSend", w.submitURL, string(body), ok, fail)
}

// showErrors puts the problems in the error summary and moves focus to it.
func (w *surveyWidget) showErrors() {
	w.view.Alert = ""
	w.global().Get("document").Set("title", "Error: "+strings.TrimPrefix(w.title, "Error: "))
	render(w.el, RenderSurvey(&w.view))
	focus(w.el, w.view.Prefix+"-error-summary")
}

// alert shows a message beside the submit button and moves focus to it.
func (w *surveyWidget) alert(msg string) {
	w.view.Alert, w.view.Errors = msg, nil
	render(w.el, RenderSurvey(&w.view))
	focus(w.el, w.view.Prefix+"-alert")
}

func (w *surveyWidget) sent() {
	w.view.Sending, w.view.Sent = false, true
	if !w.storage.IsNull() {
		w.storage.Call("removeItem", DraftKey(w.view.Def))
	}
	render(w.el, RenderSurvey(&w.view))
	focus(w.el, w.view.Prefix+"-sent")
}

// ---- checklist ----

type checklistWidget struct {
	*mount
	view  ChecklistView
	key   string
	level hrod.Level
}

// checklist mounts the action checklist on the framework the loader
// fetched (framework.txt). With a plan-url, the loader has put the
// shared plan in this browser's copy first, so it wins.
func (m *mount) checklist(src string) {
	f, ok := LoadFramework([]byte(src))
	if !ok {
		m.el.Set("textContent", "The checklist could not load the HR and OD framework (framework.txt).")
		return
	}
	level := hrod.Level(attr(m.host, "level"))
	if !level.Valid() {
		level = hrod.Local
	}
	org := attr(m.host, "organization")
	if org == "" {
		org = "My organisation"
	}
	w := &checklistWidget{mount: m, level: level, key: "spfkit:plan:" + attr(m.host, "plan-key") + ":" + string(level)}
	w.view = ChecklistView{Prefix: m.prefix, Framework: f, On: m.today()}
	w.view.Plan = f.NewPlan(org, level)
	if saved := m.global().Get("localStorage").Call("getItem", w.key); !saved.IsNull() {
		if p, probs := ImportPlan(f, []byte(saved.String()), level); len(probs) == 0 {
			w.view.Plan = p
		}
	}
	m.listen("change", w.onChange)
	m.listen("click", w.onClick)
	render(m.el, RenderChecklist(&w.view))
}

func (w *checklistWidget) save() {
	plan := ExportPlan(w.view.Plan)
	w.global().Get("localStorage").Call("setItem", w.key, string(plan))
	w.dispatch("spf-change", plan)
}

func (w *checklistWidget) onChange(ev jsValue) {
	t := ev.Get("target")
	if name := attr(t, "data-spf-filter"); name != "" {
		value := t.Get("value").String()
		switch name {
		case "status":
			w.view.Filter.Status = hrod.Status(value)
		case "due":
			w.view.Filter.Due = value
		default:
			w.view.Filter.Owner = value
		}
		render(w.el, RenderChecklist(&w.view))
		return
	}
	if item := t.Call("getAttribute", "data-spf-item"); !item.IsNull() {
		for i := range w.view.Plan.Entries {
			if string(w.view.Plan.Entries[i].Item) == item.String() {
				w.view.Plan.Entries[i].Status = hrod.Status(t.Get("value").String())
			}
		}
		w.view.Errors, w.view.Notice = nil, ""
		w.save()
		render(w.el, RenderChecklist(&w.view))
		return
	}
	if attr(t, "data-spf-action") != "import" {
		return
	}
	files := t.Get("files")
	if files.Length() == 0 {
		return
	}
	done, fail := w.once(w.imported, func(jsValue) {
		w.view.Errors, w.view.Notice = nil, "The file could not be read."
		render(w.el, RenderChecklist(&w.view))
	})
	files.Index(0).Call("text").Call("then", done, fail)
}

// imported takes the text of a plan file the user chose.
func (w *checklistWidget) imported(text jsValue) {
	p, probs := ImportPlan(w.view.Framework, []byte(text.String()), w.level)
	if len(probs) > 0 {
		w.view.Errors, w.view.Notice = probs, ""
		render(w.el, RenderChecklist(&w.view))
		focus(w.el, w.view.prefix()+"-error-summary")
		return
	}
	w.view.Plan, w.view.Errors = p, nil
	w.view.Notice = "Imported the plan for " + p.Organization + "."
	w.save()
	render(w.el, RenderChecklist(&w.view))
}

func (w *checklistWidget) onClick(ev jsValue) {
	if focusLink(ev) {
		return
	}
	g := w.global()
	t := ev.Get("target")
	// A theme opens and closes here, not natively: a closed theme's items
	// are not in the page at all.
	if sum := t.Call("closest", "summary"); !sum.IsNull() && !sum.IsUndefined() {
		ev.Call("preventDefault")
		slug := attr(sum.Get("parentElement"), "data-spf-theme")
		if w.view.Open == nil {
			w.view.Open = map[string]bool{}
		}
		w.view.Open[slug] = !w.view.Open[slug]
		render(w.el, RenderChecklist(&w.view))
		return
	}
	if id := attr(t, "data-spf-edit"); id != "" {
		w.view.Editing = hrod.ItemID(id)
		render(w.el, RenderChecklist(&w.view))
		focus(w.el, w.view.Prefix+"-item-"+id+"-owner")
		return
	}
	switch attr(t, "data-spf-action") {
	case "save":
		id := w.view.Prefix + "-item-" + string(w.view.Editing)
		value := func(name string) string { return byID(w.el, id+"-"+name).Get("value").String() }
		for i := range w.view.Plan.Entries {
			e := &w.view.Plan.Entries[i]
			if e.Item != w.view.Editing {
				continue
			}
			e.Owner, e.Notes, e.Evidence = value("owner"), value("notes"), nil
			e.Due, _ = date.ParseDay(value("due")) // the date input gives YYYY-MM-DD or nothing
			if u := value("evidence"); u != "" {
				e.Evidence = []hrod.Link{{Title: "Evidence", URL: u}}
			}
		}
		w.view.Editing = ""
		w.save()
		render(w.el, RenderChecklist(&w.view))
	case "cancel":
		w.view.Editing = ""
		render(w.el, RenderChecklist(&w.view))
	case "export":
		blobOpts := g.Get("Object").New()
		blobOpts.Set("type", "application/json")
		blob := g.Get("Blob").New([]any{string(ExportPlan(w.view.Plan))}, blobOpts)
		url := g.Get("URL").Call("createObjectURL", blob)
		a := g.Get("document").Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", "action-plan.json")
		a.Call("click")
		g.Get("URL").Call("revokeObjectURL", url)
	case "print":
		g.Call("print")
	}
}
