package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/spfkit/spfkit/survey/score"
)

// verdictText words a verdict for people.
var verdictText = map[string]string{
	score.Better:              "Better",
	score.Worse:               "Worse",
	score.NoSignificantChange: "No significant change",
	score.InsufficientN:       "Insufficient n",
	score.Mixed:               "Mixed (agreement and mean moved in opposite directions)",
}

// WriteComparisonMarkdown writes a comparison of two waves as a table: each statement's top-2
// share and mean in both waves, the differences (A minus B) with their
// intervals, and the verdict. Rounding happens here only.
func WriteComparisonMarkdown(w io.Writer, c *score.Comparison) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s: wave A against wave B\n\n", mdText(c.Survey.Title))
	p("Wave A: %d responses counted", c.A.Respondents)
	if c.A.Rejected > 0 {
		p(" (%d rejected)", c.A.Rejected)
	}
	p(". Wave B: %d responses counted", c.B.Respondents)
	if c.B.Rejected > 0 {
		p(" (%d rejected)", c.B.Rejected)
	}
	p(".\n\nDifferences are A minus B. Agreement is tested with the Newcombe interval, means with Welch's t test (two-sided, 5%%). Statements with fewer than %d answers in either wave (or withheld in a published report) are not tested. Verdicts follow each statement's own direction: for a reverse-scored statement, more agreement is worse.\n\n", c.MinGroup)
	p("| Statement | n (A / B) | Agree %% A | Agree %% B | Difference, points (95%% CI) | Mean A | Mean B | Difference (p) | Verdict |\n")
	p("|---|--:|--:|--:|--:|--:|--:|--:|---|\n")
	for _, q := range c.Questions {
		text := string(q.ID)
		if def := c.Definition(); def != nil {
			if dq := def.Question(q.ID); dq != nil {
				text = dq.Text
			}
		}
		cells := []string{"–", "–", "–", "–", "–", "–"}
		if q.Top2 != nil && q.Mean != nil {
			t, m := q.Top2, q.Mean
			cells = []string{
				pct(t.APct), pct(t.BPct),
				signed(t.DiffPts, pct) + " (" + signed(t.CI95[0], pct) + " to " + signed(t.CI95[1], pct) + ")",
				two(m.A), two(m.B),
				signed(m.Diff, two) + " (p = " + strconv.FormatFloat(m.P, 'f', 3, 64) + ")",
			}
		}
		p("| %s | %d / %d | %s | %s |\n", mdText(text), q.NA, q.NB, joinCells(cells), verdictText[q.Verdict])
	}
	return b.Flush()
}

func signed(f float64, format func(float64) string) string {
	if s := format(f); f > 0 && s != format(0) {
		return "+" + s
	} else {
		return s
	}
}

func joinCells(cells []string) string {
	out := ""
	for i, c := range cells {
		if i > 0 {
			out += " | "
		}
		out += c
	}
	return out
}
