package wasm

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/hrodjson"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// ChecklistView is everything the action checklist shows at one moment.
type ChecklistView struct {
	// Prefix starts every id in the markup ("spf-checklist" by default).
	Prefix    string
	Framework *hrod.Framework
	Plan      *hrod.Plan
	// On is the day progress is measured on.
	On date.Date
	// Errors are the problems of a plan the user tried to import.
	Errors []*problem.Error
	// Notice is a status message, e.g. that a plan was imported.
	Notice string
	// Open are the themes (by slug) whose items show; the others show
	// only their summary, so a year's plan renders quickly.
	Open map[string]bool
	// Filter narrows the items shown; with any filter set, every theme
	// with a matching item opens.
	Filter ChecklistFilter
	// Editing is the item whose owner, due date, evidence and notes are
	// being edited.
	Editing hrod.ItemID
}

// ChecklistFilter narrows the checklist: by status, by due ("overdue"
// or "soon") and by owner; the zero value shows everything.
type ChecklistFilter struct {
	Status hrod.Status
	Due    string
	Owner  string
}

func (v *ChecklistView) prefix() string {
	if v.Prefix == "" {
		return "spf-checklist"
	}
	return v.Prefix
}

// statusTag is the NHS.UK tag colour of each status.
var statusTag = map[hrod.Status]string{
	hrod.NotYetStarted:  "nhsuk-tag--grey",
	hrod.InProgress:     "nhsuk-tag--blue",
	hrod.Completed:      "",
	hrod.CannotStartYet: "nhsuk-tag--white",
	hrod.HasProblem:     "nhsuk-tag--red",
}

