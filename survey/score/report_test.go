package score_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

// scoreFile tallies a test file of responses.
func scoreFile(t testing.TB, def *survey.Definition, path string, opts score.TallyOptions) *score.Tally {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := score.Scorer{Definition: def, Options: opts, OnReject: func(r score.Rejection) {
		t.Errorf("%s:%d rejected: %v", path, r.Line, problems(r.Problems))
	}}
	tally, err := sc.Score(f, path)
	require.NoError(t, err)
	return tally
}

func question(rep *score.Report, id survey.QuestionID) score.QuestionResult {
	for _, q := range rep.Questions {
		if q.ID == id {
			return q
		}
	}
	return score.QuestionResult{}
}

func TestReportStatistics(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	rep, err := scoreFile(t, def, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{}).Report(score.ReportOptions{})
	require.NoError(t, err)
	q1 := question(rep, "q1")
	type stats struct {
		N, Missing                              int
		Mean, SD, Median, Top2, Bottom2, Net    float64
		Score10, Top2Lo, Top2Hi, MeanLo, MeanHi float64
	}
	got := stats{q1.N, q1.Missing, *q1.Mean, *q1.SD, *q1.Median, *q1.Top2Pct, *q1.Bottom2Pct, *q1.Net,
		*q1.Score10, q1.Top2CI95[0], q1.Top2CI95[1], q1.MeanCI95[0], q1.MeanCI95[1]}
	// Fixture F's statement 1: 4×5, 8×4, 3×3, 2×2, 1×1.
	want := stats{18, 0, 3.6667, 1.1376, 4, 66.6667, 16.6667, 50, 6.6667, 43.7495, 83.7212, 3.1010, 4.2324}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 5e-4)); diff != "" {
		t.Errorf("q1 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"1": 1, "2": 2, "3": 3, "4": 8, "5": 4}, q1.Distribution); diff != "" {
		t.Errorf("q1 distribution (-want +got):\n%s", diff)
	}
	// One respondent skipped statement 3: counted in q1's base, not q3's.
	if q3 := question(rep, "q3"); q3.N != 17 || q3.Missing != 1 {
		t.Errorf("q3 n=%d missing=%d, want 17 and 1", q3.N, q3.Missing)
	}
	if rep.Respondents != 18 || rep.Rejected != 0 || rep.MinGroup != 11 || rep.MinText != 11 || rep.ResponseRate != nil {
		t.Errorf("report header = %+v", rep)
	}
	// Choice and free-text questions have no likert statistics.
	if org := question(rep, "org_type"); org.Mean != nil || org.Distribution["nhs_trade_union"] != 12 || org.Distribution["dhsc"] != 0 {
		t.Errorf("org_type = %+v", org.Stats)
	}
}

func TestReverseScoringAndDontKnow(t *testing.T) {
	def := pulse(t)
	tally, err := score.NewTally(def, score.TallyOptions{})
	require.NoError(t, err)
	answers := []int{5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1}
	for i, v := range answers {
		r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
			"side": survey.Text("staff"), "heard": survey.Number(float64(v)), "rushed": survey.Number(float64(v)),
		}}
		if i < 3 {
			r.Answers["heard"] = survey.Text(survey.DontKnow)
		}
		if v >= 4 {
			r.Answers["rushed_why"] = survey.Text("x")
		}
		require.NoError(t, tally.Add(r))
	}
	rep, err := tally.Report(score.ReportOptions{})
	require.NoError(t, err)
	rushed := question(rep, "rushed")
	if got := *rushed.Score10; got < 3.3333-1e-4 || got > 3.3333+1e-4 {
		t.Errorf("reversed score10 = %v, want 3.33", got)
	}
	if *rushed.Mean < 3.666 || *rushed.Top2Pct < 66.6 {
		t.Error("reverse scoring must not change the raw mean or the top-2 share")
	}
	heard := question(rep, "heard")
	if heard.N != 15 || heard.DontKnow != 3 || heard.Missing != 0 || heard.Distribution[survey.DontKnow] != 3 {
		t.Errorf("heard n=%d dont_know=%d missing=%d", heard.N, heard.DontKnow, heard.Missing)
	}
	// The three "don't know" answers were 5s' rows, so the base lost them.
	if want := (4.0*5 + 8*4 + 3*3 + 2*2 + 1 - 15) / 15; *heard.Mean != want {
		t.Errorf("heard mean %v, want %v", *heard.Mean, want)
	}
}

