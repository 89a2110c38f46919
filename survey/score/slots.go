package score

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf8"

	"github.com/spfkit/spfkit/survey"
)

// The slot reader is the scorer's fast way through the usual NDJSON
// record. It reads the record's bytes once, matching each answer's key
// against the definition's question ids, into one fixed slot per
// question (a point, an option's index, a set of options, or "answered
// with text"), with no map and no string per record; it judges the slots
// by the survey's rules and counts them straight into the tally.
//
// It only ever says yes. Whatever it is not sure of (an escape in a
// string, a number with a fraction, an unknown or repeated key, a wrong
// answer, a problem of any kind) sends the record down the generic path,
// the checker spfkit validate uses, which decides and words every
// problem. So a record the slot reader accepts is one the generic path
// accepts, and counts the same: FuzzSlotsAgree holds it to that.
//
// It is not used when the tally must keep text or fingerprint responses
// (KeepText, LedgerKey), or when the definition has show-if conditions
// on its questions or options: those records all take the generic path.

// slotPlan is what the slot reader knows of a definition, shared by the
// workers.
type slotPlan struct {
	def     *survey.Definition
	qs      []slotQuestion
	survey  []byte
	version []byte
	byID    map[string]int // for definitions with many questions
	watch   []int          // the questions judge looks at: required, or with an Other option
}

type slotQuestion struct {
	q          *survey.Question
	id         []byte
	typ        survey.QuestionType
	min, max   int // a likert scale's points
	dontKnow   bool
	required   bool
	options    [][]byte
	other      int // the Other option's index, or -1
	otherMax   int
	maxLen     int
	rules      bool // free text with rules beyond its length: asked of survey
	minChoices int
	maxChoices int
}

// slotState is what a slot holds.
type slotState uint8

const (
	slotEmpty    slotState = iota // no answer: absent, null, blank text or []
	slotPoint                     // v is the point
	slotDontKnow                  // "dont_know"
	slotOption                    // v is the option's index
	slotOptions                   // set holds the options' indexes
	slotText                      // free text, answered
)

type slot struct {
	state slotState
	seen  bool  // the answer's key has been read (a second is a repeat)
	v     int32 // the point or option
	set   uint64
}

// otherText is a question's specify text, read from the record's other
// object; few records have one.
type otherText struct {
	seen  bool // its key has been read
	given bool // not blank
	text  []byte
}

// newSlotPlan returns the slot reader's plan for def, or nil when the
// tally's options or the definition need the generic path for every
// record.
func newSlotPlan(def *survey.Definition, opts TallyOptions) *slotPlan {
	if opts.KeepText || opts.LedgerKey != "" {
		return nil
	}
	p := &slotPlan{def: def, survey: []byte(def.ID), version: []byte(def.Version)}
	for i := range def.Questions {
		q := &def.Questions[i]
		if q.ShowIf != nil || len(q.Options) > 64 {
			return nil
		}
		sq := slotQuestion{q: q, id: []byte(q.ID), typ: q.Type, required: q.Required, other: -1,
			otherMax: q.OtherMaxLength(), maxLen: q.MaxLength, minChoices: q.MinChoices, maxChoices: q.MaxChoices}
		switch q.Type {
		case survey.Likert:
			sq.min, sq.max, sq.dontKnow = q.Scale.Min, q.Scale.Max, q.Scale.DontKnow != ""
		case survey.FreeText:
			sq.rules = q.Format != "" || q.MinLength > 0 || q.Pattern != ""
		}
		for j := range q.Options {
			o := &q.Options[j]
			if o.ShowIf != nil {
				return nil
			}
			if o.Other && sq.other < 0 {
				sq.other = j
			}
			sq.options = append(sq.options, []byte(o.Value))
		}
		if sq.required || sq.other >= 0 {
			p.watch = append(p.watch, len(p.qs))
		}
		p.qs = append(p.qs, sq)
	}
	if len(p.qs) > 16 {
		p.byID = make(map[string]int, len(p.qs))
		for i, q := range p.qs {
			p.byID[string(q.id)] = i
		}
	}
	return p
}

