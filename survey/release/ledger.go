package release

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// SchemaURL is the $id of the release-ledger schema.
const SchemaURL = "https://spfkit.github.io/schema/v1/release-ledger.schema.json"

// Ledger is the record of every report released from a forum's surveys.
// It is confidential: see the package doc.
type Ledger struct {
	// The URL of the release-ledger schema.
	Schema string `json:"$schema,omitempty"`
	// The secret that fingerprints responses: 64 hexadecimal digits, made at random when the ledger is made.
	Key string `json:"key" jsonschema:"pattern=^[0-9a-f]{64}$"`
	// The releases, oldest first.
	Releases []Release `json:"releases"`
}

// Release is one published report: which survey, how it was cut, and
// every cell it showed with the respondents that cell counted.
type Release struct {
	// The release's number in the ledger, from 1.
	ID int `json:"id" jsonschema:"minimum=1"`
	// What was released, in the secretariat's words.
	Label string `json:"label,omitempty"`
	// How the responses were chosen, when they were a subset.
	Filter string `json:"filter,omitempty"`
	// When it was released (RFC 3339).
	Released string `json:"released" jsonschema:"format=date-time"`
	// The survey definition the report was made from.
	Survey score.SurveyRef `json:"survey"`
	// The breakdown question, if any.
	By survey.QuestionID `json:"by,omitempty"`
	// The report's smallest published base n.
	MinGroup int `json:"min_group" jsonschema:"minimum=5"`
	// The number of valid responses counted.
	Respondents int `json:"respondents" jsonschema:"minimum=0"`
	// Every cell the report showed.
	Cells []Cell `json:"cells"`
	// The respondents the cells counted, each distinct set once.
	Sets []Set `json:"sets"`
}

// Cell is one figure a release showed: a question's (or theme's) results,
// overall or in one group.
type Cell struct {
	// The question id, or "theme:" and a theme's id.
	Question string `json:"question" jsonschema:"minLength=1"`
	// "overall", "group:" and the option value, or "not_answered".
	Cell string `json:"cell" jsonschema:"minLength=1"`
	// How many respondents the cell counted.
	N int `json:"n" jsonschema:"minimum=0"`
	// The digest of the set of respondents, one of the release's sets.
	Set string `json:"set" jsonschema:"pattern=^sha256:[0-9a-f]{64}$"`
}

// Set is a set of respondents, by fingerprint.
type Set struct {
	// "sha256:" and the SHA-256 of the sorted fingerprints, 8 bytes each, big-endian.
	Digest string `json:"digest" jsonschema:"pattern=^sha256:[0-9a-f]{64}$"`
	// How many respondents.
	N int `json:"n" jsonschema:"minimum=0"`
	// The sorted fingerprints, each as the unsigned varint of its difference from the one before, in base64.
	Keys string `json:"keys"`
}

// Info describes a release beyond what its report says.
type Info struct {
	// What is released, e.g. "forum papers, March".
	Label string
	// How the responses were chosen, when they are a subset.
	Filter string
	// When; the zero time means now.
	Released time.Time
}

// New makes an empty ledger with a fresh random key.
func New() (*Ledger, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	return &Ledger{Schema: SchemaURL, Key: hex.EncodeToString(b[:]), Releases: []Release{}}, nil
}

// ErrNotTracked is returned for a report whose tally did not fingerprint
// its respondents with the ledger's key.
var ErrNotTracked = errors.New("release: the report's respondents were not fingerprinted with this ledger's key; tally with score.TallyOptions{LedgerKey: ledger.Key}")

// Record checks a release (see Check) and, when it is safe, adds it to
// the ledger and returns it. Save the ledger before publishing the report.
func (l *Ledger) Record(rep *score.Report, info Info) (*Release, error) {
	r, err := l.Check(rep, info)
	if err != nil {
		return nil, err
	}
	l.Releases = append(l.Releases, *r)
	return r, nil
}

// Check returns the release rep would be, or a *ConflictError when,
// together with the releases already recorded, it would let a reader
// single out fewer than k people. It does not change the ledger.
func (l *Ledger) Check(rep *score.Report, info Info) (*Release, error) {
	if rep.LedgerKey() == "" || rep.LedgerKey() != l.Key {
		return nil, ErrNotTracked
	}
	if info.Released.IsZero() {
		info.Released = time.Now()
	}
	r := &Release{
		ID: len(l.Releases) + 1, Label: info.Label, Filter: info.Filter,
		Released: info.Released.UTC().Format(time.RFC3339),
		Survey:   rep.Survey, By: rep.By, MinGroup: rep.MinGroup, Respondents: rep.Respondents,
		Cells: []Cell{}, Sets: []Set{},
	}
	shown := rep.ShownCells()
	keys := map[string][]uint64{} // this release's sets, by digest
	for _, c := range shown {
		d := digest(c.Keys)
		if _, ok := keys[d]; !ok {
			keys[d] = c.Keys
			r.Sets = append(r.Sets, Set{Digest: d, N: len(c.Keys), Keys: encodeKeys(c.Keys)})
		}
		r.Cells = append(r.Cells, Cell{Question: c.Question, Cell: c.Cell, N: len(c.Keys), Set: d})
	}
	ck := &checker{l: l, cand: r, candKeys: keys}
	if err := ck.load(); err != nil {
		return nil, err
	}
	conflicts := ck.conflicts(nil)
	if len(conflicts) == 0 {
		return r, nil
	}
	return nil, ck.advise(conflicts)
}

