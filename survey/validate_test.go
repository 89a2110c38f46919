package survey_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// pulse is the test definition with every question type, an Other option,
// a "don't know", a reverse-scored statement, a condition and personal
// data.
func pulse(t testing.TB) *survey.Definition {
	t.Helper()
	b, err := os.ReadFile("testdata/pulse.json")
	require.NoError(t, err)
	d, err := check.ParseDefinition(b)
	require.NoError(t, err)
	return d
}

// decodeResponse reads a response of the right shape, for the validator
// to judge.
func decodeResponse(t *testing.T, doc string) *survey.Response {
	t.Helper()
	d, err := jsonlite.Parse([]byte(doc), jsonlite.Options{})
	require.NoError(t, err)
	r, shape := surveyjson.DecodeResponse(d.Root())
	require.Empty(t, shape)
	return r
}

// FuzzValidate runs every decodable response through validation against
// two definitions: no panics, Check and Validate agree, and every problem
// has a code and a message.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(`{"survey":"trust-forum-pulse-2026","answers":{"side":"other","heard":"dont_know","rushed":4,"rushed_why":"x","topics":["pay","pay"]},"other":{"side":""}}`))
	f.Add([]byte(`{"survey":"heatcheck-2022-members","answers":{"org_type":"other","q1":6,"q2":"4","reasons":7},"other":{"q1":"x"}}`))
	f.Add([]byte(`{"survey":"trust-forum-pulse-2026","answers":{"meetings":"13","contact":"a@b","staff_number":"12a456","rushed_why":"short"}}`))
	full, err := os.ReadFile("../schema/testdata/survey-definition/valid/full.json") // every text rule
	require.NoError(f, err)
	fullDef, err := check.ParseDefinition(full)
	require.NoError(f, err)
	defs := []*survey.Definition{pulse(f), survey.MustBuiltin(survey.HeatCheck2022Members), fullDef}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		r, _ := surveyjson.DecodeResponse(doc.Root())
		for _, d := range defs {
			errs := survey.Validator{}.Check(d, r)
			if n := len(problem.All(survey.Validate(d, r))); n != len(errs) {
				t.Fatalf("Validate found %d problems, Check %d", n, len(errs))
			}
			for _, e := range errs {
				if e.Message == "" || e.Code == "" {
					t.Fatalf("problem without message or code: %+v", e)
				}
			}
		}
	})
}

func problems(errs []*problem.Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Pointer+" "+e.Code)
	}
	return out
}

