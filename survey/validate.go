package survey

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// Validator checks responses against a definition. The zero Validator is
// ready to use and checks complete responses.
//
// This code (and the decoder) is what the WebAssembly widget runs in the
// browser, so it stays small: no fmt, no reflection, no regular
// expression engine (a pattern is tested through MatchPattern), no JSON
// Schema.
type Validator struct {
	// AllowPartial skips the required-answer rule, for checking a draft
	// while it is being filled in.
	AllowPartial bool
}

// Validate checks r against def with the zero Validator.
func Validate(def *Definition, r *Response) error { return Validator{}.Validate(def, r) }

// Validate returns every problem with r as a problem.List,
// sorted by path, or nil.
func (v Validator) Validate(def *Definition, r *Response) error {
	return problem.Join(v.Check(def, r))
}

// Check returns every problem with r, in question order: the wrong survey
// or version, answers to unknown questions, answers of the wrong type, out
// of range or too long, Other chosen without its specify text or specify
// text without Other, answers to questions whose show-if condition is
// false, and (unless AllowPartial) required questions left unanswered.
func (v Validator) Check(def *Definition, r *Response) []*problem.Error {
	var errs []*problem.Error
	add := func(path, code, msg, hint string) {
		errs = append(errs, &problem.Error{Pointer: path, Code: code, Message: msg, Hint: hint})
	}
	if r.Survey != def.ID {
		add("/survey", CodeWrongSurvey, "this response is for survey "+problem.Quote(r.Survey)+", not "+problem.Quote(def.ID), "check which survey the file holds")
	}
	if r.Version != "" && r.Version != def.Version {
		add("/version", CodeWrongVersion, "this response is for version "+problem.Quote(r.Version)+" of the survey, not "+problem.Quote(def.Version), "score it with the definition it was collected with")
	}
	var buf [32]bool
	shown := buf[:0]
	if len(def.Questions) > len(buf) {
		shown = make([]bool, 0, len(def.Questions))
	}
	head := len(errs)       // problems with the survey and version come first
	answers, others := 0, 0 // members of Answers and Other that are questions
	for i := range def.Questions {
		q := &def.Questions[i]
		shown = append(shown, def.shown(q, r, shown))
		a, hasAnswer := r.Answers[q.ID]
		other, hasOther := r.Other[q.ID]
		if hasAnswer {
			answers++
		}
		if hasOther {
			others++
		}
		if !shown[i] {
			why := "this question is not asked with the answers given"
			if c := q.ShowIf; c.Question != "" {
				why = "this question is not asked when " + problem.Quote(string(c.Question)) + " has that answer"
			}
			if !answerEmpty(a) {
				add(answerPath(q.ID), CodeConditionFalse, why, "remove the answer")
			}
			if hasOther {
				add(otherPath(q.ID), CodeConditionFalse, why, "remove the text")
			}
			continue
		}
		if answerEmpty(a) {
			if q.Required && !v.AllowPartial {
				add(answerPath(q.ID), CodeRequired, requiredMessage(q), "")
			}
			if hasOther && strings.TrimSpace(other) != "" && q.OtherOption() != nil {
				add(jsonptr.Join("/other", string(q.ID)), CodeTextWithoutOther, "you entered other text but did not choose "+problem.Quote(q.OtherOption().Label), "choose it, or delete the text")
			}
		} else {
			checkAnswer(q, a, add)
			def.checkOffered(q, a, r, shown, add)
		}
		checkOther(q, a, other, hasOther, add)
	}
	// Members that are no question: counted above without walking the
	// maps (the common case has none), and listed in order after the
	// problems with the survey and version.
	if answers < len(r.Answers) || others < len(r.Other) {
		rest := append([]*problem.Error(nil), errs[head:]...)
		errs = errs[:head]
		for _, id := range sortedKeys(r.Answers) {
			if def.index(id) < 0 {
				add(jsonptr.Join("/answers", string(id)), CodeUnknownQuestion, "the survey has no question "+problem.Quote(string(id)), "remove the answer or check the question id")
			}
		}
		for _, id := range sortedKeys(r.Other) {
			if def.index(id) < 0 {
				add(jsonptr.Join("/other", string(id)), CodeUnknownQuestion, "the survey has no question "+problem.Quote(string(id)), "remove the text or check the question id")
			}
		}
		errs = append(errs, rest...)
	}
	return errs
}