// digest is "sha256:" and the SHA-256 of the sorted keys.
func digest(keys []uint64) string {
	h := sha256.New()
	var b [8]byte
	for _, k := range keys {
		binary.BigEndian.PutUint64(b[:], k)
		h.Write(b[:])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func encodeKeys(keys []uint64) string {
	var b []byte
	prev := uint64(0)
	for _, k := range keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
	}
	return base64.StdEncoding.EncodeToString(b)
}

func decodeKeys(s string) ([]uint64, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, errors.New("the keys are not base64")
	}
	var out []uint64
	prev := uint64(0)
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("the keys end in the middle of a number")
		}
		if len(out) > 0 && d == 0 {
			return nil, errors.New("the keys repeat a fingerprint")
		}
		prev += d
		out = append(out, prev)
		b = b[n:]
	}
	return out, nil
}

// ref is one cell in the check: an earlier release's or the candidate's.
type ref struct {
	rel  int // index in the ledger, or -1 for the candidate
	cell *Cell
	keys []uint64
}

func (r ref) name(l *Ledger) string {
	where := "this release"
	if r.rel >= 0 {
		where = "release " + strconv.Itoa(l.Releases[r.rel].ID)
		if lb := l.Releases[r.rel].Label; lb != "" {
			where += " (" + lb + ")"
		}
	}
	return where + "'s " + cellName(r.cell)
}

// cellName names a cell for people: “q1 (everyone)”, “q1 (group
// nhs_employers)”.
func cellName(c *Cell) string {
	who := "group " + strings.TrimPrefix(c.Cell, score.CellGroupPrefix)
	switch c.Cell {
	case score.CellOverall:
		who = "everyone"
	case score.CellNotAnswered:
		who = "those who did not answer the breakdown question"
	}
	return "“" + c.Question + " (" + who + ")”"
}

type checker struct {
	l        *Ledger
	cand     *Release
	candKeys map[string][]uint64
	earlier  map[string][]ref // by question
}

// load decodes the earlier releases of the same survey.
func (ck *checker) load() error {
	ck.earlier = map[string][]ref{}
	for i := range ck.l.Releases {
		r := &ck.l.Releases[i]
		if r.Survey.ID != ck.cand.Survey.ID {
			continue
		}
		sets := map[string][]uint64{}
		for _, s := range r.Sets {
			keys, err := decodeKeys(s.Keys)
			if err != nil {
				return errors.New("release: release " + strconv.Itoa(r.ID) + ": set " + s.Digest + ": " + err.Error())
			}
			sets[s.Digest] = keys
		}
		for j := range r.Cells {
			c := &r.Cells[j]
			ck.earlier[c.Question] = append(ck.earlier[c.Question], ref{rel: i, cell: c, keys: sets[c.Set]})
		}
	}
	return nil
}

// Conflict is a set of fewer than k people that the candidate release,
// with an earlier one, would let a reader single out.
type Conflict struct {
	// The question (or "theme:" and a theme's id) whose answers would be given away.
	Question string
	// How many people.
	People int
	// The earlier release involved (its ID), or 0 when only this release's cells are.
	Release int
	// A cell that counts them and a cell that counts most of the same people but not them: subtracting the one from the other gives their answers.
	With, Without string
	// Whether the people are counted in this release and were not before (new responses), rather than counted before and left out now.
	New bool
	// The candidate's cell among those two, which leaving out would help.
	candidate *Cell
}

// conflicts lists the small blocks, leaving out the candidate's dropped
// cells.
func (ck *checker) conflicts(dropped map[*Cell]bool) []Conflict {
	var out []Conflict
	seen := map[string]bool{}
	for _, c := range ck.cand.Cells {
		if !seen[c.Question] {
			seen[c.Question] = true
			out = append(out, ck.question(c.Question, dropped)...)
		}
	}
	return out
}

func (ck *checker) question(q string, dropped map[*Cell]bool) []Conflict {
	refs := slices.Clone(ck.earlier[q])
	k := ck.cand.MinGroup
	for _, r := range refs {
		k = max(k, ck.l.Releases[r.rel].MinGroup)
	}
	cands := 0
	for i := range ck.cand.Cells {
		c := &ck.cand.Cells[i]
		if c.Question == q && !dropped[c] {
			refs = append(refs, ref{rel: -1, cell: c, keys: ck.candKeys[c.Set]})
			cands++
		}
	}
	if cands == 0 || len(refs) == cands {
		return nil // nothing new, or nothing earlier to combine with
	}
	member := map[uint64][]int{}
	for i, r := range refs {
		for _, key := range r.keys {
			member[key] = append(member[key], i)
		}
	}
	type block struct {
		in []int
		n  int
	}
	blocks := map[string]*block{}
	var order []string
	for _, in := range member {
		sig := sigOf(in)
		b := blocks[sig]
		if b == nil {
			b = &block{in: in}
			blocks[sig] = b
			order = append(order, sig)
		}
		b.n++
	}
	slices.Sort(order)
	var out []Conflict
	for _, sig := range order {
		b := blocks[sig]
		if b.n >= k {
			continue
		}
		out = append(out, ck.explain(q, refs, b.in, b.n))
	}
	return out
}