// slotReader is one worker's slot reader: the plan and its slots.
type slotReader struct {
	*slotPlan
	slots    []slot
	others   []otherText // only when the record has specify texts
	anyOther bool
}

func (p *slotPlan) reader() *slotReader {
	return &slotReader{slotPlan: p, slots: make([]slot, len(p.qs)), others: make([]otherText, len(p.qs))}
}

// question returns the index of the question whose id is key, or -1;
// hint is where to look first (answers usually come in the definition's
// order).
func (p *slotPlan) question(key []byte, hint int) int {
	if hint < len(p.qs) && bytes.Equal(p.qs[hint].id, key) {
		return hint
	}
	if p.byID != nil {
		if i, ok := p.byID[string(key)]; ok {
			return i
		}
		return -1
	}
	for i := range p.qs {
		if bytes.Equal(p.qs[i].id, key) {
			return i
		}
	}
	return -1
}

// read reads one record into the slots and reports whether it is surely
// a valid response; false means only "take the generic path".
func (r *slotReader) read(b []byte) bool {
	clear(r.slots)
	if r.anyOther {
		clear(r.others)
		r.anyOther = false
	}
	i := space(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	var seen uint8
	i = space(b, i+1)
	for {
		key, j, ok := text(b, i)
		if !ok {
			return false
		}
		if j, ok = colon(b, j); !ok {
			return false
		}
		var bit uint8
		switch string(key) {
		case "$schema":
			bit = 1
			_, j, ok = text(b, j)
		case "survey":
			bit = 2
			j, ok = quoted(b, j, r.survey)
		case "version":
			bit = 4
			if k, same := quoted(b, j, r.version); same {
				j = k
			} else {
				j, ok = quoted(b, j, nil)
			}
		case "answers":
			bit = 8
			j, ok = r.readAnswers(b, j)
		case "other":
			bit = 16
			j, ok = r.readOthers(b, j)
		}
		if !ok || bit == 0 || seen&bit != 0 {
			return false
		}
		seen |= bit
		var more bool
		if i, more, ok = after(b, j, '}'); !ok {
			return false
		}
		if !more {
			break
		}
	}
	if space(b, i) != len(b) || seen&(2|8) != 2|8 {
		return false
	}
	return r.judge()
}

// readAnswers reads the answers object at b[i].
func (r *slotReader) readAnswers(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '{' {
		return i, false
	}
	i = space(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	hint := 0
	for {
		var (
			k, j int
			ok   bool
		)
		// The key is usually the next question's id: try that first.
		if h := min(hint, len(r.qs)-1); h >= 0 && r.keyAt(b, i, h) {
			k, j = h, i+len(r.qs[h].id)+2
		} else {
			var key []byte
			if key, j, ok = text(b, i); !ok {
				return j, false
			}
			k = r.question(key, hint)
		}
		if k < 0 || r.slots[k].seen {
			return j, false
		}
		hint = k + 1
		if j, ok = colon(b, j); !ok {
			return j, false
		}
		s := &r.slots[k]
		s.seen = true
		if j, ok = r.answer(b, j, &r.qs[k], s); !ok {
			return j, false
		}
		var more bool
		if i, more, ok = after(b, j, '}'); !ok || !more {
			return i, ok
		}
	}
}

// answer reads question q's answer at b[i] into s, if it is one the
// question accepts.
func (r *slotReader) answer(b []byte, i int, q *slotQuestion, s *slot) (int, bool) {
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '"':
		v, j, ok := text(b, i)
		if !ok {
			return j, false
		}
		if len(bytes.TrimSpace(v)) == 0 {
			return j, true // blank text is no answer, whatever the question
		}
		switch q.typ {
		case survey.Likert:
			if q.dontKnow && string(v) == survey.DontKnow {
				s.state = slotDontKnow
				return j, true
			}
		case survey.SingleChoice:
			if o := option(q, v); o >= 0 {
				s.state, s.v = slotOption, int32(o)
				return j, true
			}
		case survey.FreeText:
			if q.maxLen > 0 && utf8.RuneCount(v) > q.maxLen || q.rules && !q.q.TextFits(string(v)) {
				return j, false
			}
			s.state = slotText
			return j, true
		}
		return j, false
	case c == 'n':
		if bytes.HasPrefix(b[i:], []byte("null")) {
			return i + 4, true
		}
	case c == '[':
		j := space(b, i+1)
		if j < len(b) && b[j] == ']' {
			return j + 1, true // an empty list is no answer
		}
		if q.typ != survey.MultipleChoice {
			return j, false
		}
		n := 0
		for {
			v, k, ok := text(b, j)
			if !ok {
				return k, false
			}
			o := option(q, v)
			if o < 0 || s.set&(1<<o) != 0 {
				return k, false
			}
			s.set |= 1 << o
			n++
			var more bool
			if j, more, ok = after(b, k, ']'); !ok {
				return j, false
			}
			if !more {
				break
			}
		}
		if n < q.minChoices || q.maxChoices > 0 && n > q.maxChoices {
			return j, false
		}
		s.state = slotOptions
		return j, true
	case c >= '0' && c <= '9':
		// A whole number without sign, fraction or exponent, and no
		// leading zero: anything else takes the generic path.
		v, j := 0, i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' && j-i < 9 {
			v = v*10 + int(b[j]-'0')
			j++
		}
		if j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '.' || b[j] == 'e' || b[j] == 'E') || c == '0' && j-i > 1 {
			return j, false
		}
		if q.typ == survey.Likert && v >= q.min && v <= q.max {
			s.state, s.v = slotPoint, int32(v)
			return j, true
		}
	}
	return i, false
}

