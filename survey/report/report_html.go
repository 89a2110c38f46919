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

// WriteHTML writes the report as one self-contained HTML page (no scripts,
// no external files) for publishing on an intranet. Each likert statement
// gets an SVG diverging stacked bar chart, overall and for each group that
// is not withheld, with a title and a description for assistive
// technology and the same numbers as a table. Withheld groups appear in
// the tables as "*" and never in a chart, whose scale is always −100% to
// 100%, so nothing withheld can be read off it.
func WriteHTML(w io.Writer, rep *score.Report) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	e := escapeHTML
	p("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", e(rep.Survey.Title), reportCSS)
	p("<h1>%s</h1>\n", e(rep.Survey.Title))
	p("<ul class=\"summary\">\n<li>Responses counted: %d</li>\n", rep.Respondents)
	if rep.Rejected > 0 {
		p("<li>Responses rejected as invalid: %d</li>\n", rep.Rejected)
	}
	if rr := rep.ResponseRate; rr != nil {
		p("<li>Response rate: %s%% of %d invited (95%% CI %s–%s%%)</li>\n", pct(rr.Pct), rr.Invited, pct(rr.CI95[0]), pct(rr.CI95[1]))
	}
	p("<li>Figures based on fewer than %d answers are withheld (*); comments need at least %d.</li>\n</ul>\n", rep.MinGroup, rep.MinText)
	p("<p class=\"meta\">Survey <code>%s</code>, version %s (<code>%s</code>).</p>\n", e(rep.Survey.ID), e(rep.Survey.Version), e(rep.Survey.Hash))

	for _, q := range rep.Questions {
		switch q.Type {
		case survey.Likert:
			htmlLikert(rep, p, q)
		case survey.FreeText:
			p("<section>\n<h2>%s</h2>\n", e(questionText(rep, q.ID)))
			if q.Suppressed {
				p("<p>Withheld: fewer than %d answered.</p>\n</section>\n", rep.MinGroup)
				continue
			}
			p("<p>%d answered; %d did not.</p>\n", q.N, q.Missing)
			htmlComments(rep, p, q, "Comments")
			p("</section>\n")
		default:
			htmlChoice(rep, p, q)
		}
	}
	if anyUnanimous(rep) {
		p("<p class=\"note\">%s %s</p>\n", unanimousMark, e(unanimousNote))
	}
	p("</main>\n</body>\n</html>\n")
	return b.Flush()
}

func htmlChoice(rep *score.Report, p func(string, ...any), q score.QuestionResult) {
	e := escapeHTML
	p("<section>\n<h2>%s</h2>\n", e(questionText(rep, q.ID)))
	if q.Suppressed {
		p("<p>Withheld: fewer than %d answered.</p>\n</section>\n", rep.MinGroup)
		return
	}
	mark := ""
	if q.Unanimous {
		mark = unanimousMark
	}
	p("<table>\n<caption>Answers (n = %d%s; missing %d)</caption>\n<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Count</th><th scope=\"col\">%%</th></tr></thead>\n<tbody>\n", q.N, mark, q.Missing)
	for _, k := range distributionKeys(rep, q) {
		c := q.Distribution[k]
		share := "–"
		if q.N > 0 {
			share = pct(100 * float64(c) / float64(q.N))
		}
		p("<tr><th scope=\"row\">%s</th><td>%d</td><td>%s</td></tr>\n", e(optionLabel(rep, q.ID, k)), c, share)
	}
	p("</tbody>\n</table>\n")
	htmlComments(rep, p, q, "“Please specify” answers")
	p("</section>\n")
}

func htmlComments(rep *score.Report, p func(string, ...any), q score.QuestionResult, title string) {
	e := escapeHTML
	switch {
	case len(q.Comments) > 0:
		p("<h3>%s, in no particular order</h3>\n<ul class=\"comments\">\n", e(title))
		for _, c := range q.Comments {
			p("<li>%s</li>\n", e(c))
		}
		p("</ul>\n")
	case q.CommentsWithheld == score.WithheldBelowMinText:
		p("<p>%s are withheld: fewer than %d were given.</p>\n", e(title), rep.MinText)
	case q.CommentsWithheld == score.WithheldPersonalData:
		p("<p>%s are personal data and are not published.</p>\n", e(title))
	}
}

// bar is one row of a diverging chart.
type bar struct {
	label string
	n     int
	share []float64 // percent per scale point
}

