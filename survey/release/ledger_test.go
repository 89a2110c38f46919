package release_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
)

var day = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

// responses makes n heat-check responses: organisation type by the
// given function, statements at random.
func responses(rng *rand.Rand, n int, org func(i int) string) []*survey.Response {
	var out []*survey.Response
	for i := range n {
		r := &survey.Response{Survey: survey.HeatCheck2022Members, Answers: map[survey.QuestionID]survey.Answer{"org_type": survey.Text(org(i))}}
		for _, q := range []survey.QuestionID{"q1", "q2", "q3", "q4", "q5"} {
			r.Answers[q] = survey.Number(float64(1 + rng.IntN(5)))
		}
		out = append(out, r)
	}
	return out
}

func report(t *testing.T, l *release.Ledger, rs []*survey.Response, by survey.QuestionID) *score.Report {
	t.Helper()
	return reportOf(t, l, survey.MustBuiltin(survey.HeatCheck2022Members), rs, by)
}

// reportOf tallies rs for the ledger and reports them at k = 5.
func reportOf(t *testing.T, l *release.Ledger, def *survey.Definition, rs []*survey.Response, by survey.QuestionID) *score.Report {
	t.Helper()
	tally, err := score.NewTally(def, score.TallyOptions{By: by, LedgerKey: l.Key})
	require.NoError(t, err)
	for _, r := range rs {
		require.NoError(t, tally.Add(r))
	}
	rep, err := tally.Report(score.ReportOptions{MinGroup: 5})
	require.NoError(t, err)
	return rep
}

func union(i int) string { return "nhs_trade_union" }

func TestLedgerRefusesSubtraction(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := responses(rng, 20, union)
	late := responses(rng, 1, union)[0]
	mixed := responses(rng, 30, func(i int) string { return []string{"nhs_trade_union", "nhs_employers", "nhs_trust_ft_icb"}[i%3] })

	tests := []struct {
		name          string
		first, second func(*release.Ledger) *score.Report
		refused       bool
		wait          int
	}{
		{"the same wave twice", func(l *release.Ledger) *score.Report { return report(t, l, base, "") },
			func(l *release.Ledger) *score.Report { return report(t, l, base, "") }, false, 0},
		{"a wave, then with one late response", func(l *release.Ledger) *score.Report { return report(t, l, base, "") },
			func(l *release.Ledger) *score.Report { return report(t, l, append(base[:20:20], late), "") }, true, 4},
		{"a wave, then without one response", func(l *release.Ledger) *score.Report { return report(t, l, base, "") },
			func(l *release.Ledger) *score.Report { return report(t, l, base[:19], "") }, true, 0},
		{"a wave, then five more", func(l *release.Ledger) *score.Report { return report(t, l, base, "") },
			func(l *release.Ledger) *score.Report {
				return report(t, l, append(base[:20:20], responses(rng, 5, union)...), "")
			}, false, 0},
		{"a group that grows by one", func(l *release.Ledger) *score.Report { return report(t, l, mixed, "org_type") },
			func(l *release.Ledger) *score.Report {
				return report(t, l, append(mixed[:30:30], responses(rng, 1, union)...), "org_type")
			}, true, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := release.New()
			require.NoError(t, err)
			_, err = l.Record(tt.first(l), release.Info{Label: "first", Released: day})
			require.NoError(t, err)
			before := len(l.Releases)
			_, err = l.Record(tt.second(l), release.Info{Released: day})
			var ce *release.ConflictError
			if !tt.refused {
				require.NoError(t, err)
				require.Len(t, l.Releases, 2)
				return
			}
			require.True(t, errors.As(err, &ce), "want a conflict, got %v", err)
			require.Len(t, l.Releases, before, "a refused release is not recorded")
			require.Equal(t, tt.wait, ce.Wait)
			require.NotEmpty(t, ce.Drop, "the refusal says which cells to leave out")
			require.Contains(t, err.Error(), "release 1 (first)")
			for _, c := range ce.Conflicts {
				require.Less(t, c.People, 5)
				require.Equal(t, 1, c.Release)
			}
		})
	}
}

