package score

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/spfkit/spfkit/survey"
)

// trackedResponse is what a tally keeps of each response when it feeds a
// ledger: a keyed fingerprint of the answers, the breakdown groups the
// respondent is in and the questions they answered.
type trackedResponse struct {
	fp       uint64
	atom     *atom    // nil without a breakdown
	answered []uint64 // bit i: question i answered, "don't know" included
	scored   []uint64 // bit i: likert question i answered with a point
}

// track fingerprints r: the first 8 bytes of HMAC-SHA-256, keyed with
// LedgerKey, of its answers and specify texts as canonical JSON. Only
// someone holding the key can test a guess at a response against it.
func (t *Tally) track(r *survey.Response, a *atom) {
	c := survey.Response{Survey: r.Survey, Answers: r.Answers, Other: r.Other}
	b, _ := c.AppendJSON(nil) // r is valid, so it encodes
	m := hmac.New(sha256.New, []byte(t.opts.LedgerKey))
	m.Write(b)
	words := (len(t.def.Questions) + 63) / 64
	tr := trackedResponse{fp: binary.BigEndian.Uint64(m.Sum(nil)), atom: a, answered: make([]uint64, words), scored: make([]uint64, words)}
	for i := range t.def.Questions {
		if ans, ok := r.Answers[t.def.Questions[i].ID]; ok && !ans.Empty() {
			tr.answered[i/64] |= 1 << (i % 64)
			if ans.Kind() == survey.NumberAnswer {
				tr.scored[i/64] |= 1 << (i % 64)
			}
		}
	}
	t.tracked = append(t.tracked, tr)
}

// ShownCell is one cell a report shows, with the respondents it counts,
// for a ledger to record.
type ShownCell struct {
	// The question (or "theme:" and a theme's id) the cell shows.
	Question string
	// "overall", "group:" and the option value, or "not_answered".
	Cell string
	// The fingerprints of the respondents whose answers the cell counts,
	// sorted; respondents with identical answers get distinct keys.
	Keys []uint64
}

// Cell names.
const (
	CellOverall     = "overall"
	CellNotAnswered = "not_answered"
	CellGroupPrefix = "group:"
)

// shownCells lists the cells rep shows and who each counts.
func (t *Tally) shownCells(rep *Report) []ShownCell {
	// Distinct keys: the n-th response with the same answers as earlier
	// ones gets the fingerprint mixed with n.
	trs := slices.Clone(t.tracked)
	slices.SortStableFunc(trs, func(a, b trackedResponse) int { return cmp.Compare(a.fp, b.fp) })
	keys := make([]uint64, len(trs))
	run := 0
	for i := range trs {
		if i > 0 && trs[i].fp == trs[i-1].fp {
			run++
		} else {
			run = 0
		}
		keys[i] = trs[i].fp
		if run > 0 {
			keys[i] = mix(trs[i].fp, uint64(run))
		}
	}
	def := t.def
	var out []ShownCell
	add := func(question string, cell string, in func(tr *trackedResponse) bool) {
		c := ShownCell{Question: question, Cell: cell, Keys: []uint64{}}
		for i := range trs {
			if in(&trs[i]) {
				c.Keys = append(c.Keys, keys[i])
			}
		}
		slices.Sort(c.Keys)
		out = append(out, c)
	}
	index := map[survey.QuestionID]int{}
	for i := range def.Questions {
		index[def.Questions[i].ID] = i
	}
	answered := func(tr *trackedResponse, i int) bool { return tr.answered[i/64]&(1<<(i%64)) != 0 }
	for i, q := range rep.Questions {
		if q.Suppressed {
			continue
		}
		add(string(q.ID), CellOverall, func(tr *trackedResponse) bool { return answered(tr, i) })
	}
	for _, th := range rep.Themes {
		if th.Suppressed {
			continue
		}
		idx := t.themeQuestions(th.ID)
		add(ThemePrefix+string(th.ID), CellOverall, func(tr *trackedResponse) bool { return anyScored(tr, idx) })
	}
	for _, gr := range rep.Groups {
		if gr.Suppressed {
			continue
		}
		cell := CellNotAnswered
		gi := t.ngroups - 1
		if gr.Value != nil {
			cell = CellGroupPrefix + *gr.Value
			gi = def.Questions[t.by].OptionIndex(*gr.Value)
		}
		member := func(tr *trackedResponse) bool { return tr.atom != nil && tr.atom.in(gi) }
		for _, q := range gr.Questions {
			if q.Suppressed {
				continue
			}
			i := index[q.ID]
			add(string(q.ID), cell, func(tr *trackedResponse) bool { return member(tr) && answered(tr, i) })
		}
		for _, th := range gr.Themes {
			if th.Suppressed {
				continue
			}
			idx := t.themeQuestions(th.ID)
			add(ThemePrefix+string(th.ID), cell, func(tr *trackedResponse) bool { return member(tr) && anyScored(tr, idx) })
		}
	}
	return out
}

func anyScored(tr *trackedResponse, idx []int) bool {
	for _, i := range idx {
		if tr.scored[i/64]&(1<<(i%64)) != 0 {
			return true
		}
	}
	return false
}

// mix derives a distinct key for the n-th copy of a fingerprint
// (SplitMix64's finaliser).
func mix(fp, n uint64) uint64 {
	z := fp + n*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
