package score

import (
	"slices"
)

// small reports whether a cell of n answers and dk "don't know"s is one a
// reader must not see on its own: someone answered, but fewer than k gave
// a point or option, or fewer than k answered at all.
func small(n, dk, k int) bool {
	return n > 0 && n < k || n == 0 && dk > 0 && dk < k
}

// groupResults builds the breakdown groups with primary and complementary
// suppression (see Tally.Report and the package doc). overall holds the
// report's overall results, already decided. It returns the groups and,
// when no group can be shown, why.
func (t *Tally) groupResults(opts ReportOptions, overall []QuestionResult, overallThemes []ThemeResult) ([]GroupResult, string) {
	def := t.def
	byQ := &def.Questions[t.by]
	k := opts.MinGroup
	if overall[t.by].Suppressed {
		// The groups' sizes are the breakdown question's own distribution,
		// which is withheld.
		return []GroupResult{}, GroupsByWithheld
	}
	atoms := t.sortedAtoms()
	cells := groupCells(t.def, t.ngroups, atoms)

	// Which groups are withheld whole: those of 1 to k−1 respondents,
	// then more until no set of respondents that sums and differences of
	// the shown groups and the total could single out is below k.
	size := make([]int, len(cells))
	reason := make([]string, len(cells))
	for g, c := range cells {
		size[g] = c.respondents
		if small(size[g], 0, k) {
			reason[g] = ReasonBelowMinGroup
		}
	}
	respondents := func(a *atom) (int, int, []int, map[float64]int) { return a.respondents, 0, nil, nil }
	(&blocks{atoms: atoms, view: respondents, k: k, totalShown: true}).withhold(reason, size)

	// Which question cells are withheld within shown groups, by the same
	// rule on each question's answers.
	cellReason := make([][]string, len(def.Questions))
	for i := range def.Questions {
		if i == t.by {
			continue
		}
		q := &def.Questions[i]
		cr := make([]string, len(cells))
		copy(cr, reason)
		base := make([]int, len(cells))
		for g, c := range cells {
			qc := &c.qs[i]
			base[g] = qc.n + qc.dontKnow
			if cr[g] == "" {
				cr[g] = withheld(q, qc, opts)
			}
		}
		b := &blocks{atoms: atoms, k: k, totalShown: !overall[i].Suppressed,
			view: func(a *atom) (int, int, []int, map[float64]int) {
				qc := &a.qs[i]
				return qc.n, qc.dontKnow, qc.counts, nil
			}}
		if opts.WithholdUnanimous {
			b.unanimous = func(counts []int, n, dk int, _ map[float64]int) bool { return unanimous(q.Type, counts, n, dk) }
		}
		b.withhold(cr, base)
		cellReason[i] = cr
	}
	// And the same for each theme's scores.
	themeReason := make([][]string, len(def.Themes))
	for th := range def.Themes {
		cr := make([]string, len(cells))
		copy(cr, reason)
		base := make([]int, len(cells))
		for g, c := range cells {
			base[g] = themeN(c.themes[th])
			if cr[g] == "" {
				cr[g] = themeWithheld(c.themes[th], opts)
			}
		}
		b := &blocks{atoms: atoms, k: k, totalShown: !overallThemes[th].Suppressed,
			view: func(a *atom) (int, int, []int, map[float64]int) {
				return themeN(a.themes[th]), 0, nil, a.themes[th]
			}}
		if opts.WithholdUnanimous {
			b.unanimous = func(_ []int, _, _ int, values map[float64]int) bool { return themeUnanimous(values) }
		}
		b.withhold(cr, base)
		themeReason[th] = cr
	}

	var out []GroupResult
	shown := 0
	for g, c := range cells {
		gr := GroupResult{Question: byQ.ID, N: c.respondents}
		if g < len(byQ.Options) {
			v := byQ.Options[g].Value
			gr.Value, gr.Label = &v, byQ.Options[g].Label
		} else {
			if c.respondents == 0 {
				continue
			}
			gr.Label = "Not answered"
		}
		if reason[g] != "" {
			gr.Suppressed, gr.Reason = true, reason[g]
			out = append(out, gr)
			continue
		}
		gr.Questions = []QuestionResult{}
		for i := range def.Questions {
			if i == t.by {
				continue
			}
			if r := cellReason[i][g]; r != "" {
				q := &def.Questions[i]
				gr.Questions = append(gr.Questions, QuestionResult{ID: q.ID, Type: q.Type, Suppressed: true, Reason: r})
				continue
			}
			gr.Questions = append(gr.Questions, t.result(c, i, opts, false))
		}
		for th := range def.Themes {
			if r := themeReason[th][g]; r != "" {
				d := &def.Themes[th]
				gr.Themes = append(gr.Themes, ThemeResult{ID: d.ID, Title: d.Title, Statements: slices.Clone(d.Statements), Suppressed: true, Reason: r})
				continue
			}
			gr.Themes = append(gr.Themes, t.themeResult(c, th, opts))
		}
		if c.respondents > 0 {
			shown++
		}
		out = append(out, gr)
	}
	if shown == 0 {
		return out, GroupsNoneSafe
	}
	return out, ""
}