func htmlLikert(rep *score.Report, p func(string, ...any), q score.QuestionResult) {
	e := escapeHTML
	text := questionText(rep, q.ID)
	p("<section>\n<h2>%s</h2>\n", e(text))
	if q.Suppressed || q.Stats == nil {
		p("<p>Withheld: fewer than %d answered.</p>\n</section>\n", rep.MinGroup)
		return
	}
	dq := question(rep, q.ID)
	rows := []struct {
		label string
		n     int
		r     score.QuestionResult
	}{{"All respondents", rep.Respondents, q}}
	for _, g := range rep.Groups {
		r := score.QuestionResult{ID: q.ID, Suppressed: true}
		if !g.Suppressed {
			for _, gq := range g.Questions {
				if gq.ID == q.ID {
					r = gq
				}
			}
		}
		rows = append(rows, struct {
			label string
			n     int
			r     score.QuestionResult
		}{g.Label, g.N, r})
	}
	if dq != nil && dq.Scale != nil {
		var bars []bar
		for _, row := range rows {
			if row.r.Suppressed || row.r.Stats == nil || row.r.N == 0 {
				continue
			}
			b := bar{label: row.label, n: row.r.N}
			for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
				b.share = append(b.share, 100*float64(row.r.Distribution[strconv.Itoa(v)])/float64(row.r.N))
			}
			bars = append(bars, b)
		}
		writeDivergingChart(p, string(q.ID), text, dq.Scale, bars)
	}
	p("<table>\n<caption>Figures: %s</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Respondents</th><th scope=\"col\">n</th><th scope=\"col\">Agree %% (95%% CI)</th><th scope=\"col\">Disagree %%</th><th scope=\"col\">Net</th><th scope=\"col\">Mean (95%% CI)</th><th scope=\"col\">Median</th><th scope=\"col\">Score /10</th><th scope=\"col\">Don't know</th><th scope=\"col\">Missing</th></tr></thead>\n<tbody>\n", e(text))
	for _, row := range rows {
		p("<tr><th scope=\"row\">%s</th><td>%d</td>", e(row.label), row.n)
		for _, c := range likertCells(row.r) {
			p("<td>%s</td>", e(c))
		}
		p("</tr>\n")
	}
	p("</tbody>\n</table>\n")
	if dq != nil && dq.Scale != nil {
		p("<table>\n<caption>Answers by point, %% of n: %s</caption>\n<thead><tr><th scope=\"col\">Group</th>", e(text))
		for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
			p("<th scope=\"col\">%s</th>", e(strconv.Itoa(v)+" – "+dq.Scale.Label(v)))
		}
		p("</tr></thead>\n<tbody>\n")
		for _, row := range rows {
			p("<tr><th scope=\"row\">%s</th>", e(row.label))
			for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
				switch {
				case row.r.Suppressed || row.r.Stats == nil:
					p("<td>*</td>")
				case row.r.N == 0:
					p("<td>–</td>")
				default:
					c := row.r.Distribution[strconv.Itoa(v)]
					p("<td>%s (%d)</td>", pct(100*float64(c)/float64(row.r.N)), c)
				}
			}
			p("</tr>\n")
		}
		p("</tbody>\n</table>\n")
	}
	p("</section>\n")
}

// Chart colours, darkest first: disagreement in magenta shades, agreement
// in NHS blues, the neutral point grey; each side darkens towards its end
// of the scale.
var (
	disagreeColours = []string{"#7C2855", "#AE2573", "#D5679D", "#E8A3C4", "#F3D1E1"}
	agreeColours    = []string{"#003087", "#005EB8", "#41B6E6", "#9BCBEB", "#CDE4F5"}
	neutralColour   = "#AEB7BD"
)

// pointColour picks a colour for point i (0-based) of a scale of n points
// (at most 11, so at most 5 on each side).
func pointColour(i, n int) string {
	half := n / 2
	switch {
	case n%2 == 1 && i == half:
		return neutralColour
	case i < half:
		return disagreeColours[i]
	}
	return agreeColours[n-1-i]
}

