package surveyjs_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

// exprForm is a form whose last question's visibleIf is the expression
// under test; the questions before it are what it can test.
func exprForm(visibleIf string) string {
	return `{"title": "T", "elements": [
	  {"type": "radiogroup", "name": "favoriteColor", "choices": ["red", "blue"], "showOtherItem": true},
	  {"type": "checkbox", "name": "topics", "choices": ["pay", "rotas", "change"]},
	  {"type": "rating", "name": "heard", "rateMax": 5},
	  {"type": "radiogroup", "name": "nps", "choices": [0, 5, 10]},
	  {"type": "boolean", "name": "member"},
	  {"type": "comment", "name": "why"},
	  {"type": "matrix", "name": "quality", "columns": [1, 2, 3], "rows": ["heard", "informed"]},
	  {"type": "comment", "name": "target", "visibleIf": ` + strconvQuote(visibleIf) + `}]}`
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestExpressions(t *testing.T) {
	yes, no := true, false
	leaf := func(q string, anyOf ...string) survey.Condition {
		return survey.Condition{Question: survey.QuestionID(q), AnyOf: anyOf}
	}
	for _, tc := range []struct {
		expr string
		want survey.Condition
	}{
		{"{favoriteColor} = 'red'", leaf("favorite_color", "red")},
		{"{favoriteColor} == \"red\" or {favoriteColor} = 'blue'", leaf("favorite_color", "red", "blue")},
		{"{favoriteColor} != 'red'", survey.Condition{Question: "favorite_color", NoneOf: []string{"red"}}},
		{"{favoriteColor} <> 'red'", survey.Condition{Question: "favorite_color", NoneOf: []string{"red"}}},
		{"{favoriteColor} notempty", survey.Condition{Question: "favorite_color", Answered: &yes}},
		{"{why} empty", survey.Condition{Question: "why", Answered: &no}},
		{"{topics} allof ['pay', 'rotas']", survey.Condition{Question: "topics", AllOf: []string{"pay", "rotas"}}},
		{"{topics} noneof ['pay']", survey.Condition{Question: "topics", NoneOf: []string{"pay"}}},
		{"{topics} contains 'pay'", leaf("topics", "pay")},
		{"{topics} notcontains 'pay'", survey.Condition{Question: "topics", NoneOf: []string{"pay"}}},
		{"{heard} > 3", leaf("heard", "4", "5")},
		{"{heard} lessorequal 2", leaf("heard", "1", "2")},
		{"{nps} >= 5", leaf("nps", "5", "10")},
		{"{member} = true", leaf("member", "true")},
		{"{quality.heard} = 3", leaf("quality_heard", "3")},
		{"{favoriteColor} = 'red' and {heard} anyof [4, 5]", survey.Condition{All: []survey.Condition{leaf("favorite_color", "red"), leaf("heard", "4", "5")}}},
		{"{favoriteColor} = 'red' && {heard} = 1 || {why} notempty", survey.Condition{Any: []survey.Condition{
			{All: []survey.Condition{leaf("favorite_color", "red"), leaf("heard", "1")}},
			{Question: "why", Answered: &yes}}}},
		{"{favoriteColor} = 'red' AND ({heard} = 1 OR {topics} anyof ['pay'])", survey.Condition{All: []survey.Condition{
			leaf("favorite_color", "red"),
			{Any: []survey.Condition{leaf("heard", "1"), leaf("topics", "pay")}}}}},
		{"!({favoriteColor} = 'red')", survey.Condition{Question: "favorite_color", NoneOf: []string{"red"}}},
		{"not {why} empty", survey.Condition{Question: "why", Answered: &yes}},
		{"!({heard} > 3)", survey.Condition{Question: "heard", NoneOf: []string{"4", "5"}}},
		{"!({topics} allof ['pay', 'rotas'])", survey.Condition{Any: []survey.Condition{{Question: "topics", NoneOf: []string{"pay"}}, {Question: "topics", NoneOf: []string{"rotas"}}}}},
		{"!({favoriteColor} != 'red' or {heard} = 1)", survey.Condition{All: []survey.Condition{leaf("favorite_color", "red"), {Question: "heard", NoneOf: []string{"1"}}}}},
	} {
		t.Run(tc.expr, func(t *testing.T) {
			def, err := surveyjs.ImportSurveyJS([]byte(exprForm(tc.expr)), "e", "1")
			require.NoError(t, err)
			got := def.Question("target").ShowIf
			if diff := cmp.Diff(&tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// What the export writes reads back as the same condition.
			out, err := surveyjs.ExportSurveyJS(def)
			require.NoError(t, err)
			back, err := surveyjs.ImportSurveyJS(out, "e", "1")
			require.NoError(t, err, "%s", out)
			if diff := cmp.Diff(got, back.Question("target").ShowIf); diff != "" {
				t.Errorf("the round trip changed it (-before +after):\n%s", diff)
			}
		})
	}
}

func TestExpressionErrors(t *testing.T) {
	for expr, want := range map[string]string{
		"!":                               "must start with {question}",
		"{heard} = 1 and":                 "must start with {question}",
		"({heard} = 1":                    "not closed",
		"{heard} ~ 1":                     "operator",
		"{heard} anyof [1 2]":             "commas",
		"{heard} = 1 {why} empty":         "more after",
		"{nobody} = 1":                    "not a question before this one",
		"{why} = 'x'":                     "free text",
		"{heard} > 9":                     "never be asked",
		"{favoriteColor} > 1":             "every value is a number",
		"{favoriteColor} allof ['a','b']": "never holds",
		"{heard} = iif({a}, 1, 2)":        "quoted text",
	} {
		_, err := surveyjs.ImportSurveyJS([]byte(exprForm(expr)), "e", "1")
		errs := problem.All(err)
		if len(errs) != 1 || errs[0].Pointer != "/elements/7/visibleIf" || !strings.Contains(errs[0].Message, want) || errs[0].Hint == "" {
			t.Errorf("%s: want a refusal at /elements/7/visibleIf saying %q, got %v", expr, want, err)
		}
	}
}

// FuzzExpressions: any visibleIf gives a condition or a located refusal,
// never a panic; a condition it gives passes the definition's check and
// survives an export and a re-import unchanged.
func FuzzExpressions(f *testing.F) {
	for _, s := range []string{"{favoriteColor} = 'red' and ({heard} > 2 or {topics} allof ['pay', 'rotas'])", "{why} notempty || {nps} <= 5", "{member} != false", "({quality.heard} anyof [1, 'x'])"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		def, err := surveyjs.ImportSurveyJS([]byte(exprForm(expr)), "e", "1")
		if err != nil {
			for _, e := range problem.All(err) {
				if e.Pointer == "" || e.Message == "" {
					t.Fatalf("%q: an unlocated refusal: %v", expr, e)
				}
			}
			return
		}
		out, err := surveyjs.ExportSurveyJS(def)
		if err != nil {
			return // a value with a backslash, which SurveyJS cannot carry
		}
		back, err := surveyjs.ImportSurveyJS(out, "e", "1")
		if err != nil {
			t.Fatalf("%q exported as %s, which does not import: %v", expr, out, err)
		}
		if diff := cmp.Diff(def.Question("target").ShowIf, back.Question("target").ShowIf); diff != "" {
			t.Fatalf("%q: the round trip changed the condition (-before +after):\n%s", expr, diff)
		}
	})
}

// TestChoiceConditions: a choice's own visibleIf becomes its option's
// show_if, which the survey's rules enforce and the export writes back.
func TestChoiceConditions(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [
	  {"type": "radiogroup", "name": "side", "choices": ["staff", "employer"]},
	  {"type": "checkbox", "name": "topics", "choices": ["pay", {"value": "rotas", "text": "Rotas", "visibleIf": "{side} = 'staff'"}]}]}`), "c", "1")
	require.NoError(t, err)
	o := def.Question("topics").Option("rotas")
	require.Equal(t, &survey.Condition{Question: "side", AnyOf: []string{"staff"}}, o.ShowIf)
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	back, err := surveyjs.ImportSurveyJS(out, "c", "1")
	require.NoError(t, err)
	require.Equal(t, def.Hash(), back.Hash())

	r := &survey.Response{Survey: "c", Answers: map[survey.QuestionID]survey.Answer{"side": survey.Text("employer"), "topics": survey.Choices("pay", "rotas")}}
	errs := survey.Validator{}.Check(def, r)
	require.Len(t, errs, 1)
	require.Equal(t, "/answers/topics/1 condition_false", errs[0].Pointer+" "+errs[0].Code)
	require.False(t, def.Offered(o, r))
	r.Answers["side"] = survey.Text("staff")
	require.Empty(t, survey.Validator{}.Check(def, r))
	require.True(t, def.Offered(o, r))
}

// TestPageAndPanelConditions: a page's and a panel's visibleIf hold for
// every question in them, with the question's own: all must hold.
func TestPageAndPanelConditions(t *testing.T) {
	def, err := surveyjs.ImportSurveyJS([]byte(`{"title": "T", "pages": [
	  {"name": "p1", "elements": [{"type": "radiogroup", "name": "side", "choices": ["staff", "employer"]}, {"type": "boolean", "name": "rep"}]},
	  {"name": "p2", "visibleIf": "{side} = 'staff'", "elements": [
	    {"type": "comment", "name": "a"},
	    {"type": "panel", "name": "reps", "visibleIf": "{rep} = true", "elements": [
	      {"type": "comment", "name": "b"},
	      {"type": "comment", "name": "c", "visibleIf": "{b} notempty"}]}]},
	  {"name": "p3", "elements": [{"type": "comment", "name": "d"}]}]}`), "p", "1")
	require.NoError(t, err)
	yes := true
	staff := survey.Condition{Question: "side", AnyOf: []string{"staff"}}
	rep := survey.Condition{Question: "rep", AnyOf: []string{"true"}}
	want := map[survey.QuestionID]*survey.Condition{
		"a": &staff,
		"b": {All: []survey.Condition{staff, rep}},
		"c": {All: []survey.Condition{staff, rep, {Question: "b", Answered: &yes}}},
		"d": nil,
	}
	for id, w := range want {
		if diff := cmp.Diff(w, def.Question(id).ShowIf); diff != "" {
			t.Errorf("%s (-want +got):\n%s", id, diff)
		}
	}
	out, err := surveyjs.ExportSurveyJS(def)
	require.NoError(t, err)
	back, err := surveyjs.ImportSurveyJS(out, "p", "1")
	require.NoError(t, err)
	require.Equal(t, def.Hash(), back.Hash())
}
