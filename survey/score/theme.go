package score

import (
	"math"
	"slices"

	"github.com/spfkit/spfkit/survey"
)

// ThemePrefix starts the name a ledger gives a theme's cells, so that a
// theme and a question with the same id are told apart.
const ThemePrefix = "theme:"

// ThemeResult is a theme's result, overall or in a group: the
// distribution of respondents' theme scores. A suppressed result has no
// statistics.
type ThemeResult struct {
	// The theme's id.
	ID survey.QuestionID `json:"id"`
	// The theme's title.
	Title string `json:"title"`
	// The likert statements the theme scores.
	Statements []survey.QuestionID `json:"statements"`
	// Whether the statistics are withheld: too few respondents have a score, or showing them would let fewer than min_group be worked out by subtraction, or (with withhold_unanimous) everyone has the same score.
	Suppressed bool `json:"suppressed"`
	// Why the statistics are withheld: below_min_group, complementary or unanimous.
	Reason string `json:"reason,omitempty"`
	*ThemeStats
}

// ThemeStats are a theme's statistics on the NHS Staff Survey's 0–10
// scale, over respondents who answered at least one of its statements
// with a point.
type ThemeStats struct {
	// Respondents with a theme score.
	N int `json:"n"`
	// Respondents without one: they answered none of its statements, or only "don't know".
	Missing int `json:"missing"`
	// The mean theme score, 0 to 10.
	Mean *float64 `json:"mean" jsonschema:"nullable"`
	// The standard deviation of the theme scores (n−1).
	SD *float64 `json:"sd" jsonschema:"nullable"`
	// The median theme score.
	Median *float64 `json:"median" jsonschema:"nullable"`
	// The t 95% interval of the mean.
	MeanCI95 *[2]float64 `json:"mean_ci95" jsonschema:"nullable"`
	// How many respondents' scores fall in each band: "0-2", "2-4", "4-6" and "6-8" include their lower end only, "8-10" both ends.
	Distribution map[string]int `json:"distribution"`
	// Set when every respondent has the same theme score.
	Unanimous bool `json:"unanimous,omitempty"`
}

// ThemeBands are the keys of ThemeStats.Distribution, lowest first.
var ThemeBands = []string{"0-2", "2-4", "4-6", "6-8", "8-10"}

// themeWithheld says why a theme's cell is withheld on its own, or "".
func themeWithheld(values map[float64]int, opts ReportOptions) string {
	switch {
	case small(themeN(values), 0, opts.MinGroup):
		return ReasonBelowMinGroup
	case opts.WithholdUnanimous && themeUnanimous(values):
		return ReasonUnanimous
	}
	return ""
}

// themeUnanimous reports whether at least two respondents have a theme
// score and all have the same one.
func themeUnanimous(values map[float64]int) bool { return len(values) == 1 && themeN(values) >= 2 }

func themeN(values map[float64]int) int {
	n := 0
	for _, c := range values {
		n += c
	}
	return n
}

// themeResult computes theme th's result in a cell, applying primary
// suppression.
func (t *Tally) themeResult(c *cell, th int, opts ReportOptions) ThemeResult {
	d := &t.def.Themes[th]
	r := ThemeResult{ID: d.ID, Title: d.Title, Statements: slices.Clone(d.Statements)}
	values := c.themes[th]
	n := themeN(values)
	if reason := themeWithheld(values, opts); reason != "" {
		r.Suppressed, r.Reason = true, reason
		return r
	}
	s := &ThemeStats{N: n, Missing: c.respondents - n, Distribution: map[string]int{}}
	r.ThemeStats = s
	for _, b := range ThemeBands {
		s.Distribution[b] = 0
	}
	if n == 0 {
		return r
	}
	keys := make([]float64, 0, len(values))
	for v := range values {
		keys = append(keys, v)
	}
	slices.Sort(keys)
	var sum float64
	for _, v := range keys {
		sum += v * float64(values[v])
		band := min(int(v/2), 4)
		s.Distribution[ThemeBands[band]] += values[v]
	}
	mean := sum / float64(n)
	var ss float64
	for _, v := range keys {
		ss += float64(values[v]) * (v - mean) * (v - mean)
	}
	s.Mean = ptr(mean)
	s.Median = ptr(weightedMedian(keys, values, n))
	s.Unanimous = themeUnanimous(values)
	if n > 1 {
		sd := math.Sqrt(ss / float64(n-1))
		s.SD = ptr(sd)
		half := StudentTQuantile(0.975, float64(n-1)) * sd / math.Sqrt(float64(n))
		s.MeanCI95 = &[2]float64{mean - half, mean + half}
	}
	return r
}

// weightedMedian is the median of n values given as sorted distinct keys
// with their counts: the mean of the two middle values when n is even.
func weightedMedian(keys []float64, counts map[float64]int, n int) float64 {
	at := func(pos int) float64 { // the pos-th value, from 0
		for _, v := range keys {
			if pos < counts[v] {
				return v
			}
			pos -= counts[v]
		}
		return math.NaN()
	}
	if n%2 == 1 {
		return at(n / 2)
	}
	return (at(n/2-1) + at(n/2)) / 2
}
