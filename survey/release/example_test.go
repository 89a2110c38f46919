package release_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
)

// A forum publishes its heat check results, then wants to publish them
// again after one late response. The ledger refuses the second release:
// subtracting the first from it would give the late respondent's answers.
func Example() {
	ledger, _ := release.New()
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	publish := func(n int, label string) error {
		tally, _ := score.NewTally(def, score.TallyOptions{LedgerKey: ledger.Key})
		for i := range n {
			tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
				"org_type": survey.Text("nhs_trade_union"), "q1": survey.Number(float64(1 + i%5)),
			}})
		}
		rep, _ := tally.Report(score.ReportOptions{MinGroup: 5})
		_, err := ledger.Record(rep, release.Info{Label: label, Released: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)})
		return err
	}
	fmt.Println(publish(12, "March papers"))
	err := publish(13, "April papers")
	var conflict *release.ConflictError
	if errors.As(err, &conflict) {
		c := conflict.Conflicts[0]
		fmt.Printf("refused: %d person in %q but not in %q\n", c.People, c.With, c.Without)
		fmt.Println("wait for", conflict.Wait, "more responses")
	}
	fmt.Println("releases recorded:", len(ledger.Releases))
	// Output:
	// <nil>
	// refused: 1 person in "this release's “org_type (everyone)”" but not in "release 1 (March papers)'s “org_type (everyone)”"
	// wait for 4 more responses
	// releases recorded: 1
}
