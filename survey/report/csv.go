package report

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// csvColumns is the header of the CSV report: one row per question
// overall, then one per question in each group.
var csvColumns = []string{
	"group_question", "group_value", "group_label", "group_n", "group_suppressed",
	"question", "type", "text", "suppressed", "n", "missing", "dont_know",
	"mean", "sd", "median", "top2_pct", "bottom2_pct", "net", "score10",
	"top2_ci95_low", "top2_ci95_high", "mean_ci95_low", "mean_ci95_high", "distribution", "unanimous", "reason",
}

// WriteCSV writes the report as CSV that opens cleanly in Excel: UTF-8
// with a byte order mark, CRLF line ends, one row per question overall and
// then per question in each group. A withheld statistic is "*", a
// statistic that does not apply is empty, and a group of zero shows 0.
// Text cells that a spreadsheet would read as a formula are prefixed with
// an apostrophe. Numbers keep four decimal places at most.
func WriteCSV(w io.Writer, rep *score.Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	for _, q := range rep.Questions {
		row := []string{"", "", "All respondents", strconv.Itoa(rep.Respondents), "false"}
		if err := cw.Write(append(row, questionCells(rep, q)...)); err != nil {
			return err
		}
	}
	for _, th := range rep.Themes {
		row := []string{"", "", "All respondents", strconv.Itoa(rep.Respondents), "false"}
		if err := cw.Write(append(row, themeCSV(th)...)); err != nil {
			return err
		}
	}
	for _, g := range rep.Groups {
		value := ""
		if g.Value != nil {
			value = *g.Value
		}
		head := []string{string(g.Question), cellText(value), cellText(g.Label), strconv.Itoa(g.N), strconv.FormatBool(g.Suppressed)}
		if g.Suppressed {
			for _, q := range rep.Questions {
				if q.ID == g.Question {
					continue
				}
				r := score.QuestionResult{ID: q.ID, Type: q.Type, Suppressed: true, Reason: g.Reason}
				if err := cw.Write(append(slices.Clone(head), questionCells(rep, r)...)); err != nil {
					return err
				}
			}
			for _, th := range rep.Themes {
				if err := cw.Write(append(slices.Clone(head), themeCSV(groupTheme(g, th))...)); err != nil {
					return err
				}
			}
			continue
		}
		for _, q := range g.Questions {
			if err := cw.Write(append(slices.Clone(head), questionCells(rep, q)...)); err != nil {
				return err
			}
		}
		for _, th := range g.Themes {
			if err := cw.Write(append(slices.Clone(head), themeCSV(th)...)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func questionCells(rep *score.Report, q score.QuestionResult) []string {
	row := []string{string(q.ID), string(q.Type), cellText(questionText(rep, q.ID)), strconv.FormatBool(q.Suppressed)}
	if q.Suppressed || q.Stats == nil {
		for range 16 {
			row = append(row, "*")
		}
		return append(row, q.Reason)
	}
	s := q.Stats
	row = append(row, strconv.Itoa(s.N), strconv.Itoa(s.Missing), strconv.Itoa(s.DontKnow))
	row = append(row, num(s.Mean), num(s.SD), num(s.Median), num(s.Top2Pct), num(s.Bottom2Pct), num(s.Net), num(s.Score10))
	row = append(row, pair(s.Top2CI95, 0), pair(s.Top2CI95, 1), pair(s.MeanCI95, 0), pair(s.MeanCI95, 1))
	return append(row, cellText(distributionText(rep, q)), strconv.FormatBool(s.Unanimous), "")
}

// themeCSV is a theme's row after the group columns: its type is
// "theme", and the distribution is of theme scores by band.
func themeCSV(th score.ThemeResult) []string {
	row := []string{score.ThemePrefix + string(th.ID), "theme", cellText(th.Title), strconv.FormatBool(th.Suppressed)}
	if th.Suppressed || th.ThemeStats == nil {
		for range 16 {
			row = append(row, "*")
		}
		return append(row, th.Reason)
	}
	s := th.ThemeStats
	row = append(row, strconv.Itoa(s.N), strconv.Itoa(s.Missing), "")
	row = append(row, num(s.Mean), num(s.SD), num(s.Median), "", "", "", num(s.Mean))
	row = append(row, "", "", pair(s.MeanCI95, 0), pair(s.MeanCI95, 1))
	var parts []string
	for _, b := range score.ThemeBands {
		parts = append(parts, b+"="+strconv.Itoa(s.Distribution[b]))
	}
	return append(row, strings.Join(parts, "; "), strconv.FormatBool(s.Unanimous), "")
}

// distributionText lists counts in scale or option order: "1=1; 2=2".
func distributionText(rep *score.Report, q score.QuestionResult) string {
	var parts []string
	for _, k := range distributionKeys(rep, q) {
		parts = append(parts, k+"="+strconv.Itoa(q.Distribution[k]))
	}
	return strings.Join(parts, "; ")
}

// distributionKeys orders a distribution's keys as the definition does
// (scale points upwards, options in display order, "dont_know" last).
func distributionKeys(rep *score.Report, q score.QuestionResult) []string {
	var keys []string
	if dq := question(rep, q.ID); dq != nil {
		switch {
		case dq.Scale != nil:
			for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
				keys = append(keys, strconv.Itoa(v))
			}
			if dq.Scale.DontKnow != "" {
				keys = append(keys, survey.DontKnow)
			}
		default:
			for _, o := range dq.Options {
				keys = append(keys, o.Value)
			}
		}
		return keys
	}
	for k := range q.Distribution {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		na, ea := strconv.Atoi(a)
		nb, eb := strconv.Atoi(b)
		if ea == nil && eb == nil {
			return na - nb
		}
		return strings.Compare(a, b)
	})
	return keys
}

func question(rep *score.Report, id survey.QuestionID) *survey.Question {
	if rep.Definition() == nil {
		return nil
	}
	return rep.Definition().Question(id)
}

func questionText(rep *score.Report, id survey.QuestionID) string {
	if q := question(rep, id); q != nil {
		return q.Text
	}
	return string(id)
}

// num formats a statistic for CSV: four decimal places at most, empty
// for null.
func num(f *float64) string {
	if f == nil {
		return ""
	}
	return round4(*f)
}

func round4(f float64) string {
	r := math.Round(f*1e4) / 1e4
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func pair(p *[2]float64, i int) string {
	if p == nil {
		return ""
	}
	return round4(p[i])
}

// cellText guards a text cell against being read as a formula.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
