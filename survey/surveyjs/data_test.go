package surveyjs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

func sjsData(t testing.TB, def *survey.Definition, data string) (*survey.Response, []string) {
	doc, err := jsonlite.Parse([]byte(data), jsonlite.Options{})
	require.NoError(t, err)
	r, errs := surveyjs.ResponseFromData(def, doc.Root())
	var got []string
	for _, e := range errs {
		got = append(got, e.Pointer+" "+e.Code)
		if e.Line == 0 || e.Message == "" {
			t.Errorf("%s: not located or without a message", e.Pointer)
		}
	}
	return r, got
}

// TestResponseFromData: SurveyJS's result data reads as the response the
// widget would have sent: Other text from NAME-Comment, numeric choice
// values as their option values, checkbox arrays, rating numbers.
func TestResponseFromData(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "radiogroup", "name": "side", "choices": ["staff", "employer"], "showOtherItem": true},
	  {"type": "radiogroup", "name": "band", "choices": [5, 6, 7]},
	  {"type": "checkbox", "name": "topics", "choices": ["pay", "rotas", 3]},
	  {"type": "rating", "name": "heard"},
	  {"type": "comment", "name": "why"}]}`), "pulse", "1")
	require.NoError(t, err)
	r, probs := sjsData(t, def, `{"side": "other", "side-Comment": "Bank staff", "band": 6, "topics": ["pay", 3], "heard": 4, "why": "Short notice"}`)
	require.Empty(t, probs)
	body, err := r.MarshalJSON()
	require.NoError(t, err)
	want := `{"survey":"pulse","version":"1","answers":{"band":"6","heard":4,"side":"other","topics":["pay","3"],"why":"Short notice"},"other":{"side":"Bank staff"}}`
	if diff := cmp.Diff(want, string(body)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"a key that is no question", `{"side": "staff", "nope": 1}`, []string{"/nope unknown_question"}},
		{"a rating as words", `{"heard": "four"}`, []string{"/heard " + survey.CodeWrongType}},
		{"a point out of range", `{"heard": 9}`, []string{"/heard " + survey.CodeOutOfRange}},
		{"an option the survey lacks", `{"band": 9}`, []string{"/band " + survey.CodeOutOfRange}},
		{"Other text without Other", `{"side": "staff", "side-Comment": "x"}`, []string{"/side-Comment " + survey.CodeTextWithoutOther}},
		{"not an object", `[1]`, []string{" type"}},
		{"a checkbox given one value", `{"topics": "pay"}`, []string{"/topics type"}},
	} {
		r, got := sjsData(t, def, tc.data)
		if r != nil {
			t.Errorf("%s: accepted", tc.name)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// FuzzResponseFromData: whatever the data, the reader returns a valid
// response or located problems, and never panics.
func FuzzResponseFromData(f *testing.F) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	f.Add([]byte(`{"org_type": "other", "org_type-Comment": "A college", "q1": 4}`))
	f.Add([]byte(`{"q1": "x", "q9": [1], "reasons": 3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		r, errs := surveyjs.ResponseFromData(def, doc.Root())
		if r == nil && len(errs) == 0 || r != nil && len(errs) > 0 {
			t.Fatalf("response %v with problems %v", r, errs)
		}
		if r != nil {
			if err := survey.Validate(def, r); err != nil {
				t.Fatalf("an accepted response is invalid: %v", err)
			}
		}
		for _, e := range errs {
			if e.Line == 0 {
				t.Fatalf("not located: %v", e)
			}
		}
	})
}

