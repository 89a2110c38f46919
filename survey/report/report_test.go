package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

// scored tallies a file of responses to def.
func scored(t *testing.T, def *survey.Definition, file string, topts score.TallyOptions, ropts score.ReportOptions) *score.Report {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	sc := score.Scorer{Definition: def, Options: topts}
	tally, err := sc.Score(f, file)
	require.NoError(t, err)
	rep, err := tally.Report(ropts)
	require.NoError(t, err)
	return rep
}

// hostile is a survey whose wording carries markup, quotes and
// ampersands, answered enough for its figures to show.
func hostile(t *testing.T) *score.Report {
	def := &survey.Definition{ID: "hostile", Version: "1", Title: `Staff <b>views</b> & "quotes" 'too'`, Questions: []survey.Question{
		{ID: "side", Type: survey.SingleChoice, Text: "<script>alert(1)</script>Which side?", Options: []survey.Option{
			{Value: "a", Label: `<img src=x onerror="alert(1)">`}, {Value: "b", Label: "B & B"}}},
		{ID: "q", Type: survey.Likert, Text: "I am heard <i>here</i>", Scale: &survey.Scale{Min: 1, Max: 3, Labels: []survey.ScaleLabel{{Value: 1, Label: "No <no>"}, {Value: 2, Label: "Maybe"}, {Value: 3, Label: `Yes "yes"`}}}},
		{ID: "why", Type: survey.FreeText, Text: "Why?", MaxLength: 100},
	}}
	require.NoError(t, def.Validate())
	tally, err := score.NewTally(def, score.TallyOptions{By: "side", KeepText: true})
	require.NoError(t, err)
	for i := range 24 {
		side := []string{"a", "b"}[i%2]
		require.NoError(t, tally.Add(&survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{
			"side": survey.Text(side), "q": survey.Number(float64(1 + i%3)), "why": survey.Text("</li><li>injected " + side),
		}}))
	}
	rep, err := tally.Report(score.ReportOptions{MinGroup: 5, MinText: 5})
	require.NoError(t, err)
	return rep
}

// TestHTMLGolden holds WriteHTML to the pages in testdata, written before
// it moved to html/template, byte for byte.
func TestHTMLGolden(t *testing.T) {
	members := survey.MustBuiltin(survey.HeatCheck2022Members)
	b, err := os.ReadFile("../testdata/pulse.json")
	require.NoError(t, err)
	pulse, err := check.ParseDefinition(b)
	require.NoError(t, err)
	reports := map[string]*score.Report{
		"wave-a-k5.html":  scored(t, members, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{By: "org_type", KeepText: true}, score.ReportOptions{MinGroup: 5, MinText: 5}),
		"wave-a-k11.html": scored(t, members, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{By: "org_type"}, score.ReportOptions{MinGroup: 11, Invited: 40}),
		"pulse.html":      scored(t, pulse, "../testdata/pulse.ndjson", score.TallyOptions{By: "side", KeepText: true}, score.ReportOptions{MinGroup: 5, MinText: 5}),
		"hostile.html":    hostile(t),
	}
	for name, rep := range reports {
		var got bytes.Buffer
		require.NoError(t, report.WriteHTML(&got, rep))
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		if diff := cmp.Diff(string(want), got.String()); diff != "" {
			t.Errorf("%s (-golden +got):\n%s", name, diff)
		}
	}
}

// TestHTMLEscapes: text from the definition and the comments is text in
// every context of the page, titles, tables, the chart and its
// description included.
func TestHTMLEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.WriteHTML(&b, hostile(t)))
	out := b.String()
	for _, bad := range []string{"<script", "<img", "<b>", "<i>", "<no>", "</li><li>injected"} {
		require.NotContains(t, out, bad)
	}
	for _, want := range []string{"Staff &lt;b&gt;views&lt;/b&gt; &amp; &#34;quotes&#34; &#39;too&#39;", "&lt;/li&gt;&lt;li&gt;injected a", "B &amp; B"} {
		require.Contains(t, out, want)
	}
	require.True(t, strings.HasPrefix(out, "<!doctype html>\n"))
}

// TestOpenCollection: a report of answers anyone could send says so, in
// every format that has room for a note, and only then.
func TestOpenCollection(t *testing.T) {
	members := survey.MustBuiltin(survey.HeatCheck2022Members)
	for _, open := range []bool{false, true} {
		rep := scored(t, members, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{}, score.ReportOptions{OpenCollection: open})
		var html, md bytes.Buffer
		require.NoError(t, report.WriteHTML(&html, rep))
		require.NoError(t, report.WriteMarkdown(&md, rep))
		for name, out := range map[string]string{"HTML": html.String(), "Markdown": md.String()} {
			if got := strings.Contains(out, "may include made-up answers"); got != open {
				t.Errorf("OpenCollection %v: the %s note shown %v", open, name, got)
			}
		}
	}
}

// TestGroupConditionText: a question shown by a group of conditions is
// described in words, group by group, in the report and in the
// definition's Markdown.
func TestGroupConditionText(t *testing.T) {
	b, err := os.ReadFile("../../schema/testdata/survey-definition/valid/full.json")
	require.NoError(t, err)
	def, err := check.ParseDefinition(b)
	require.NoError(t, err)
	tally, err := score.NewTally(def, score.TallyOptions{})
	require.NoError(t, err)
	rep, err := tally.Report(score.ReportOptions{MinGroup: 5})
	require.NoError(t, err)
	var md bytes.Buffer
	require.NoError(t, report.WriteMarkdown(&md, rep))
	want := `Asked only of respondents who answered “4 – Agree” or “5 – Strongly agree” to “Decisions at the forum feel rushed.” or (chose all of “Pay and terms”, “Organisational change” at “Which topics should the forum spend more time on?” and did not answer “Employer side” to “Which side of the forum do you sit on?”) or did not answer “My views are heard at the forum.”.`
	require.Contains(t, md.String(), want)
	md.Reset()
	require.NoError(t, report.WriteDefinitionMarkdown(&md, def))
	want = "Asked only when `rushed` is one of: `4`, `5` or (`topics` includes all of: `pay`, `change` and `side` is none of: `employer` (or is not answered)) or `heard` is not answered."
	require.Contains(t, md.String(), want)
}