// writeDivergingChart draws one bar per row, centred on 0: disagreement
// (and half of a neutral midpoint) to the left, agreement to the right.
func writeDivergingChart(p func(string, ...any), id, text string, s *survey.Scale, bars []bar) {
	e := escapeHTML
	const (
		labelW = 280
		plotW  = 400
		rowH   = 28
		top    = 30
	)
	height := top + rowH*len(bars) + 50
	width := labelW + plotW + 20
	cx := float64(labelW) + plotW/2
	scale := float64(plotW) / 200 // pixels per percentage point
	desc := describeBars(s, bars)
	p("<figure>\n<svg role=\"img\" aria-labelledby=\"chart-%s-title chart-%s-desc\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\">\n", id, id, width, height)
	p("<title id=\"chart-%s-title\">%s</title>\n<desc id=\"chart-%s-desc\">%s</desc>\n", id, e("Answers to: "+text), id, e(desc))
	for _, x := range []float64{-100, -50, 0, 50, 100} {
		px := cx + x*scale
		p("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#768692\" stroke-width=\"%s\"/>\n", px, top-6, px, top+rowH*len(bars), map[bool]string{true: "1.5", false: "0.5"}[x == 0])
		p("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#212b32\">%s%%</text>\n", px, top-10, strconv.Itoa(int(abs(x))))
	}
	n := s.Points()
	for r, b := range bars {
		y := top + r*rowH + 4
		p("<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\" fill=\"#212b32\">%s (n=%d)</text>\n", labelW-8, y+15, e(shorten(b.label, 30)), b.n)
		// Left of centre: the neutral half, then points downwards.
		left := 0.0
		half := n / 2
		if n%2 == 1 {
			w := b.share[half] / 2
			p("<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"%s\"/>\n", cx-w*scale, y, w*scale, neutralColour)
			p("<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"%s\"/>\n", cx, y, w*scale, neutralColour)
			left = w
		}
		right := left
		for i := half - 1; i >= 0; i-- {
			w := b.share[i]
			p("<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"%s\"/>\n", cx-(left+w)*scale, y, w*scale, pointColour(i, n))
			left += w
		}
		for i := n - half; i < n; i++ {
			w := b.share[i]
			p("<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"20\" fill=\"%s\"/>\n", cx+right*scale, y, w*scale, pointColour(i, n))
			right += w
		}
	}
	// Legend.
	ly := top + rowH*len(bars) + 16
	x := 10.0
	for i := 0; i < n; i++ {
		label := strconv.Itoa(s.Min+i) + " " + s.Label(s.Min+i)
		p("<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#212b32\">%s</text>\n", x, ly, pointColour(i, n), x+16, ly+10, e(label))
		x += 16 + float64(len(label))*5.6 + 12
		if x > float64(width)-80 && i < n-1 {
			x = 10
			ly += 18
		}
	}
	p("</svg>\n<figcaption>%s Bars run from fully disagreeing on the left to fully agreeing on the right, centred on the midpoint. The tables below give the numbers.</figcaption>\n</figure>\n", e(text))
}

// describeBars is the chart's text alternative: each bar's agreement and
// disagreement in words.
func describeBars(s *survey.Scale, bars []bar) string {
	if len(bars) == 0 {
		return "No figures can be shown."
	}
	var parts []string
	for _, b := range bars {
		var top, bottom float64
		for i, v := range b.share {
			if s.InTop(s.Min + i) {
				top += v
			}
			if s.InBottom(s.Min + i) {
				bottom += v
			}
		}
		parts = append(parts, b.label+" (n="+strconv.Itoa(b.n)+"): "+pct(top)+"% agree, "+pct(bottom)+"% disagree")
	}
	return "Diverging bar chart. " + strings.Join(parts, "; ") + "."
}

// shorten cuts a chart label to n characters; the tables carry it whole.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

const reportCSS = `body{font-family:Frutiger W01,Arial,sans-serif;color:#212b32;background:#f0f4f5;margin:0;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:24px 16px;background:#fff}
h1{font-size:2rem;margin:0 0 16px}h2{font-size:1.375rem;margin:32px 0 8px}h3{font-size:1.125rem}
table{border-collapse:collapse;margin:12px 0 24px;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:right;vertical-align:top}
th[scope=row],thead th:first-child{text-align:left}
figure{margin:8px 0}figcaption{font-size:.9rem;color:#4c6272}
code{font-size:.85rem;overflow-wrap:anywhere}.meta{color:#4c6272;font-size:.9rem}
@media (max-width:640px){table{display:block;overflow-x:auto}}`

// escapeHTML escapes text for HTML content and attribute values. It is
// used instead of the html package, whose entity table would weigh on the
// WebAssembly build that shares this package.
var escapeHTML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace
