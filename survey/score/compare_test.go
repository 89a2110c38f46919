package score_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

func TestCompare(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	a := scoreFile(t, def, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{})
	b := scoreFile(t, def, "../testdata/synthetic-wave-b.ndjson", score.TallyOptions{})

	same, err := score.Compare(a, a, score.CompareOptions{})
	require.NoError(t, err)
	for _, q := range same.Questions {
		if q.Verdict != score.NoSignificantChange || q.Top2.DiffPts != 0 || q.Mean.Diff != 0 || q.Mean.P != 1 {
			t.Errorf("identical waves, %s: %+v %+v %+v", q.ID, q, q.Top2, q.Mean)
		}
	}

	c, err := score.Compare(a, b, score.CompareOptions{})
	require.NoError(t, err)
	q1 := c.Questions[0]
	// Wave A: 12/18 agree; wave B: 15/18.
	got := []float64{q1.Top2.APct, q1.Top2.BPct, q1.Top2.DiffPts, q1.Top2.CI95[0], q1.Top2.CI95[1]}
	if diff := cmp.Diff([]float64{66.667, 83.333, -16.667, -42.0, 11.6}, got, cmpopts.EquateApprox(0, 0.05)); diff != "" {
		t.Errorf("q1 top-2 change (-want +got):\n%s", diff)
	}
	if q1.Verdict != score.NoSignificantChange || q1.Mean.Verdict != score.NoSignificantChange {
		t.Errorf("q1 verdict %s", q1.Verdict)
	}
	if len(c.Questions) != 5 || c.A.Respondents != 18 || c.B.Respondents != 18 {
		t.Errorf("comparison = %+v", c)
	}

	small, err := score.Compare(a, b, score.CompareOptions{MinGroup: 19})
	require.NoError(t, err)
	for _, q := range small.Questions {
		if q.Verdict != score.InsufficientN || q.Top2 != nil || q.Mean != nil {
			t.Errorf("%s: want insufficient n and no statistics, got %+v", q.ID, q)
		}
	}
	var md bytes.Buffer
	require.NoError(t, report.WriteComparisonMarkdown(&md, c))
	if !strings.Contains(md.String(), "| 18 / 18 | 66.7 | 83.3 | -16.7 (-42.0 to +11.6) |") {
		t.Errorf("Markdown:\n%s", md.String())
	}
}

func TestCompareFindsSignificantChanges(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	wave := func(points ...int) *score.Tally {
		tally, err := score.NewTally(def, score.TallyOptions{})
		require.NoError(t, err)
		for _, p := range points {
			require.NoError(t, tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"q1": survey.Number(float64(p))}}))
		}
		return tally
	}
	repeat := func(p, n int) []int {
		var out []int
		for range n {
			out = append(out, p)
		}
		return out
	}
	high := wave(append(repeat(5, 30), repeat(4, 10)...)...)
	low := wave(append(repeat(1, 30), repeat(3, 10)...)...)
	c, err := score.Compare(high, low, score.CompareOptions{})
	require.NoError(t, err)
	if q := c.Questions[0]; q.Verdict != score.Better || q.Top2.Verdict != score.Better || q.Mean.Verdict != score.Better || q.Mean.P >= 0.05 {
		t.Errorf("high against low: %+v %+v %+v", q, q.Top2, q.Mean)
	}
	c, err = score.Compare(low, high, score.CompareOptions{})
	require.NoError(t, err)
	if q := c.Questions[0]; q.Verdict != score.Worse || q.Top2.DiffPts != -100 {
		t.Errorf("low against high: %+v %+v", q, q.Top2)
	}
	// The same from published reports: the statistics agree.
	ra, err := high.Report(score.ReportOptions{})
	require.NoError(t, err)
	rb, err := low.Report(score.ReportOptions{})
	require.NoError(t, err)
	fromReports, err := score.CompareReports(def, rb, ra, score.CompareOptions{})
	require.NoError(t, err)
	if diff := cmp.Diff(c, fromReports, cmpopts.IgnoreUnexported(score.Comparison{})); diff != "" {
		t.Errorf("tallies and reports disagree (-tallies +reports):\n%s", diff)
	}

	// A reverse-scored statement whose agreement rose got worse.
	rev := pulse(t)
	wave2 := func(points ...int) *score.Tally {
		tally, err := score.NewTally(rev, score.TallyOptions{})
		require.NoError(t, err)
		for _, p := range points {
			require.NoError(t, tally.Add(&survey.Response{Survey: rev.ID, Answers: map[survey.QuestionID]survey.Answer{
				"side": survey.Text("staff"), "heard": survey.Number(3), "rushed": survey.Number(float64(p))}}))
		}
		return tally
	}
	c2, err := score.Compare(wave2(append(repeat(5, 30), repeat(4, 10)...)...), wave2(append(repeat(1, 30), repeat(3, 10)...)...), score.CompareOptions{})
	require.NoError(t, err)
	for _, q := range c2.Questions {
		if q.ID == "rushed" && (q.Verdict != score.Worse || !q.Reverse || q.Mean.Diff <= 0) {
			t.Errorf("a reverse-scored statement whose agreement rose: %+v", q)
		}
	}
	// Other statements nobody answered: insufficient n, not a test.
	if q := c.Questions[1]; q.Verdict != score.InsufficientN || q.NA != 0 {
		t.Errorf("unanswered statement: %+v", q)
	}
	other, err := score.NewTally(pulse(t), score.TallyOptions{})
	require.NoError(t, err)
	if _, err := score.Compare(high, other, score.CompareOptions{}); err == nil {
		t.Error("comparing different surveys should fail")
	}
}
