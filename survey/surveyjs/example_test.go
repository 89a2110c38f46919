package surveyjs_test

import (
	"fmt"

	"github.com/spfkit/spfkit/survey/surveyjs"
)

// A form built in SurveyJS comes to spfkit with ImportSurveyJS; what
// spfkit cannot express is reported, not dropped.
func ExampleImportSurveyJS() {
	form := `{
	  "title": "Forum pulse",
	  "elements": [
	    {"type": "rating", "name": "heard", "title": "My views are heard.", "rateMin": 1, "rateMax": 5,
	     "minRateDescription": "Strongly disagree", "maxRateDescription": "Strongly agree"},
	    {"type": "comment", "name": "why", "title": "Why?", "visibleIf": "{heard} anyof [1, 2]"}
	  ]
	}`
	def, err := surveyjs.ImportSurveyJS([]byte(form), "forum-pulse", "1")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range def.Questions {
		fmt.Println(q.ID, q.Type, q.Text)
	}
	fmt.Println(def.Questions[1].ShowIf.AnyOf)

	_, err = surveyjs.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "file", "name": "cv"}]}`), "t", "1")
	fmt.Println(err)
	// Output:
	// heard likert My views are heard.
	// why free_text Why?
	// [1 2]
	// line 1, column 38: /elements/0/type: the question type "file" is not supported by spfkit
}
