package survey_test

import (
	"fmt"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// A forum's secretariat receives a response from the intranet form and
// checks it against the survey before storing it. Every problem comes back
// at once, keyed by question, with the sentence the form shows.
func ExampleValidate() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	r := &survey.Response{
		Survey:  survey.HeatCheck2022Members,
		Answers: map[survey.QuestionID]survey.Answer{"org_type": survey.Text("other"), "q1": survey.Number(6), "q2": survey.Number(4)},
		Other:   map[survey.QuestionID]string{"q2": "very much"},
	}
	for _, e := range problem.All(survey.Validate(def, r)) {
		fmt.Printf("%s (%s): %s\n", survey.QuestionOf(e), e.Code, e.Message)
	}
	// Output:
	// q1 (out_of_range): the answer must be from 1 to 5, not 6
	// org_type (other_without_text): you chose "Other – please specify" for "Organisation or organisation type you work for (select one)": enter what it is
	// q2 (text_without_other): this question has no "Other" option to specify
}

// The heat check's statements are scored 1 to 5. For comparison with the
// NHS Staff Survey a point maps to 0–10; a statement where agreeing is bad
// news is reverse scored.
func ExampleScale_Score() {
	s := survey.MustBuiltin(survey.HeatCheck2022Members).Question("q1").Scale
	for v := s.Min; v <= s.Max; v++ {
		fmt.Printf("%d %-27s %4.1f reversed %4.1f\n", v, s.Label(v), s.Score(float64(v), false), s.Score(float64(v), true))
	}
	// Output:
	// 1 fully disagree               0.0 reversed 10.0
	// 2 partly disagree              2.5 reversed  7.5
	// 3 neither agree nor disagree   5.0 reversed  5.0
	// 4 partly agree                 7.5 reversed  2.5
	// 5 fully agree                 10.0 reversed  0.0
}
