//go:build js && wasm

package wasm

import (
	"strconv"
	"strings"
	"syscall/js"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/survey"
)

// Run registers the mount function the loader (spfkit.js) calls for each
// <spf-survey> and <spf-checklist> element, announces that the runtime is
// ready and keeps it alive: one Go runtime serves every element on a page.
func Run() {
	js.Global().Set("__spfMount", js.FuncOf(mount))
	doc := js.Global().Get("document")
	doc.Call("dispatchEvent", js.Global().Get("CustomEvent").New("spf-wasm-ready"))
	select {}
}

var mounted = 0

// mount(element, kind, sourceText, host) renders a widget into element.
// host is the <spf-…> element, whose attributes configure the widget and
// which dispatches its events; it differs from element when the widget
// lives in a shadow root.
func mount(_ js.Value, args []js.Value) any {
	if len(args) < 3 {
		return nil
	}
	el, kind, src := args[0], args[1].String(), args[2].String()
	host := el
	if len(args) > 3 && !args[3].IsUndefined() && !args[3].IsNull() {
		host = args[3]
	}
	mounted++
	switch kind {
	case "survey":
		mountSurvey(el, host, src)
	case "checklist":
		mountChecklist(el, host)
	}
	return nil
}

func attr(el js.Value, name string) string {
	v := el.Call("getAttribute", name)
	if v.IsNull() {
		return ""
	}
	return v.String()
}

func storageFor(mode string) js.Value {
	switch mode {
	case "none":
		return js.Null()
	case "local":
		return js.Global().Get("localStorage")
	}
	return js.Global().Get("sessionStorage")
}

func now() float64 { return js.Global().Get("Date").Call("now").Float() }

