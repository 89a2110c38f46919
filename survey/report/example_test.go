package report_test

import (
	"fmt"
	"strings"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

// Reports come as JSON (for tools), CSV (for Excel), Markdown and a
// self-contained HTML page with charts.
func ExampleWriteMarkdown() {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally, _ := score.NewTally(def, score.TallyOptions{})
	for i := range 12 {
		tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q5": survey.Number(float64(1 + i%5))}})
	}
	rep, _ := tally.Report(score.ReportOptions{})
	var b strings.Builder
	report.WriteMarkdown(&b, rep)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "communicates") {
			fmt.Println(line)
		}
	}
	// Output:
	// | The national SPF effectively communicates key workforce related messages. | 12 | 33.3 (13.8–60.9) | 50.0 | -16.7 | 2.75 (1.81–3.69) | 2.50 | 4.38 | 0 | 0 |
}