func TestResponseRateAndSmallSurvey(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022PolicyLeads)
	tally, err := score.NewTally(def, score.TallyOptions{KeepText: true})
	require.NoError(t, err)
	for i := range 3 {
		require.NoError(t, tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
			"name": survey.Text("Policy lead " + strconv.Itoa(i)), "benefits": survey.Text("Helpful feedback " + strconv.Itoa(i)),
		}}))
	}
	rep, err := tally.Report(score.ReportOptions{Invited: 12})
	require.NoError(t, err)
	rr := rep.ResponseRate
	if diff := cmp.Diff(score.ResponseRate{Invited: 12, Pct: 25, CI95: [2]float64{8.8942, 53.2305}}, *rr, cmpopts.EquateApprox(0, 5e-4)); diff != "" {
		t.Errorf("response rate (-want +got):\n%s", diff)
	}
	var buf bytes.Buffer
	require.NoError(t, rep.WriteJSON(&buf))
	for _, leak := range []string{"Policy lead", "Helpful feedback"} {
		if strings.Contains(buf.String(), leak) {
			t.Errorf("the report publishes %q", leak)
		}
	}
	for _, q := range rep.Questions {
		if (q.Stats == nil) != q.Suppressed || q.Stats != nil && q.N > 0 {
			t.Errorf("%s: a question answered by 3 must be suppressed: %+v", q.ID, q)
		}
	}
	if _, err := tally.Report(score.ReportOptions{Invited: 2}); err == nil {
		t.Error("fewer invited than responded should be an error")
	}
	if _, err := tally.Report(score.ReportOptions{MinGroup: 4}); err == nil {
		t.Error("a threshold below 5 should be an error")
	}
}

func TestMeanIntervalWithFinitepopulation(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally := scoreFile(t, def, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{})
	plain, err := tally.Report(score.ReportOptions{})
	require.NoError(t, err)
	fpc, err := tally.Report(score.ReportOptions{Invited: 30})
	require.NoError(t, err)
	p, f := question(plain, "q1"), question(fpc, "q1")
	wantFPC := math.Sqrt(12.0 / 29) // (N−n)/(N−1) with N = 30 invited, n = 18
	if f.FPC == nil || *f.FPC-wantFPC > 1e-9 || wantFPC-*f.FPC > 1e-9 {
		t.Fatalf("fpc = %v, want %v", f.FPC, wantFPC)
	}
	halfPlain := p.MeanCI95[1] - *p.Mean
	halfFPC := f.MeanCI95[1] - *f.Mean
	if d := halfFPC - halfPlain*wantFPC; d > 1e-12 || d < -1e-12 {
		t.Errorf("half-width with FPC %v, want %v", halfFPC, halfPlain*wantFPC)
	}
}