func todayFromBrowser() date.Date {
	d := js.Global().Get("Date").New()
	day, _ := date.Of(d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
	return day
}

func dispatch(el js.Value, name string, detailJSON []byte) {
	detail := js.Global().Get("JSON").Call("parse", string(detailJSON))
	opts := js.Global().Get("Object").New()
	opts.Set("detail", detail)
	opts.Set("bubbles", true)
	opts.Set("composed", true) // out of a shadow root too
	el.Call("dispatchEvent", js.Global().Get("CustomEvent").New(name, opts))
}

// root is the document or the shadow root the widget lives in: both look
// up ids and know their active element.
func root(el js.Value) js.Value { return el.Call("getRootNode") }

func byID(el js.Value, id string) js.Value { return root(el).Call("getElementById", id) }

// render sets the markup once and puts focus back where it was.
func render(el js.Value, markup string) {
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

func focus(el js.Value, id string) {
	if t := byID(el, id); !t.IsNull() {
		t.Call("focus")
		t.Call("scrollIntoView")
	}
}

// ---- survey ----

type surveyWidget struct {
	el, host  js.Value
	view      SurveyView
	storage   js.Value
	ttl       float64
	submitURL string
	title     string
}

func mountSurvey(el, host js.Value, src string) {
	w := &surveyWidget{el: el, host: host, submitURL: attr(host, "submit-url"), storage: storageFor(attr(host, "storage"))}
	w.view.Prefix = "spf" + strconv.Itoa(mounted)
	if attr(host, "storage") == "local" {
		w.ttl = DraftTTL
	}
	def, msg := SurveyFor(attr(host, "survey"), src)
	if def == nil {
		el.Set("textContent", msg)
		return
	}
	w.view.Def = def
	w.view.Answers = &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}
	if !w.storage.IsNull() {
		if saved := w.storage.Call("getItem", DraftKey(def)); !saved.IsNull() {
			r, notice := DecodeDraft(def, []byte(saved.String()), now(), w.ttl)
			if r != nil {
				w.view.Answers = r
			} else {
				w.storage.Call("removeItem", DraftKey(def))
				w.view.Notice = notice
			}
		}
	}
	w.title = js.Global().Get("document").Get("title").String()
	el.Call("addEventListener", "submit", js.FuncOf(w.onSubmit))
	el.Call("addEventListener", "change", js.FuncOf(w.onChange))
	el.Call("addEventListener", "input", js.FuncOf(w.onInput))
	el.Call("addEventListener", "click", js.FuncOf(onFocusLink))
	render(el, RenderSurvey(&w.view))
	js.Global().Get("performance").Call("mark", "spf-rendered")
}

func (w *surveyWidget) form() js.Value {
	return byID(w.el, w.view.Prefix+"-form")
}

// read takes the answers from the form.
func (w *surveyWidget) read() {
	form := w.form()
	if form.IsNull() {
		return
	}
	entries := js.Global().Get("Array").Call("from", js.Global().Get("FormData").New(form))
	var fields [][2]string
	for i := 0; i < entries.Length(); i++ {
		e := entries.Index(i)
		fields = append(fields, [2]string{e.Index(0).String(), e.Index(1).String()})
	}
	w.view.Answers = ResponseFromForm(w.view.Def, fields)
}

func (w *surveyWidget) save() {
	if w.storage.IsNull() {
		return
	}
	w.storage.Call("setItem", DraftKey(w.view.Def), string(EncodeDraft(w.view.Def, w.view.Answers, now())))
}

func (w *surveyWidget) onInput(_ js.Value, args []js.Value) any {
	t := args[0].Get("target")
	if t.Get("tagName").String() == "TEXTAREA" {
		w.read()
		w.save()
		q := w.view.Def.Question(survey.QuestionID(t.Get("name").String()))
		if q != nil {
			if info := byID(w.el, t.Get("id").String()+"-info"); !info.IsNull() {
				text, _ := w.view.Answers.Answers[q.ID].Text()
				info.Set("textContent", remaining(q.MaxLength, text))
			}
		}
	}
	return nil
}

func (w *surveyWidget) onChange(_ js.Value, args []js.Value) any {
	w.read()
	w.save()
	body, _ := w.view.Answers.MarshalJSON()
	dispatch(w.host, "spf-change", body)
	typ := args[0].Get("target").Get("type").String()
	if typ == "radio" || typ == "checkbox" {
		render(w.el, RenderSurvey(&w.view)) // reveal or hide conditional inputs and questions
	}
	return nil
}

func (w *surveyWidget) onSubmit(_ js.Value, args []js.Value) any {
	args[0].Call("preventDefault")
	if w.view.Sending {
		return nil
	}
	w.read()
	w.view.Errors = survey.Validator{}.Check(w.view.Def, w.view.Answers)
	doc := js.Global().Get("document")
	if len(w.view.Errors) > 0 {
		doc.Set("title", "Error: "+strings.TrimPrefix(w.title, "Error: "))
		render(w.el, RenderSurvey(&w.view))
		focus(w.el, w.view.Prefix+"-error-summary")
		return nil
	}
	doc.Set("title", w.title)
	body, _ := w.view.Answers.MarshalJSON()
	dispatch(w.host, "spf-submit", body)
	if w.submitURL == "" {
		w.sent()
		return nil
	}
	w.view.Sending, w.view.Notice = true, ""
	render(w.el, RenderSurvey(&w.view))
	opts := js.Global().Get("Object").New()
	opts.Set("method", "POST")
	headers := js.Global().Get("Object").New()
	headers.Set("Content-Type", "application/json")
	opts.Set("headers", headers)
	opts.Set("body", string(body))
	var ok, fail js.Func
	ok = js.FuncOf(func(_ js.Value, a []js.Value) any {
		ok.Release()
		fail.Release()
		if a[0].Get("ok").Bool() {
			w.sent()
		} else {
			w.failed()
		}
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, _ []js.Value) any {
		ok.Release()
		fail.Release()
		w.failed()
		return nil
	})
	js.Global().Call("fetch", w.submitURL, opts).Call("then", ok, fail)
	return nil
}

func (w *surveyWidget) sent() {
	w.view.Sending, w.view.Sent = false, true
	if !w.storage.IsNull() {
		w.storage.Call("removeItem", DraftKey(w.view.Def))
	}
	render(w.el, RenderSurvey(&w.view))
	focus(w.el, w.view.Prefix+"-sent")
}

func (w *surveyWidget) failed() {
	w.view.Sending = false
	w.view.Notice = "Your answers could not be sent. They have been kept: check your connection and submit again."
	render(w.el, RenderSurvey(&w.view))
	focus(w.el, w.view.Prefix+"-submit")
}

// onFocusLink moves focus to an error summary link's target input.
func onFocusLink(_ js.Value, args []js.Value) any {
	t := args[0].Get("target")
	if t.Get("tagName").String() != "A" {
		return nil
	}
	id := t.Call("getAttribute", "data-spf-focus")
	if id.IsNull() {
		return nil
	}
	args[0].Call("preventDefault")
	focus(t, id.String())
	return nil
}

// ---- checklist ----

type checklistWidget struct {
	el    js.Value
	host  js.Value
	view  ChecklistView
	key   string
	level hrod.Level
}

func mountChecklist(el, host js.Value) {
	f := hrod.SharedBuiltin() // the widget only reads it
	level := hrod.Level(attr(host, "level"))
	if !level.Valid() {
		level = hrod.Local
	}
	org := attr(host, "organization")
	if org == "" {
		org = "My organisation"
	}
	w := &checklistWidget{el: el, host: host, level: level, key: "spfkit:plan:" + attr(host, "plan-key") + ":" + string(level)}
	w.view = ChecklistView{Prefix: "spf" + strconv.Itoa(mounted), Framework: f, On: todayFromBrowser()}
	w.view.Plan = f.NewPlan(org, level)
	if saved := js.Global().Get("localStorage").Call("getItem", w.key); !saved.IsNull() {
		if p, probs := ImportPlan(f, []byte(saved.String()), level); len(probs) == 0 {
			w.view.Plan = p
		}
	}
	el.Call("addEventListener", "change", js.FuncOf(w.onChange))
	el.Call("addEventListener", "click", js.FuncOf(w.onClick))
	render(el, RenderChecklist(&w.view))
}

func (w *checklistWidget) save() {
	plan := ExportPlan(w.view.Plan)
	js.Global().Get("localStorage").Call("setItem", w.key, string(plan))
	dispatch(w.host, "spf-change", plan)
}

func (w *checklistWidget) onChange(_ js.Value, args []js.Value) any {
	t := args[0].Get("target")
	if item := t.Call("getAttribute", "data-spf-item"); !item.IsNull() {
		for i := range w.view.Plan.Entries {
			if string(w.view.Plan.Entries[i].Item) == item.String() {
				w.view.Plan.Entries[i].Status = hrod.Status(t.Get("value").String())
			}
		}
		w.view.Errors, w.view.Notice = nil, ""
		w.save()
		render(w.el, RenderChecklist(&w.view))
		return nil
	}
	if t.Call("getAttribute", "data-spf-action").String() == "import" {
		files := t.Get("files")
		if files.Length() == 0 {
			return nil
		}
		var done js.Func
		done = js.FuncOf(func(_ js.Value, a []js.Value) any {
			done.Release()
			p, probs := ImportPlan(w.view.Framework, []byte(a[0].String()), w.level)
			if len(probs) > 0 {
				w.view.Errors, w.view.Notice = probs, ""
				render(w.el, RenderChecklist(&w.view))
				focus(w.el, w.view.prefix()+"-error-summary")
				return nil
			}
			w.view.Plan, w.view.Errors = p, nil
			w.view.Notice = "Imported the plan for " + p.Organization + "."
			w.save()
			render(w.el, RenderChecklist(&w.view))
			return nil
		})
		files.Index(0).Call("text").Call("then", done)
	}
	return nil
}

func (w *checklistWidget) onClick(_ js.Value, args []js.Value) any {
	if onFocusLink(js.Null(), args) != nil {
		return nil
	}
	switch args[0].Get("target").Call("getAttribute", "data-spf-action").String() {
	case "export":
		blobOpts := js.Global().Get("Object").New()
		blobOpts.Set("type", "application/json")
		blob := js.Global().Get("Blob").New([]any{string(ExportPlan(w.view.Plan))}, blobOpts)
		url := js.Global().Get("URL").Call("createObjectURL", blob)
		a := js.Global().Get("document").Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", "action-plan.json")
		a.Call("click")
		js.Global().Get("URL").Call("revokeObjectURL", url)
	case "print":
		js.Global().Call("print")
	}
	return nil
}