func sigOf(in []int) string {
	b := make([]byte, 0, 4*len(in))
	for _, i := range in {
		b = binary.BigEndian.AppendUint32(b, uint32(i))
	}
	return string(b)
}

// explain finds, for a block of people in the cells listed, a cell that
// counts them and the cell most like it that does not.
func (ck *checker) explain(q string, refs []ref, in []int, n int) Conflict {
	inSet := map[int]bool{}
	for _, i := range in {
		inSet[i] = true
	}
	x := in[len(in)-1] // the candidate's cells come last
	bestY, bestOverlap := -1, -1
	for j, r := range refs {
		if inSet[j] || (refs[x].rel == -1) == (r.rel == -1) {
			continue
		}
		if o := overlap(refs[x].keys, r.keys); o > bestOverlap {
			bestY, bestOverlap = j, o
		}
	}
	c := Conflict{Question: q, People: n, With: refs[x].name(ck.l)}
	if refs[x].rel == -1 {
		c.candidate, c.New = refs[x].cell, true
	}
	if bestY >= 0 {
		c.Without = refs[bestY].name(ck.l)
		if refs[bestY].rel >= 0 {
			c.Release = ck.l.Releases[refs[bestY].rel].ID
		} else {
			c.candidate = refs[bestY].cell
		}
	}
	if refs[x].rel >= 0 {
		c.Release = ck.l.Releases[refs[x].rel].ID
	}
	return c
}

func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// ConflictError refuses a release, saying why and what would make it safe.
type ConflictError struct {
	// The smallest group a reader may single out.
	MinGroup int
	// The conflicts found.
	Conflicts []Conflict
	// How many more respondents the smallest conflicting set needs to reach MinGroup: waiting for at least this many more responses may make the release safe.
	Wait int
	// Cells of this release ("question, group") that, left out, would make it safe as it stands.
	Drop []string
	// Whether this release leaves out respondents an earlier one counted: waiting does not help that; counting them again does.
	Omitted bool
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	b.WriteString("release: refused: with what was released before, this report would let a reader single out fewer than " + strconv.Itoa(e.MinGroup) + " people")
	for i, c := range e.Conflicts {
		if i == 10 {
			b.WriteString("\n  and " + strconv.Itoa(len(e.Conflicts)-10) + " more")
			break
		}
		b.WriteString("\n  - " + strconv.Itoa(c.People) + " " + plural(c.People, "person is", "people are") + " counted in " + c.With)
		if c.Without != "" {
			b.WriteString(" but not in " + c.Without + "; subtracting one from the other gives their answers")
		}
	}
	var ways []string
	if e.Wait > 0 {
		ways = append(ways, "wait until at least "+strconv.Itoa(e.Wait)+" more "+plural(e.Wait, "response is", "responses are")+" counted and try again")
	}
	if e.Omitted {
		ways = append(ways, "count again the responses an earlier release counted")
	}
	if len(e.Drop) > 0 {
		ways = append(ways, "release it without "+strings.Join(e.Drop, ", "))
	}
	b.WriteString("\n  to make it safe: " + strings.Join(ways, ", or "))
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// advise works out the refusal: the wait, and the cells to leave out
// (chosen greedily, the one in most conflicts first).
func (ck *checker) advise(conflicts []Conflict) *ConflictError {
	e := &ConflictError{MinGroup: ck.cand.MinGroup, Conflicts: conflicts}
	for _, c := range conflicts {
		k := ck.cand.MinGroup
		if c.Release > 0 {
			k = max(k, ck.l.Releases[c.Release-1].MinGroup)
		}
		e.MinGroup = max(e.MinGroup, k)
		if c.New {
			e.Wait = max(e.Wait, k-c.People)
		} else {
			e.Omitted = true
		}
	}
	dropped := map[*Cell]bool{}
	for cs := conflicts; len(cs) > 0 && len(dropped) < len(ck.cand.Cells); cs = ck.conflicts(dropped) {
		count := map[*Cell]int{}
		var pick *Cell
		for _, c := range cs {
			if c.candidate != nil {
				count[c.candidate]++
				if pick == nil || count[c.candidate] > count[pick] {
					pick = c.candidate
				}
			}
		}
		if pick == nil {
			break
		}
		dropped[pick] = true
	}
	for i := range ck.cand.Cells {
		if c := &ck.cand.Cells[i]; dropped[c] {
			e.Drop = append(e.Drop, cellName(c))
		}
	}
	return e
}
