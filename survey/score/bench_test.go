package score_test

import (
	"bytes"
	"os/exec"
	"testing"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// genResponses runs the benchmark's generator for n responses.
func genResponses(b *testing.B, n string) []byte {
	b.Helper()
	out, err := exec.Command("go", "run", "../../bench/genresponses", "-n", n).Output()
	if err != nil {
		b.Fatalf("genresponses: %v", err)
	}
	return out
}

// BenchmarkScoreNDJSON measures scoring streamed heat-check responses; the
// README records its figures with those of bench/run-score.sh.
func BenchmarkScoreNDJSON(b *testing.B) {
	data := genResponses(b, "100000")
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		sc := score.Scorer{Definition: def, Options: score.TallyOptions{By: "org_type"}}
		t, err := sc.Score(bytes.NewReader(data), "responses.ndjson")
		if err != nil || t.Respondents() != 100000 {
			b.Fatalf("scored %v responses, err %v", t, err)
		}
	}
	b.ReportMetric(float64(b.N)*100000/b.Elapsed().Seconds(), "responses/s")
}

// BenchmarkValidate measures the validator the widget also runs.
func BenchmarkValidate(b *testing.B) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
		"org_type": survey.Text("other"), "q1": survey.Number(4), "q2": survey.Number(5), "q3": survey.Number(3), "q4": survey.Number(4), "q5": survey.Number(2),
		"reasons": survey.Text("Engage us earlier."),
	}, Other: map[survey.QuestionID]string{"org_type": "NHS Resolution"}}
	for range b.N {
		if err := survey.Validate(def, r); err != nil {
			b.Fatal(err)
		}
	}
}
