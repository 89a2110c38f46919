package surveyjs

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// sjsCommentSuffix marks the key under which SurveyJS's result data keeps
// a question's Other text, or the text of its comment area
// ("org_type-Comment").
const sjsCommentSuffix = "-Comment"

// sjsCommentID ends the id of the free-text question ImportSurveyJS makes
// of a question's comment area (showCommentArea): "heard_comment".
const sjsCommentID = "_comment"

// ResponseFromData reads one of SurveyJS's result data objects (what
// survey.data holds, or onComplete sends) as a response to def: each
// question's value under its name, the Other text under NAME-Comment,
// choice values that are numbers as the option values they stand for,
// rating values as numbers. The response is then checked with the
// survey's own rules. Every problem is located at the value in the data
// (line, column and a pointer such as /q1), with what to do; the response
// is nil when there is one.
func ResponseFromData(def *survey.Definition, v jsonlite.Value) (*survey.Response, []*problem.Error) {
	var d jsonlite.Decoder
	r := &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}
	if !d.Want(v, jsonlite.Object) {
		return nil, d.Problems()
	}
	at := map[string]jsonlite.Value{}
	for k, m := range v.Members() {
		// Data collected with the original form names its questions as
		// SurveyJS did; ImportSurveyJS renamed the ones that were not ids.
		name := k.String()
		if base, ok := strings.CutSuffix(name, sjsCommentSuffix); ok {
			name = string(SurveyID(base)) + sjsCommentSuffix
		} else {
			name = string(SurveyID(name))
		}
		at[name] = m
		if base, ok := strings.CutSuffix(name, sjsCommentSuffix); ok {
			// A comment area's text answers the free-text question
			// ImportSurveyJS made of it, NAME_comment, when the question
			// has no Other option of its own.
			if bq := def.Question(survey.QuestionID(base)); bq != nil && bq.OtherOption() == nil {
				if cq := def.Question(survey.QuestionID(base + sjsCommentID)); cq != nil && cq.Type == survey.FreeText {
					name = string(cq.ID)
					at[name] = m
				}
			}
		}
		if base, ok := strings.CutSuffix(name, sjsCommentSuffix); ok && def.Question(survey.QuestionID(base)) != nil {
			if m.Kind() == jsonlite.String {
				if r.Other == nil {
					r.Other = map[survey.QuestionID]string{}
				}
				r.Other[survey.QuestionID(base)] = m.Str()
			} else {
				d.Fail(m, "type", "the Other text of "+problem.Quote(base)+" must be text").Hint = "give it as a string"
			}
			continue
		}
		q := def.Question(survey.QuestionID(name))
		if q == nil && m.Kind() == jsonlite.Object {
			// A matrix's rows or a multiple text's items: {"quality":
			// {"heard": 4}} answers the statement quality_heard, as
			// ImportSurveyJS names it.
			for rk, rv := range m.Members() {
				id := string(SurveyID(name + "_" + rk.String()))
				at[id] = rv
				rq := def.Question(survey.QuestionID(id))
				if rq == nil {
					d.Fail(rk.Value(), "unknown_question", "the data has a value for "+problem.Quote(name+"/"+rk.String())+", but survey "+problem.Quote(def.ID)+" has no question "+problem.Quote(id)).Hint = "check that the data was collected with this survey; a matrix's rows and a multiple text's items are the questions NAME_ROW"
					continue
				}
				if a, ok := dataAnswer(&d, rq, rv); ok {
					r.Answers[rq.ID] = a
				}
			}
			continue
		}
		if q == nil {
			d.Fail(k.Value(), "unknown_question", "the data has a value for "+problem.Quote(name)+", which is not a question of survey "+problem.Quote(def.ID)).Hint = "check that the data was collected with this survey; SurveyJS's data holds one key per question (and NAME-Comment for an Other text)"
			continue
		}
		if a, ok := dataAnswer(&d, q, m); ok {
			r.Answers[q.ID] = a
		}
	}
	if errs := d.Problems(); len(errs) > 0 {
		return nil, errs
	}
	errs := survey.Validator{}.Check(def, r)
	for _, e := range errs {
		// /answers/q1 or /other/q1 in the response: the value in the data.
		tokens := jsonptr.Split(e.Pointer)
		target := v
		if len(tokens) >= 2 {
			key := tokens[1]
			if tokens[0] == "other" {
				key += sjsCommentSuffix
			}
			if m, ok := at[key]; ok {
				target = m
			}
		}
		e.Pointer = target.Pointer()
		e.Line, e.Column = target.Position()
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

// dataAnswer reads one question's value as SurveyJS stores it.
func dataAnswer(d *jsonlite.Decoder, q *survey.Question, m jsonlite.Value) (survey.Answer, bool) {
	scalar := func(v jsonlite.Value) (string, bool) {
		switch v.Kind() {
		case jsonlite.String:
			return v.Str(), true
		case jsonlite.Number, jsonlite.Bool:
			// A choice whose value SurveyJS keeps as a number, or a
			// boolean's true or false: the option value is its text
			// (choices [1, 2] import as "1" and "2").
			return string(v.Raw()), true
		}
		d.Fail(v, "type", "a choice must be text or a number, not "+v.Kind().Name()).Hint = "give the option's value"
		return "", false
	}
	switch q.Type {
	case survey.Likert:
		if f, ok := m.Float(); ok {
			return survey.Number(f), true
		}
		if m.Kind() == jsonlite.String {
			if n, err := strconv.Atoi(m.Str()); err == nil {
				return survey.Number(float64(n)), true
			}
			return survey.Text(m.Str()), true // "dont_know" and the like; the survey's rules judge it
		}
		d.Fail(m, "type", "a rating must be a number, not "+m.Kind().Name()).Hint = "give the point chosen, such as 4"
	case survey.SingleChoice:
		if s, ok := scalar(m); ok {
			return survey.Text(s), true
		}
	case survey.MultipleChoice:
		if !d.Want(m, jsonlite.Array) {
			return survey.Answer{}, false
		}
		var vals []string
		for _, e := range m.Elements() {
			s, ok := scalar(e)
			if !ok {
				return survey.Answer{}, false
			}
			vals = append(vals, s)
		}
		return survey.Choices(vals...), true
	case survey.FreeText:
		if m.Kind() == jsonlite.String {
			return survey.Text(m.Str()), true
		}
		if m.Kind() == jsonlite.Number && q.Format == survey.NumberFormat {
			// SurveyJS keeps a number input's answer as a number; spfkit
			// keeps it as the text of that number.
			return survey.Text(string(m.Raw())), true
		}
		d.Fail(m, "type", "a free-text answer must be text, not "+m.Kind().Name()).Hint = "give it as a string"
	}
	return survey.Answer{}, false
}
