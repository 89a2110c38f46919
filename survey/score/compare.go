package score

import (
	"errors"
	"strconv"

	"github.com/spfkit/spfkit/survey"
)

// Verdicts of a wave comparison, in the statement's own direction: for a
// reverse-scored statement (where agreeing is negative) more agreement is
// worse.
const (
	Better              = "better"                // wave A is significantly better than wave B
	Worse               = "worse"                 // wave A is significantly worse than wave B
	NoSignificantChange = "no_significant_change" // the difference could be chance (two-sided, 5%)
	InsufficientN       = "insufficient_n"        // a wave's base n is below the threshold (or withheld in a published report): no test is run
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
	// The overall verdict in the statement's own direction: better, worse, no_significant_change, mixed or insufficient_n. It is better (or worse) when at least one test is significant that way and none the other.
	Verdict string `json:"verdict"`
	// Whether the statement is reverse-scored, so that a rise in agreement is worse.
	Reverse bool `json:"reverse,omitempty"`
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
	// better, worse or no_significant_change: significant when the interval excludes 0.
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
	// better, worse or no_significant_change: significant when p < 0.05.
	Verdict string `json:"verdict"`
}

// Compare compares wave a against wave b, two tallies of the same
// definition. Responses are anonymous, so the waves are treated as
// independent samples. Statements whose answers are personal data are
// never compared.
func Compare(a, b *Tally, opts CompareOptions) (*Comparison, error) {
	if a.hash != b.hash {
		return nil, errors.New("survey: the waves were tallied with different definitions; compare waves of the same survey version")
	}
	counts := func(t *Tally) func(i int) (int, []int) {
		return func(i int) (int, []int) { return t.all.qs[i].n, t.all.qs[i].counts }
	}
	return compare(a.def, a.hash, WaveCounts{a.all.respondents, a.Rejected}, WaveCounts{b.all.respondents, b.Rejected}, counts(a), counts(b), opts)
}

// CompareReports compares two published reports of the same definition,
// or a tally with a published report (make it with Tally.Report), for when
// last year's responses are gone and only its report is left. A statement
// withheld in either report gets insufficient_n. def is the definition
// both were made from; it gives the scales.
func CompareReports(def *survey.Definition, a, b *Report, opts CompareOptions) (*Comparison, error) {
	hash := def.Hash()
	for _, r := range []*Report{a, b} {
		if r.Survey.Hash != hash {
			return nil, errors.New("survey: a report is of " + r.Survey.ID + " version " + r.Survey.Version + " (" + r.Survey.Hash + "), not of the definition given (" + def.ID + " version " + def.Version + "); compare reports of the same survey version")
		}
	}
	counts := func(r *Report) func(i int) (int, []int) {
		return func(i int) (int, []int) {
			q := &def.Questions[i]
			for _, res := range r.Questions {
				if res.ID != q.ID || res.Suppressed || res.Stats == nil {
					continue
				}
				c := make([]int, q.Scale.Points())
				for j := range c {
					c[j] = res.Distribution[strconv.Itoa(q.Scale.Min+j)]
				}
				return res.N, c
			}
			return 0, nil
		}
	}
	return compare(def, hash, WaveCounts{a.Respondents, a.Rejected}, WaveCounts{b.Respondents, b.Rejected}, counts(a), counts(b), opts)
}

func compare(def *survey.Definition, hash string, wa, wb WaveCounts, ca, cb func(i int) (int, []int), opts CompareOptions) (*Comparison, error) {
	ro, err := ReportOptions{MinGroup: opts.MinGroup}.withDefaults()
	if err != nil {
		return nil, err
	}
	k := ro.MinGroup
	c := &Comparison{
		Schema:    survey.ComparisonSchemaURL,
		Survey:    SurveyRef{ID: def.ID, Version: def.Version, Title: def.Title, Hash: hash},
		MinGroup:  k,
		A:         wa,
		B:         wb,
		Questions: []QuestionChange{},
		def:       def,
	}
	for i := range def.Questions {
		q := &def.Questions[i]
		if q.Type != survey.Likert || q.PersonalData {
			continue
		}
		na, countsA := ca(i)
		nb, countsB := cb(i)
		ch := QuestionChange{ID: q.ID, NA: na, NB: nb, Reverse: q.Reverse}
		if na < k || nb < k || countsA == nil || countsB == nil {
			ch.Verdict = InsufficientN
			c.Questions = append(c.Questions, ch)
			continue
		}
		ch.Top2 = top2Change(q.Scale, countsA, countsB, q.Reverse)
		ch.Mean = meanChange(q.Scale, countsA, countsB, q.Reverse)
		ch.Verdict = combine(ch.Top2.Verdict, ch.Mean.Verdict)
		c.Questions = append(c.Questions, ch)
	}
	return c, nil
}

// direction names a significant rise in agreement: better, unless the
// statement is reverse-scored.
func direction(rise, reverse bool) string {
	if rise != reverse {
		return Better
	}
	return Worse
}

func top2Change(s *survey.Scale, ca, cb []int, reverse bool) *Top2Change {
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
		t.Verdict = direction(true, reverse)
	case hi < 0:
		t.Verdict = direction(false, reverse)
	}
	return t
}

func meanChange(s *survey.Scale, ca, cb []int, reverse bool) *MeanChange {
	na, ma, va, _ := moments(s.Min, ca)
	nb, mb, vb, _ := moments(s.Min, cb)
	w := WelchTest(na, ma, va, nb, mb, vb)
	m := &MeanChange{A: ma, B: mb, Diff: w.Diff, T: ptr(w.T), DF: w.DF, P: w.P, Verdict: NoSignificantChange}
	if w.P < 0.05 {
		m.Verdict = direction(w.Diff > 0, reverse)
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