// RenderChecklist returns the checklist's markup: for each theme with
// entries in the plan, a heading, a progress bar and an NHS.UK task list
// whose items show their text, id, deadline and due date, and a status the
// user can change; then export, import and print controls.
func RenderChecklist(v *ChecklistView) string {
	var h html
	p := v.prefix()
	f := v.Framework
	pr := f.Progress(v.Plan, hrod.ProgressOptions{On: v.On})
	if len(v.Errors) > 0 {
		h.Raw(`<div class="nhsuk-error-summary" aria-labelledby="`).Text(p).Raw(`-error-summary-title" role="alert" tabindex="-1" id="`).Text(p).Raw(`-error-summary">`)
		h.Raw(`<h2 class="nhsuk-error-summary__title" id="`).Text(p).Raw(`-error-summary-title">There is a problem</h2>`)
		h.Raw(`<div class="nhsuk-error-summary__body"><p>The plan could not be imported:</p><ul class="nhsuk-list nhsuk-error-summary__list">`)
		for _, e := range v.Errors {
			h.Raw(`<li><a href="#`).Text(p).Raw(`-import" data-spf-focus="`).Text(p).Raw(`-import">`).Text(e.Error()).Raw(`</a></li>`)
		}
		h.Raw(`</ul></div></div>`)
	}
	if v.Notice != "" {
		h.Raw(`<div class="nhsuk-inset-text spf-notice" role="status"><p>`).Text(v.Notice).Raw(`</p></div>`)
	}
	h.Raw(`<p class="nhsuk-body spf-overall" id="`).Text(p).Raw(`-overall">`).Text(v.Plan.Organization).Raw(`: `).
		Raw(strconv.Itoa(pr.Overall.ByStatus[hrod.Completed])).Raw(` of `).Raw(strconv.Itoa(pr.Overall.Total)).Raw(` tasks completed`)
	if len(pr.Overdue) > 0 {
		h.Raw(`, `).Raw(strconv.Itoa(len(pr.Overdue))).Raw(` overdue`)
	}
	h.Raw(`.</p>`)
	// The plan's actions first, then the filters: a year of work is long.
	h.Raw(`<div class="spf-checklist-actions">`)
	h.Raw(`<button class="nhsuk-button nhsuk-button--secondary" type="button" data-spf-action="export" id="`).Text(p).Raw(`-export">Export plan (JSON)</button> `)
	h.Raw(`<button class="nhsuk-button nhsuk-button--secondary" type="button" data-spf-action="print" id="`).Text(p).Raw(`-print">Print</button>`)
	h.Raw(`<div class="nhsuk-form-group"><label class="nhsuk-label" for="`).Text(p).Raw(`-import">Import a plan (an action-plan JSON file)</label>`)
	h.Raw(`<input class="nhsuk-file-upload" id="`).Text(p).Raw(`-import" type="file" accept="application/json,.json" data-spf-action="import"></div></div>`)
	due := map[hrod.ItemID]string{}
	for _, d := range pr.DueSoon {
		due[d.Item] = "soon"
	}
	for _, d := range pr.Overdue {
		due[d.Item] = "overdue"
	}
	owners := []string{""}
	for _, e := range v.Plan.Entries {
		known := false
		for _, o := range owners {
			known = known || o == e.Owner
		}
		if !known {
			owners = append(owners, e.Owner)
		}
	}
	fl := v.Filter
	h.Raw(`<div class="spf-filters">`)
	filter := func(name, label, current string, values, labels []string) {
		fid := p + "-filter-" + name
		h.Raw(`<div class="nhsuk-form-group"><label class="nhsuk-label" for="`).Text(fid).Raw(`">`).Text(label).Raw(`</label><select class="nhsuk-select" id="`).Text(fid).Raw(`" data-spf-filter="`).Raw(name).Raw(`">`)
		for i, val := range values {
			h.Raw(`<option`).Attr("value", val)
			if val == current {
				h.Raw(` selected`)
			}
			h.Raw(`>`).Text(labels[i]).Raw(`</option>`)
		}
		h.Raw(`</select></div>`)
	}
	statusValues, statusLabels := []string{""}, []string{"Any status"}
	for _, st := range hrod.Statuses {
		statusValues, statusLabels = append(statusValues, string(st)), append(statusLabels, st.Label())
	}
	filter("status", "Status", string(fl.Status), statusValues, statusLabels)
	filter("due", "Due", fl.Due, []string{"", "overdue", "soon"}, []string{"Any time", "Overdue", "Due soon"})
	ownerLabels := append([]string{"Anyone"}, owners[1:]...)
	for i := range ownerLabels {
		if ownerLabels[i] == "" {
			ownerLabels[i] = "No owner"
		}
	}
	filter("owner", "Owner", fl.Owner, owners, ownerLabels)
	h.Raw(`</div>`)
	filtered := fl != ChecklistFilter{}
	entries := map[hrod.ItemID]int{}
	for i, e := range v.Plan.Entries {
		if (fl.Status == "" || e.Status == fl.Status) && (fl.Due == "" || due[e.Item] == fl.Due) && (fl.Owner == "" || e.Owner == fl.Owner) {
			entries[e.Item] = i
		}
	}
	shown := 0
	for _, tp := range pr.Themes {
		t := f.Theme(tp.Theme)
		hid := p + "-" + tp.Theme
		var items []string // the matching items' markup, made only when the theme is open
		open := v.Open[tp.Theme] || filtered
		matches := 0
		for _, a := range f.Actions {
			if a.Theme != tp.Theme {
				continue
			}
			for _, it := range a.Items {
				i, ok := entries[it.ID]
				if !ok {
					continue
				}
				matches++
				if open {
					items = append(items, checklistItem(v, p, a.Number, it, &v.Plan.Entries[i], due[it.ID]))
				}
			}
		}
		if matches == 0 {
			continue
		}
		shown += matches
		done := tp.ByStatus[hrod.Completed]
		h.Raw(`<details class="nhsuk-details spf-theme" data-spf-theme="`).Text(tp.Theme).Raw(`" id="`).Text(hid).Raw(`"`)
		if open {
			h.Raw(` open`)
		}
		h.Raw(`><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text" id="`).Text(hid).Raw(`-heading">`).Text(t.Name).Raw(`</span> <span class="nhsuk-body-s spf-theme-count">`).
			Raw(strconv.Itoa(done)).Raw(` of `).Raw(strconv.Itoa(tp.Total)).Raw(` completed</span></summary>`)
		h.Raw(`<div class="spf-progress"><progress id="`).Text(hid).Raw(`-progress" max="`).Raw(strconv.Itoa(tp.Total)).Raw(`" value="`).Raw(strconv.Itoa(done)).Raw(`" aria-labelledby="`).Text(hid).Raw(`-progress-label"></progress> <span class="nhsuk-body-s" id="`).Text(hid).Raw(`-progress-label">`).
			Raw(strconv.Itoa(done)).Raw(` of `).Raw(strconv.Itoa(tp.Total)).Raw(` completed in `).Text(t.Name).Raw(`</span></div>`)
		if open {
			h.Raw(`<ul class="nhsuk-task-list nhsuk-details__text">`)
			for _, it := range items {
				h.Raw(it)
			}
			h.Raw(`</ul>`)
		}
		h.Raw(`</details>`)
	}
	if shown == 0 {
		h.Raw(`<p class="nhsuk-body">No items match the filters.</p>`)
	}
	return h.String()
}