// keyAt reports whether b[i] starts a string that is question k's id.
func (r *slotReader) keyAt(b []byte, i, k int) bool {
	id := r.qs[k].id
	e := i + len(id) + 1
	return e < len(b) && b[i] == '"' && b[e] == '"' && bytes.Equal(b[i+1:e], id)
}

// readOthers reads the object of specify texts at b[i].
func (r *slotReader) readOthers(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '{' {
		return i, false
	}
	i = space(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		key, j, ok := text(b, i)
		if !ok {
			return j, false
		}
		k := r.question(key, 0)
		if k < 0 || r.others[k].seen {
			return j, false
		}
		if j, ok = colon(b, j); !ok {
			return j, false
		}
		o := &r.others[k]
		o.seen, r.anyOther = true, true
		if o.text, j, ok = text(b, j); !ok {
			return j, false
		}
		o.given = len(bytes.TrimSpace(o.text)) > 0 // blank is as if not there
		var more bool
		if i, more, ok = after(b, j, '}'); !ok || !more {
			return i, ok
		}
	}
}

// judge applies the rules that look at more than one answer: required
// questions, and the Other option's specify text.
func (r *slotReader) judge() bool {
	for _, k := range r.watch {
		s, q := &r.slots[k], &r.qs[k]
		if s.state == slotEmpty {
			if q.required {
				return false
			}
			continue
		}
		if q.other >= 0 && (s.state == slotOption && int(s.v) == q.other || s.state == slotOptions && s.set&(1<<q.other) != 0) {
			// Other is chosen: its text is needed, and not too long.
			if o := &r.others[k]; !o.given || utf8.RuneCount(o.text) > q.otherMax {
				return false
			}
		}
	}
	if !r.anyOther {
		return true
	}
	// Specify text is given only for an Other option that is chosen.
	for k := range r.others {
		s, q := &r.slots[k], &r.qs[k]
		if r.others[k].given && !(q.other >= 0 && (s.state == slotOption && int(s.v) == q.other || s.state == slotOptions && s.set&(1<<q.other) != 0)) {
			return false
		}
	}
	return true
}

