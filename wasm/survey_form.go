package wasm

import (
	"strconv"
	"unicode/utf8"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// The messages beside the submit button.
const (
	// FailedAlert: the request failed or the service could not save.
	FailedAlert = "Your answers could not be sent. They have been kept: check your connection and submit again."
	// BlankAlert: nothing is answered; a second submit sends it anyway.
	BlankAlert = "You have not answered any questions. Answer at least one, or select Submit again to send a blank response."
	// NotSentAlert: the page gives no submit-url and did not take the
	// answers itself (by cancelling spf-submit).
	NotSentAlert = "Your answers have not been sent: this page does not say where to send them. They have been kept; tell whoever runs this page."
)

// SurveyView is everything the survey form shows at one moment.
type SurveyView struct {
	// Prefix starts every id in the markup ("spf" by default), so two
	// widgets on a page never share an id.
	Prefix string
	Def    *survey.Definition
	// Answers holds what the respondent has entered so far.
	Answers *survey.Response
	// Errors are the problems found when the respondent last submitted.
	Errors []*problem.Error
	// Notice is a message above the form, e.g. that a saved draft was for
	// an older version and was discarded.
	Notice string
	// Alert is a message beside the submit button, which takes focus: that
	// sending failed, or that the answers are blank and a second submit
	// sends them anyway.
	Alert string
	// Sending is set while a submission is in flight.
	Sending bool
	// Sent is set once the response has been accepted.
	Sent bool
	// Action, when set, makes the form post to it without scripts (the
	// service's page for browsers without JavaScript), with Submission as
	// its submission id; every question and "please specify" box shows,
	// since nothing can reveal them.
	Action, Submission string
}

func (v *SurveyView) prefix() string {
	if v.Prefix == "" {
		return "spf"
	}
	return v.Prefix
}

// InputID is the id of a question's first input, which the error summary
// links to ("spf-q1"), or of its "please specify" input ("spf-org_type-other").
func (v *SurveyView) InputID(e *problem.Error) string {
	q := survey.QuestionOf(e)
	if q == "" {
		return v.prefix() + "-submit"
	}
	if len(e.Pointer) > 7 && e.Pointer[:7] == "/other/" {
		return v.prefix() + "-" + string(q) + "-other"
	}
	return v.prefix() + "-" + string(q)
}

// RenderSurvey returns the form's markup: NHS.UK frontend's, with each
// likert statement its own fieldset of radios, choice questions as radios
// or checkboxes with a conditionally revealed "please specify" input, free
// text as a textarea with a character count, and, after a submission with
// problems, an error summary linking to each question's first input and an
// inline message on each question.
func RenderSurvey(v *SurveyView) string {
	var h html
	p := v.prefix()
	def := v.Def
	if v.Sent {
		h.Raw(`<div class="nhsuk-panel spf-panel" role="status" tabindex="-1" id="`).Text(p).Raw(`-sent"><h2 class="nhsuk-panel__title">Thank you</h2><p class="nhsuk-body">Your answers have been sent.</p></div>`)
		return h.String()
	}
	byQ := survey.ByQuestion(v.Errors)
	if len(v.Errors) > 0 {
		h.Raw(`<div class="nhsuk-error-summary" aria-labelledby="`).Text(p).Raw(`-error-summary-title" role="alert" tabindex="-1" id="`).Text(p).Raw(`-error-summary">`)
		h.Raw(`<h2 class="nhsuk-error-summary__title" id="`).Text(p).Raw(`-error-summary-title">There is a problem</h2>`)
		h.Raw(`<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">`)
		for _, e := range v.Errors {
			h.Raw(`<li><a href="#`).Text(v.InputID(e)).Raw(`" data-spf-focus="`).Text(v.InputID(e)).Raw(`">`).Text(Message(e)).Raw(`</a></li>`)
		}
		h.Raw(`</ul></div></div>`)
	}
	if v.Notice != "" {
		h.Raw(`<div class="nhsuk-inset-text spf-notice" role="status"><span class="nhsuk-u-visually-hidden">Information: </span><p>`).Text(v.Notice).Raw(`</p></div>`)
	}
	h.Raw(`<form class="spf-form" novalidate id="`).Text(p).Raw(`-form"`)
	if v.Action != "" {
		// Rendered by the service for a page without scripts: an ordinary
		// form post, with the submission id that makes a resend harmless.
		h.Raw(` method="post"`).Attr("action", v.Action).Raw(`><input type="hidden" name="spf.submission"`).Attr("value", v.Submission)
	}
	h.Raw(`><h2 class="nhsuk-heading-l spf-title">`).Text(def.Title).Raw(`</h2>`)
	if def.Description != "" {
		h.Raw(`<p class="nhsuk-body spf-description">`).Text(def.Description).Raw(`</p>`)
	}
	for i := range def.Questions {
		q := &def.Questions[i]
		if q.Section != "" {
			h.Raw(`<h3 class="nhsuk-heading-m spf-section">`).Text(q.Section).Raw(`</h3>`)
		}
		if q.Intro != "" {
			// A paragraph per blank-line-separated part, a line break per
			// single newline (a loop of its own: strings.Split and its
			// kin cost the bundle about 1 KB with brotli).
			h.Raw(`<p class="nhsuk-body spf-intro">`)
			t := q.Intro
			for t != "" {
				end := 0
				for end < len(t) && t[end] != '\n' {
					end++
				}
				h.Text(t[:end])
				switch {
				case end+1 < len(t) && t[end+1] == '\n':
					h.Raw(`</p><p class="nhsuk-body spf-intro">`)
					end++
				case end < len(t):
					h.Raw(`<br>`)
				}
				t = t[min(end+1, len(t)):]
			}
			h.Raw(`</p>`)
		}
		shown := def.Shown(q.ID, v.Answers)
		renderQuestion(&h, v, q, shown, byQ[q.ID])
	}
	if v.Alert != "" {
		h.Raw(`<div class="nhsuk-inset-text spf-alert" role="alert" tabindex="-1" id="`).Text(p).Raw(`-alert"><span class="nhsuk-u-visually-hidden">Important: </span><p>`).Text(v.Alert).Raw(`</p></div>`)
	}
	label := "Submit"
	if v.Sending {
		label = "Sending…"
	}
	h.Raw(`<button class="nhsuk-button" type="submit" data-module="nhsuk-button" id="`).Text(p).Raw(`-submit"`)
	if v.Sending {
		h.Raw(` disabled aria-disabled="true"`)
	}
	h.Raw(`>`).Text(label).Raw(`</button></form>`)
	return h.String()
}

// Message is a problem's sentence as the form shows it: the validator's
// wording with its first letter capitalised.
func Message(e *problem.Error) string {
	m := e.Message
	if m != "" && m[0] >= 'a' && m[0] <= 'z' {
		m = string(m[0]-'a'+'A') + m[1:]
	}
	return m
}

func renderQuestion(h *html, v *SurveyView, q *survey.Question, shown bool, errs []*problem.Error) {
	p := v.prefix()
	id := p + "-" + string(q.ID)
	a := v.Answers.Answers[q.ID]
	var answerErr, otherErr *problem.Error
	for _, e := range errs {
		if len(e.Pointer) > 7 && e.Pointer[:7] == "/other/" {
			otherErr = e
		} else if answerErr == nil {
			answerErr = e
		}
	}
	group := "nhsuk-form-group"
	if answerErr != nil {
		group += " nhsuk-form-group--error"
	}
	h.Raw(`<div class="`).Raw(group).Raw(`" data-spf-question="`).Text(string(q.ID)).Raw(`"`)
	if !shown && v.Action == "" { // without scripts every question shows
		h.Raw(` hidden`)
	}
	h.Raw(`>`)
	describedBy := ""
	if q.Help != "" {
		describedBy = id + "-hint"
	}
	if answerErr != nil {
		describedBy += " " + id + "-error"
	}
	hint := func() {
		if q.Help != "" {
			h.Raw(`<div class="nhsuk-hint" id="`).Text(id).Raw(`-hint">`).Text(q.Help).Raw(`</div>`)
		}
		if answerErr != nil {
			h.Raw(`<span class="nhsuk-error-message" id="`).Text(id).Raw(`-error"><span class="nhsuk-u-visually-hidden">Error:</span> `).Text(Message(answerErr)).Raw(`</span>`)
		}
	}
	switch q.Type {
	case survey.FreeText:
		text, _ := a.Text()
		if q.Format != "" {
			// An email address or a number: one line, with the keyboard
			// and autofill that suit it, as NHS.UK's text input pattern.
			h.Raw(`<label class="nhsuk-label nhsuk-label--s" for="`).Text(id).Raw(`">`).Text(q.Text)
			required(h, q)
			h.Raw(`</label>`)
			hint()
			h.Raw(`<input class="nhsuk-input nhsuk-input--width-20`)
			if answerErr != nil {
				h.Raw(` nhsuk-input--error`)
			}
			h.Raw(`" id="`).Text(id).Raw(`" name="`).Text(string(q.ID))
			if q.Format == survey.EmailFormat {
				h.Raw(`" type="email" autocomplete="email" spellcheck="false"`)
			} else if q.Format == survey.DateFormat {
				h.Raw(`" type="date"`)
			} else {
				h.Raw(`" type="text" inputmode="decimal"`)
			}
			if q.Required {
				h.Raw(` required aria-required="true"`)
			}
			if describedBy != "" {
				h.Attr("aria-describedby", trim(describedBy))
			}
			h.Attr("value", text).Raw(`></div>`)
			return
		}
		h.Raw(`<div class="nhsuk-character-count" data-module="nhsuk-character-count" data-maxlength="`).Raw(strconv.Itoa(q.MaxLength)).Raw(`">`)
		h.Raw(`<label class="nhsuk-label nhsuk-label--s" for="`).Text(id).Raw(`">`).Text(q.Text)
		required(h, q)
		h.Raw(`</label>`)
		hint()
		h.Raw(`<textarea class="nhsuk-textarea nhsuk-js-character-count`)
		if answerErr != nil {
			h.Raw(` nhsuk-textarea--error`)
		}
		h.Raw(`" id="`).Text(id).Raw(`" name="`).Text(string(q.ID)).Raw(`" rows="4"`)
		if q.Required {
			h.Raw(` required aria-required="true"`)
		}
		h.Raw(` aria-describedby="`).Text(trim(describedBy + " " + id + "-info")).Raw(`">`).Text(text).Raw(`</textarea>`)
		h.Raw(`<div class="nhsuk-hint nhsuk-character-count__message" id="`).Text(id).Raw(`-info" aria-live="polite">`).Text(remaining(q.MaxLength, text)).Raw(`</div></div>`)
	default:
		h.Raw(`<fieldset class="nhsuk-fieldset"`)
		if describedBy != "" {
			h.Attr("aria-describedby", trim(describedBy))
		}
		h.Raw(`><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">`).Text(q.Text)
		required(h, q)
		h.Raw(`</legend>`)
		hint()
		kind := "radios"
		if q.Type == survey.MultipleChoice {
			kind = "checkboxes"
		}
		h.Raw(`<div class="nhsuk-`).Raw(kind).Raw(`" data-module="nhsuk-`).Raw(kind).Raw(`">`)
		n := 0
		item := func(value, label string, checked bool, other bool) {
			inputID := id
			if n > 0 {
				inputID = id + "-" + strconv.Itoa(n+1)
			}
			n++
			typ := "radio"
			if kind == "checkboxes" {
				typ = "checkbox"
			}
			h.Raw(`<div class="nhsuk-`).Raw(kind).Raw(`__item"><input class="nhsuk-`).Raw(kind).Raw(`__input" id="`).Text(inputID).Raw(`" name="`).Text(string(q.ID)).Raw(`" type="`).Raw(typ).Raw(`"`).Attr("value", value)
			if checked {
				h.Raw(` checked`)
			}
			if q.Required && typ == "radio" {
				h.Raw(` required`) // what assistive technology reads as aria-required
			}
			if other {
				// aria-controls only: aria-expanded is not allowed on a radio
				// or checkbox (GOV.UK Frontend dropped it for that reason).
				h.Raw(` aria-controls="`).Text(id).Raw(`-other-conditional"`)
			}
			h.Raw(`><label class="nhsuk-label nhsuk-`).Raw(kind).Raw(`__label" for="`).Text(inputID).Raw(`">`).Text(label).Raw(`</label></div>`)
			if other {
				otherText := v.Answers.Other[q.ID]
				cls := "nhsuk-" + kind + "__conditional"
				if !checked && v.Action == "" {
					cls += " nhsuk-" + kind + "__conditional--hidden"
				}
				oid := id + "-other"
				h.Raw(`<div class="`).Raw(cls).Raw(`" id="`).Text(id).Raw(`-other-conditional"><div class="nhsuk-form-group`)
				if otherErr != nil {
					h.Raw(` nhsuk-form-group--error`)
				}
				h.Raw(`"><label class="nhsuk-label" for="`).Text(oid).Raw(`">Please specify</label>`)
				if otherErr != nil {
					h.Raw(`<span class="nhsuk-error-message" id="`).Text(oid).Raw(`-error"><span class="nhsuk-u-visually-hidden">Error:</span> `).Text(Message(otherErr)).Raw(`</span>`)
				}
				h.Raw(`<input class="nhsuk-input`)
				if otherErr != nil {
					h.Raw(` nhsuk-input--error`)
				}
				h.Raw(`" id="`).Text(oid).Raw(`" name="`).Text(string(q.ID)).Raw(`.other" type="text" maxlength="`).Raw(strconv.Itoa(q.OtherMaxLength())).Raw(`"`).Attr("value", otherText)
				if otherErr != nil {
					h.Raw(` aria-describedby="`).Text(oid).Raw(`-error"`)
				}
				h.Raw(`></div></div>`)
			}
		}
		switch q.Type {
		case survey.Likert:
			num, isNum := a.Number()
			for pt := q.Scale.Min; pt <= q.Scale.Max; pt++ {
				label := strconv.Itoa(pt)
				if l := q.Scale.Label(pt); l != "" && l != label {
					label += " – " + l
				}
				item(strconv.Itoa(pt), label, isNum && int(num) == pt, false)
			}
			if q.Scale.DontKnow != "" {
				text, _ := a.Text()
				if kind == "radios" {
					h.Raw(`<div class="nhsuk-radios__divider">or</div>`)
				}
				item(survey.DontKnow, q.Scale.DontKnow, text == survey.DontKnow, false)
			}
		case survey.SingleChoice:
			text, _ := a.Text()
			for i := range q.Options {
				o := &q.Options[i]
				if v.Action == "" && !v.Def.Offered(o, v.Answers) {
					continue // an option its condition does not offer (all show without scripts)
				}
				item(o.Value, o.Label, text == o.Value, o.Other)
			}
		case survey.MultipleChoice:
			list, _ := a.Choices()
			for i := range q.Options {
				o := &q.Options[i]
				if v.Action == "" && !v.Def.Offered(o, v.Answers) {
					continue
				}
				chosen := false
				for _, c := range list {
					chosen = chosen || c == o.Value
				}
				item(o.Value, o.Label, chosen, o.Other)
			}
		}
		h.Raw(`</div></fieldset>`)
	}
	h.Raw(`</div>`)
}

// required marks a required question's label or legend.
func required(h *html, q *survey.Question) {
	if q.Required {
		h.Raw(` <span class="spf-required">(required)</span>`)
	}
}

// remaining is the character count's message.
func remaining(max int, text string) string {
	left := max - utf8.RuneCountInString(text)
	switch {
	case left == max:
		return "You can enter up to " + strconv.Itoa(max) + " characters"
	case left == 1:
		return "You have 1 character remaining"
	case left == -1:
		return "You have 1 character too many"
	case left < 0:
		return "You have " + strconv.Itoa(-left) + " characters too many"
	}
	return "You have " + strconv.Itoa(left) + " characters remaining"
}

func trim(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}
