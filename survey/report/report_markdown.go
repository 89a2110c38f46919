package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// WriteMarkdown writes the report for people: a summary, a table of the
// likert statements, each choice question's counts, the published
// comments and, with a breakdown, a table per statement across groups.
// Figures are rounded here and only here: percentages to one decimal
// place, means to two. A withheld figure is "*"; one that does not apply
// is "–".
func WriteMarkdown(w io.Writer, rep *score.Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", mdText(rep.Survey.Title))
	p("Survey `%s`, version %s (%s).\n\n", rep.Survey.ID, mdText(rep.Survey.Version), rep.Survey.Hash)
	p("- Responses counted: %d\n", rep.Respondents)
	if rep.Rejected > 0 {
		p("- Responses rejected as invalid: %d\n", rep.Rejected)
	}
	if rr := rep.ResponseRate; rr != nil {
		p("- Response rate: %s%% of %d invited (95%% CI %s–%s%%)\n", pct(rr.Pct), rr.Invited, pct(rr.CI95[0]), pct(rr.CI95[1]))
	}
	p("- Figures based on fewer than %d answers are withheld (*); comments need at least %d.\n", rep.MinGroup, rep.MinText)
	if t := openCollectionText(rep); t != "" {
		p("- %s\n", t)
	}
	p("\n")

	var likert, choice, text []score.QuestionResult
	for _, q := range rep.Questions {
		switch q.Type {
		case survey.Likert:
			likert = append(likert, q)
		case survey.FreeText:
			text = append(text, q)
		default:
			choice = append(choice, q)
		}
	}
	if len(likert) > 0 {
		p("## Statements\n\n")
		p("| Statement | n | Agree %% (95%% CI) | Disagree %% | Net | Mean (95%% CI) | Median | Score /10 | Don't know | Missing |\n")
		p("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, q := range likert {
			p("| %s | %s |\n", mdText(questionText(rep, q.ID)), strings.Join(likertCells(q), " | "))
		}
		p("\n")
		for _, q := range likert {
			if q.ShownIf != nil {
				p("- %s %s\n", mdText(questionText(rep, q.ID)), mdText(shownIfText(rep, q.ShownIf)))
			}
		}
		for _, q := range likert {
			if q.Suppressed && q.Reason != score.ReasonBelowMinGroup {
				p("- %s %s\n", mdText(questionText(rep, q.ID)), mdText(withheldText(rep, q.Reason)))
			}
		}
		p("\n")
	}
	if len(rep.Themes) > 0 {
		p("## Themes\n\n")
		p("Each respondent's theme score is the mean of their 0–10 scores on the theme's statements; the figures describe those scores.\n\n")
		p("| Theme | %s |\n|---|%s\n", strings.Join(themeHeader, " | "), strings.Repeat("--:|", len(themeHeader)))
		for _, th := range rep.Themes {
			p("| %s | %s |\n", mdText(th.Title), strings.Join(themeCells(th), " | "))
		}
		p("\n")
	}
	for _, q := range choice {
		p("## %s\n\n", mdText(questionText(rep, q.ID)))
		if q.ShownIf != nil {
			p("%s\n\n", mdText(shownIfText(rep, q.ShownIf)))
		}
		if q.Suppressed {
			p("%s\n\n", mdText(withheldText(rep, q.Reason)))
			continue
		}
		p("| Option | Count | %% |\n|---|--:|--:|\n")
		for _, k := range distributionKeys(rep, q) {
			c := q.Distribution[k]
			share := "–"
			if q.N > 0 {
				share = pct(100 * float64(c) / float64(q.N))
			}
			p("| %s | %d | %s |\n", mdText(optionLabel(rep, q.ID, k)), c, share)
		}
		mark := ""
		if q.Unanimous {
			mark = unanimousMark
		}
		p("\nn = %d%s; missing %d.\n\n", q.N, mark, q.Missing)
		mdComments(rep, p, q, "“Please specify” answers")
	}
	for _, q := range text {
		p("## %s\n\n", mdText(questionText(rep, q.ID)))
		if q.ShownIf != nil {
			p("%s\n\n", mdText(shownIfText(rep, q.ShownIf)))
		}
		if q.Suppressed {
			p("%s\n\n", mdText(withheldText(rep, q.Reason)))
			continue
		}
		p("%d answered; %d did not.\n\n", q.N, q.Missing)
		mdComments(rep, p, q, "Comments")
	}
	if rep.By != "" {
		p("## By %s\n\n", mdText(questionText(rep, rep.By)))
		p("Groups of fewer than %d, and groups that would let fewer than %d people be worked out by adding and subtracting the figures shown, are withheld (*).\n\n", rep.MinGroup, rep.MinGroup)
		if note := groupsWithheldText(rep); note != "" {
			p("%s\n\n", mdText(note))
		}
		for _, th := range rep.Themes {
			p("### Theme: %s\n\n", mdText(th.Title))
			p("| Group | Respondents | %s |\n|---|--:|%s\n", strings.Join(themeHeader, " | "), strings.Repeat("--:|", len(themeHeader)))
			for _, g := range rep.Groups {
				p("| %s | %d | %s |\n", mdText(g.Label), g.N, strings.Join(themeCells(groupTheme(g, th)), " | "))
			}
			p("\n")
		}
		for _, q := range likert {
			p("### %s\n\n", mdText(questionText(rep, q.ID)))
			p("| Group | Respondents | n | Agree %% (95%% CI) | Disagree %% | Net | Mean (95%% CI) | Median | Score /10 | Don't know | Missing |\n")
			p("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
			for _, g := range rep.Groups {
				cells := likertCells(score.QuestionResult{ID: q.ID, Suppressed: true})
				if !g.Suppressed {
					for _, gq := range g.Questions {
						if gq.ID == q.ID {
							cells = likertCells(gq)
						}
					}
				}
				p("| %s | %d | %s |\n", mdText(g.Label), g.N, strings.Join(cells, " | "))
			}
			p("\n")
		}
	}
	if anyUnanimous(rep) {
		p("%s %s\n", unanimousMark, unanimousNote)
	}
	return b.Flush()
}

// The mark on a figure whose base answered as one, and its footnote.
const (
	unanimousMark = "†"
	unanimousNote = "Everyone counted in this figure gave the same answer, so anyone who knows that a person is counted there knows their answer. Consider withholding the figure or merging the group before you publish."
)

// anyUnanimous reports whether any shown result is unanimous.
func anyUnanimous(rep *score.Report) bool {
	for _, q := range rep.Questions {
		if q.Stats != nil && q.Unanimous {
			return true
		}
	}
	for _, g := range rep.Groups {
		for _, q := range g.Questions {
			if q.Stats != nil && q.Unanimous {
				return true
			}
		}
	}
	return false
}

func mdComments(rep *score.Report, p func(string, ...any), q score.QuestionResult, title string) {
	switch {
	case len(q.Comments) > 0:
		p("%s, in no particular order:\n\n", title)
		for _, c := range q.Comments {
			p("- %s\n", mdText(strings.Join(strings.Fields(c), " ")))
		}
		p("\n")
	case commentsNote(rep, q, title) != "":
		p("%s\n\n", mdText(commentsNote(rep, q, title)))
	}
}

// likertCells are a likert result's table cells after the label.
func likertCells(q score.QuestionResult) []string {
	if q.Suppressed || q.Stats == nil {
		m := reasonMark(q.Reason)
		return []string{m, m, m, m, m, m, m, m, m}
	}
	s := q.Stats
	agree := dash(s.Top2Pct, pct)
	if s.Top2CI95 != nil {
		agree += " (" + pct(s.Top2CI95[0]) + "–" + pct(s.Top2CI95[1]) + ")"
	}
	mean := dash(s.Mean, two)
	if s.MeanCI95 != nil {
		mean += " (" + two(s.MeanCI95[0]) + "–" + two(s.MeanCI95[1]) + ")"
	}
	net := dash(s.Net, func(f float64) string {
		if f > 0 {
			return "+" + pct(f)
		}
		return pct(f)
	})
	n := strconv.Itoa(s.N)
	if s.Unanimous {
		n += unanimousMark
	}
	return []string{n, agree, dash(s.Bottom2Pct, pct), net, mean, dash(s.Median, two), dash(s.Score10, two), strconv.Itoa(s.DontKnow), strconv.Itoa(s.Missing)}
}

func optionLabel(rep *score.Report, id survey.QuestionID, value string) string {
	if q := question(rep, id); q != nil {
		return q.AnswerLabel(value)
	}
	return value
}

func dash(f *float64, format func(float64) string) string {
	if f == nil {
		return "–"
	}
	return format(*f)
}

func pct(f float64) string { return strconv.FormatFloat(roundTo(f, 1), 'f', 1, 64) }

func two(f float64) string { return strconv.FormatFloat(roundTo(f, 2), 'f', 2, 64) }

func roundTo(f float64, places int) float64 {
	m := 1.0
	for range places {
		m *= 10
	}
	r := float64(int64(f*m+copysignHalf(f))) / m
	if r == 0 {
		return 0
	}
	return r
}

func copysignHalf(f float64) float64 {
	if f < 0 {
		return -0.5
	}
	return 0.5
}

// mdText escapes text for a Markdown table cell or heading: characters
// Markdown or HTML would act on are escaped, and line breaks become
// spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '|', '\\', '`', '*', '_', '[', ']', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