// quoted reports whether b[i] is the string want, written as it is, and
// returns the position after it.
func quoted(b []byte, i int, want []byte) (int, bool) {
	e := i + len(want) + 1
	if e < len(b) && b[i] == '"' && b[e] == '"' && bytes.Equal(b[i+1:e], want) {
		return e + 1, true
	}
	return i, false
}

// option returns the index of the option whose value is v, or -1.
func option(q *slotQuestion, v []byte) int {
	for i, o := range q.options {
		if bytes.Equal(o, v) {
			return i
		}
	}
	return -1
}

// text reads the string at b[i] and returns its content. It is not sure
// of (and refuses) a string with an escape, a control character or bytes
// that are not UTF-8.
func text(b []byte, i int) ([]byte, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return nil, i, false
	}
	j := i + 1
	// Eight bytes at a time while they are plain ASCII: the lowest byte
	// flagged is the first quote, backslash, control character or
	// non-ASCII byte (a borrow can only flag bytes above it).
	for j+8 <= len(b) {
		w := binary.LittleEndian.Uint64(b[j:])
		q, s := w^(ones*'"'), w^(ones*'\\')
		m := ((w-ones*0x20)&^w | (q-ones)&^q | (s-ones)&^s | w) & highs
		if m != 0 {
			j += bits.TrailingZeros64(m) / 8
			break
		}
		j += 8
	}
	wide := false
	for ; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			v := b[i+1 : j]
			return v, j + 1, !wide || utf8.Valid(v)
		case c == '\\' || c < 0x20:
			return nil, j, false
		case c >= 0x80:
			wide = true
		}
	}
	return nil, len(b), false
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// colon reads the ':' after a key at b[i], and the space around it.
func colon(b []byte, i int) (int, bool) {
	i = space(b, i)
	if i >= len(b) || b[i] != ':' {
		return i, false
	}
	return space(b, i+1), true
}

// after reads what follows a member or element at b[i]: a comma, and
// then more follow from the position returned, or the closing bracket
// (end), after which it returns.
func after(b []byte, i int, end byte) (next int, more, ok bool) {
	i = space(b, i)
	switch {
	case i >= len(b):
		return i, false, false
	case b[i] == end:
		return i + 1, false, true
	case b[i] == ',':
		return space(b, i+1), true, true
	}
	return i, false, false
}

// space skips JSON white space.
func space(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// addSlots counts the response the slot reader read last, as add counts
// a Response.
func (t *Tally) addSlots(r *slotReader) {
	t.all.countSlots(r)
	scores := t.slotThemeScores(r)
	t.all.countThemes(scores)
	if t.by >= 0 {
		groups := t.groupsBuf[:0]
		switch s := &r.slots[t.by]; s.state {
		case slotOption:
			groups = append(groups, int(s.v))
		case slotOptions:
			for o := 0; o < 64; o++ {
				if s.set&(1<<o) != 0 {
					groups = append(groups, o)
				}
			}
		}
		a := t.atomFor(groups)
		a.countSlots(r)
		a.countThemes(scores)
	}
}

func (c *cell) countSlots(r *slotReader) {
	c.respondents++
	for k := range r.slots {
		s, qc := &r.slots[k], &c.qs[k]
		switch s.state {
		case slotPoint:
			qc.n++
			qc.counts[int(s.v)-r.qs[k].min]++
		case slotDontKnow:
			qc.dontKnow++
		case slotOption:
			qc.n++
			qc.counts[s.v]++
		case slotOptions:
			qc.n++
			for o := range qc.counts {
				if s.set&(1<<o) != 0 {
					qc.counts[o]++
				}
			}
		case slotText:
			qc.n++
		}
	}
}

// slotThemeScores is themeScores from the slots.
func (t *Tally) slotThemeScores(r *slotReader) []float64 {
	return t.scoresOf(func(i int) (float64, bool) {
		s := &r.slots[i]
		return float64(s.v), s.state == slotPoint
	})
}
