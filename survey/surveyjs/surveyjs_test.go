package surveyjs_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

// TestSurveyJSRoundTrip: every built-in survey, exported to SurveyJS and
// imported back, is the same definition.
func TestSurveyJSRoundTrip(t *testing.T) {
	for _, id := range []string{survey.HeatCheck2022Members, survey.HeatCheck2022PolicyLeads} {
		def := survey.MustBuiltin(id)
		out, err := surveyjs.ExportSurveyJS(def)
		require.NoError(t, err, id)
		back, err := surveyjs.ImportSurveyJS(out, def.ID, def.Version)
		require.NoError(t, err, "%s:\n%s", id, out)
		back.Schema = def.Schema // the import names the schema; the built-ins leave it out
		if diff := cmp.Diff(def, back); diff != "" {
			t.Errorf("%s round trip (-before +after):\n%s", id, diff)
		}
		if back.Hash() != def.Hash() {
			t.Errorf("%s: the hash changed", id)
		}
	}
}

const sjsForm = `{
  "title": "Forum pulse",
  "description": "After each meeting.",
  "pages": [
    {"name": "page1", "elements": [
      {"type": "radiogroup", "name": "side", "title": "Which side do you sit on?", "isRequired": true,
       "choices": ["staff", {"value": "employer", "text": "Employer side"}], "showOtherItem": true, "otherText": "Something else"},
      {"type": "rating", "name": "heard", "title": "My views are heard.", "rateMin": 1, "rateMax": 5,
       "minRateDescription": "Strongly disagree", "maxRateDescription": "Strongly agree"}
    ]},
    {"name": "page2", "elements": [
      {"type": "checkbox", "name": "topics", "title": "Topics", "choices": [1, 2], "visibleIf": "{side} = 'staff' or {side} == \"employer\""},
      {"type": "comment", "name": "why", "title": "Why?", "maxLength": 500, "visibleIf": "{heard} anyof [1, 2]"},
      {"type": "text", "name": "name", "spfkitPersonalData": true, "visibleIf": "{topics} contains '1'"}
    ]}
  ]
}`

func TestImportSurveyJS(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(sjsForm), "pulse", "1")
	require.NoError(t, err)
	want := &survey.Definition{
		Schema: survey.DefinitionSchemaURL, ID: "pulse", Version: "1", Title: "Forum pulse", Description: "After each meeting.",
		Questions: []survey.Question{
			{ID: "side", Type: survey.SingleChoice, Text: "Which side do you sit on?", Required: true, Options: []survey.Option{
				{Value: "staff", Label: "staff"}, {Value: "employer", Label: "Employer side"}, {Value: "other", Label: "Something else", Other: true}}},
			{ID: "heard", Type: survey.Likert, Text: "My views are heard.", Scale: &survey.Scale{Min: 1, Max: 5, Labels: []survey.ScaleLabel{
				{Value: 1, Label: "Strongly disagree"}, {Value: 2, Label: "2"}, {Value: 3, Label: "3"}, {Value: 4, Label: "4"}, {Value: 5, Label: "Strongly agree"}}}},
			{ID: "topics", Type: survey.MultipleChoice, Text: "Topics", Options: []survey.Option{{Value: "1", Label: "1"}, {Value: "2", Label: "2"}},
				ShowIf: &survey.Condition{Question: "side", AnyOf: []string{"staff", "employer"}}},
			{ID: "why", Type: survey.FreeText, Text: "Why?", MaxLength: 500, ShowIf: &survey.Condition{Question: "heard", AnyOf: []string{"1", "2"}}},
			{ID: "name", Type: survey.FreeText, Text: "name", PersonalData: true, MaxLength: surveyjs.SurveyJSTextLimit, ShowIf: &survey.Condition{Question: "topics", AnyOf: []string{"1"}}},
		},
	}
	if diff := cmp.Diff(want, def); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	// And back: what spfkit writes, spfkit reads as the same definition.
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	again, err := surveyjs.ImportSurveyJS(out, "pulse", "1")
	require.NoError(t, err, string(out))
	if diff := cmp.Diff(def, again); diff != "" {
		t.Errorf("second round (-first +second):\n%s\n%s", diff, out)
	}
}

