package wasm

import (
	"strings"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/survey"
)

// ResponseFromForm builds a response from a form's fields, as the browser's
// FormData gives them (name and value pairs in document order). Only
// questions the respondent can see are read, so an answer left in a hidden
// question is not sent. Text fields keep what was typed; validation judges
// it.
func ResponseFromForm(def *survey.Definition, fields [][2]string) *survey.Response {
	r := &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}
	values := map[string][]string{}
	for _, f := range fields {
		values[f[0]] = append(values[f[0]], f[1])
	}
	for i := range def.Questions {
		q := &def.Questions[i]
		vs := values[string(q.ID)]
		switch q.Type {
		case survey.Likert:
			if len(vs) == 0 {
				continue
			}
			if n, ok := jsonlite.Atoi(vs[0]); ok {
				r.Answers[q.ID] = survey.Number(float64(n))
			} else {
				r.Answers[q.ID] = survey.Text(vs[0])
			}
		case survey.SingleChoice:
			if len(vs) > 0 {
				r.Answers[q.ID] = survey.Text(vs[0])
			}
		case survey.MultipleChoice:
			if len(vs) > 0 {
				r.Answers[q.ID] = survey.Choices(vs...)
			}
		case survey.FreeText:
			if len(vs) > 0 && strings.TrimSpace(vs[0]) != "" {
				r.Answers[q.ID] = survey.Text(vs[0])
			}
		}
		if other := values[string(q.ID)+".other"]; len(other) > 0 && strings.TrimSpace(other[0]) != "" && q.OtherOption() != nil {
			if r.Other == nil {
				r.Other = map[survey.QuestionID]string{}
			}
			r.Other[q.ID] = other[0]
		}
	}
	// Drop answers to questions the respondent cannot see.
	for i := range def.Questions {
		q := &def.Questions[i]
		if !def.Shown(q.ID, r) {
			delete(r.Answers, q.ID)
			delete(r.Other, q.ID)
		}
	}
	// Other text is kept only while Other is chosen: the input is hidden
	// otherwise, and sending it would be text without Other.
	for id := range r.Other {
		q := def.Question(id)
		opt := q.OtherOption()
		chosen := false
		a := r.Answers[id]
		if t, ok := a.Text(); ok {
			chosen = t == opt.Value
		}
		if l, ok := a.Choices(); ok {
			for _, c := range l {
				chosen = chosen || c == opt.Value
			}
		}
		if !chosen {
			delete(r.Other, id)
		}
	}
	if len(r.Other) == 0 {
		r.Other = nil
	}
	return r
}

// EncodeResponse writes a response as a survey-response document, without
// reflection: the body the widget posts.
func EncodeResponse(r *survey.Response) []byte {
	b, _ := r.MarshalJSON()
	return b
}