// blocks decides which groups to withhold so that no set of fewer than k
// people can be singled out by adding and subtracting shown cells.
//
// Every shown cell (a group, or the overall figure) is a sum over atoms.
// Any sum or difference of shown cells gives every atom in a block (the
// atoms in exactly the same shown cells) the same weight, so the most a
// reader can isolate is a union of whole blocks. While some block has
// from 1 to k−1 people (or, with unanimity, gave one answer), one more
// group is withheld: the one that leaves the fewest people in such
// blocks, the smallest on a tie. Withholding a group merges the blocks
// that differ only in it; with every group withheld only the overall
// block is left, which is safe or itself withheld, so the loop ends.
type blocks struct {
	atoms []*atom
	// view gives an atom's count: its answers, "don't know"s and their
	// distribution (or theme scores).
	view func(a *atom) (n, dk int, counts []int, values map[float64]int)
	// unanimous, when set, makes a block where everyone gave the same
	// answer unsafe too.
	unanimous  func(counts []int, n, dk int, values map[float64]int) bool
	k          int
	totalShown bool // whether the overall figure is shown
}

// withhold adds reasons until every block is safe; size orders the
// candidates.
func (b *blocks) withhold(reason []string, size []int) {
	for b.unsafe(reason) > 0 {
		pick, best := -1, 0
		for g := range reason {
			if reason[g] != "" || size[g] == 0 {
				continue
			}
			reason[g] = ReasonComplementary
			u := b.unsafe(reason)
			reason[g] = ""
			if pick < 0 || u < best || u == best && size[g] < size[pick] {
				pick, best = g, u
			}
		}
		if pick < 0 {
			return // unreachable: with no group shown the one block left is the overall figure
		}
		reason[pick] = ReasonComplementary
	}
}

// unsafe counts the people in blocks a reader could single out.
func (b *blocks) unsafe(reason []string) int {
	type sum struct {
		n, dk  int
		counts []int
		values map[float64]int
	}
	by := map[string]*sum{}
	sig := make([]byte, 0, 16)
	for _, a := range b.atoms {
		n, dk, counts, values := b.view(a)
		if n+dk == 0 {
			continue
		}
		sig = sig[:0]
		for _, g := range a.groups {
			if reason[g] == "" {
				sig = append(sig, byte(g>>8), byte(g))
			}
		}
		if len(sig) == 0 && !b.totalShown {
			continue // in no shown cell
		}
		s := by[string(sig)]
		if s == nil {
			s = &sum{counts: make([]int, len(counts)), values: map[float64]int{}}
			by[string(sig)] = s
		}
		s.n += n
		s.dk += dk
		for j, c := range counts {
			s.counts[j] += c
		}
		for v, c := range values {
			s.values[v] += c
		}
	}
	unsafe := 0
	for _, s := range by {
		if small(s.n, s.dk, b.k) || b.unanimous != nil && b.unanimous(s.counts, s.n, s.dk, s.values) {
			unsafe += s.n + s.dk
		}
	}
	return unsafe
}