// checklistItem is one item's row: its text and hints, its status as a
// coloured tag (and overdue or due soon), the status select and, for the
// item being edited, its owner, due date, evidence and notes.
func checklistItem(v *ChecklistView, p, action string, it hrod.Item, e *hrod.Entry, due string) string {
	var h html
	iid := p + "-item-" + string(it.ID)
	h.Raw(`<li class="nhsuk-task-list__item" data-spf-item="`).Text(string(it.ID)).Raw(`"><div class="nhsuk-task-list__name-and-hint"><span class="nhsuk-task-list__name" id="`).Text(iid).Raw(`-name">`).Text(it.Text).Raw(`</span>`)
	h.Raw(`<div class="nhsuk-task-list__hint" id="`).Text(iid).Raw(`-hint">Action `).Text(action).Raw(`, item `).Text(string(it.ID))
	if it.Deadline != nil {
		h.Raw(` · `).Text(it.Deadline.String())
	}
	if !e.Due.IsZero() {
		h.Raw(` · due `).Text(e.Due.String())
	}
	if e.Owner != "" {
		h.Raw(` · `).Text(e.Owner)
	}
	h.Raw(`</div></div><div class="nhsuk-task-list__status"><strong class="nhsuk-tag `).Raw(statusTag[e.Status]).Raw(`">`).Text(e.Status.Label()).Raw(`</strong>`)
	switch due {
	case "overdue":
		h.Raw(` <strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>`)
	case "soon":
		h.Raw(` <strong class="nhsuk-tag nhsuk-tag--yellow">Due soon</strong>`)
	}
	h.Raw(`<label class="nhsuk-label nhsuk-u-visually-hidden" for="`).Text(iid).Raw(`">Status of item `).Text(string(it.ID)).Raw(`</label>`)
	h.Raw(`<select class="nhsuk-select spf-status" id="`).Text(iid).Raw(`" data-spf-item="`).Text(string(it.ID)).Raw(`" aria-describedby="`).Text(iid).Raw(`-name `).Text(iid).Raw(`-hint">`)
	for _, s := range hrod.Statuses {
		h.Raw(`<option`).Attr("value", string(s))
		if s == e.Status {
			h.Raw(` selected`)
		}
		h.Raw(`>`).Text(s.Label()).Raw(`</option>`)
	}
	h.Raw(`</select>`)
	if v.Editing != it.ID {
		h.Raw(` <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" data-spf-edit="`).Text(string(it.ID)).Raw(`" aria-describedby="`).Text(iid).Raw(`-name">Edit details</button></div></li>`)
		return h.String()
	}
	evidence := ""
	if len(e.Evidence) > 0 {
		evidence = e.Evidence[0].URL
	}
	field := func(name, label, typ, value string) {
		h.Raw(`<div class="nhsuk-form-group"><label class="nhsuk-label" for="`).Text(iid).Raw(`-`).Raw(name).Raw(`">`).Text(label).Raw(`</label>`)
		if typ == "textarea" {
			h.Raw(`<textarea class="nhsuk-textarea" rows="3" id="`).Text(iid).Raw(`-`).Raw(name).Raw(`">`).Text(value).Raw(`</textarea></div>`)
			return
		}
		h.Raw(`<input class="nhsuk-input" type="`).Raw(typ).Raw(`" id="`).Text(iid).Raw(`-`).Raw(name).Raw(`"`).Attr("value", value).Raw(`></div>`)
	}
	due2 := ""
	if !e.Due.IsZero() {
		due2 = e.Due.String()
	}
	h.Raw(`</div><div class="spf-edit">`)
	field("owner", "Owner", "text", e.Owner)
	field("due", "Due date", "date", due2)
	field("evidence", "Evidence (a link)", "url", evidence)
	field("notes", "Notes", "textarea", e.Notes)
	h.Raw(`<button class="nhsuk-button" type="button" data-spf-action="save">Save details</button> <button class="nhsuk-button nhsuk-button--secondary" type="button" data-spf-action="cancel">Cancel</button></div></li>`)
	return h.String()
}

