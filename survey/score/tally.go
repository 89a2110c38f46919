package score

import (
	"errors"
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
	groups   []*cell // by option index; the last is "not answered"
	validate survey.Validator
	// Rejected counts responses Add refused; readers add the records they
	// could not decode.
	Rejected int
}

type cell struct {
	respondents int
	qs          []qcount
}

type qcount struct {
	n        int   // answered, excluding "don't know"
	dontKnow int   // "don't know" answers (likert only)
	counts   []int // per scale point (likert) or option (choice)
	texts    []string
	other    []string
}

func newCell(def *survey.Definition) cell {
	c := cell{qs: make([]qcount, len(def.Questions))}
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
		t.groups = make([]*cell, len(q.Options)+1)
		for i := range t.groups {
			c := newCell(def)
			t.groups[i] = &c
		}
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
	t.all.count(t.def, r, t.opts.KeepText)
	if t.by < 0 {
		return
	}
	q := &t.def.Questions[t.by]
	a := r.Answers[q.ID]
	counted := false
	switch a.Kind() {
	case survey.TextAnswer:
		text, _ := a.Text()
		if i := q.OptionIndex(text); i >= 0 {
			t.groups[i].count(t.def, r, false)
			counted = true
		}
	case survey.ListAnswer:
		list, _ := a.Choices()
		for _, v := range list {
			if i := q.OptionIndex(v); i >= 0 {
				t.groups[i].count(t.def, r, false)
				counted = true
			}
		}
	}
	if !counted {
		t.groups[len(t.groups)-1].count(t.def, r, false)
	}
}

func (c *cell) count(def *survey.Definition, r *survey.Response, keepText bool) {
	c.respondents++
	for i := range def.Questions {
		q := &def.Questions[i]
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
	for i := range t.groups {
		t.groups[i].merge(o.groups[i])
	}
	t.Rejected += o.Rejected
	return nil
}

func (c *cell) merge(o *cell) {
	c.respondents += o.respondents
	for i := range c.qs {
		a, b := &c.qs[i], &o.qs[i]
		a.n += b.n
		a.dontKnow += b.dontKnow
		for j := range a.counts {
			a.counts[j] += b.counts[j]
		}
		a.texts = append(a.texts, b.texts...)
		a.other = append(a.other, b.other...)
	}
}
