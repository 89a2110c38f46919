package score

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/spfkit/spfkit/survey"
)

// near compares floats to 4 decimal places, as published tables do.
var near = cmpopts.EquateApprox(0, 5e-5)

func TestWilson(t *testing.T) {
	tests := []struct {
		k, n   int
		lo, hi float64
	}{
		{12, 18, 0.437495, 0.837212}, // fixture F's top-2 share
		{3, 12, 0.088942, 0.532305},  // the policy leads' response rate
		{0, 10, 0, 0.277533},
		{10, 10, 0.722467, 1},
		{1, 1, 0.206549, 1},
	}
	for _, tt := range tests {
		lo, hi := Wilson(tt.k, tt.n)
		if diff := cmp.Diff([2]float64{tt.lo, tt.hi}, [2]float64{lo, hi}, cmpopts.EquateApprox(0, 5e-6)); diff != "" {
			t.Errorf("Wilson(%d, %d) (-want +got):\n%s", tt.k, tt.n, diff)
		}
	}
	if lo, hi := Wilson(0, 0); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Error("Wilson of nothing should be undefined")
	}
}

func TestNewcombe(t *testing.T) {
	// Wave A of fixture F (12/18 agree) against a wave B with 15/18.
	d, lo, hi := Newcombe(12, 18, 15, 18)
	if diff := cmp.Diff([3]float64{-16.6667, -42.0, 11.6}, [3]float64{100 * d, 100 * lo, 100 * hi}, cmpopts.EquateApprox(0, 0.05)); diff != "" {
		t.Errorf("Newcombe (-want +got):\n%s", diff)
	}
	if d, lo, hi := Newcombe(9, 18, 9, 18); d != 0 || lo >= 0 || hi <= 0 {
		t.Errorf("identical shares: d=%v [%v, %v]", d, lo, hi)
	}
}

func TestStudentT(t *testing.T) {
	for _, tt := range []struct{ df, want float64 }{
		{1, 12.7062}, {2, 4.3027}, {17, 2.1098}, {30, 2.0423}, {1000, 1.9623},
	} {
		if got := StudentTQuantile(0.975, tt.df); math.Abs(got-tt.want) > 5e-5 {
			t.Errorf("t(0.975, %v) = %v, want %v", tt.df, got, tt.want)
		}
	}
	if got := StudentTCDF(0, 5); got != 0.5 {
		t.Errorf("CDF(0) = %v", got)
	}
	if got := StudentTQuantile(0.025, 17); math.Abs(got+2.1098) > 5e-5 {
		t.Errorf("lower quantile = %v", got)
	}
}

func TestWelch(t *testing.T) {
	// R: t.test(1:10, y = c(7:20)) gives t = -5.4349, df = 21.982,
	// p-value = 1.855e-05.
	x := make([]int, 21) // counts over points 0..20
	y := make([]int, 21)
	for v := 1; v <= 10; v++ {
		x[v]++
	}
	for v := 7; v <= 20; v++ {
		y[v]++
	}
	n1, m1, v1, _ := moments(0, x)
	n2, m2, v2, _ := moments(0, y)
	w := WelchTest(n1, m1, v1, n2, m2, v2)
	if diff := cmp.Diff([3]float64{-5.4349, 21.982, 1.855e-05}, [3]float64{w.T, w.DF, w.P}, cmpopts.EquateApprox(1e-3, 0)); diff != "" {
		t.Errorf("Welch (-want +got):\n%s", diff)
	}
	if w := WelchTest(5, 3, 0, 5, 3, 0); w.P != 1 {
		t.Errorf("two constant, equal samples: p = %v", w.P)
	}
	if w := WelchTest(5, 3, 0, 5, 4, 0); w.P != 0 || !math.IsInf(w.T, -1) {
		t.Errorf("two constant, different samples: %+v", w)
	}
}