// FrameworkText is the framework as the checklist loads it
// (framework.txt beside the bundle): only what it shows, one line each,
// tab-separated: "T slug name" for a theme, "A number theme level" for an
// action, then "I id kind year text" for each of its items (kind and year
// empty when the item has no deadline). A JSON decoder for it would cost
// the bundle more than the framework itself; this reader is a few lines.
func FrameworkText(f *hrod.Framework) []byte {
	var b []byte
	line := func(fields ...string) {
		b = append(b, strings.Join(fields, "\t")...)
		b = append(b, '\n')
	}
	for _, t := range f.Themes {
		line("T", t.Slug, t.Name)
	}
	for _, a := range f.Actions {
		line("A", a.Number, a.Theme, string(a.Level))
		for _, it := range a.Items {
			kind, year := "", ""
			if it.Deadline != nil {
				kind, year = string(it.Deadline.Kind), strconv.Itoa(it.Deadline.Year)
			}
			line("I", string(it.ID), kind, year, it.Text)
		}
	}
	return b
}

// LoadFramework reads framework.txt (see FrameworkText); ok is false for
// anything else.
func LoadFramework(data []byte) (f *hrod.Framework, ok bool) {
	f = &hrod.Framework{}
	for _, l := range strings.Split(string(data), "\n") {
		x := strings.Split(l, "\t")
		switch {
		case x[0] == "T" && len(x) == 3:
			f.Themes = append(f.Themes, hrod.Theme{Slug: x[1], Name: x[2]})
		case x[0] == "A" && len(x) == 4:
			f.Actions = append(f.Actions, hrod.Action{Number: x[1], Theme: x[2], Level: hrod.Level(x[3])})
		case x[0] == "I" && len(x) == 5 && len(f.Actions) > 0:
			it := hrod.Item{ID: hrod.ItemID(x[1]), Text: x[4]}
			if y, isNum := jsonlite.Atoi(x[3]); isNum {
				it.Deadline = &hrod.Deadline{Kind: hrod.DeadlineKind(x[2]), Year: y}
			}
			a := &f.Actions[len(f.Actions)-1]
			a.Items = append(a.Items, it)
		case l != "":
			return nil, false
		}
	}
	return f, len(f.Actions) > 0
}

// ImportPlan reads and checks a plan file for the checklist: the plan
// must be readable JSON of the action-plan shape (read by the decoder
// generated from hrod.Plan), be for the checklist's level and pass the
// plan rules (Framework.CheckPlan). The widget does not carry the JSON
// Schema engine, which the bundle's size budget cannot afford; the
// decoder and the rules refuse what the schema would, bar the pattern of
// an item id, which the rules report as an unknown item.
func ImportPlan(f *hrod.Framework, data []byte, level hrod.Level) (*hrod.Plan, []*problem.Error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return nil, parseProblems(err)
	}
	p, probs := hrodjson.DecodePlan(doc.Root())
	if len(probs) == 0 {
		probs = f.CheckPlan(p)
		for _, e := range probs {
			e.Line, e.Column = doc.Find(e.Pointer).Position()
		}
	}
	if len(probs) == 0 && p.Level != level {
		probs = []*problem.Error{{Pointer: "/level", Code: "level_mismatch", Message: "this checklist shows " + string(level) + " items, but the plan is for the " + string(p.Level) + " level"}}
	}
	return p, probs
}

// ExportPlan writes a plan as an indented action-plan document, with the
// encoder generated from hrod.Plan.
func ExportPlan(p *hrod.Plan) []byte {
	var b sink
	p.WriteJSON(&b)
	return b
}

// sink collects what is written to it: bytes.Buffer would cost the
// bundle 5.5 KB of code (1.6 KB with brotli) for what this does.
type sink []byte

func (s *sink) Write(b []byte) (int, error) {
	*s = append(*s, b...)
	return len(b), nil
}