// TestBoolean: a SurveyJS boolean is a single choice of its two values,
// and its data (true, false, or the values set) scores as those options.
func TestBoolean(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "boolean", "name": "agree", "title": "Do you agree?"},
	  {"type": "boolean", "name": "rota", "labelTrue": "Fair", "labelFalse": "Unfair", "valueTrue": "fair", "valueFalse": "unfair"}]}`), "b", "1")
	require.NoError(t, err)
	got := [][]survey.Option{def.Questions[0].Options, def.Questions[1].Options}
	want := [][]survey.Option{
		{{Value: "false", Label: "No"}, {Value: "true", Label: "Yes"}},
		{{Value: "unfair", Label: "Unfair"}, {Value: "fair", Label: "Fair"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	r, probs := sjsData(t, def, `{"agree": true, "rota": "unfair"}`)
	require.Empty(t, probs)
	if a, _ := r.Answers["agree"].Text(); a != "true" || def.Questions[0].Type != survey.SingleChoice {
		t.Errorf("agree = %v", r.Answers["agree"])
	}
}

// TestMatrix: a Likert grid imports as one statement per row sharing the
// columns' scale, and its nested data answers those statements.
func TestMatrix(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "matrix", "name": "quality", "title": "How far do you agree?",
	  "columns": [{"value": 1, "text": "Disagree"}, {"value": 2, "text": "Neither"}, {"value": 3, "text": "Agree"}],
	  "rows": [{"value": "heard", "text": "My views are heard"}, "informed"], "isAllRowRequired": true}]}`), "m", "1")
	require.NoError(t, err)
	var got []string
	for _, q := range def.Questions {
		got = append(got, string(q.ID)+"|"+q.Text+"|"+q.Help+"|"+q.Scale.Labels[2].Label)
		if !q.Required || q.Type != survey.Likert {
			t.Errorf("%s: required %v, type %s", q.ID, q.Required, q.Type)
		}
	}
	want := []string{"quality_heard|My views are heard|How far do you agree?|Agree", "quality_informed|informed|How far do you agree?|Agree"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	r, probs := sjsData(t, def, `{"quality": {"heard": 3, "informed": 1}}`)
	require.Empty(t, probs)
	if n, _ := r.Answers["quality_informed"].Number(); n != 1 {
		t.Errorf("quality_informed = %v", r.Answers["quality_informed"])
	}
	_, probs = sjsData(t, def, `{"quality": {"heard": 3, "bogus": 2}}`)
	if diff := cmp.Diff([]string{"/quality/bogus unknown_question"}, probs); diff != "" {
		t.Errorf("an unknown row (-want +got):\n%s", diff)
	}
	_, probs = sjsData(t, def, `{"quality": {"heard": 7, "informed": 1}}`)
	if diff := cmp.Diff([]string{"/quality/heard " + survey.CodeOutOfRange}, probs); diff != "" {
		t.Errorf("a point off the scale (-want +got):\n%s", diff)
	}
}

// TestPanel: a panel's questions are read in place, the first with the
// panel's title as its section heading; a condition on the whole panel is refused,
// located.
func TestPanel(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": "T", "elements": [
	  {"type": "comment", "name": "first"},
	  {"type": "panel", "name": "p", "title": "About the forum", "elements": [
	    {"type": "radiogroup", "name": "side", "choices": ["staff", "employer"]},
	    {"type": "rating", "name": "heard"}]},
	  {"type": "comment", "name": "last"}]}`), "p", "1")
	require.NoError(t, err)
	var ids []string
	for _, q := range def.Questions {
		ids = append(ids, string(q.ID))
	}
	if diff := cmp.Diff([]string{"first", "side", "heard", "last"}, ids); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(notes) != 0 || def.Questions[1].Section != "About the forum" || def.Questions[2].Section != "" || def.Questions[3].Section != "" {
		t.Errorf("the panel's title heads its first question's section: notes %v, %+v", notes, def.Questions)
	}
	_, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "panel", "name": "p", "visibleIf": "{a} = 1", "elements": [{"type": "comment", "name": "c"}]}]}`), "p", "1")
	if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != "/elements/0/visibleIf" || errs[0].Hint == "" {
		t.Errorf("a panel's condition: %v", err)
	}
}