func TestMoments(t *testing.T) {
	tests := []struct {
		name   string
		counts []int
		want   [4]float64 // n, mean, variance, median
	}{
		{"fixture F q1", []int{1, 2, 3, 8, 4}, [4]float64{18, 11.0 / 3, 1.294118, 4}},
		{"even n, median between points", []int{1, 1, 0, 0, 0}, [4]float64{2, 1.5, 0.5, 1.5}},
		{"one answer", []int{0, 0, 1, 0, 0}, [4]float64{1, 3, math.NaN(), 3}},
	}
	for _, tt := range tests {
		n, mean, v, med := moments(1, tt.counts)
		if diff := cmp.Diff(tt.want, [4]float64{float64(n), mean, v, med}, near, cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestBlocks checks the withholding rule on groups given as atoms (the
// respondents in exactly the same groups) and their sizes.
func TestBlocks(t *testing.T) {
	type at struct {
		groups []int
		n      int
	}
	tests := []struct {
		name  string
		atoms []at
		k     int
		want  []string
	}{
		// Fixture F by organisation type: TU 12, NHS Employers 1, trusts 3,
		// Other 2, and four types nobody chose.
		{"k=11: the union group goes too", []at{{[]int{0}, 12}, {[]int{4}, 1}, {[]int{5}, 3}, {[]int{7}, 2}}, 11,
			[]string{"complementary", "", "", "", "below_min_group", "below_min_group", "", "below_min_group"}},
		{"k=5: the others together are 6", []at{{[]int{0}, 12}, {[]int{4}, 1}, {[]int{5}, 3}, {[]int{7}, 2}}, 5,
			[]string{"", "", "", "", "below_min_group", "below_min_group", "", "below_min_group"}},
		{"a lone small group takes the smallest other", []at{{[]int{0}, 20}, {[]int{1}, 15}, {[]int{2}, 4}}, 11,
			[]string{"", "complementary", "below_min_group"}},
		{"nothing small", []at{{[]int{0}, 20}, {[]int{1}, 15}}, 11, []string{"", "", ""}},
		// Multiple choice: Rep 13, Manager 12, not answered 11, where one
		// Rep is not a Manager. Rep minus Manager would be that one person.
		{"overlap: one Rep who is not a Manager", []at{{[]int{0}, 1}, {[]int{0, 1}, 12}, {[]int{2}, 11}}, 11,
			[]string{"", "complementary", ""}},
		// Three groups, each of 21, overlapping in one person: their sum
		// minus the total is twice that person. Any two shown groups still
		// tell that person apart, so only one can stay.
		{"overlap: one person in all three", []at{{[]int{0}, 20}, {[]int{1}, 20}, {[]int{2}, 20}, {[]int{0, 1, 2}, 1}}, 11,
			[]string{"complementary", "complementary", "", ""}},
		{"overlap: disjoint and large", []at{{[]int{0}, 15}, {[]int{1}, 15}, {[]int{0, 1}, 15}}, 11,
			[]string{"", "", ""}},
	}
	for _, tt := range tests {
		var atoms []*atom
		ngroups := len(tt.want)
		size := make([]int, ngroups)
		for _, a := range tt.atoms {
			atoms = append(atoms, &atom{groups: a.groups, cell: cell{respondents: a.n}})
			for _, g := range a.groups {
				size[g] += a.n
			}
		}
		reason := make([]string, ngroups)
		for g := range reason {
			if small(size[g], 0, tt.k) {
				reason[g] = ReasonBelowMinGroup
			}
		}
		b := &blocks{atoms: atoms, k: tt.k, totalShown: true, view: func(a *atom) (int, int, []int, map[float64]int) { return a.respondents, 0, nil, nil }}
		b.withhold(reason, size)
		if diff := cmp.Diff(tt.want, reason); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestScaleScore(t *testing.T) {
	s := &survey.Scale{Min: 1, Max: 5}
	var got []float64
	for v := 1.0; v <= 5; v++ {
		got = append(got, s.Score(v, false), s.Score(v, true))
	}
	if diff := cmp.Diff([]float64{0, 10, 2.5, 7.5, 5, 5, 7.5, 2.5, 10, 0}, got); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
	three := &survey.Scale{Min: 1, Max: 3}
	if !three.InTop(3) || three.InTop(2) || !three.InBottom(1) || three.InBottom(2) {
		t.Error("a three-point scale's boxes should be its end points")
	}
}
