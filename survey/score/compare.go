package score

import (
	"errors"

	"github.com/spfkit/spfkit/survey"
)

// Verdicts of a wave comparison.
const (
	Higher              = "higher"                // wave A is significantly higher than wave B
	Lower               = "lower"                 // wave A is significantly lower than wave B
	NoSignificantChange = "no_significant_change" // the difference could be chance (two-sided, 5%)
	InsufficientN       = "insufficient_n"        // a wave's base n is below the threshold: no test is run
	Mixed               = "mixed"                 // top-2 share and mean moved significantly in opposite directions
)

// CompareOptions configure Compare. The zero value uses the defaults.
type CompareOptions struct {
	// MinGroup is k: a question whose base n is below k in either wave
	// gets "insufficient_n" and no statistics. Zero means DefaultMinGroup;
	// below MinAllowedGroup is an error.
	MinGroup int
}

// Comparison compares two waves of one survey question by question. Wave A
// is compared against wave B: every difference is A minus B, and "higher"
// means A is higher than B. To ask whether this year rose on last year,
// pass this year as A.
type Comparison struct {
	// The URL of the survey-comparison schema.
	Schema string `json:"$schema,omitempty"`
	// The survey both waves answer.
	Survey SurveyRef `json:"survey"`
	// The smallest base n for which a question is tested.
	MinGroup int `json:"min_group"`
	// Wave A's counts of valid and rejected responses.
	A WaveCounts `json:"a"`
	// Wave B's counts of valid and rejected responses.
	B WaveCounts `json:"b"`
	// The likert questions, in survey order.
	Questions []QuestionChange `json:"questions"`

	def *survey.Definition
}

// WaveCounts counts one wave's responses.
type WaveCounts struct {
	// Valid responses counted.
	Respondents int `json:"respondents"`
	// Responses rejected as invalid.
	Rejected int `json:"rejected"`
}

// QuestionChange is the change in one likert question between waves.
type QuestionChange struct {
	// The question's id.
	ID survey.QuestionID `json:"id"`
	// The overall verdict: higher, lower, no_significant_change, mixed or insufficient_n. It is higher (or lower) when at least one test is significant in that direction and none in the other.
	Verdict string `json:"verdict"`
	// The base n in wave A.
	NA int `json:"n_a"`
	// The base n in wave B.
	NB int `json:"n_b"`
	// The difference in top-2 share, absent with insufficient_n.
	Top2 *Top2Change `json:"top2,omitempty"`
	// The difference in means, absent with insufficient_n.
	Mean *MeanChange `json:"mean,omitempty"`
}

// Top2Change compares the top-2 shares of two waves.
type Top2Change struct {
	// Wave A's top-2 share, in percent.
	APct float64 `json:"a_pct"`
	// Wave B's top-2 share, in percent.
	BPct float64 `json:"b_pct"`
	// A minus B, in percentage points.
	DiffPts float64 `json:"diff_pts"`
	// The Newcombe hybrid score 95% interval of the difference, in percentage points.
	CI95 [2]float64 `json:"ci95"`
	// higher, lower or no_significant_change: significant when the interval excludes 0.
	Verdict string `json:"verdict"`
}

// MeanChange compares the means of two waves with Welch's t test.
type MeanChange struct {
	// Wave A's mean.
	A float64 `json:"a"`
	// Wave B's mean.
	B float64 `json:"b"`
	// A minus B.
	Diff float64 `json:"diff"`
	// Welch's t statistic; null when both waves gave every respondent the same answer and the answers differ, so t is infinite.
	T *float64 `json:"t" jsonschema:"nullable"`
	// The Welch–Satterthwaite degrees of freedom.
	DF float64 `json:"df"`
	// The two-sided p-value.
	P float64 `json:"p"`
	// higher, lower or no_significant_change: significant when p < 0.05.
	Verdict string `json:"verdict"`
}

// Compare compares wave a against wave b, two tallies of the same
// definition. Responses are anonymous, so the waves are treated as
// independent samples.
func Compare(a, b *Tally, opts CompareOptions) (*Comparison, error) {
	if a.hash != b.hash {
		return nil, errors.New("survey: the waves were tallied with different definitions; compare waves of the same survey version")
	}
	ro, err := ReportOptions{MinGroup: opts.MinGroup}.withDefaults()
	if err != nil {
		return nil, err
	}
	k := ro.MinGroup
	def := a.def
	c := &Comparison{
		Schema:    survey.ComparisonSchemaURL,
		Survey:    SurveyRef{ID: def.ID, Version: def.Version, Title: def.Title, Hash: a.hash},
		MinGroup:  k,
		A:         WaveCounts{a.all.respondents, a.Rejected},
		B:         WaveCounts{b.all.respondents, b.Rejected},
		Questions: []QuestionChange{},
		def:       def,
	}
	for i := range def.Questions {
		q := &def.Questions[i]
		if q.Type != survey.Likert {
			continue
		}
		qa, qb := &a.all.qs[i], &b.all.qs[i]
		ch := QuestionChange{ID: q.ID, NA: qa.n, NB: qb.n}
		if qa.n < k || qb.n < k {
			ch.Verdict = InsufficientN
			c.Questions = append(c.Questions, ch)
			continue
		}
		ch.Top2 = top2Change(q.Scale, qa.counts, qb.counts)
		ch.Mean = meanChange(q.Scale, qa.counts, qb.counts)
		ch.Verdict = combine(ch.Top2.Verdict, ch.Mean.Verdict)
		c.Questions = append(c.Questions, ch)
	}
	return c, nil
}

func top2Change(s *survey.Scale, ca, cb []int) *Top2Change {
	top := func(counts []int) (k, n int) {
		for j, x := range counts {
			n += x
			if s.InTop(s.Min + j) {
				k += x
			}
		}
		return k, n
	}
	ka, na := top(ca)
	kb, nb := top(cb)
	d, lo, hi := Newcombe(ka, na, kb, nb)
	t := &Top2Change{
		APct:    100 * float64(ka) / float64(na),
		BPct:    100 * float64(kb) / float64(nb),
		DiffPts: 100 * d,
		CI95:    [2]float64{100 * lo, 100 * hi},
		Verdict: NoSignificantChange,
	}
	switch {
	case lo > 0:
		t.Verdict = Higher
	case hi < 0:
		t.Verdict = Lower
	}
	return t
}

func meanChange(s *survey.Scale, ca, cb []int) *MeanChange {
	na, ma, va, _ := moments(s.Min, ca)
	nb, mb, vb, _ := moments(s.Min, cb)
	w := WelchTest(na, ma, va, nb, mb, vb)
	m := &MeanChange{A: ma, B: mb, Diff: w.Diff, T: ptr(w.T), DF: w.DF, P: w.P, Verdict: NoSignificantChange}
	if w.P < 0.05 {
		if w.Diff > 0 {
			m.Verdict = Higher
		} else {
			m.Verdict = Lower
		}
	}
	return m
}

func combine(top2, mean string) string {
	switch {
	case top2 == mean:
		return top2
	case top2 == NoSignificantChange:
		return mean
	case mean == NoSignificantChange:
		return top2
	}
	return Mixed
}

// Definition returns the definition the waves were tallied with, for
// renderers that show question wording.
func (c *Comparison) Definition() *survey.Definition { return c.def }