// TestBreakdownNeverRevealsASmallGroup scores fixture F by organisation
// type (12 trade union, 1 NHS Employers, 3 trusts, 2 Other) and checks
// every output format at several thresholds.
func TestBreakdownNeverRevealsASmallGroup(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally := scoreFile(t, def, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{By: "org_type", KeepText: true})
	tests := []struct {
		k    int
		want map[string]string // group → "n/suppressed/reason"
	}{
		{11, map[string]string{
			"nhs_trade_union": "12/true/complementary", "dhsc": "0/false/", "nhs_england": "0/false/", "hee": "0/false/",
			"nhs_employers": "1/true/below_min_group", "nhs_trust_ft_icb": "3/true/below_min_group", "devolved_administration": "0/false/", "other": "2/true/below_min_group",
		}},
		{5, map[string]string{
			"nhs_trade_union": "12/false/", "dhsc": "0/false/", "nhs_england": "0/false/", "hee": "0/false/",
			"nhs_employers": "1/true/below_min_group", "nhs_trust_ft_icb": "3/true/below_min_group", "devolved_administration": "0/false/", "other": "2/true/below_min_group",
		}},
		{13, map[string]string{
			"nhs_trade_union": "12/true/below_min_group", "dhsc": "0/false/", "nhs_england": "0/false/", "hee": "0/false/",
			"nhs_employers": "1/true/below_min_group", "nhs_trust_ft_icb": "3/true/below_min_group", "devolved_administration": "0/false/", "other": "2/true/below_min_group",
		}},
	}
	for _, tt := range tests {
		t.Run("k="+strconv.Itoa(tt.k), func(t *testing.T) {
			rep, err := tally.Report(score.ReportOptions{MinGroup: tt.k, MinText: 11})
			require.NoError(t, err)
			got := map[string]string{}
			for _, g := range rep.Groups {
				got[*g.Value] = strconv.Itoa(g.N) + "/" + strconv.FormatBool(g.Suppressed) + "/" + g.Reason
				if g.Suppressed && g.Questions != nil {
					t.Errorf("suppressed group %s carries questions", *g.Value)
				}
				if g.N == 0 {
					for _, q := range g.Questions {
						if q.Suppressed || q.N != 0 || q.Mean != nil {
							t.Errorf("an empty group should show zero, not hide: %+v", q)
						}
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("groups (-want +got):\n%s", diff)
			}
			// The NHS Employers respondent's answers (the only 1 to
			// statement 1 and the only 5 to statement 5), comment and the
			// Other texts appear in no format.
			for format, out := range renderAll(t, rep) {
				for _, leak := range []string{"We need more employer", "NHS Resolution", "local government", "Policy leads should", "Extend partnership"} {
					if strings.Contains(out, leak) {
						t.Errorf("%s output contains %q", format, leak)
					}
				}
			}
			if tt.k == 5 {
				tu := rep.Groups[0].Questions[0]
				if tu.ID != "q1" || tu.N != 12 || tu.Distribution["1"] != 0 || tu.Distribution["5"] != 4 {
					t.Errorf("trade union q1 = %+v", tu.Stats)
				}
			}
		})
	}
}

// renderAll renders a report in every format.
func renderAll(t *testing.T, rep *score.Report) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"json": func(b *bytes.Buffer) error { return rep.WriteJSON(b) },
		"csv":  func(b *bytes.Buffer) error { return report.WriteCSV(b, rep) },
		"md":   func(b *bytes.Buffer) error { return report.WriteMarkdown(b, rep) },
		"html": func(b *bytes.Buffer) error { return report.WriteHTML(b, rep) },
	} {
		var b bytes.Buffer
		require.NoError(t, write(&b), name)
		out[name] = b.String()
	}
	return out
}