// sortedKeys lists m's keys in order.
func sortedKeys[V any](m map[QuestionID]V) []QuestionID {
	keys := make([]QuestionID, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Insertion sort: few keys, and no generic sort in the widget.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// answerPath and otherPath are the JSON Pointers of a question's answer
// and specify text, built only when there is a problem to report.
func answerPath(id QuestionID) string { return jsonptr.Join("/answers", string(id)) }

func otherPath(id QuestionID) string { return jsonptr.Join("/other", string(id)) }

// Empty reports whether a counts as not answered: absent, null, blank
// text or an empty list.
func (a Answer) Empty() bool { return answerEmpty(a) }

func answerEmpty(a Answer) bool {
	switch a.kind {
	case NoAnswer:
		return true
	case TextAnswer:
		return strings.TrimSpace(a.text) == ""
	case ListAnswer:
		return len(a.list) == 0 && a.what == ""
	}
	return false
}

// requiredMessage says what to do about an unanswered question, and
// which question, as NHS.UK error messages do.
func requiredMessage(q *Question) string {
	switch q.Type {
	case Likert:
		return "Select how much you agree with " + q.shortName()
	case SingleChoice:
		return "Select an answer to " + q.shortName()
	case MultipleChoice:
		return "Select at least one answer to " + q.shortName()
	}
	return "Enter an answer to " + q.shortName()
}

// shortName names a question in a message: its text, quoted, cut after
// about 60 characters at a word.
func (q *Question) shortName() string {
	t := q.Text
	for len(t) > 0 && (t[len(t)-1] == '.' || t[len(t)-1] == ':' || t[len(t)-1] == ' ') {
		t = t[:len(t)-1]
	}
	if utf8.RuneCountInString(t) > 64 {
		cut, n := 0, 0
		for i := range t {
			if n >= 60 {
				break
			}
			if t[i] == ' ' {
				cut = i
			}
			n++
		}
		if cut == 0 {
			cut = len(t)
		}
		t = t[:cut] + "…"
	}
	return problem.Quote(t)
}

func checkAnswer(q *Question, a Answer, add func(path, code, msg, hint string)) {
	wrong := func(want, hint string) {
		add(answerPath(q.ID), CodeWrongType, "the answer must be "+want+", not "+a.describe(), hint)
	}
	switch q.Type {
	case Likert:
		s := q.Scale
		switch a.kind {
		case NumberAnswer:
			if a.num != float64(int64(a.num)) {
				add(answerPath(q.ID), CodeOutOfRange, "the answer must be a whole number from "+strconv.Itoa(s.Min)+" to "+strconv.Itoa(s.Max), "")
			} else if !s.Contains(int(a.num)) {
				add(answerPath(q.ID), CodeOutOfRange, "the answer must be from "+strconv.Itoa(s.Min)+" to "+strconv.Itoa(s.Max)+", not "+a.String(), "")
			}
		case TextAnswer:
			if a.text == DontKnow {
				if s.DontKnow == "" {
					add(answerPath(q.ID), CodeOutOfRange, "this question has no \"don't know\" option", "choose a point from "+strconv.Itoa(s.Min)+" to "+strconv.Itoa(s.Max))
				}
				return
			}
			if t := strings.TrimSpace(a.text); t != "" && isNumber(t) {
				wrong("a number", "write the number without quotes")
				return
			}
			wrong("a number from "+strconv.Itoa(s.Min)+" to "+strconv.Itoa(s.Max), "")
		default:
			wrong("a number from "+strconv.Itoa(s.Min)+" to "+strconv.Itoa(s.Max), "")
		}
	case SingleChoice:
		switch a.kind {
		case TextAnswer:
			if q.Option(a.text) == nil {
				add(answerPath(q.ID), CodeOutOfRange, problem.Quote(a.text)+" is not one of the options", "use an option's value")
			}
		case ListAnswer:
			wrong("one option's value", "choose one option, not a list")
		default:
			wrong("one option's value", "")
		}
	case MultipleChoice:
		switch a.kind {
		case ListAnswer:
			if a.what != "" {
				wrong("a list of option values", "")
				return
			}
			for j, c := range a.list {
				if q.Option(c) == nil {
					add(jsonptr.Join(answerPath(q.ID), j), CodeOutOfRange, problem.Quote(c)+" is not one of the options", "use an option's value")
				}
				for k := 0; k < j; k++ {
					if a.list[k] == c {
						add(jsonptr.Join(answerPath(q.ID), j), CodeDuplicateChoice, problem.Quote(c)+" is chosen twice", "list each option once")
						break
					}
				}
			}
			if n := len(a.list); n < q.MinChoices {
				add(answerPath(q.ID), CodeOutOfRange, "select at least "+strconv.Itoa(q.MinChoices)+" answers to "+q.shortName(), "")
			} else if q.MaxChoices > 0 && n > q.MaxChoices {
				add(answerPath(q.ID), CodeOutOfRange, "select no more than "+strconv.Itoa(q.MaxChoices)+" answers to "+q.shortName(), "")
			}
		case TextAnswer:
			wrong("a list of option values", "put the value in a list: [\""+a.text+"\"]")
		default:
			wrong("a list of option values", "")
		}
	case FreeText:
		if a.kind != TextAnswer {
			wrong("text", "")
			return
		}
		if n := utf8.RuneCountInString(a.text); q.MaxLength > 0 && n > q.MaxLength {
			add(answerPath(q.ID), CodeTooLong, "your answer to "+q.shortName()+" must be "+strconv.Itoa(q.MaxLength)+" characters or fewer (it has "+strconv.Itoa(n)+")", "")
			return
		}
		checkText(q, a.text, add)
	}
}

// checkOther applies the Other rule: the specify text is required exactly
// when the Other option is chosen.
func checkOther(q *Question, a Answer, other string, hasOther bool, add func(path, code, msg, hint string)) {
	opt := q.OtherOption()
	if opt == nil {
		if hasOther && strings.TrimSpace(other) != "" {
			add(otherPath(q.ID), CodeTextWithoutOther, "this question has no \"Other\" option to specify", "remove the text")
		}
		return
	}
	chosen := false
	switch a.kind {
	case TextAnswer:
		chosen = a.text == opt.Value
	case ListAnswer:
		for _, c := range a.list {
			chosen = chosen || c == opt.Value
		}
	}
	blank := strings.TrimSpace(other) == ""
	switch {
	case chosen && blank:
		add(otherPath(q.ID), CodeOtherWithoutText, "you chose "+problem.Quote(opt.Label)+" for "+q.shortName()+": enter what it is", "")
	case !chosen && hasOther && !blank && !answerEmpty(a):
		add(otherPath(q.ID), CodeTextWithoutOther, "you entered other text but did not choose "+problem.Quote(opt.Label), "choose it, or delete the text")
	case chosen:
		if n := utf8.RuneCountInString(other); n > q.OtherMaxLength() {
			add(otherPath(q.ID), CodeTooLong, "what you entered for "+problem.Quote(opt.Label)+" must be "+strconv.Itoa(q.OtherMaxLength())+" characters or fewer (it has "+strconv.Itoa(n)+")", "")
		}
	}
}

// shown reports whether q is asked, given the answers in r and whether the
// earlier questions were shown.
func (d *Definition) shown(q *Question, r *Response, shownSoFar []bool) bool {
	return q.ShowIf == nil || d.holds(q.ShowIf, r, shownSoFar)
}

// holds reports whether condition c holds. A question not asked has no
// answer; a condition on an unknown or later question, which Check
// refuses, does not hold.
func (d *Definition) holds(c *Condition, r *Response, shownSoFar []bool) bool {
	if len(c.All) > 0 {
		for i := range c.All {
			if !d.holds(&c.All[i], r, shownSoFar) {
				return false
			}
		}
		return true
	}
	if len(c.Any) > 0 {
		for i := range c.Any {
			if d.holds(&c.Any[i], r, shownSoFar) {
				return true
			}
		}
		return false
	}
	j := d.index(c.Question)
	if j < 0 || j >= len(shownSoFar) {
		return false
	}
	var a Answer
	if shownSoFar[j] {
		a = r.Answers[c.Question]
	}
	src := &d.Questions[j]
	switch {
	case c.Answered != nil:
		return answerEmpty(a) != *c.Answered
	case len(c.NoneOf) > 0:
		return !matches(src, a, c.NoneOf)
	case len(c.AllOf) > 0:
		for _, v := range c.AllOf {
			if !matches(src, a, []string{v}) {
				return false
			}
		}
		return true
	}
	return matches(src, a, c.AnyOf)
}

// checkOffered reports a chosen option whose own condition does not hold.
func (d *Definition) checkOffered(q *Question, a Answer, r *Response, shown []bool, add func(path, code, msg, hint string)) {
	conditional := false
	for i := range q.Options {
		conditional = conditional || q.Options[i].ShowIf != nil
	}
	if !conditional {
		return // the usual case, at no cost
	}
	chosen := a.list
	if a.kind == TextAnswer {
		chosen = []string{a.text}
	}
	for j, v := range chosen {
		if o := q.Option(v); o != nil && o.ShowIf != nil && !d.holds(o.ShowIf, r, shown) {
			at := answerPath(q.ID)
			if a.kind == ListAnswer {
				at = jsonptr.Join(at, j)
			}
			add(at, CodeConditionFalse, problem.Quote(o.Label)+" is not offered with the answers given", "choose another answer")
		}
	}
}

// Offered reports whether option o of a question is offered to the
// respondent who gave the answers in r: it has no condition, or its
// condition holds. The widget leaves out the options that are not.
func (d *Definition) Offered(o *Option, r *Response) bool {
	return o.ShowIf == nil || d.holds(o.ShowIf, r, d.ShownQuestions(r, nil))
}

// Shown reports whether question id is asked of the respondent who gave
// the answers in r; the widget uses it to hide and reveal questions.
func (d *Definition) Shown(id QuestionID, r *Response) bool {
	i := d.index(id)
	return i >= 0 && d.ShownQuestions(r, nil)[i]
}

func matches(src *Question, a Answer, anyOf []string) bool {
	var values []string
	switch a.kind {
	case NumberAnswer:
		if src.Type == Likert && a.num == float64(int64(a.num)) {
			values = []string{strconv.FormatInt(int64(a.num), 10)}
		}
	case TextAnswer:
		values = []string{a.text}
	case ListAnswer:
		values = a.list
	}
	for _, v := range values {
		for _, w := range anyOf {
			if v == w {
				return true
			}
		}
	}
	return false
}

// isNumber reports whether s is a JSON number, such as "4".
func isNumber(s string) bool {
	end, err := jsonlite.ScanNumber([]byte(s), 0)
	return err == nil && end == len(s)
}

// ShownQuestions reports, for each question in order, whether it is asked
// of the respondent who gave the answers in r. It reuses shown when it is
// long enough.
func (d *Definition) ShownQuestions(r *Response, shown []bool) []bool {
	if cap(shown) < len(d.Questions) {
		shown = make([]bool, len(d.Questions))
	}
	shown = shown[:len(d.Questions)]
	for i := range d.Questions {
		shown[i] = d.shown(&d.Questions[i], r, shown)
	}
	return shown
}
