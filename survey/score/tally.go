package score

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// TallyOptions configure a Tally.
type TallyOptions struct {
	// By names a choice question to break results down by; empty for no
	// breakdown.
	By survey.QuestionID
	// KeepText keeps free-text answers and "please specify" texts so a
	// report can publish them when there are enough. Off by default: the
	// counts alone take constant memory however many responses there are,
	// while kept text grows with them.
	KeepText bool
	// LedgerKey, when set, makes the tally fingerprint each response with
	// this secret (HMAC-SHA-256 of its answers), so that a Report can tell
	// a Ledger exactly who is counted in each cell it shows. Memory then
	// grows with the responses. Ledger.Key gives the key a ledger uses.
	LedgerKey string
}

// Tally is the running count of a survey's valid responses: for every
// question (overall and in each breakdown group) how many answered, said
// "don't know", and chose each point or option. Those counts are
// sufficient for every statistic a Report shows, so a Tally takes constant
// memory and tallies of shards Merge into exactly the tally of the whole.
//
// A Tally holds counts of everyone, including groups too small to publish;
// suppression happens when a Report is made from it.
type Tally struct {
	def      *survey.Definition
	hash     string
	opts     TallyOptions
	by       int // index of the By question, or -1
	all      cell
	ngroups  int              // the breakdown's groups: one per option, then "not answered"
	atoms    map[string]*atom // respondents by the set of groups they are in
	shown    []bool           // scratch for the questions a response was asked
	tracked  []trackedResponse
	themeIdx [][]int // each theme's statements, by question index
	// conditions is whether any question has a show-if condition, so
	// that add works out which questions a respondent was asked.
	conditions bool
	single     []*atom // the atoms of one group each, by group
	groupsBuf  []int   // scratch for atomOf
	keyBuf     []byte
	scores     []float64 // scratch for themeScores
	validate   survey.Validator
	// Rejected counts responses Add refused; readers add the records they
	// could not decode.
	Rejected int
}

type cell struct {
	respondents int
	qs          []qcount
	themes      []map[float64]int // per theme: respondents by their theme score
}

type qcount struct {
	asked    int   // respondents the question was shown to (questions with a condition only)
	n        int   // answered, excluding "don't know"
	dontKnow int   // "don't know" answers (likert only)
	counts   []int // per scale point (likert) or option (choice)
	texts    []string
	other    []string
}

func newCell(def *survey.Definition) cell {
	c := cell{qs: make([]qcount, len(def.Questions)), themes: make([]map[float64]int, len(def.Themes))}
	for i := range c.themes {
		c.themes[i] = map[float64]int{}
	}
	for i := range def.Questions {
		q := &def.Questions[i]
		switch q.Type {
		case survey.Likert:
			c.qs[i].counts = make([]int, q.Scale.Points())
		case survey.SingleChoice, survey.MultipleChoice:
			c.qs[i].counts = make([]int, len(q.Options))
		}
	}
	return c
}

// ErrNotChoice is returned when a breakdown names a question that is not a
// choice question.
var ErrNotChoice = errors.New("survey: a breakdown needs a single- or multiple-choice question")

// NewTally starts an empty tally of def's responses. def must be a valid
// definition (see Definition.Validate).
func NewTally(def *survey.Definition, opts TallyOptions) (*Tally, error) {
	if err := def.Validate(); err != nil {
		return nil, err
	}
	t := &Tally{def: def, hash: def.Hash(), opts: opts, by: -1, all: newCell(def)}
	for i := range def.Questions {
		t.conditions = t.conditions || def.Questions[i].ShowIf != nil
	}
	for _, th := range def.Themes {
		var idx []int
		for _, id := range th.Statements {
			for i := range def.Questions {
				if def.Questions[i].ID == id {
					idx = append(idx, i)
				}
			}
		}
		t.themeIdx = append(t.themeIdx, idx)
	}
	if opts.By != "" {
		t.by = -1
		for i := range def.Questions {
			if def.Questions[i].ID == opts.By {
				t.by = i
			}
		}
		if t.by < 0 {
			return nil, errors.New("survey: breakdown question " + strconv.Quote(string(opts.By)) + " is not in survey " + strconv.Quote(def.ID))
		}
		q := &def.Questions[t.by]
		if !q.Type.IsChoice() {
			return nil, errors.New("survey: cannot break down by " + strconv.Quote(string(opts.By)) + ": " + ErrNotChoice.Error()[len("survey: "):])
		}
		if q.PersonalData {
			return nil, errors.New("survey: cannot break down by " + strconv.Quote(string(opts.By)) + ": its answers are personal data, which is never published")
		}
		t.ngroups = len(q.Options) + 1
		t.atoms = map[string]*atom{}
		t.single = make([]*atom, t.ngroups)
	}
	return t, nil
}