// TestNoCellRecoverableBySubtraction builds random surveys with small
// groups and checks, for every statement, that the shown cells of a
// single-choice breakdown leave a remainder of 0 or at least k when
// subtracted from the published total, and that every shown cell has at
// least k in its base.
func TestNoCellRecoverableBySubtraction(t *testing.T) {
	def := pulse(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		k := 5 + rng.IntN(10)
		tally, err := score.NewTally(def, score.TallyOptions{By: "side"})
		require.NoError(t, err)
		sizes := []int{rng.IntN(30), rng.IntN(15), rng.IntN(6)}
		for g, n := range sizes {
			for range n {
				r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
					"side": survey.Text([]string{"staff", "employer", "other"}[g]), "heard": survey.Number(float64(1 + rng.IntN(5))),
				}}
				if g == 2 {
					r.Other = map[survey.QuestionID]string{"side": "someone"}
				}
				if rng.IntN(4) > 0 {
					r.Answers["rushed"] = survey.Number(float64(1 + rng.IntN(3)))
				}
				require.NoError(t, tally.Add(r))
			}
		}
		rep, err := tally.Report(score.ReportOptions{MinGroup: k})
		require.NoError(t, err)
		for _, id := range []survey.QuestionID{"heard", "rushed"} {
			total := question(rep, id)
			if total.Suppressed {
				continue
			}
			rest := total.N
			for _, g := range rep.Groups {
				for _, q := range g.Questions {
					if q.ID != id || q.Suppressed {
						continue
					}
					if q.N > 0 && q.N < k {
						t.Fatalf("trial %d k=%d: %s shows a base of %d in group %s", trial, k, id, q.N, g.Label)
					}
					rest -= q.N
				}
			}
			if rest > 0 && rest < k {
				t.Fatalf("trial %d k=%d sizes %v: %s's hidden cells add up to %d, recoverable by subtraction", trial, k, sizes, id, rest)
			}
		}
	}
}

func TestCommentsPublishedOnlyWhenEnough(t *testing.T) {
	def := pulse(t)
	data, err := os.ReadFile("../testdata/pulse.ndjson")
	require.NoError(t, err)
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	tallyOf := func(lines [][]byte) *score.Tally {
		sc := score.Scorer{Definition: def, Options: score.TallyOptions{KeepText: true}}
		tally, err := sc.Score(bytes.NewReader(bytes.Join(lines, []byte("\n"))), "x.ndjson")
		require.NoError(t, err)
		return tally
	}
	rep, err := tallyOf(lines).Report(score.ReportOptions{MinText: 11})
	require.NoError(t, err)
	why := question(rep, "rushed_why")
	if len(why.Comments) != 15 || why.CommentsWithheld != "" {
		t.Fatalf("rushed_why comments = %d (%q)", len(why.Comments), why.CommentsWithheld)
	}
	// The order does not depend on the order responses arrived in.
	reversed := make([][]byte, len(lines))
	for i, l := range lines {
		reversed[len(lines)-1-i] = l
	}
	again, err := tallyOf(reversed).Report(score.ReportOptions{MinText: 11})
	require.NoError(t, err)
	if diff := cmp.Diff(why.Comments, question(again, "rushed_why").Comments); diff != "" {
		t.Errorf("comment order depends on input order (-first +reversed):\n%s", diff)
	}
	high, err := tallyOf(lines).Report(score.ReportOptions{MinText: 16})
	require.NoError(t, err)
	if q := question(high, "rushed_why"); q.Comments != nil || q.CommentsWithheld != score.WithheldBelowMinText {
		t.Errorf("16 needed, 15 given: %+v", q.Stats)
	}
	// The two Other texts are below k_text; contact is personal data.
	if q := question(rep, "side"); q.Comments != nil || q.CommentsWithheld != score.WithheldBelowMinText {
		t.Errorf("side's Other texts: %+v", q.Stats)
	}
}

func TestMergeEqualsWhole(t *testing.T) {
	def := pulse(t)
	data, err := os.ReadFile("../testdata/pulse.ndjson")
	require.NoError(t, err)
	opts := score.TallyOptions{By: "side", KeepText: true}
	tallyOf := func(b []byte) *score.Tally {
		sc := score.Scorer{Definition: def, Options: opts}
		tally, err := sc.Score(bytes.NewReader(b), "x.ndjson")
		require.NoError(t, err)
		return tally
	}
	whole := tallyOf(data)
	cut := bytes.IndexByte(data[len(data)/2:], '\n') + len(data)/2 + 1
	a, b := tallyOf(data[:cut]), tallyOf(data[cut:])
	require.NoError(t, a.Merge(b))
	ro := score.ReportOptions{MinGroup: 5, MinText: 5}
	want, err := whole.Report(ro)
	require.NoError(t, err)
	got, err := a.Report(ro)
	require.NoError(t, err)
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(score.Report{})); diff != "" {
		t.Errorf("merged shards differ from the whole (-whole +merged):\n%s", diff)
	}
	other, err := score.NewTally(def, score.TallyOptions{})
	require.NoError(t, err)
	if a.Merge(other) == nil {
		t.Error("merging tallies with different options should fail")
	}
}

