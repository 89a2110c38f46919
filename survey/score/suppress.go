package score

import "github.com/spfkit/spfkit/survey"

// groupResults builds the breakdown groups with primary and complementary
// suppression (see Tally.Report).
func (t *Tally) groupResults(opts ReportOptions) []GroupResult {
	def := t.def
	byQ := &def.Questions[t.by]
	k := opts.MinGroup
	partition := byQ.Type == survey.SingleChoice
	total := t.all.respondents

	// Which groups are withheld whole.
	size := make([]int, len(t.groups))
	for g, c := range t.groups {
		size[g] = c.respondents
	}
	reason := suppressCells(size, nil, total, k, partition)

	// Which question cells are withheld within shown groups.
	cellReason := make([][]string, len(def.Questions))
	for i := range def.Questions {
		if i == t.by {
			continue
		}
		base := make([]int, len(t.groups))
		dk := make([]int, len(t.groups))
		for g, c := range t.groups {
			base[g], dk[g] = c.qs[i].n, c.qs[i].dontKnow
		}
		cr := make([]string, len(t.groups))
		copy(cr, reason)
		all := &t.all.qs[i]
		if all.n > 0 && all.n < k {
			// The overall figure is withheld, so there is nothing to
			// subtract from; primary suppression alone applies.
			for g := range cr {
				if cr[g] == "" && base[g] > 0 && base[g] < k {
					cr[g] = ReasonBelowMinGroup
				}
			}
		} else {
			cr = suppressCells(base, dk, all.n, k, partition, cr...)
		}
		cellReason[i] = cr
	}

	var out []GroupResult
	for g, c := range t.groups {
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
		out = append(out, gr)
	}
	return out
}

// suppressCells decides which of a set of sibling cells to withhold. size
// is each cell's base n and extra (optional) a further count per cell that
// a subtraction would also reveal ("don't know"); total is the published
// overall base. start holds reasons already decided
// (cells withheld because their whole group is).
//
// When the cells partition the total, the withheld cells together are
// derivable as the total minus the shown ones: while that remainder has
// 1 to k−1 in its base (or a base of 0 but some extra), the smallest shown
// cell is withheld too. When cells overlap, each cell's own complement
// (total minus the cell) must be 0 or at least k.
func suppressCells(size, extra []int, total, k int, partition bool, start ...string) []string {
	reason := make([]string, len(size))
	copy(reason, start)
	get := func(xs []int, i int) int {
		if xs == nil {
			return 0
		}
		return xs[i]
	}
	for i, n := range size {
		if reason[i] == "" && n > 0 && n < k {
			reason[i] = ReasonBelowMinGroup
		}
	}
	if !partition {
		for i, n := range size {
			if rest := total - n; reason[i] == "" && rest > 0 && rest < k {
				reason[i] = ReasonComplementary
			}
		}
		return reason
	}
	for {
		var restN, restX int
		for i := range size {
			if reason[i] != "" {
				restN += size[i]
				restX += get(extra, i)
			}
		}
		if restN >= k || restN == 0 && restX == 0 {
			return reason
		}
		// Withhold the smallest shown cell that holds anyone.
		pick := -1
		for i := range size {
			if reason[i] != "" || size[i]+get(extra, i) == 0 {
				continue
			}
			if pick < 0 || size[i]+get(extra, i) < size[pick]+get(extra, pick) {
				pick = i
			}
		}
		if pick < 0 {
			return reason
		}
		reason[pick] = ReasonComplementary
	}
}