func TestImportSurveyJSErrors(t *testing.T) {
	form := func(el string) string {
		return `{"title": "T", "elements": [{"type": "radiogroup", "name": "a", "choices": ["x", "y"]}, ` + el + `]}`
	}
	for _, tc := range []struct {
		name, doc string
		want      []string // pointer and code
	}{
		{"unsupported type", form(`{"type": "file", "name": "m"}`), []string{"/elements/1/type unsupported"}},
		{"unsupported property", form(`{"type": "comment", "name": "c", "maskType": "pattern"}`), []string{"/elements/1/maskType unsupported"}},
		{"validators on a single choice", form(`{"type": "radiogroup", "name": "c", "choices": ["a"], "validators": [{"type": "answercount", "maxCount": 1}]}`), []string{"/elements/1/validators unsupported"}},
		{"a text validator on a checkbox", form(`{"type": "checkbox", "name": "c", "choices": ["a"], "validators": [{"type": "regex", "regex": "a"}]}`), []string{"/elements/1/validators/0/type unsupported"}},
		{"minSelectedChoices with None", form(`{"type": "checkbox", "name": "c", "choices": ["a", "b"], "showNoneItem": true, "minSelectedChoices": 2}`), []string{"/elements/1/minSelectedChoices unsupported"}},
		{"an expression validator", form(`{"type": "text", "name": "t", "validators": [{"type": "expression", "expression": "{t} > 1"}]}`), []string{"/elements/1/validators/0/type unsupported"}},
		{"allowDigits false", form(`{"type": "text", "name": "t", "validators": [{"type": "text", "allowDigits": false}]}`), []string{"/elements/1/validators/0/allowDigits unsupported"}},
		{"a case-insensitive regex", form(`{"type": "text", "name": "t", "validators": [{"type": "regex", "regex": "^a$", "caseInsensitive": true}]}`), []string{"/elements/1/validators/0/caseInsensitive unsupported"}},
		{"two regexes", form(`{"type": "text", "name": "t", "validators": [{"type": "regex", "regex": "a"}, {"type": "regex", "regex": "b"}]}`), []string{"/elements/1/validators/1/regex unsupported"}},
		{"a regex only Go reads", form(`{"type": "text", "name": "t", "validators": [{"type": "regex", "regex": "(?i)a"}]}`), []string{"/elements/1 invalid_value"}},
		{"email and number", form(`{"type": "text", "name": "t", "inputType": "number", "validators": [{"type": "email"}]}`), []string{"/elements/1/validators/0/type unsupported"}},
		{"a min that is an expression", form(`{"type": "text", "name": "t", "inputType": "number", "min": "=1+1"}`), []string{"/elements/1/min unsupported"}},
		{"a property of another type", form(`{"type": "comment", "name": "c", "rateMin": 1}`), []string{"/elements/1/rateMin unsupported"}},
		{"no name", form(`{"type": "comment", "title": "c"}`), []string{"/elements/1 required"}},
		{"an id spfkit cannot use", form(`{"type": "comment", "name": "2nd Question"}`), []string{"/elements/1 invalid_value"}},
		{"a condition spfkit cannot express", form(`{"type": "comment", "name": "c", "visibleIf": "{a} = 'x' and {b} = 'y'"}`), []string{"/elements/1/visibleIf unsupported"}},
		{"an or across questions", form(`{"type": "comment", "name": "c", "visibleIf": "{a} = 'x' or {b} = 'y'"}`), []string{"/elements/1/visibleIf unsupported"}},
		{"a step of 2", form(`{"type": "rating", "name": "r", "rateStep": 2}`), []string{"/elements/1/rateStep unsupported"}},
		{"gaps in rate values", form(`{"type": "rating", "name": "r", "rateValues": [1, 3]}`), []string{"/elements/1/rateValues unsupported"}},
		{"a time input", form(`{"type": "text", "name": "e", "inputType": "time"}`), []string{"/elements/1/inputType unsupported"}},
		{"a date input's earliest day", form(`{"type": "text", "name": "e", "inputType": "date", "min": "2026-01-01"}`), []string{"/elements/1/min unsupported"}},
		{"a choice with a visibleIf on itself", form(`{"type": "checkbox", "name": "c", "choices": [{"value": "a", "visibleIf": "{c} = 'a'"}]}`), []string{"/elements/1/choices/0/visibleIf unsupported"}},
		{"a choice with a visibleIf by item", form(`{"type": "checkbox", "name": "c", "choices": ["a"], "choicesVisibleIf": "{item} != 'a'"}`), []string{"/elements/1/choicesVisibleIf unsupported"}},
		{"a survey property", `{"title": "T", "maxTimeToFinish": 60, "elements": [{"type": "comment", "name": "c"}]}`, []string{"/maxTimeToFinish unsupported"}},
		{"a page property", `{"title": "T", "pages": [{"name": "p", "readOnly": true, "elements": [{"type": "comment", "name": "c"}]}]}`, []string{"/pages/0/readOnly unsupported"}},
		{"a page condition on nothing before it", `{"title": "T", "pages": [{"name": "p", "visibleIf": "{x} = 1", "elements": [{"type": "comment", "name": "c"}]}]}`, []string{"/pages/0/visibleIf unsupported"}},
		{"rateMin above rateMax", form(`{"type": "rating", "name": "r", "rateMin": 7}`), []string{"/elements/1/rateMin unsupported"}},
		{"a question never shown", form(`{"type": "comment", "name": "c", "visible": false}`), []string{"/elements/1/visible unsupported"}},
		{"hidden until its condition holds, as SurveyJS saves it", form(`{"type": "comment", "name": "c", "visible": false, "visibleIf": "{a} = 'x'"}`), nil},
		{"a condition on a later question", `{"title": "T", "elements": [{"type": "comment", "name": "c", "visibleIf": "{d} = 'x'"}, {"type": "radiogroup", "name": "d", "choices": ["x"]}]}`, []string{"/elements/0/visibleIf unsupported"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := surveyjs.ImportSurveyJS([]byte(tc.doc), "s", "1")
			var got []string
			for _, e := range problem.All(err) {
				got = append(got, e.Pointer+" "+e.Code)
				if e.Message == "" || e.Code == "unsupported" && e.Hint == "" {
					t.Errorf("%s has no message, or no hint", e.Pointer)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n(%v)", diff, err)
			}
		})
	}
	_, err := surveyjs.ImportSurveyJS([]byte("{\n  \"title\": \"T\",\n  \"elements\": [\n"), "s", "1")
	var pe *problem.Error
	if !errors.As(err, &pe) || pe.Line != 4 || pe.Code != "syntax" {
		t.Errorf("truncated JSON: %v", err)
	}
	// Every problem is placed on its line and column.
	_, err = surveyjs.ImportSurveyJS([]byte("{\"title\": \"T\",\n \"elements\": [\n  {\"type\": \"comment\", \"name\": \"2 Bad\"},\n  {\"type\": \"file\"}]}"), "s", "1")
	var where []string
	for _, e := range problem.All(err) {
		where = append(where, strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Column)+" "+e.Pointer)
	}
	_, err = surveyjs.ImportSurveyJS([]byte("{\"title\": \"T\",\n \"elements\": [\n  {\"type\": \"comment\", \"name\": \"c\"},\n  {\"type\": \"comment\", \"name\": \"2 Bad\"}]}"), "s", "1")
	for _, e := range problem.All(err) {
		where = append(where, strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Column)+" "+e.Pointer)
	}
	if diff := cmp.Diff([]string{"4:12 /elements/1/type", "4:3 /elements/1"}, where); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestExportSurveyJSRefusesWhatItCannotShow(t *testing.T) {
	def := pulse(t) // its likert has a "don't know" option
	_, err := surveyjs.ExportSurveyJS(def)
	var got []string
	for _, e := range problem.All(err) {
		got = append(got, e.Pointer+" "+e.Code)
	}
	if len(got) == 0 || !strings.HasSuffix(got[0], "/scale/dont_know unsupported") {
		t.Errorf("got %v", got)
	}
}