// TestNamesAsIDs: SurveyJS names that are not spfkit ids are renamed, said
// in one note, and SurveyJS's data under the old names is read under the
// new ones.
func TestNamesAsIDs(t *testing.T) {
	def, notes, err := surveyjs.ImportSurveyJSNotes([]byte(`{"title": "T", "elements": [
	  {"type": "radiogroup", "name": "favoriteColor", "choices": ["red", "blue"], "showOtherItem": true},
	  {"type": "comment", "name": "Any Comments"}]}`), "n", "1")
	require.NoError(t, err)
	if def.Questions[0].ID != "favorite_color" || def.Questions[1].ID != "any_comments" {
		t.Errorf("ids %s, %s", def.Questions[0].ID, def.Questions[1].ID)
	}
	if len(notes) != 1 || notes[0].Code != "renamed" || !strings.Contains(notes[0].Message, "favoriteColor → favorite_color, Any Comments → any_comments") {
		t.Errorf("notes: %v", notes)
	}
	r, probs := sjsData(t, def, `{"favoriteColor": "other", "favoriteColor-Comment": "green", "Any Comments": "none"}`)
	require.Empty(t, probs)
	if r.Other["favorite_color"] != "green" {
		t.Errorf("other: %v", r.Other)
	}
	for name, want := range map[string]survey.QuestionID{"PascalCase": "pascal_case", "a-b.c": "a_b_c", "q1": "q1", "Q 2": "q_2"} {
		if got := surveyjs.SurveyID(name); got != want {
			t.Errorf("SurveyID(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestTextRulesData: the validators corpus form's data, as SurveyJS
// stores it (a number input's answer as a number), is judged by the
// rules the import read from its validators, located in the data.
func TestTextRulesData(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus/validators.json")
	require.NoError(t, err)
	def, err := surveyjs.ImportSurveyJS(src, "v", "1")
	require.NoError(t, err)
	r, probs := sjsData(t, def, `{"hours": 37.5, "age": 40, "email": "a.b@nhs.net", "postcode": "LS1 4AP", "feedback": "More notice of meetings", "phone": "0113 000 0000"}`)
	require.Empty(t, probs)
	if h, _ := r.Answers["hours"].Text(); h != "37.5" {
		t.Errorf("hours = %v, want the text 37.5", r.Answers["hours"])
	}
	_, probs = sjsData(t, def, `{"hours": 101, "age": "forty", "email": "a.b@nhs", "postcode": "ls1 4ap", "feedback": "Too short"}`)
	want := []string{"/hours " + survey.CodeOutOfRange, "/age " + survey.CodeFormat, "/email " + survey.CodeFormat, "/postcode " + survey.CodeFormat, "/feedback " + survey.CodeFormat}
	if diff := cmp.Diff(want, probs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, probs = sjsData(t, def, `{"email": 4}`)
	if diff := cmp.Diff([]string{"/email type"}, probs); diff != "" {
		t.Errorf("a number for an email (-want +got):\n%s", diff)
	}
}

// TestCommentArea: a question's comment area becomes a free-text question
// after it, NAME_comment, asked when it is; SurveyJS's data for it
// (NAME-Comment) answers that question.
func TestCommentArea(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "radiogroup", "name": "side", "choices": ["staff", "employer"]},
	  {"type": "rating", "name": "heard", "showCommentArea": true, "commentText": "Why?", "visibleIf": "{side} = 'staff'"}]}`), "c", "1")
	require.NoError(t, err)
	c := def.Question("heard_comment")
	require.NotNil(t, c)
	require.Equal(t, "Why?", c.Text)
	require.Equal(t, def.Question("heard").ShowIf, c.ShowIf)
	r, probs := sjsData(t, def, `{"side": "staff", "heard": 2, "heard-Comment": "Papers come late"}`)
	require.Empty(t, probs)
	if got, _ := r.Answers["heard_comment"].Text(); got != "Papers come late" {
		t.Errorf("heard_comment = %v", r.Answers["heard_comment"])
	}
	_, probs = sjsData(t, def, `{"side": "employer", "heard-Comment": "x"}`)
	require.Equal(t, []string{"/heard-Comment " + survey.CodeConditionFalse}, probs)
	_, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "radiogroup", "name": "a", "choices": ["x"], "showOtherItem": true, "showCommentArea": true}]}`), "c", "1")
	if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != "/elements/0/showCommentArea" {
		t.Errorf("Other and a comment area: %v", err)
	}
}

// TestMultipleText: each item of a multiple text is a free-text question
// NAME_ITEM with its own rules, asked when the question is; its nested
// data answers them, located in the data when wrong.
func TestMultipleText(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus/multipletext.json")
	require.NoError(t, err)
	def, notes, err := surveyjs.ImportSurveyJSNotes(src, "m", "1")
	require.NoError(t, err)
	require.Len(t, notes, 2) // the hours item's min and max
	email := def.Question("contact_email")
	require.Equal(t, [3]any{survey.EmailFormat, true, "How can the secretary reach you?"}, [3]any{email.Format, email.Required, email.Help})
	r, probs := sjsData(t, def, `{"role": "member", "contact": {"email": "a@nhs.net", "hours": 7.5, "site": "North"}}`)
	require.Empty(t, probs)
	if h, _ := r.Answers["contact_hours"].Text(); h != "7.5" {
		t.Errorf("hours: %v", r.Answers["contact_hours"])
	}
	_, probs = sjsData(t, def, `{"role": "member", "contact": {"email": "nope", "hours": 70, "desk": "x"}}`)
	require.Equal(t, []string{"/contact/desk unknown_question"}, probs)
	_, probs = sjsData(t, def, `{"role": "member", "contact": {"email": "nope", "hours": 70}}`)
	require.Equal(t, []string{"/contact/email " + survey.CodeFormat, "/contact/hours " + survey.CodeOutOfRange}, probs)
	_, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "multipletext", "name": "c", "isRequired": true, "items": [{"name": "a"}]}]}`), "m", "1")
	if errs := problem.All(err); len(errs) != 1 || errs[0].Pointer != "/elements/0/isRequired" {
		t.Errorf("a required multiple text: %v", err)
	}
}
