package survey_test

import (
	"fmt"
	"github.com/spfkit/spfkit/problem"
	"strings"

	"github.com/spfkit/spfkit/survey"
)

// A forum's secretariat receives a response from the intranet form and
// checks it against the survey before storing it. Every problem comes back
// at once, keyed by question, with the sentence the form shows.
func ExampleValidate() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	r, _, err := survey.DecodeResponse([]byte(`{
		"survey": "heatcheck-2022-members",
		"answers": {"org_type": "other", "q1": 6, "q2": 4},
		"other": {"q2": "very much"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range problem.All(survey.Validate(def, r)) {
		fmt.Printf("%s (%s): %s\n", survey.QuestionOf(e), e.Code, e.Message)
	}
	// Output:
	// org_type (other_without_text): you chose "Other – please specify": enter what it is
	// q1 (out_of_range): the answer must be from 1 to 5, not 6
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

// Results by organisation type must never expose a small group. With 12
// trade union respondents, one from NHS Employers and four from trusts,
// the small groups are withheld; at k=11 so is the trade union group,
// because the total minus it would reveal the other five together.
func ExampleTally_Report() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally, _ := survey.NewTally(def, survey.TallyOptions{By: "org_type"})
	add := func(org string, n int, point float64) {
		for range n {
			tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
				"org_type": survey.Text(org), "q1": survey.Number(point),
			}})
		}
	}
	add("nhs_trade_union", 12, 4)
	add("nhs_employers", 1, 1)
	add("nhs_trust_ft_icb", 4, 5)
	for _, k := range []int{11, 5} {
		rep, _ := tally.Report(survey.ReportOptions{MinGroup: k})
		q1 := rep.Questions[1]
		fmt.Printf("k=%d: overall q1 n=%d mean %.2f\n", k, q1.N, *q1.Mean)
		for _, g := range rep.Groups {
			switch {
			case g.N == 0:
			case g.Suppressed:
				fmt.Printf("  %-35s n=%-2d withheld (%s)\n", g.Label, g.N, g.Reason)
			default:
				fmt.Printf("  %-35s n=%-2d q1 mean %.2f\n", g.Label, g.N, *g.Questions[0].Mean)
			}
		}
	}
	// Output:
	// k=11: overall q1 n=17 mean 4.06
	//   NHS Trade Union                     n=12 withheld (complementary)
	//   NHS Employers                       n=1  withheld (below_min_group)
	//   NHS Trust, Foundation Trust or ICB  n=4  withheld (below_min_group)
	// k=5: overall q1 n=17 mean 4.06
	//   NHS Trade Union                     n=12 q1 mean 4.00
	//   NHS Employers                       n=1  withheld (below_min_group)
	//   NHS Trust, Foundation Trust or ICB  n=4  withheld (below_min_group)
}

// A spreadsheet export (question ids as headers, option labels or values
// in the cells) is scored directly; a bad row is reported with its line
// and the rest still count.
func ExampleScorer_Score() {
	csv := "org_type,q1,q2\n" +
		"NHS Trade Union,4,5\n" +
		"nhs_employers,5,\n" +
		"HEE,seven,3\n"
	sc := survey.Scorer{
		Definition: survey.MustBuiltin(survey.HeatCheck2022Members),
		OnReject: func(r survey.Rejection) {
			for _, p := range r.Problems {
				fmt.Printf("line %d: %s: %s\n", r.Line, rootPath(p.Pointer), p.Message)
			}
		},
	}
	tally, err := sc.Score(strings.NewReader(csv), "export.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("counted %d, rejected %d\n", tally.Respondents(), tally.Rejected)
	// Output:
	// line 1: (header): no column for q3, q4, q5, reasons, other_comments: every row counts as not answering them
	// line 4: /answers/q1: the answer must be a number from 1 to 5, not text
	// counted 2, rejected 1
}

func rootPath(p string) string {
	if p == "" {
		return "(header)"
	}
	return p
}

// This year's wave is compared against last year's: A minus B, with a
// verdict only where both waves have enough answers.
func ExampleCompare() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	wave := func(points ...float64) *survey.Tally {
		t, _ := survey.NewTally(def, survey.TallyOptions{})
		for _, p := range points {
			t.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q1": survey.Number(p)}})
		}
		return t
	}
	thisYear := wave(5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 1)
	lastYear := wave(5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1)
	c, _ := survey.Compare(thisYear, lastYear, survey.CompareOptions{})
	q1 := c.Questions[0]
	fmt.Printf("agree %.1f%% against %.1f%%: %+.1f points (95%% CI %+.1f to %+.1f), %s\n",
		q1.Top2.APct, q1.Top2.BPct, q1.Top2.DiffPts, q1.Top2.CI95[0], q1.Top2.CI95[1], q1.Verdict)
	fmt.Println("q2:", c.Questions[1].Verdict)
	// Output:
	// agree 83.3% against 66.7%: +16.7 points (95% CI -11.6 to +42.0), no_significant_change
	// q2: insufficient_n
}

// Reports come as JSON (for tools), CSV (for Excel), Markdown and a
// self-contained HTML page with charts.
func ExampleReport_WriteMarkdown() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally, _ := survey.NewTally(def, survey.TallyOptions{})
	for i := range 12 {
		tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q5": survey.Number(float64(1 + i%5))}})
	}
	rep, _ := tally.Report(survey.ReportOptions{})
	var b strings.Builder
	rep.WriteMarkdown(&b)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "communicates") {
			fmt.Println(line)
		}
	}
	// Output:
	// | The national SPF effectively communicates key workforce related messages. | 12 | 33.3 (13.8–60.9) | 50.0 | -16.7 | 2.75 (1.81–3.69) | 2.50 | 4.38 | 0 | 0 |
}

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
	def, err := survey.ImportSurveyJS([]byte(form), "forum-pulse", "1")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range def.Questions {
		fmt.Println(q.ID, q.Type, q.Text)
	}
	fmt.Println(def.Questions[1].ShowIf.AnyOf)

	_, err = survey.ImportSurveyJS([]byte(`{"title": "T", "elements": [{"type": "matrix", "name": "grid"}]}`), "t", "1")
	fmt.Println(err)
	// Output:
	// heard likert My views are heard.
	// why free_text Why?
	// [1 2]
	// /elements/0/type: the question type "matrix" is not supported by spfkit
}