// FuzzImportSurveyJS: any input gives a definition or located errors, and
// a definition it gives survives the trip out and back.
func FuzzImportSurveyJS(f *testing.F) {
	f.Add([]byte(sjsForm))
	out, _ := surveyjs.ExportSurveyJS(survey.MustBuiltin(survey.HeatCheck2022Members))
	f.Add(out)
	f.Add([]byte(`{"title":"T","elements":[{"type":"rating","name":"r","rateCount":3,"rateMax":7,"visibleIf":"{r} = 1"}]}`))
	corpus, _ := filepath.Glob("testdata/corpus/*.json") // every shape the corpus holds
	for _, c := range corpus {
		if b, err := os.ReadFile(c); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		def, err := surveyjs.ImportSurveyJS(data, "s", "1")
		if err != nil {
			errs := problem.All(err)
			if len(errs) == 0 {
				t.Fatalf("an error that is no problem: %v", err)
			}
			for _, e := range errs {
				if e.Line < 1 || e.Column < 1 || e.Code == "" || e.Message == "" {
					t.Fatalf("a problem not located: %+v", e)
				}
			}
			return
		}
		if errs := def.Check(); len(errs) > 0 {
			t.Fatalf("imported a definition that breaks its rules: %v", errs)
		}
		out, err := surveyjs.ExportSurveyJS(def)
		if err != nil {
			t.Fatalf("cannot export what was imported: %v", err)
		}
		back, err := surveyjs.ImportSurveyJS(out, "s", "1")
		if err != nil {
			t.Fatalf("cannot import what was exported: %v\n%s", err, out)
		}
		if diff := cmp.Diff(def, back); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// TestPersonalDataSurvivesASurveyJSSave: SurveyJS drops properties it
// does not know when it saves a form, so the question-level marker is
// lost; the calculated value it keeps still marks the questions.
func TestPersonalDataSurvivesASurveyJSSave(t *testing.T) {
	def := pulse(t)
	def.Questions[1].Scale.DontKnow = "" // SurveyJS's rating has no "don't know"
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	require.Contains(t, string(out), `"calculatedValues"`)
	saved := strings.ReplaceAll(string(out), `"spfkitPersonalData": true,`, "")
	require.NotContains(t, saved, `"spfkitPersonalData": true`)
	back, err := surveyjs.ImportSurveyJS([]byte(saved), def.ID, def.Version)
	require.NoError(t, err)
	require.True(t, back.Question("contact").PersonalData, "the marker was lost:\n%s", saved)
	back.Schema = def.Schema
	if diff := cmp.Diff(def, back); diff != "" {
		t.Errorf("round trip (-before +after):\n%s", diff)
	}

	// A marker naming no question of the form is an error, located.
	bad := strings.Replace(string(out), "'contact'", "'contact,nobody'", 1)
	_, err = surveyjs.ImportSurveyJS([]byte(bad), def.ID, def.Version)
	require.ErrorContains(t, err, `"nobody"`)
}

// TestQuotesInConditions: a value holding an apostrophe or a double quote
// is written as survey-core reads it ('it\'s'), and read back; a
// backslash, which survey-core cannot be given, is refused on export.
func TestQuotesInConditions(t *testing.T) {
	def := &survey.Definition{ID: "q", Version: "1", Title: "Quotes", Questions: []survey.Question{
		{ID: "c", Type: survey.SingleChoice, Text: "Pick", Options: []survey.Option{{Value: "it's", Label: "It's"}, {Value: `say "hi"`, Label: "Hi"}}},
		{ID: "d", Type: survey.FreeText, Text: "Why?", MaxLength: 100, ShowIf: &survey.Condition{Question: "c", AnyOf: []string{"it's"}}},
		{ID: "e", Type: survey.FreeText, Text: "And?", MaxLength: 100, ShowIf: &survey.Condition{Question: "c", AnyOf: []string{"it's", `say "hi"`}}},
	}}
	require.Empty(t, def.Check())
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	for _, want := range []string{`"visibleIf": "{c} = 'it\\'s'"`, `"visibleIf": "{c} anyof ['it\\'s', 'say \\\"hi\\\"']"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
	back, err := surveyjs.ImportSurveyJS(out, def.ID, def.Version)
	require.NoError(t, err)
	if diff := cmp.Diff([]*survey.Condition{def.Questions[1].ShowIf, def.Questions[2].ShowIf}, []*survey.Condition{back.Questions[1].ShowIf, back.Questions[2].ShowIf}); diff != "" {
		t.Errorf("conditions after the round trip (-want +got):\n%s", diff)
	}
	def.Questions[0].Options[1].Value = `a\b`
	def.Questions[2].ShowIf.AnyOf[1] = `a\b`
	if _, err := surveyjs.ExportSurveyJS(def); err == nil || !strings.Contains(err.Error(), "backslash") {
		t.Errorf("a backslash in a condition value: %v", err)
	}
}

// TestImportSurveyJSNotes: what a SurveyJS author writes for layout is
// read past and listed in one note; a missing title takes the id; a
// rateCount, which SurveyJS itself ignores, is noted.
func TestImportSurveyJSNotes(t *testing.T) {
	doc := `{"showQuestionNumbers": "off", "headerView": "advanced", "pages": [{"name": "p1", "title": "About you", "elements": [
	  {"type": "radiogroup", "name": "a", "choices": ["x", "y"], "colCount": 2, "titleLocation": "left"},
	  {"type": "rating", "name": "r", "rateCount": 10, "startWithNewLine": false},
	  {"type": "comment", "name": "c", "placeholder": "Tell us"}]}]}`
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(doc), "pulse", "1")
	require.NoError(t, err)
	var got []string
	for _, n := range notes {
		got = append(got, n.Pointer+" "+n.Code+": "+n.Message)
	}
	want := []string{
		"/pages/0/elements/1/rateCount ignored: rateCount is ignored, as SurveyJS shows the points from rateMin to rateMax by rateStep (or the rateValues) whatever it says",
		"/title defaulted: the survey has no title, so spfkit uses its id, \"pulse\", as the title",
		"/showQuestionNumbers ignored: ignored: presentation only (showQuestionNumbers, headerView, colCount, titleLocation, startWithNewLine, placeholder); spfkit draws every form in NHS.UK's own layout",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if def.Title != "pulse" || len(def.Questions[1].Scale.Labels) != 5 {
		t.Errorf("title %q, %d rating points", def.Title, len(def.Questions[1].Scale.Labels))
	}
}

// TestRatingPointsAsSurveyCore: the points a rating gets are the ones
// survey-core 2.5.38 shows (checked against it in node by the browser
// tests): rateCount plays no part, rateValues win unless autoGenerate is
// true, and at most 20 points are generated.
func TestRatingPointsAsSurveyCore(t *testing.T) {
	for _, tc := range []struct {
		props  string
		lo, hi int
	}{
		{``, 1, 5},
		{`, "rateCount": 10`, 1, 5},
		{`, "rateCount": 3`, 1, 5},
		{`, "rateMin": 0, "rateMax": 10, "rateCount": 5`, 0, 10},
		{`, "rateMax": 7`, 1, 7},
		{`, "rateMin": 3`, 3, 5},
		{`, "rateMin": 0, "rateMax": 30`, -1, -1}, // SurveyJS shows 0 to 19; spfkit's scales have at most 11 points
		{`, "rateValues": [1, 2, 3], "autoGenerate": true`, 1, 5},
		{`, "autoGenerate": false`, 1, 5},
		{`, "rateValues": []`, 1, 5},
		{`, "rateValues": [2, 3, 4]`, 2, 4},
		{`, "rateMin": 5, "rateMax": 5, "rateStep": 3`, -1, -1}, // one point is no scale
		{`, "rateStep": 2`, -1, -1},                             // 1, 3, 5: not consecutive
	} {
		doc := `{"title": "T", "elements": [{"type": "rating", "name": "r"` + tc.props + `}]}`
		def, err := surveyjs.ImportSurveyJS([]byte(doc), "s", "1")
		if tc.lo == -1 {
			if errs := problem.All(err); len(errs) == 0 || errs[0].Line == 0 || errs[0].Hint == "" {
				t.Errorf("%s: want a located refusal with a hint, got %v", tc.props, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.props, err)
			continue
		}
		sc := def.Questions[0].Scale
		if sc.Min != tc.lo || sc.Max != tc.hi || len(sc.Labels) != tc.hi-tc.lo+1 {
			t.Errorf("%s: points %d to %d (%d labels), want %d to %d", tc.props, sc.Min, sc.Max, len(sc.Labels), tc.lo, tc.hi)
		}
	}
}

// TestSpecialItems: SurveyJS's None, Refuse and Don't know items become
// options after the choices, in its order, with Other last; a tagbox is a
// multiple choice; a form's own error messages and text piping are
// noted, not refused.
func TestSpecialItems(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": "T", "elements": [
	  {"type": "checkbox", "name": "topics", "choices": ["pay"], "showOtherItem": true, "showNoneItem": true, "noneText": "Nothing", "showDontKnowItem": true, "showRefuseItem": true, "showSelectAllItem": true, "requiredErrorText": "Pick one"},
	  {"type": "tagbox", "name": "sites", "title": "Which sites, {topics}?", "choices": ["north", "south"], "hasNone": true}]}`), "s", "1")
	require.NoError(t, err)
	var got []string
	for _, q := range def.Questions {
		for _, o := range q.Options {
			got = append(got, string(q.ID)+":"+string(q.Type)+":"+o.Value+":"+o.Label)
		}
	}
	want := []string{
		"topics:multiple_choice:pay:pay", "topics:multiple_choice:none:Nothing", "topics:multiple_choice:refused:Refuse to answer",
		"topics:multiple_choice:dontknow:Don't know", "topics:multiple_choice:other:Other (describe)",
		"sites:multiple_choice:north:north", "sites:multiple_choice:south:south", "sites:multiple_choice:none:None",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var where []string
	for _, n := range notes {
		where = append(where, n.Pointer+" "+n.Code)
	}
	if diff := cmp.Diff([]string{"/elements/0/requiredErrorText ignored", "/elements/1 ignored", "/elements/0/showSelectAllItem ignored"}, where); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// TestChoiceCounts: minSelectedChoices makes a checkbox required with at
// least that many chosen; an answercount validator asks the same only of
// an answer; maxSelectedChoices and maxCount cap it. The export writes
// them back so that they read the same.
func TestChoiceCounts(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "checkbox", "name": "a", "choices": ["x", "y", "z"], "minSelectedChoices": 2, "maxSelectedChoices": 2},
	  {"type": "checkbox", "name": "b", "choices": ["x", "y", "z"], "validators": [{"type": "answercount", "minCount": 2, "maxCount": 3}]}]}`), "c", "1")
	require.NoError(t, err)
	a, b := def.Question("a"), def.Question("b")
	require.Equal(t, [3]any{true, 2, 2}, [3]any{a.Required, a.MinChoices, a.MaxChoices})
	require.Equal(t, [3]any{false, 2, 3}, [3]any{b.Required, b.MinChoices, b.MaxChoices})
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	back, err := surveyjs.ImportSurveyJS(out, "c", "1")
	require.NoError(t, err, "%s", out)
	if diff := cmp.Diff(def, back); diff != "" {
		t.Errorf("the round trip changed it (-before +after):\n%s", diff)
	}
	for answers, want := range map[string]string{
		`{"a": ["x", "y"]}`:             "",
		`{"a": ["x"]}`:                  "/answers/a out_of_range",
		`{"a": ["x", "y", "z"]}`:        "/answers/a out_of_range",
		`{}`:                            "/answers/a required",
		`{"a": ["x", "y"], "b": ["z"]}`: "/answers/b out_of_range",
		`{"a": ["x", "y"], "b": ["x", "y", "z"]}`: "",
	} {
		doc, err := jsonlite.Parse([]byte(`{"survey": "c", "answers": `+answers+`}`), jsonlite.Options{})
		require.NoError(t, err)
		r, _ := surveyjson.DecodeResponse(doc.Root())
		got := ""
		for _, e := range (survey.Validator{}).Check(def, r) {
			got += e.Pointer + " " + e.Code
		}
		if got != want {
			t.Errorf("%s: %q, want %q", answers, got, want)
		}
	}
}

// TestLocalisedTexts: a text given in several languages reads as its
// default one (or en), with one note naming the rest; one without a
// default is refused at its pointer.
func TestLocalisedTexts(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": {"default": "Check-in", "cy": "Gwirio"}, "pages": [
	  {"name": "p", "title": {"en": "About you", "cy": "Amdanoch chi"}, "elements": [
	    {"type": "radiogroup", "name": "side", "title": {"default": "Side", "cy": "Ochr", "fr": "Côté"},
	     "choices": [{"value": "staff", "text": {"default": "Staff side", "cy": "Ochr staff"}}]}]}]}`), "l", "1")
	require.NoError(t, err)
	require.Equal(t, []string{"Check-in", "About you", "Side", "Staff side"}, []string{def.Title, def.Questions[0].Section, def.Questions[0].Text, def.Questions[0].Options[0].Label})
	require.Len(t, notes, 1)
	require.Equal(t, "/title", notes[0].Pointer)
	require.Contains(t, notes[0].Message, "(cy, fr)")
	_, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "comment", "name": "c", "title": {"cy": "Sylwadau"}}]}`), "l", "1")
	if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != "/elements/0/title" || errs[0].Hint == "" {
		t.Errorf("no default: %v", err)
	}
}

// TestSurveyBehaviour: SurveyJS's survey-wide settings that change what
// its data holds are accepted when the data stays as spfkit reads it, and
// refused at their pointer when not.
func TestSurveyBehaviour(t *testing.T) {
	ok := `{"title": "T", "clearInvisibleValues": "onHidden", "storeOthersAsComment": true, "locale": "en", "firstPageIsStarted": true, "elements": [{"type": "comment", "name": "c"}]}`
	_, notes, err := surveyjs.ImportSurveyJSNotes([]byte(ok), "b", "1")
	require.NoError(t, err)
	require.Len(t, notes, 2) // locale; firstPageIsStarted among the presentation-only
	for doc, at := range map[string]string{
		`{"title": "T", "clearInvisibleValues": "none", "elements": [{"type": "comment", "name": "c"}]}`: "/clearInvisibleValues",
		`{"title": "T", "storeOthersAsComment": false, "elements": [{"type": "comment", "name": "c"}]}`:  "/storeOthersAsComment",
	} {
		_, err := surveyjs.ImportSurveyJS([]byte(doc), "b", "1")
		if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != at || errs[0].Hint == "" {
			t.Errorf("%s: %v", at, err)
		}
	}
}

// TestGeneratedChoices: a dropdown's choicesMin to choicesMax by
// choicesStep are options after its choices, as survey-core lists them.
func TestGeneratedChoices(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "dropdown", "name": "band", "choices": [{"value": "none", "text": "Not on AfC"}], "choicesMin": 2, "choicesMax": 8, "choicesStep": 3}]}`), "g", "1")
	require.NoError(t, err)
	var got []string
	for _, o := range def.Questions[0].Options {
		got = append(got, o.Value)
	}
	require.Equal(t, []string{"none", "2", "5", "8"}, got)
}

