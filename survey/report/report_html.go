package report

import (
	"bufio"
	"html/template"
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
// 100%, so nothing withheld can be read off it. The page is an
// html/template, so every text from the definition, the groups and the
// comments is escaped for where it stands.
func WriteHTML(w io.Writer, rep *score.Report) error {
	b := bufio.NewWriter(w)
	if err := htmlPage.Execute(b, newHTMLView(rep)); err != nil {
		return err
	}
	return b.Flush()
}

// htmlPage is the report page. Its text is laid out line by line as the
// page is: an action that prints nothing ends where the next line begins.
var htmlPage = template.Must(template.New("report").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>` + reportCSS + `</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<ul class="summary">
<li>Responses counted: {{.Respondents}}</li>
{{if .Rejected}}<li>Responses rejected as invalid: {{.Rejected}}</li>
{{end}}{{with .Rate}}<li>Response rate: {{.Pct}}% of {{.Invited}} invited (95% CI {{.Lo}}–{{.Hi}}%)</li>
{{end}}<li>Figures based on fewer than {{.MinGroup}} answers are withheld (*); comments need at least {{.MinText}}.</li>
{{with .Open}}<li>{{.}}</li>
{{end}}</ul>
<p class="meta">Survey <code>{{.ID}}</code>, version {{.Version}} (<code>{{.Hash}}</code>).</p>
{{range .Sections}}<section>
<h2>{{.Text}}</h2>
{{if .ShownIf}}<p class="meta">{{.ShownIf}}</p>
{{end}}{{if .Withheld}}<p>{{.WithheldText}}</p>
{{else if .Likert}}{{with .Chart}}{{template "chart" .}}{{end}}{{template "likert" .Likert}}{{else if .Choice}}{{template "choice" .Choice}}{{template "comments" .}}{{else}}<p>{{.N}} answered; {{.Missing}} did not.</p>
{{template "comments" .}}{{end}}</section>
{{end}}{{if .Themes}}<section>
<h2>Themes</h2>
<p>Each respondent's theme score is the mean of their 0–10 scores on the theme's statements; the figures describe those scores.</p>
{{range .Themes}}<table>
<caption>Theme: {{.Title}}</caption>
<thead><tr><th scope="col">Group</th><th scope="col">Respondents</th>{{range $.ThemeHeader}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Label}}</th><td>{{.Respondents}}</td>{{range .Figures}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}</section>
{{end}}{{with .GroupsNote}}<p class="note">{{.}}</p>
{{end}}{{if .Unanimous}}<p class="note">` + unanimousMark + ` {{.UnanimousNote}}</p>
{{end}}</main>
</body>
</html>
{{define "comments"}}{{if .Comments}}<h3>{{.CommentsTitle}}, in no particular order</h3>
<ul class="comments">
{{range .Comments}}<li>{{.}}</li>
{{end}}</ul>
{{else if .CommentsNote}}<p>{{.CommentsNote}}</p>
{{end}}{{end}}{{define "choice"}}<table>
<caption>Answers (n = {{.N}}{{.Mark}}; missing {{.Missing}})</caption>
<thead><tr><th scope="col">Option</th><th scope="col">Count</th><th scope="col">%</th></tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Label}}</th><td>{{.Count}}</td><td>{{.Share}}</td></tr>
{{end}}</tbody>
</table>
{{end}}{{define "likert"}}<table>
<caption>Figures: {{.Text}}</caption>
<thead><tr><th scope="col">Group</th><th scope="col">Respondents</th><th scope="col">n</th><th scope="col">Agree % (95% CI)</th><th scope="col">Disagree %</th><th scope="col">Net</th><th scope="col">Mean (95% CI)</th><th scope="col">Median</th><th scope="col">Score /10</th><th scope="col">Don't know</th><th scope="col">Missing</th></tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Label}}</th><td>{{.Respondents}}</td>{{range .Figures}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{if .Points}}<table>
<caption>Answers by point, % of n: {{.Text}}</caption>
<thead><tr><th scope="col">Group</th>{{range .Points}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Label}}</th>{{range .ByPoint}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{end}}{{define "chart"}}<figure>
{{template "svg" .}}{{template "svg" .Narrow}}<figcaption>{{.Text}} Bars run from fully disagreeing on the left to fully agreeing on the right, centred on the midpoint. The tables below give the numbers.</figcaption>
</figure>
{{end}}{{define "svg"}}<svg class="{{.Class}}" role="img" aria-labelledby="{{.ID}}-title {{.ID}}-desc" viewBox="0 0 {{.Width}} {{.Height}}" width="100%" preserveAspectRatio="xMinYMin meet">
<title id="{{.ID}}-title">{{.Title}}</title>
<desc id="{{.ID}}-desc">{{.Desc}}</desc>
{{range .Grid}}<line x1="{{.X}}" y1="{{.Y1}}" x2="{{.X}}" y2="{{.Y2}}" stroke="#768692" stroke-width="{{.Stroke}}"/>
<text x="{{.X}}" y="{{.LabelY}}" font-size="14" text-anchor="middle" fill="#212b32">{{.Label}}%</text>
{{end}}{{range .Bars}}<text x="{{.LabelX}}" y="{{.LabelY}}" font-size="14" text-anchor="{{$.Anchor}}" fill="#212b32">{{.Label}} (n={{.N}})</text>
{{range .Rects}}<rect x="{{.X}}" y="{{.Y}}" width="{{.Width}}" height="20" fill="{{.Fill}}"/>
{{end}}{{end}}{{range .Legend}}<rect x="{{.X}}" y="{{.Y}}" width="12" height="12" fill="{{.Fill}}"/><text x="{{.TextX}}" y="{{.TextY}}" font-size="14" fill="#212b32">{{.Label}}</text>
{{end}}</svg>
{{end}}`))

// htmlView is what the page shows, worked out in Go: the template only
// places it.
type htmlView struct {
	Title, ID, Version, Hash string
	Respondents, Rejected    int
	Rate                     *htmlRate
	MinGroup, MinText        int
	Open                     string
	Sections                 []htmlSection
	Themes                   []htmlTheme
	ThemeHeader              []string
	GroupsNote               string
	Unanimous                bool
	UnanimousNote            string
}

type htmlTheme struct {
	Title string
	Rows  []htmlLikertRow
}

type htmlRate struct {
	Pct, Lo, Hi string
	Invited     int
}

// htmlSection is one question. Figures are our own numbers, never text
// from the data, so they are written as they are (a net score's "+"
// stays a plus sign).
type htmlSection struct {
	Text         string
	ShownIf      string
	Withheld     bool
	WithheldText string
	Likert       *htmlLikert
	Chart        *htmlChart
	Choice       *htmlChoice
	N            int
	Missing      int
	// Comments, or the note on why there are none to show.
	Comments      []string
	CommentsTitle string
	CommentsNote  string
}

type htmlChoice struct {
	N, Missing int
	Mark       string
	Rows       []htmlChoiceRow
}

type htmlChoiceRow struct {
	Label string
	Count int
	Share string
}

type htmlLikert struct {
	Text   string
	Rows   []htmlLikertRow
	Points []string // the scale's points, labelled, when it has one
}

type htmlLikertRow struct {
	Label       string
	Respondents int
	Figures     []template.HTML
	ByPoint     []string
}

func newHTMLView(rep *score.Report) *htmlView {
	v := &htmlView{
		Title: rep.Survey.Title, ID: rep.Survey.ID, Version: rep.Survey.Version, Hash: rep.Survey.Hash,
		Respondents: rep.Respondents, Rejected: rep.Rejected, MinGroup: rep.MinGroup, MinText: rep.MinText, Open: openCollectionText(rep),
		Unanimous: anyUnanimous(rep), UnanimousNote: unanimousNote,
	}
	if rr := rep.ResponseRate; rr != nil {
		v.Rate = &htmlRate{Pct: pct(rr.Pct), Lo: pct(rr.CI95[0]), Hi: pct(rr.CI95[1]), Invited: rr.Invited}
	}
	for _, q := range rep.Questions {
		s := htmlSection{Text: questionText(rep, q.ID), Withheld: q.Suppressed, WithheldText: withheldText(rep, q.Reason), ShownIf: shownIfText(rep, q.ShownIf)}
		if q.Stats != nil {
			s.N, s.Missing = q.N, q.Missing
		}
		switch q.Type {
		case survey.Likert:
			s.Withheld = q.Suppressed || q.Stats == nil
			if !s.Withheld {
				s.Likert, s.Chart = likertView(rep, q, s.Text)
			}
		case survey.FreeText:
			if !s.Withheld {
				comments(rep, q, "Comments", &s)
			}
		default:
			if !s.Withheld {
				s.Choice = choiceView(rep, q)
				comments(rep, q, "“Please specify” answers", &s)
			}
		}
		v.Sections = append(v.Sections, s)
	}
	v.GroupsNote = groupsWithheldText(rep)
	v.ThemeHeader = themeHeader
	for _, th := range rep.Themes {
		ht := htmlTheme{Title: th.Title}
		row := func(label string, n int, r score.ThemeResult) {
			lr := htmlLikertRow{Label: label, Respondents: n}
			for _, c := range themeCells(r) {
				lr.Figures = append(lr.Figures, template.HTML(template.HTMLEscapeString(c)))
			}
			ht.Rows = append(ht.Rows, lr)
		}
		row("All respondents", rep.Respondents, th)
		for _, g := range rep.Groups {
			row(g.Label, g.N, groupTheme(g, th))
		}
		v.Themes = append(v.Themes, ht)
	}
	return v
}

func comments(rep *score.Report, q score.QuestionResult, title string, s *htmlSection) {
	s.CommentsTitle = title
	switch {
	case len(q.Comments) > 0:
		s.Comments = q.Comments
	default:
		s.CommentsNote = commentsNote(rep, q, title)
	}
}

func choiceView(rep *score.Report, q score.QuestionResult) *htmlChoice {
	c := &htmlChoice{N: q.N, Missing: q.Missing}
	if q.Unanimous {
		c.Mark = unanimousMark
	}
	for _, k := range distributionKeys(rep, q) {
		n := q.Distribution[k]
		share := "–"
		if q.N > 0 {
			share = pct(100 * float64(n) / float64(q.N))
		}
		c.Rows = append(c.Rows, htmlChoiceRow{Label: optionLabel(rep, q.ID, k), Count: n, Share: share})
	}
	return c
}

func likertView(rep *score.Report, q score.QuestionResult, text string) (*htmlLikert, *htmlChart) {
	dq := question(rep, q.ID)
	type row struct {
		label string
		n     int
		r     score.QuestionResult
	}
	rows := []row{{"All respondents", rep.Respondents, q}}
	for _, g := range rep.Groups {
		r := score.QuestionResult{ID: q.ID, Suppressed: true}
		if !g.Suppressed {
			for _, gq := range g.Questions {
				if gq.ID == q.ID {
					r = gq
				}
			}
		}
		rows = append(rows, row{g.Label, g.N, r})
	}
	l := &htmlLikert{Text: text}
	var chart *htmlChart
	scale := dq != nil && dq.Scale != nil
	if scale {
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
		chart = divergingChart(string(q.ID), text, dq.Scale, bars)
		for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
			l.Points = append(l.Points, strconv.Itoa(v)+" – "+dq.Scale.Label(v))
		}
	}
	for _, row := range rows {
		lr := htmlLikertRow{Label: row.label, Respondents: row.n}
		for _, c := range likertCells(row.r) {
			lr.Figures = append(lr.Figures, template.HTML(c)) // numbers, "*" and "–" only
		}
		if scale {
			for v := dq.Scale.Min; v <= dq.Scale.Max; v++ {
				switch {
				case row.r.Suppressed || row.r.Stats == nil:
					lr.ByPoint = append(lr.ByPoint, "*")
				case row.r.N == 0:
					lr.ByPoint = append(lr.ByPoint, "–")
				default:
					c := row.r.Distribution[strconv.Itoa(v)]
					lr.ByPoint = append(lr.ByPoint, pct(100*float64(c)/float64(row.r.N))+" ("+strconv.Itoa(c)+")")
				}
			}
		}
		l.Rows = append(l.Rows, lr)
	}
	return l, chart
}

// bar is one row of a diverging chart.
type bar struct {
	label string
	n     int
	share []float64 // percent per scale point
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

// htmlChart is a diverging chart, its geometry worked out.
type htmlChart struct {
	ID, Title, Desc, Text string
	Width, Height         int
	Grid                  []htmlGridLine
	Bars                  []htmlBar
	Legend                []htmlLegendItem
	// Class is chart-wide or chart-narrow: the page shows the narrow
	// layout (labels above the bars) on small screens, so that no text is
	// drawn smaller than 12 px at 320 px wide. Anchor aligns the labels.
	Class, Anchor string
	// Narrow is the same chart laid out for small screens.
	Narrow *htmlChart
}

type htmlGridLine struct {
	X, Stroke, Label string
	Y1, Y2, LabelY   int
}

type htmlBar struct {
	Label          string
	N              int
	LabelX, LabelY int
	Rects          []htmlRect
}

type htmlRect struct {
	X, Width, Fill string
	Y              int
}

type htmlLegendItem struct {
	X, TextX, Fill, Label string
	Y, TextY              int
}

// divergingChart draws one bar per row, centred on 0: disagreement (and
// half of a neutral midpoint) to the left, agreement to the right.
func divergingChart(id, text string, s *survey.Scale, bars []bar) *htmlChart {
	c := layoutChart(id, text, s, bars, false)
	c.Narrow = layoutChart(id, text, s, bars, true)
	return c
}

// layoutChart draws the chart wide (labels left of the bars, 700 units
// across, shown from 720 px) or narrow (labels above the bars, 320 units
// across); its text is 14 units, so never below 12.6 px on screen.
func layoutChart(id, text string, s *survey.Scale, bars []bar, narrow bool) *htmlChart {
	labelW, plotW, rowH, top := 280, 400.0, 28, 30
	c := &htmlChart{ID: "chart-" + id, Title: "Answers to: " + text, Desc: describeBars(s, bars), Text: text, Class: "chart-wide", Anchor: "end"}
	if narrow {
		labelW, plotW, rowH, top = 26, 268, 48, 30
		c.ID, c.Class, c.Anchor = "chart-"+id+"-narrow", "chart-narrow", "start"
	}
	c.Height = top + rowH*len(bars) + 30 + 20*s.Points()
	c.Width = labelW + int(plotW) + 10
	if narrow {
		c.Width = 320
	}
	cx := float64(labelW) + plotW/2
	scale := float64(plotW) / 200 // pixels per percentage point
	f1 := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
	f2 := func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
	for _, x := range []float64{-100, -50, 0, 50, 100} {
		px := cx + x*scale
		stroke := "0.5"
		if x == 0 {
			stroke = "1.5"
		}
		c.Grid = append(c.Grid, htmlGridLine{X: f1(px), Stroke: stroke, Label: strconv.Itoa(int(abs(x))), Y1: top - 6, Y2: top + rowH*len(bars), LabelY: top - 10})
	}
	n := s.Points()
	for r, b := range bars {
		y := top + r*rowH + 4
		hb := htmlBar{Label: shorten(b.label, 30), N: b.n, LabelX: labelW - 8, LabelY: y + 15}
		if narrow {
			hb.LabelX, hb.LabelY, y = labelW, y+14, y+20
		}
		rect := func(x, w float64, fill string) {
			hb.Rects = append(hb.Rects, htmlRect{X: f2(x), Width: f2(w), Fill: fill, Y: y})
		}
		// Left of centre: the neutral half, then points downwards.
		left := 0.0
		half := n / 2
		if n%2 == 1 {
			w := b.share[half] / 2
			rect(cx-w*scale, w*scale, neutralColour)
			rect(cx, w*scale, neutralColour)
			left = w
		}
		right := left
		for i := half - 1; i >= 0; i-- {
			w := b.share[i]
			rect(cx-(left+w)*scale, w*scale, pointColour(i, n))
			left += w
		}
		for i := n - half; i < n; i++ {
			w := b.share[i]
			rect(cx+right*scale, w*scale, pointColour(i, n))
			right += w
		}
		c.Bars = append(c.Bars, hb)
	}
	// Legend.
	ly := top + rowH*len(bars) + 16
	x := 10.0
	for i := 0; i < n; i++ {
		label := strconv.Itoa(s.Min+i) + " " + s.Label(s.Min+i)
		c.Legend = append(c.Legend, htmlLegendItem{X: f1(x), TextX: f1(x + 16), Fill: pointColour(i, n), Label: label, Y: ly, TextY: ly + 10})
		x += 16 + float64(len([]rune(label)))*7.2 + 14
		if i < n-1 && (narrow || x > float64(c.Width)-160) {
			x = 10
			ly += 20
		}
	}
	return c
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

// StyleSheet is the CSS an HTML report carries inline, in its one <style>
// element: a server that sends a Content-Security-Policy allows it by its
// hash.
func StyleSheet() string { return reportCSS }

const reportCSS = `body{font-family:Frutiger W01,Arial,sans-serif;color:#212b32;background:#f0f4f5;margin:0;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:24px 16px;background:#fff}
h1{font-size:2rem;margin:0 0 16px}h2{font-size:1.375rem;margin:32px 0 8px}h3{font-size:1.125rem}
table{border-collapse:collapse;margin:12px 0 24px;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #d8dde0;padding:6px 8px;text-align:right;vertical-align:top}
th[scope=row],thead th:first-child{text-align:left}
figure{margin:8px 0}figcaption{font-size:.9rem;color:#4c6272}
code{font-size:.85rem;overflow-wrap:anywhere}.meta{color:#4c6272;font-size:.9rem}
@media (max-width:640px){table{display:block;overflow-x:auto}}
.chart-narrow{display:none}@media (max-width:719px){.chart-wide{display:none}.chart-narrow{display:block}}`
