package score_test

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// privacyDef is the pulse survey with a theme, broken down by its
// multiple-choice question.
func privacyDef(t testing.TB) *survey.Definition {
	def := pulse(t)
	def.Themes = []survey.Theme{{ID: "voice", Title: "Voice", Statements: []survey.QuestionID{"heard", "rushed"}}}
	require.NoError(t, def.Validate())
	return def
}

// randomResponses makes n responses whose topic choices cluster, so that
// some combinations are rare: the overlaps an adversary looks for.
func randomResponses(rng *rand.Rand, def *survey.Definition, n int) []*survey.Response {
	topics := []string{"pay", "wellbeing", "change"}
	common := [][]string{{"pay"}, {"pay", "wellbeing"}, {"change"}, nil}
	var out []*survey.Response
	for range n {
		r := &survey.Response{Survey: def.ID, Answers: map[survey.QuestionID]survey.Answer{"side": survey.Text([]string{"staff", "employer"}[rng.IntN(2)])}}
		var chosen []string
		if rng.IntN(6) == 0 { // a rare combination
			for _, tp := range topics {
				if rng.IntN(2) == 0 {
					chosen = append(chosen, tp)
				}
			}
		} else {
			chosen = common[rng.IntN(len(common))]
		}
		if len(chosen) > 0 {
			r.Answers["topics"] = survey.Choices(chosen...)
		}
		switch rng.IntN(8) {
		case 0, 1:
			r.Answers["heard"] = survey.Text(survey.DontKnow)
		default:
			r.Answers["heard"] = survey.Number(float64(1 + rng.IntN(5)))
		}
		if rng.IntN(5) > 0 {
			r.Answers["rushed"] = survey.Number(float64(1 + rng.IntN(3)))
		}
		out = append(out, r)
	}
	return out
}

// cellSets are, for one question or theme, the respondents each shown
// cell of a report counts, worked out from the responses alone.
func cellSets(rep *score.Report, rs []*survey.Response, id string, counted func(r *survey.Response) bool) [][]int {
	inGroup := func(r *survey.Response, g score.GroupResult) bool {
		a, ok := r.Answers[rep.By]
		list, _ := a.Choices()
		if g.Value == nil {
			return !ok || len(list) == 0
		}
		return slices.Contains(list, *g.Value)
	}
	var sets [][]int
	add := func(in func(r *survey.Response) bool) {
		var s []int
		for i, r := range rs {
			if in(r) && counted(r) {
				s = append(s, i)
			}
		}
		sets = append(sets, s)
	}
	for _, q := range rep.Questions {
		if string(q.ID) == id && !q.Suppressed {
			add(func(*survey.Response) bool { return true })
		}
	}
	for _, th := range rep.Themes {
		if "theme:"+string(th.ID) == id && !th.Suppressed {
			add(func(*survey.Response) bool { return true })
		}
	}
	for _, g := range rep.Groups {
		if g.Suppressed {
			continue
		}
		for _, q := range g.Questions {
			if string(q.ID) == id && !q.Suppressed {
				add(func(r *survey.Response) bool { return inGroup(r, g) })
			}
		}
		for _, th := range g.Themes {
			if "theme:"+string(th.ID) == id && !th.Suppressed {
				add(func(r *survey.Response) bool { return inGroup(r, g) })
			}
		}
	}
	return sets
}

// isolating searches every combination of the shown cells with whole
// coefficients from −2 to 2 for one that counts a set of 1 to k−1
// people, each with the same weight (so the reader learns exactly their
// answers). It returns the people found, or nil.
func isolating(sets [][]int, people, k int) []int {
	coef := make([]int, len(sets))
	weight := make([]int, people)
	for {
		// Next combination, as a number in base 5.
		i := 0
		for ; i < len(coef); i++ {
			coef[i]++
			if coef[i] <= 2 {
				break
			}
			coef[i] = -2
		}
		if i == len(coef) {
			return nil
		}
		clear(weight)
		for j, s := range sets {
			for _, p := range s {
				weight[p] += coef[j]
			}
		}
		var found []int
		w := 0
		same := true
		for p, x := range weight {
			if x == 0 {
				continue
			}
			if w == 0 {
				w = x
			}
			same = same && x == w
			found = append(found, p)
		}
		if same && len(found) > 0 && len(found) < k {
			return found
		}
	}
}