func TestReportFormats(t *testing.T) {
	def := pulse(t)
	f, err := os.Open("../testdata/pulse.ndjson")
	require.NoError(t, err)
	defer f.Close()
	sc := score.Scorer{Definition: def, Options: score.TallyOptions{By: "side", KeepText: true}}
	tally, err := sc.Score(f, "pulse.ndjson")
	require.NoError(t, err)
	require.Equal(t, 2, tally.Rejected, "the file's last two responses leave a required question unanswered")
	rep, err := tally.Report(score.ReportOptions{MinGroup: 5, MinText: 5, Invited: 60})
	require.NoError(t, err)
	out := renderAll(t, rep)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out["json"]), &doc))
	for _, key := range []string{"survey", "respondents", "questions", "groups"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON report has no %q", key)
		}
	}
	csv := out["csv"]
	if !strings.HasPrefix(csv, "\ufeffgroup_question,") || !strings.Contains(csv, "\r\n") {
		t.Error("CSV should start with a BOM and use CRLF line ends, as Excel expects")
	}
	if !strings.Contains(csv, ",Employer side,12,true,heard,likert,My views are heard at the forum.,true,*,*,") {
		t.Errorf("CSV does not mark the withheld employer group with *:\n%s", csv)
	}
	html := out["html"]
	for _, want := range []string{`<svg class="chart-wide" role="img" aria-labelledby="chart-heard-title chart-heard-desc"`, `<svg class="chart-narrow" role="img" aria-labelledby="chart-heard-narrow-title chart-heard-narrow-desc"`, `<title id="chart-heard-title">`, `<desc id="chart-heard-desc">Diverging bar chart. All respondents (n=`, `<caption>Figures: My views are heard at the forum.</caption>`, `<th scope="row">Employer side</th><td>12</td><td>*</td>`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(html, "<script") {
		t.Error("the HTML report must not contain scripts")
	}
	md := out["md"]
	for _, want := range []string{"| Employer side | 12 | * |", "Response rate: 63.3% of 60 invited", "Comments, in no particular order:"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// TestUnanimousCellsAreFlagged: a shown cell where everyone gave the same
// answer tells anyone who knows a member of the cell their answer, so it
// is flagged in every format.
func TestUnanimousCellsAreFlagged(t *testing.T) {
	def := pulse(t)
	tally, err := score.NewTally(def, score.TallyOptions{By: "side"})
	require.NoError(t, err)
	add := func(side string, heard any, topics ...string) {
		r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"side": survey.Text(side), "rushed": survey.Number(3)}}
		if side == "other" {
			r.Other = map[survey.QuestionID]string{"side": "Observer"}
		}
		switch h := heard.(type) {
		case int:
			r.Answers["heard"] = survey.Number(float64(h))
		case string:
			r.Answers["heard"] = survey.Text(h)
		}
		if topics != nil {
			r.Answers["topics"] = survey.Choices(topics...)
		}
		require.NoError(t, tally.Add(r))
	}
	for range 12 { // staff: all answer 5, all choose pay
		add("staff", 5, "pay")
	}
	for i := range 12 { // employers: 4s and 5s, topics vary
		add("employer", 4+i%2, []string{"pay", "change"}[i%2])
	}
	add("employer", "dont_know")
	rep, err := tally.Report(score.ReportOptions{MinGroup: 11})
	require.NoError(t, err)

	group := func(value string) score.GroupResult {
		for _, g := range rep.Groups {
			if g.Value != nil && *g.Value == value {
				return g
			}
		}
		t.Fatalf("no group %s", value)
		return score.GroupResult{}
	}
	in := func(g score.GroupResult, id survey.QuestionID) score.QuestionResult {
		for _, q := range g.Questions {
			if q.ID == id {
				return q
			}
		}
		return score.QuestionResult{}
	}
	staff, employer := group("staff"), group("employer")
	for _, c := range []struct {
		name string
		q    score.QuestionResult
		want bool
	}{
		{"staff heard (all 5)", in(staff, "heard"), true},
		{"staff rushed (all 3)", in(staff, "rushed"), true},
		{"staff topics (all chose pay)", in(staff, "topics"), true},
		{"employer heard (4s, 5s and a don't know)", in(employer, "heard"), false},
		{"employer topics (pay or change)", in(employer, "topics"), false},
		{"employer rushed (all 3)", in(employer, "rushed"), true},
		{"overall heard", question(rep, "heard"), false},
		{"overall rushed (all 3)", question(rep, "rushed"), true},
		{"overall side", question(rep, "side"), false},
	} {
		if c.q.Stats == nil {
			t.Errorf("%s: no statistics", c.name)
			continue
		}
		if c.q.Unanimous != c.want {
			t.Errorf("%s: unanimous = %v, want %v", c.name, c.q.Unanimous, c.want)
		}
	}

	out := renderAll(t, rep)
	if !strings.Contains(out["json"], `"unanimous": true`) {
		t.Error("JSON lacks the flag")
	}
	if !strings.Contains(out["md"], "| Staff side | 12 | 12†") || !strings.Contains(out["md"], "† Everyone counted in this figure gave the same answer") {
		t.Errorf("Markdown lacks the mark or its note:\n%s", out["md"])
	}
	if !strings.Contains(out["html"], "<td>12†</td>") || !strings.Contains(out["html"], `<p class="note">† Everyone counted`) {
		t.Error("HTML lacks the mark or its note")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out["csv"], "\ufeff"))).ReadAll()
	require.NoError(t, err)
	col := slices.Index(rows[0], "unanimous")
	if col < 0 {
		t.Fatalf("CSV header %q", rows[0])
	}
	flagged := 0
	for _, row := range rows[1:] {
		switch row[col] {
		case "true":
			flagged++
		case "false", "*":
		default:
			t.Errorf("CSV row without a unanimous cell: %q", row)
		}
	}
	if flagged != 6 { // overall rushed; staff heard, rushed, topics and the voice theme; employer rushed
		t.Errorf("CSV flags %d rows, want 6:\n%s", flagged, out["csv"])
	}

	// With WithholdUnanimous those cells are withheld, and so is the
	// employers' "heard": shown beside the total, it would give the staff
	// side's unanimous answers by subtraction.
	rep, err = tally.Report(score.ReportOptions{MinGroup: 11, WithholdUnanimous: true})
	require.NoError(t, err)
	staff, employer = group("staff"), group("employer")
	got := map[string]string{}
	for name, q := range map[string]score.QuestionResult{
		"staff heard": in(staff, "heard"), "staff topics": in(staff, "topics"), "employer heard": in(employer, "heard"),
		"employer topics": in(employer, "topics"), "overall heard": question(rep, "heard"), "overall rushed": question(rep, "rushed"),
		"employer rushed": in(employer, "rushed"),
	} {
		got[name] = q.Reason
	}
	want := map[string]string{
		"staff heard": "unanimous", "staff topics": "unanimous", "employer heard": "complementary",
		"employer topics": "complementary", "overall heard": "", "overall rushed": "unanimous", "employer rushed": "unanimous",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons with WithholdUnanimous (-want +got):\n%s", diff)
	}
	if !rep.WithholdUnanimous || strings.Contains(renderAll(t, rep)["md"], "†") {
		t.Error("a withheld unanimous cell is still marked, or the report does not say unanimous cells are withheld")
	}
}
