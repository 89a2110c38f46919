package survey_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// conditions is a definition whose later questions are shown by each kind
// of condition.
const conditions = `{"id": "c", "version": "1", "title": "Conditions", "questions": [
  {"id": "side", "type": "single_choice", "text": "Side", "options": [{"value": "staff", "label": "Staff"}, {"value": "employer", "label": "Employer"}]},
  {"id": "topics", "type": "multiple_choice", "text": "Topics", "options": [{"value": "pay", "label": "Pay"}, {"value": "rotas", "label": "Rotas"}, {"value": "change", "label": "Change"}]},
  {"id": "heard", "type": "likert", "text": "Heard", "scale": {"min": 1, "max": 3, "labels": [{"value": 1, "label": "No"}, {"value": 2, "label": "Partly"}, {"value": 3, "label": "Yes"}]}},
  {"id": "note", "type": "free_text", "text": "Note", "max_length": 100, "show_if": {"question": "side", "any_of": ["staff"]}},
  {"id": "both", "type": "free_text", "text": "Both", "max_length": 100, "show_if": {"question": "topics", "all_of": ["pay", "rotas"]}},
  {"id": "not_employer", "type": "free_text", "text": "Not employer", "max_length": 100, "show_if": {"question": "side", "none_of": ["employer"]}},
  {"id": "noted", "type": "free_text", "text": "Noted", "max_length": 100, "show_if": {"question": "note", "answered": true}},
  {"id": "silent", "type": "free_text", "text": "Silent", "max_length": 100, "show_if": {"question": "heard", "answered": false}},
  {"id": "group", "type": "free_text", "text": "Group", "max_length": 100, "show_if": {"any": [
    {"all": [{"question": "side", "any_of": ["staff"]}, {"question": "heard", "any_of": ["1", "2"]}]},
    {"question": "topics", "any_of": ["change"]}]}}
]}`

func TestConditions(t *testing.T) {
	def, err := check.ParseDefinition([]byte(conditions))
	require.NoError(t, err)
	for _, tc := range []struct {
		name, answers string
		want          []survey.QuestionID // the conditional questions shown
	}{
		{"no answers", `{}`, []survey.QuestionID{"not_employer", "silent"}},
		{"staff, heard partly", `{"side": "staff", "heard": 2}`, []survey.QuestionID{"note", "not_employer", "group"}},
		{"employer, pay and rotas", `{"side": "employer", "topics": ["pay", "rotas"], "heard": 3}`, []survey.QuestionID{"both"}},
		{"pay only; a note", `{"side": "staff", "topics": ["pay"], "heard": 3, "note": "x"}`, []survey.QuestionID{"note", "not_employer", "noted"}},
		{"change alone shows the group", `{"topics": ["change"]}`, []survey.QuestionID{"not_employer", "silent", "group"}},
		// A question not asked has no answer: note is hidden, so noted sees none.
		{"a hidden question's answer counts as none", `{"side": "employer", "note": "left over"}`, []survey.QuestionID{"silent"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := decodeResponse(t, `{"survey": "c", "answers": `+tc.answers+`}`)
			shown := def.ShownQuestions(r, nil)
			var got []survey.QuestionID
			for i, q := range def.Questions {
				if q.ShowIf != nil && shown[i] {
					got = append(got, q.ID)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
	// An answer to a question a group hides is refused, in general words.
	r := decodeResponse(t, `{"survey": "c", "answers": {"side": "employer", "heard": 3, "group": "x"}}`)
	errs := survey.Validator{}.Check(def, r)
	require.Len(t, errs, 1)
	require.Equal(t, "/answers/group: this question is not asked with the answers given", errs[0].Pointer+": "+errs[0].Message)
}

func TestConditionChecks(t *testing.T) {
	for _, tc := range []struct {
		name, cond string
		want       []string
	}{
		{"group and leaf", `{"question": "side", "any_of": ["staff"], "all": [{"question": "side", "any_of": ["staff"]}]}`, []string{"/questions/3/show_if"}},
		{"empty group", `{"any": []}`, []string{"/questions/3/show_if/any"}},
		{"two tests", `{"question": "side", "any_of": ["staff"], "none_of": ["employer"]}`, []string{"/questions/3/show_if"}},
		{"no test", `{"question": "side"}`, []string{"/questions/3/show_if/any_of"}},
		{"all_of on a single choice", `{"question": "side", "all_of": ["staff"]}`, []string{"/questions/3/show_if/all_of"}},
		{"a value in a group", `{"all": [{"question": "side", "any_of": ["staff"]}, {"question": "heard", "none_of": ["4"]}]}`, []string{"/questions/3/show_if/all/1/none_of/0"}},
		{"free text tested for a value", `{"question": "free", "any_of": ["x"]}`, []string{"/questions/3/show_if/question"}},
		{"free text answered", `{"question": "free", "answered": true}`, nil},
		{"a later question", `{"any": [{"question": "later", "answered": true}]}`, []string{"/questions/3/show_if/any/0/question"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `{"id": "c", "version": "1", "title": "C", "questions": [
			  {"id": "side", "type": "single_choice", "text": "Side", "options": [{"value": "staff", "label": "Staff"}, {"value": "employer", "label": "Employer"}]},
			  {"id": "heard", "type": "likert", "text": "Heard", "scale": {"min": 1, "max": 2, "labels": [{"value": 1, "label": "No"}, {"value": 2, "label": "Yes"}]}},
			  {"id": "free", "type": "free_text", "text": "Free", "max_length": 10},
			  {"id": "q", "type": "free_text", "text": "Q", "max_length": 10, "show_if": ` + tc.cond + `},
			  {"id": "later", "type": "free_text", "text": "Later", "max_length": 10}]}`
			_, err := check.ParseDefinition([]byte(doc))
			var got []string
			for _, e := range problem.All(err) {
				got = append(got, e.Pointer)
				require.Equal(t, survey.CodeBadCondition, e.Code, e.Message)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}