// TestLedgerBreakdownsByTwoQuestions: two breakdowns of the same
// responses, by questions whose groups differ by one person.
func TestLedgerBreakdownsByTwoQuestions(t *testing.T) {
	def := &survey.Definition{ID: "pair", Version: "1", Title: "Pair", Questions: []survey.Question{
		{ID: "side", Type: survey.SingleChoice, Text: "Side", Options: []survey.Option{{Value: "staff", Label: "Staff"}, {Value: "employer", Label: "Employer"}}},
		{ID: "role", Type: survey.SingleChoice, Text: "Role", Options: []survey.Option{{Value: "rep", Label: "Rep"}, {Value: "other", Label: "Other"}}},
		{ID: "heard", Type: survey.Likert, Text: "Heard", Scale: survey.MustBuiltin(survey.HeatCheck2022Members).Question("q1").Scale},
	}}
	require.NoError(t, def.Validate())
	rng := rand.New(rand.NewPCG(5, 6))
	var rs []*survey.Response
	for i := range 30 {
		side, role := "staff", "rep"
		if i >= 15 {
			side, role = "employer", "other"
		}
		if i == 0 {
			role = "other" // the one staff member who is not a rep
		}
		rs = append(rs, &survey.Response{Survey: "pair", Answers: map[survey.QuestionID]survey.Answer{
			"side": survey.Text(side), "role": survey.Text(role), "heard": survey.Number(float64(1 + rng.IntN(5)))}})
	}
	l, err := release.New()
	require.NoError(t, err)
	rep := func(by survey.QuestionID) *score.Report { return reportOf(t, l, def, rs, by) }
	_, err = l.Record(rep("side"), release.Info{Released: day})
	require.NoError(t, err)
	_, err = l.Record(rep("role"), release.Info{Released: day})
	var ce *release.ConflictError
	require.True(t, errors.As(err, &ce), "breakdowns whose groups differ by one person must conflict, got %v", err)
	require.Equal(t, 1, ce.Conflicts[0].People)
}

func TestLedgerFileRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	l, err := release.New()
	require.NoError(t, err)
	_, err = l.Record(report(t, l, responses(rng, 12, union), "org_type"), release.Info{Label: "March", Released: day})
	require.NoError(t, err)
	name := filepath.Join(t.TempDir(), "ledger.json")
	require.NoError(t, l.WriteFile(name))
	back, ok, err := release.ReadFile(name)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, l, back)
	info, err := os.Stat(name)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// A damaged ledger is refused, located.
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	for _, bad := range [][]byte{
		bytes.Replace(data, []byte(`"id": 1`), []byte(`"id": 2`), 1),
		bytes.Replace(data, []byte(`"n": 12`), []byte(`"n": 13`), 1),
		bytes.Replace(data, []byte(`"key": "`), []byte(`"key": "x`), 1),
	} {
		_, err := release.Parse(bad)
		require.Error(t, err)
	}
	// A report tallied without the ledger's key cannot be recorded.
	tally, err := score.NewTally(survey.MustBuiltin(survey.HeatCheck2022Members), score.TallyOptions{})
	require.NoError(t, err)
	rep, err := tally.Report(score.ReportOptions{})
	require.NoError(t, err)
	_, err = l.Record(rep, release.Info{})
	require.ErrorIs(t, err, release.ErrNotTracked)
}

func FuzzParse(f *testing.F) {
	l, _ := release.New()
	var b bytes.Buffer
	_ = l.Write(&b)
	f.Add(b.Bytes())
	f.Add([]byte(`{"key":"00","releases":[{"id":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := release.Parse(data)
		if err == nil && l == nil {
			t.Fatal("no ledger and no error")
		}
	})
}