func TestValidate(t *testing.T) {
	def := pulse(t)
	tests := []struct {
		name    string
		doc     string
		partial bool
		want    []string
	}{
		{"complete", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":4,"rushed":2,"topics":["pay","change"]}}`, false, nil},
		{"don't know and the condition met", `{"survey":"trust-forum-pulse-2026","version":"2","answers":{"side":"employer","heard":"dont_know","rushed":5,"rushed_why":"Late papers."}}`, false, nil},
		{"Other with its text", `{"survey":"trust-forum-pulse-2026","answers":{"side":"other","heard":3},"other":{"side":"Observer"}}`, false, nil},
		{"value out of range", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":6}}`, false, []string{"/answers/heard out_of_range"}},
		{"not a whole number", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":4.5}}`, false, []string{"/answers/heard out_of_range"}},
		{"number as a string", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":"4"}}`, false, []string{"/answers/heard wrong_type"}},
		{"don't know where there is none", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":3,"rushed":"dont_know"}}`, false, []string{"/answers/rushed out_of_range"}},
		{"Other without text", `{"survey":"trust-forum-pulse-2026","answers":{"side":"other","heard":3},"other":{"side":"  "}}`, false, []string{"/other/side other_without_text"}},
		{"text without Other", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":3},"other":{"side":"Observer"}}`, false, []string{"/other/side text_without_other"}},
		{"text for a question with no Other", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":3},"other":{"heard":"x"}}`, false, []string{"/other/heard text_without_other"}},
		{"unknown question", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":3,"mood":2},"other":{"nope":"x"}}`, false, []string{"/answers/mood unknown_question", "/other/nope unknown_question"}},
		{"missing required answers", `{"survey":"trust-forum-pulse-2026","answers":{"heard":null}}`, false, []string{"/answers/side required", "/answers/heard required"}},
		{"a draft may leave them", `{"survey":"trust-forum-pulse-2026","answers":{"heard":null}}`, true, nil},
		{"wrong types", `{"survey":"trust-forum-pulse-2026","answers":{"side":["staff"],"heard":true,"topics":"pay","rushed_why":7}}`, false,
			[]string{"/answers/side wrong_type", "/answers/heard wrong_type", "/answers/topics wrong_type", "/answers/rushed_why condition_false"}},
		{"unknown and repeated choices", `{"survey":"trust-forum-pulse-2026","answers":{"side":"union","heard":2,"topics":["pay","golf","pay"]}}`, false,
			[]string{"/answers/side out_of_range", "/answers/topics/1 out_of_range", "/answers/topics/2 duplicate_choice"}},
		{"answer to a hidden question", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":2,"rushed":2,"rushed_why":"x"}}`, false, []string{"/answers/rushed_why condition_false"}},
		{"hidden when its condition's question is unanswered", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":2,"rushed_why":"x"}}`, false, []string{"/answers/rushed_why condition_false"}},
		{"text over the maximum", `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":2,"contact":"` + strings.Repeat("é", 201) + `"}}`, false, []string{"/answers/contact too_long"}},
		{"specify text over the maximum", `{"survey":"trust-forum-pulse-2026","answers":{"side":"other","heard":2},"other":{"side":"` + strings.Repeat("x", 101) + `"}}`, false, []string{"/other/side too_long"}},
		{"wrong survey and version", `{"survey":"heatcheck-2022-members","version":"1","answers":{"side":"staff","heard":2}}`, false, []string{"/survey wrong_survey", "/version wrong_version"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := decodeResponse(t, tt.doc)
			got := problems(survey.Validator{AllowPartial: tt.partial}.Check(def, r))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			// Validate returns the same problems, sorted by path.
			if n := len(problem.All(survey.Validator{AllowPartial: tt.partial}.Validate(def, r))); n != len(tt.want) {
				t.Errorf("Validate found %d problems, Check %d", n, len(tt.want))
			}
		})
	}
}

func TestProblemsNameTheirQuestion(t *testing.T) {
	def := pulse(t)
	r := decodeResponse(t, `{"survey":"trust-forum-pulse-2026","answers":{"side":"staff","heard":9,"topics":["golf"]},"other":{"side":"x"}}`)
	errs := survey.Validator{}.Check(def, r)
	by := survey.ByQuestion(errs)
	got := map[survey.QuestionID][]string{}
	for q, es := range by {
		got[q] = problems(es)
	}
	want := map[survey.QuestionID][]string{
		"heard":  {"/answers/heard out_of_range"},
		"topics": {"/answers/topics/0 out_of_range"},
		"side":   {"/other/side text_without_other"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("by question (-want +got):\n%s", diff)
	}
	ids := map[string]string{}
	for _, e := range errs {
		ids[e.Pointer] = survey.InputID(e)
	}
	if diff := cmp.Diff(map[string]string{"/answers/heard": "spf-heard", "/answers/topics/0": "spf-topics", "/other/side": "spf-side-other"}, ids); diff != "" {
		t.Errorf("input ids (-want +got):\n%s", diff)
	}
}

func TestShown(t *testing.T) {
	def := pulse(t)
	r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"rushed": survey.Number(4)}}
	if !def.Shown("rushed_why", r) {
		t.Error("rushed_why hidden when rushed is 4")
	}
	r.Answers["rushed"] = survey.Number(3)
	if def.Shown("rushed_why", r) {
		t.Error("rushed_why shown when rushed is 3")
	}
	if !def.Shown("side", r) || def.Shown("nope", r) {
		t.Error("Shown is wrong for an unconditional or unknown question")
	}
}