// TestGeneratedChoicesBounds: numbers that would run to the limits of
// an int are refused, not looped over.
func TestGeneratedChoicesBounds(t *testing.T) {
	for _, minMax := range []string{`"choicesMin": -2000000000, "choicesMax": 2000000000`, `"choicesMin": 1, "choicesMax": 5000`} {
		_, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "dropdown", "name": "n", `+minMax+`}]}`), "g", "1")
		if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != "/elements/0" {
			t.Errorf("%s: %v", minMax, err)
		}
	}
}

// TestImageElement: a picture is left out with a note, not refused.
func TestImageElement(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": "T", "elements": [{"type": "image", "name": "logo", "imageLink": "x.png"}, {"type": "comment", "name": "c"}]}`), "i", "1")
	require.NoError(t, err)
	require.Len(t, def.Questions, 1)
	require.Len(t, notes, 1)
	require.Equal(t, "/elements/0/type", notes[0].Pointer)
}

// TestImagePicker: an image picker's choices are options by their texts
// (or values), one or several (multiSelect); the pictures are noted.
func TestImagePicker(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": "T", "elements": [
	  {"type": "imagepicker", "name": "site", "choices": [{"value": "north", "imageLink": "n.png", "text": "North site"}, {"value": "south", "imageLink": "s.png"}]},
	  {"type": "imagepicker", "name": "rooms", "multiSelect": true, "imageFit": "cover", "choices": [{"value": "a", "imageLink": "a.png"}]}]}`), "p", "1")
	require.NoError(t, err)
	require.Equal(t, survey.SingleChoice, def.Questions[0].Type)
	require.Equal(t, []survey.Option{{Value: "north", Label: "North site"}, {Value: "south", Label: "south"}}, def.Questions[0].Options)
	require.Equal(t, survey.MultipleChoice, def.Questions[1].Type)
	var where []string
	for _, n := range notes {
		where = append(where, n.Pointer)
	}
	require.Equal(t, []string{"/elements/0/choices/0/imageLink", "/elements/1/imageFit"}, where)
}
