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
	r, _, err := survey.DecodeResponse([]byte(`{"survey":"heatcheck-2022-members","answers":{"org_type":"other","q1":4,"q2":5,"q3":3,"q4":4,"q5":2,"reasons":"Engage us earlier."},"other":{"org_type":"NHS Resolution"}}`))
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		if err := survey.Validate(def, r); err != nil {
			b.Fatal(err)
		}
	}
}
