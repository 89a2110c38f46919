package survey_test

import (
	"os"
	"path/filepath"
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

// seedText reads the heat check 2022 seed document, the source of the
// built-in surveys' wording. It is beside the project in every CI run.
func seedText(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob("../../shared/seeds/001_*.txt")
	if len(files) == 0 {
		t.Skip("the heat check seed (../../shared/seeds/001_*) is not beside the project")
	}
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	return string(b)
}

func TestBuiltinWordingIsTheSeeds(t *testing.T) {
	seed := seedText(t)
	for _, id := range survey.BuiltinIDs() {
		d := survey.MustBuiltin(id)
		require.NoError(t, d.Validate(), id)
		for _, q := range d.Questions {
			if !strings.Contains(seed, q.Text) {
				t.Errorf("%s/%s: question text %q is not in the seed", id, q.ID, q.Text)
			}
			for _, o := range q.Options {
				if !strings.Contains(seed, o.Label) {
					t.Errorf("%s/%s: option %q is not in the seed", id, q.ID, o.Label)
				}
			}
			if q.Scale != nil {
				for _, l := range q.Scale.Labels {
					if want := strings.TrimSpace(l.Label); !strings.Contains(seed, string(rune('0'+l.Value))+"="+want) {
						t.Errorf("%s/%s: scale label %d=%q is not in the seed", id, q.ID, l.Value, l.Label)
					}
				}
			}
		}
	}
}

func TestBuiltinShapes(t *testing.T) {
	type shape struct {
		ID       survey.QuestionID
		Type     survey.QuestionType
		Options  int
		Personal bool
	}
	got := map[string][]shape{}
	for _, id := range survey.BuiltinIDs() {
		for _, q := range survey.MustBuiltin(id).Questions {
			got[id] = append(got[id], shape{q.ID, q.Type, len(q.Options), q.PersonalData})
		}
	}
	want := map[string][]shape{
		survey.HeatCheck2022Members: {
			{"org_type", survey.SingleChoice, 8, false},
			{"q1", survey.Likert, 0, false}, {"q2", survey.Likert, 0, false}, {"q3", survey.Likert, 0, false},
			{"q4", survey.Likert, 0, false}, {"q5", survey.Likert, 0, false},
			{"reasons", survey.FreeText, 0, false}, {"other_comments", survey.FreeText, 0, false},
		},
		survey.HeatCheck2022PolicyLeads: {
			{"name", survey.FreeText, 0, true}, {"policies", survey.FreeText, 0, false},
			{"benefits", survey.FreeText, 0, false}, {"suggestions", survey.FreeText, 0, false},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("built-in definitions (-want +got):\n%s", diff)
	}
	d := survey.MustBuiltin(survey.HeatCheck2022Members)
	other := d.Question("org_type").OtherOption()
	require.NotNil(t, other)
	if other.Label != "Other – please specify" || other.Value != "other" {
		t.Errorf("Other option = %+v", other)
	}
	if s := d.Question("q1").Scale; s.Min != 1 || s.Max != 5 || s.DontKnow != "" {
		t.Errorf("q1 scale = %+v, want 1–5 without don't know", s)
	}
}

func TestDefinitionHash(t *testing.T) {
	a := survey.MustBuiltin(survey.HeatCheck2022Members)
	b := survey.MustBuiltin(survey.HeatCheck2022Members)
	if a.Hash() != b.Hash() || !strings.HasPrefix(a.Hash(), "sha256:") || len(a.Hash()) != 7+64 {
		t.Fatalf("hash %q is not a stable sha256", a.Hash())
	}
	b.Schema = survey.DefinitionSchemaURL
	if a.Hash() != b.Hash() {
		t.Error("naming the schema changed the hash")
	}
	b.Questions[1].Text += " "
	if a.Hash() == b.Hash() {
		t.Error("changing a statement did not change the hash")
	}
}

func TestDefinitionCheck(t *testing.T) {
	likert := func(id string) survey.Question {
		return survey.Question{ID: survey.QuestionID(id), Type: survey.Likert, Text: "A statement", Scale: &survey.Scale{Min: 1, Max: 3, Labels: []survey.ScaleLabel{{Value: 1, Label: "no"}, {Value: 2, Label: "maybe"}, {Value: 3, Label: "yes"}}}}
	}
	choice := survey.Question{ID: "org", Type: survey.SingleChoice, Text: "Who?", Options: []survey.Option{{Value: "a", Label: "A"}, {Value: "other", Label: "Other", Other: true}}}
	tests := []struct {
		name   string
		change func(d *survey.Definition)
		want   []string // "path code"
	}{
		{"valid", func(d *survey.Definition) {}, nil},
		{"no id, version or title", func(d *survey.Definition) { d.ID, d.Version, d.Title = "", "", "" },
			[]string{"/id missing_value", "/title missing_value", "/version missing_value"}},
		{"repeated and malformed ids", func(d *survey.Definition) { d.Questions[1].ID = "org"; d.Questions[2].ID = "Bad-ID" },
			[]string{"/questions/1/id duplicate_id", "/questions/2/id invalid_value"}},
		{"unknown type", func(d *survey.Definition) { d.Questions[0].Type = "ranking" }, []string{"/questions/0/type invalid_value"}},
		{"scale labels out of order", func(d *survey.Definition) { d.Questions[1].Scale.Labels[0].Value = 2 },
			[]string{"/questions/1/scale/labels/0/value scale_labels"}},
		{"scale missing a label", func(d *survey.Definition) { d.Questions[1].Scale.Labels = d.Questions[1].Scale.Labels[:2] },
			[]string{"/questions/1/scale/labels scale_labels"}},
		{"inverted scale", func(d *survey.Definition) { d.Questions[1].Scale.Max = 0 }, []string{"/questions/1/scale/max invalid_value"}},
		{"two Other options", func(d *survey.Definition) { d.Questions[0].Options[0].Other = true },
			[]string{"/questions/0/options/1/other other_options"}},
		{"repeated option value", func(d *survey.Definition) { d.Questions[0].Options[1].Value = "a" },
			[]string{"/questions/0/options/1/value duplicate_id"}},
		{"free text without a maximum", func(d *survey.Definition) { d.Questions[3].MaxLength = 0 },
			[]string{"/questions/3/max_length max_length"}},
		{"options on a likert question", func(d *survey.Definition) { d.Questions[1].Options = []survey.Option{{Value: "x", Label: "X"}} },
			[]string{"/questions/1/options not_applicable"}},
		{"condition on a later question", func(d *survey.Definition) {
			d.Questions[1].ShowIf = &survey.Condition{Question: "q2", AnyOf: []string{"1"}}
		}, []string{"/questions/1/show_if/question bad_condition"}},
		{"condition on an answer that cannot be", func(d *survey.Definition) {
			d.Questions[2].ShowIf = &survey.Condition{Question: "q1", AnyOf: []string{"7", "dont_know"}}
		}, []string{"/questions/2/show_if/any_of/0 bad_condition", "/questions/2/show_if/any_of/1 bad_condition"}},
		{"condition on free text", func(d *survey.Definition) {
			d.Questions = append(d.Questions, likert("q3"))
			d.Questions[4].ShowIf = &survey.Condition{Question: "why", AnyOf: []string{"x"}}
		}, []string{"/questions/4/show_if/question bad_condition"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &survey.Definition{ID: "s", Version: "1", Title: "S", Questions: []survey.Question{
				choice, likert("q1"), likert("q2"),
				{ID: "why", Type: survey.FreeText, Text: "Why?", MaxLength: 100},
			}}
			// Deep copies, so cases do not share slices.
			for i := range d.Questions {
				q := &d.Questions[i]
				q.Options = append([]survey.Option(nil), q.Options...)
				if q.Scale != nil {
					s := *q.Scale
					s.Labels = append([]survey.ScaleLabel(nil), s.Labels...)
					q.Scale = &s
				}
			}
			tt.change(d)
			var got []string
			for _, e := range problem.All(d.Validate()) {
				got = append(got, e.Pointer+" "+e.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadDefinitionErrors: a definition read through the checker has
// every problem located, whether the JSON is broken, of the wrong shape
// or breaks the definition's rules.
func TestReadDefinitionErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"unknown field", `{"id":"s","version":"1","title":"S","questions":[],"colour":"blue"}`, `line 1, column 1: additionalProperties 'colour' not allowed`},
		{"wrong type", "{\n\"id\": 7}", "line 2, column 7: /id: expected string, but got number"},
		{"truncated", `{"id":"s"`, "line 1, column 10: the object is not closed"},
		{"trailing data", `{"id":"s","version":"1","title":"S","questions":[{"id":"a","type":"free_text","text":"A","max_length":5}]} {}`, "line 1, column 108: unexpected data after the end of the document"},
		{"unknown type", `{"id":"s","version":"1","title":"S","questions":[{"id":"a","type":"ranking","text":"A"}]}`, `line 1, column 67: /questions/0/type: value must be one of`},
		{"invalid UTF-8", "{\"id\":\"\xff\"}", "line 1, column 8: the string is not valid UTF-8"},
		{"a rule", `{"id":"s","version":"1","title":"S","questions":[{"id":"a","type":"free_text","text":"A","max_length":5},{"id":"a","type":"free_text","text":"B","max_length":5}]}`, `line 1, column 112: /questions/1/id: question id "a" is also used by question 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := check.ParseDefinition([]byte(tt.doc))
			require.Error(t, err)
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

// FuzzDefinition checks that whatever the decoder makes of a document,
// Check reports its faults with a code and a message, and a definition
// without faults encodes and decodes to itself with the same hash.
func FuzzDefinition(f *testing.F) {
	files, err := filepath.Glob("data/*.json")
	require.NoError(f, err)
	for _, name := range append(files, "testdata/pulse.json") {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"s","version":"1","title":"S","questions":[{"id":"a","type":"likert","text":"A","scale":{"min":1,"max":2,"labels":[{"value":1,"label":"x"},{"value":2,"label":"y"}]}},{"id":"b","type":"free_text","text":"B","max_length":3,"show_if":{"question":"a","any_of":["2"]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		d, shape := surveyjson.DecodeDefinition(doc.Root())
		errs := d.Check()
		for _, e := range errs {
			if e.Code == "" || e.Message == "" {
				t.Fatalf("problem without a code or message: %+v", e)
			}
		}
		if len(shape) > 0 || len(errs) > 0 {
			return
		}
		out, err := d.MarshalJSON()
		require.NoError(t, err)
		again, err := check.ParseDefinition(out)
		if err != nil {
			// The schema is stricter than the decoder (an empty title):
			// then the checker must refuse the original too.
			_, err0 := check.ParseDefinition(data)
			require.Error(t, err0, "the checker accepts %s but not its re-encoding %s: %v", data, out, err)
			return
		}
		if d.Hash() != again.Hash() {
			t.Fatalf("hash changed on a round trip of %s", out)
		}
	})
}
