package score_test

import (
	"fmt"
	"strings"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// Results by organisation type must never expose a small group. With 12
// trade union respondents, one from NHS Employers and four from trusts,
// the small groups are withheld; at k=11 so is the trade union group,
// because the total minus it would reveal the other five together.
func ExampleTally_Report() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally, _ := score.NewTally(def, score.TallyOptions{By: "org_type"})
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
		rep, _ := tally.Report(score.ReportOptions{MinGroup: k})
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
	sc := score.Scorer{
		Definition: survey.MustBuiltin(survey.HeatCheck2022Members),
		OnReject: func(r score.Rejection) {
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
	wave := func(points ...float64) *score.Tally {
		t, _ := score.NewTally(def, score.TallyOptions{})
		for _, p := range points {
			t.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q1": survey.Number(p)}})
		}
		return t
	}
	thisYear := wave(5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2, 1)
	lastYear := wave(5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1)
	c, _ := score.Compare(thisYear, lastYear, score.CompareOptions{})
	q1 := c.Questions[0]
	fmt.Printf("agree %.1f%% against %.1f%%: %+.1f points (95%% CI %+.1f to %+.1f), %s\n",
		q1.Top2.APct, q1.Top2.BPct, q1.Top2.DiffPts, q1.Top2.CI95[0], q1.Top2.CI95[1], q1.Verdict)
	fmt.Println("q2:", c.Questions[1].Verdict)
	// Output:
	// agree 83.3% against 66.7%: +16.7 points (95% CI -11.6 to +42.0), no_significant_change
	// q2: insufficient_n
}