// inSpan reports whether the indicator of target lies in the rational span
// of the sets' indicators.
func inSpan(sets [][]int, target []int, people int) bool {
	row := func(s []int) []*big.Rat {
		v := make([]*big.Rat, people)
		for i := range v {
			v[i] = new(big.Rat)
		}
		for _, p := range s {
			v[p].SetInt64(1)
		}
		return v
	}
	rank := func(rows [][]*big.Rat) int {
		m := make([][]*big.Rat, len(rows))
		for i, r := range rows {
			m[i] = make([]*big.Rat, len(r))
			for j := range r {
				m[i][j] = new(big.Rat).Set(r[j])
			}
		}
		rk := 0
		for col := 0; col < people && rk < len(m); col++ {
			piv := -1
			for i := rk; i < len(m); i++ {
				if m[i][col].Sign() != 0 {
					piv = i
					break
				}
			}
			if piv < 0 {
				continue
			}
			m[rk], m[piv] = m[piv], m[rk]
			for i := range m {
				if i == rk || m[i][col].Sign() == 0 {
					continue
				}
				f := new(big.Rat).Quo(m[i][col], m[rk][col])
				for j := col; j < people; j++ {
					m[i][j].Sub(m[i][j], new(big.Rat).Mul(f, m[rk][j]))
				}
			}
			rk++
		}
		return rk
	}
	var rows [][]*big.Rat
	for _, s := range sets {
		rows = append(rows, row(s))
	}
	return rank(append(rows, row(target))) == rank(rows)
}

// TestNoSetBelowKCanBeSingledOut is the property the package doc states:
// on random data broken down by a multiple-choice question, no sum or
// difference of the cells a report shows counts fewer than k people. Two
// independent searches look for one: every combination with small whole
// coefficients, and, exactly, every set of people in the same overlap
// regions whose count could be in the span of the shown cells.
func TestNoSetBelowKCanBeSingledOut(t *testing.T) {
	def := privacyDef(t)
	rng := rand.New(rand.NewPCG(11, 23))
	trials := 120
	if testing.Short() {
		trials = 30
	}
	for trial := range trials {
		k := 5 + rng.IntN(4)
		rs := randomResponses(rng, def, rng.IntN(70))
		tally, err := score.NewTally(def, score.TallyOptions{By: "topics"})
		require.NoError(t, err)
		for _, r := range rs {
			require.NoError(t, tally.Add(r))
		}
		opts := score.ReportOptions{MinGroup: k, WithholdUnanimous: rng.IntN(2) == 0}
		rep, err := tally.Report(opts)
		require.NoError(t, err)
		checks := map[string]func(r *survey.Response) bool{
			"heard":  func(r *survey.Response) bool { _, ok := r.Answers["heard"]; return ok },
			"rushed": func(r *survey.Response) bool { _, ok := r.Answers["rushed"]; return ok },
			"theme:voice": func(r *survey.Response) bool {
				h, r1 := r.Answers["heard"], r.Answers["rushed"]
				return h.Kind() == survey.NumberAnswer || r1.Kind() == survey.NumberAnswer
			},
		}
		for id, counted := range checks {
			sets := cellSets(rep, rs, id, counted)
			if found := isolating(sets, len(rs), k); found != nil {
				t.Fatalf("trial %d (k=%d, %d responses): %s: a combination of %d shown cells singles out responses %v", trial, k, len(rs), id, len(sets), found)
			}
			// Exactly: people with the same membership of every group are
			// interchangeable, so a set that could be singled out is a
			// union of such regions; try every union of fewer than k.
			regions := map[string][]int{}
			for i, r := range rs {
				if !counted(r) {
					continue
				}
				key := ""
				for _, tp := range []string{"pay", "wellbeing", "change"} {
					list, _ := r.Answers["topics"].Choices()
					key += strconv.FormatBool(slices.Contains(list, tp))
				}
				regions[key] = append(regions[key], i)
			}
			var rlist [][]int
			for _, p := range regions {
				rlist = append(rlist, p)
			}
			for mask := 1; mask < 1<<len(rlist); mask++ {
				var target []int
				for j, p := range rlist {
					if mask&(1<<j) != 0 {
						target = append(target, p...)
					}
				}
				if len(target) >= k {
					continue
				}
				if inSpan(sets, target, len(rs)) {
					t.Fatalf("trial %d (k=%d): %s: the %d people %v are a sum of shown cells", trial, k, id, len(target), target)
				}
			}
		}
		// And every shown figure is exact: each group's distribution of
		// "heard", recounted from the responses.
		for _, g := range rep.Groups {
			for _, q := range g.Questions {
				if q.ID != "heard" || q.Suppressed {
					continue
				}
				want := map[string]int{"1": 0, "2": 0, "3": 0, "4": 0, "5": 0, survey.DontKnow: 0}
				for _, r := range rs {
					list, _ := r.Answers["topics"].Choices()
					if g.Value == nil && len(list) > 0 || g.Value != nil && !slices.Contains(list, *g.Value) {
						continue
					}
					if a, ok := r.Answers["heard"]; ok {
						if x, isNum := a.Number(); isNum {
							want[strconv.Itoa(int(x))]++
						} else {
							want[survey.DontKnow]++
						}
					}
				}
				require.Equal(t, want, q.Distribution, "trial %d group %s", trial, g.Label)
			}
		}
	}
}