// Definition returns the definition the tally counts.
func (t *Tally) Definition() *survey.Definition { return t.def }

// Respondents is the number of valid responses counted.
func (t *Tally) Respondents() int { return t.all.respondents }

// Add validates r and counts it. An invalid response is not counted: Add
// returns its problems (as Validate does) and adds one to Rejected.
func (t *Tally) Add(r *survey.Response) error {
	if errs := t.validate.Check(t.def, r); len(errs) > 0 {
		t.Rejected++
		return problem.Join(errs)
	}
	t.add(r)
	return nil
}

// add counts a response already known to be valid.
func (t *Tally) add(r *survey.Response) {
	var shown []bool // only questions with a condition look at it
	if t.conditions {
		t.shown = t.def.ShownQuestions(r, t.shown)
		shown = t.shown
	}
	t.all.count(t.def, r, shown, t.opts.KeepText)
	scores := t.themeScores(r)
	t.all.countThemes(scores)
	var a *atom
	if t.by >= 0 {
		a = t.atomOf(r)
		a.count(t.def, r, shown, false)
		a.countThemes(scores)
	}
	if t.opts.LedgerKey != "" {
		t.track(r, a)
	}
}

// atomOf returns the atom of the respondents in exactly the groups r is
// in, making it when r is the first.
func (t *Tally) atomOf(r *survey.Response) *atom {
	q := &t.def.Questions[t.by]
	groups := t.groupsBuf[:0]
	a := r.Answers[q.ID]
	switch a.Kind() {
	case survey.TextAnswer:
		text, _ := a.Text()
		if i := q.OptionIndex(text); i >= 0 {
			groups = append(groups, i)
		}
	case survey.ListAnswer:
		list, _ := a.Choices()
		for _, v := range list {
			if i := q.OptionIndex(v); i >= 0 && !slices.Contains(groups, i) {
				groups = append(groups, i)
			}
		}
		slices.Sort(groups)
	}
	return t.atomFor(groups)
}

// atomFor returns the atom of the respondents in exactly groups (sorted;
// none for "not answered"), making it when this is the first. groups may
// be t.groupsBuf.
func (t *Tally) atomFor(groups []int) *atom {
	if len(groups) == 0 {
		groups = append(groups, t.ngroups-1) // not answered
	}
	t.groupsBuf = groups
	if len(groups) == 1 { // every single-choice respondent: no key to build
		if at := t.single[groups[0]]; at != nil {
			return at
		}
	}
	t.keyBuf = appendAtomKey(t.keyBuf[:0], groups)
	at := t.atoms[string(t.keyBuf)] // looked up without a copy
	if at == nil {
		at = &atom{groups: slices.Clone(groups), cell: newCell(t.def)}
		t.atoms[string(t.keyBuf)] = at
		if len(groups) == 1 {
			t.single[groups[0]] = at
		}
	}
	return at
}

func atomKey(groups []int) string { return string(appendAtomKey(nil, groups)) }

func appendAtomKey(b []byte, groups []int) []byte {
	for _, g := range groups {
		b = append(b, byte(g>>8), byte(g))
	}
	return b
}

func (c *cell) count(def *survey.Definition, r *survey.Response, shown []bool, keepText bool) {
	c.respondents++
	for i := range def.Questions {
		q := &def.Questions[i]
		if q.ShowIf != nil && shown[i] {
			c.qs[i].asked++
		}
		a, ok := r.Answers[q.ID]
		if !ok || a.Empty() {
			continue
		}
		qc := &c.qs[i]
		switch q.Type {
		case survey.Likert:
			if a.Kind() == survey.TextAnswer { // "dont_know", the only text Validate lets through
				qc.dontKnow++
				continue
			}
			qc.n++
			num, _ := a.Number()
			qc.counts[int(num)-q.Scale.Min]++
		case survey.SingleChoice:
			qc.n++
			text, _ := a.Text()
			j := q.OptionIndex(text)
			qc.counts[j]++
			if keepText && q.Options[j].Other && !q.PersonalData {
				qc.other = append(qc.other, strings.TrimSpace(r.Other[q.ID]))
			}
		case survey.MultipleChoice:
			qc.n++
			list, _ := a.Choices()
			for _, v := range list {
				j := q.OptionIndex(v)
				qc.counts[j]++
				if keepText && q.Options[j].Other && !q.PersonalData {
					qc.other = append(qc.other, strings.TrimSpace(r.Other[q.ID]))
				}
			}
		case survey.FreeText:
			qc.n++
			if keepText && !q.PersonalData {
				text, _ := a.Text()
				qc.texts = append(qc.texts, strings.TrimSpace(text))
			}
		}
	}
}

