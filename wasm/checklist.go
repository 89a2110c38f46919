package wasm

import (
	"strconv"

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
	entries := map[hrod.ItemID]int{}
	for i, e := range v.Plan.Entries {
		entries[e.Item] = i
	}
	for _, tp := range pr.Themes {
		t := f.Theme(tp.Theme)
		hid := p + "-" + tp.Theme
		h.Raw(`<section class="spf-theme" aria-labelledby="`).Text(hid).Raw(`-heading"><h2 class="nhsuk-heading-m" id="`).Text(hid).Raw(`-heading">`).Text(t.Name).Raw(`</h2>`)
		done := tp.ByStatus[hrod.Completed]
		h.Raw(`<div class="spf-progress"><progress id="`).Text(hid).Raw(`-progress" max="`).Raw(strconv.Itoa(tp.Total)).Raw(`" value="`).Raw(strconv.Itoa(done)).Raw(`" aria-labelledby="`).Text(hid).Raw(`-progress-label"></progress> <span class="nhsuk-body-s" id="`).Text(hid).Raw(`-progress-label">`).
			Raw(strconv.Itoa(done)).Raw(` of `).Raw(strconv.Itoa(tp.Total)).Raw(` completed in `).Text(t.Name).Raw(`</span></div>`)
		h.Raw(`<ul class="nhsuk-task-list">`)
		for _, a := range f.Actions {
			if a.Theme != tp.Theme {
				continue
			}
			for _, it := range a.Items {
				i, ok := entries[it.ID]
				if !ok {
					continue
				}
				e := v.Plan.Entries[i]
				iid := p + "-item-" + string(it.ID)
				h.Raw(`<li class="nhsuk-task-list__item" data-spf-item="`).Text(string(it.ID)).Raw(`"><div class="nhsuk-task-list__name-and-hint"><span class="nhsuk-task-list__name" id="`).Text(iid).Raw(`-name">`).Text(it.Text).Raw(`</span>`)
				h.Raw(`<div class="nhsuk-task-list__hint" id="`).Text(iid).Raw(`-hint">Action `).Text(a.Number).Raw(`, item `).Text(string(it.ID))
				if it.Deadline != nil {
					h.Raw(` · `).Text(it.Deadline.String())
				}
				if !e.Due.IsZero() {
					h.Raw(` · due `).Text(e.Due.String())
				}
				if e.Owner != "" {
					h.Raw(` · `).Text(e.Owner)
				}
				h.Raw(`</div></div><div class="nhsuk-task-list__status"><strong class="nhsuk-tag `).Raw(statusTag[e.Status]).Raw(` spf-print-only">`).Text(e.Status.Label()).Raw(`</strong>`)
				h.Raw(`<label class="nhsuk-label nhsuk-u-visually-hidden" for="`).Text(iid).Raw(`">Status of item `).Text(string(it.ID)).Raw(`</label>`)
				h.Raw(`<select class="nhsuk-select spf-status" id="`).Text(iid).Raw(`" data-spf-item="`).Text(string(it.ID)).Raw(`" aria-describedby="`).Text(iid).Raw(`-name `).Text(iid).Raw(`-hint">`)
				for _, s := range hrod.Statuses {
					h.Raw(`<option`).Attr("value", string(s))
					if s == e.Status {
						h.Raw(` selected`)
					}
					h.Raw(`>`).Text(s.Label()).Raw(`</option>`)
				}
				h.Raw(`</select></div></li>`)
			}
		}
		h.Raw(`</ul></section>`)
	}
	h.Raw(`<div class="spf-checklist-actions nhsuk-u-margin-top-5">`)
	h.Raw(`<button class="nhsuk-button nhsuk-button--secondary" type="button" data-spf-action="export" id="`).Text(p).Raw(`-export">Export plan (JSON)</button> `)
	h.Raw(`<button class="nhsuk-button nhsuk-button--secondary" type="button" data-spf-action="print" id="`).Text(p).Raw(`-print">Print</button>`)
	h.Raw(`<div class="nhsuk-form-group"><label class="nhsuk-label" for="`).Text(p).Raw(`-import">Import a plan (an action-plan JSON file)</label>`)
	h.Raw(`<input class="nhsuk-file-upload" id="`).Text(p).Raw(`-import" type="file" accept="application/json,.json" data-spf-action="import"></div></div>`)
	return h.String()
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