// countThemes adds one respondent's theme scores (see themeScores).
func (c *cell) countThemes(scores []float64) {
	for th, v := range scores {
		if !math.IsNaN(v) {
			c.themes[th][v]++
		}
	}
}

// themeScores works out r's theme scores once for every cell it is counted
// in: for each theme, the mean of the 0–10 scores of the statements r
// answered with a point, or NaN when there are none.
func (t *Tally) themeScores(r *survey.Response) []float64 {
	return t.scoresOf(func(i int) (float64, bool) {
		return r.Answers[t.def.Questions[i].ID].Number()
	})
}

// scoresOf works out the theme scores of a respondent whose point for
// question i is point(i), if they answered it with one.
func (t *Tally) scoresOf(point func(i int) (float64, bool)) []float64 {
	t.scores = t.scores[:0]
	for _, idx := range t.themeIdx {
		sum, m := 0.0, 0
		for _, i := range idx {
			if x, ok := point(i); ok {
				q := &t.def.Questions[i]
				sum += q.Scale.Score(x, q.Reverse)
				m++
			}
		}
		v := math.NaN()
		if m > 0 {
			v = sum / float64(m)
		}
		t.scores = append(t.scores, v)
	}
	return t.scores
}

// themeQuestions returns the question indexes of the theme with the given
// id.
func (t *Tally) themeQuestions(id survey.QuestionID) []int {
	for i, th := range t.def.Themes {
		if th.ID == id {
			return t.themeIdx[i]
		}
	}
	return nil
}

// Merge adds o's counts to t. Both must count the same definition (by
// hash) with the same options.
func (t *Tally) Merge(o *Tally) error {
	if t.hash != o.hash {
		return errors.New("survey: cannot merge tallies of different definitions")
	}
	if t.opts != o.opts {
		return errors.New("survey: cannot merge tallies with different options")
	}
	t.all.merge(&o.all)
	for k, oa := range o.atoms {
		a := t.atoms[k]
		if a == nil {
			a = &atom{groups: oa.groups, cell: newCell(t.def)}
			t.atoms[k] = a
			if len(a.groups) == 1 {
				t.single[a.groups[0]] = a
			}
		}
		a.merge(&oa.cell)
	}
	for _, tr := range o.tracked {
		if tr.atom != nil {
			tr.atom = t.atoms[atomKey(tr.atom.groups)]
		}
		t.tracked = append(t.tracked, tr)
	}
	t.Rejected += o.Rejected
	return nil
}

func (c *cell) merge(o *cell) {
	c.respondents += o.respondents
	for i := range c.qs {
		a, b := &c.qs[i], &o.qs[i]
		a.asked += b.asked
		a.n += b.n
		a.dontKnow += b.dontKnow
		for j := range a.counts {
			a.counts[j] += b.counts[j]
		}
		a.texts = append(a.texts, b.texts...)
		a.other = append(a.other, b.other...)
	}
	for i, m := range o.themes {
		for v, n := range m {
			c.themes[i][v] += n
		}
	}
}

// atom counts the respondents who are in exactly the same breakdown
// groups: for a single-choice breakdown one group each, for a
// multiple-choice one every combination of options ticked. The groups'
// cells are sums of atoms, and suppression works on atoms (see
// suppress.go).
type atom struct {
	groups []int // sorted
	cell
}

// in reports whether the atom's respondents are in group g.
func (a *atom) in(g int) bool {
	_, ok := slices.BinarySearch(a.groups, g)
	return ok
}

// groupCells sums the atoms into one cell per group.
func groupCells(def *survey.Definition, ngroups int, atoms []*atom) []*cell {
	out := make([]*cell, ngroups)
	for g := range out {
		c := newCell(def)
		out[g] = &c
	}
	for _, a := range atoms {
		for _, g := range a.groups {
			out[g].merge(&a.cell)
		}
	}
	return out
}

// sortedAtoms lists the atoms in a fixed order, so that reports do not
// depend on map order.
func (t *Tally) sortedAtoms() []*atom {
	keys := make([]string, 0, len(t.atoms))
	for k := range t.atoms {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]*atom, len(keys))
	for i, k := range keys {
		out[i] = t.atoms[k]
	}
	return out
}
