package jsonlite

import (
	"encoding"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
)

// Decoder maps the values of a Doc onto Go values by hand, collecting
// every problem it meets, each located at the value concerned. The
// generated decoders and the hand-written ones (SurveyJS forms, widget
// drafts) use it. The zero Decoder is ready.
type Decoder struct {
	errs []*problem.Error
	// With KeepNames: the strings made so far, and the last document's
	// in the order it needed them, which the next document of a stream
	// usually needs in the same order.
	names map[string]string
	seq   []string
	at    int
}

// maxNames bounds the strings a Decoder keeps, so that a stream of
// documents with ever new keys costs no more memory than this many.
const maxNames = 4096

// KeepNames makes the Decoder keep the map keys it reads (Name) and the
// short strings (String, Interned), so that a stream of documents with
// the same keys and values (a survey's question ids and options)
// allocates each once, not once per document. It keeps up to 4,096.
func (d *Decoder) KeepNames() {
	if d.names == nil {
		d.names = make(map[string]string)
	}
}

// Reset forgets the problems found, to decode another document; kept
// names stay.
func (d *Decoder) Reset() { d.errs, d.at = nil, 0 }

// Name returns a member's name as a string, as Key.String does, reusing
// a string made before when the Decoder keeps names.
func (d *Decoder) Name(k Key) string {
	if d.names == nil || k.doc.nodes[k.i].esc {
		return k.String()
	}
	return d.share(k.Bytes())
}

// Interned returns a string's value, as Value.Str does, reusing a string
// made before when the Decoder keeps names and the text is short: the
// options a stream of responses chooses repeat, its comments do not.
func (d *Decoder) Interned(v Value) string {
	n := v.n()
	if d.names == nil || n.end-n.off > 34 || n.esc {
		return v.Str()
	}
	return d.share(v.doc.data[n.off+1 : n.end-1])
}

// share returns b as a string kept before, or keeps it.
func (d *Decoder) share(b []byte) string {
	if d.at < len(d.seq) && d.seq[d.at] == string(b) {
		d.at++
		return d.seq[d.at-1]
	}
	s, ok := d.names[string(b)]
	if !ok {
		s = string(b)
		if len(d.names) < maxNames {
			d.names[s] = s
		}
	}
	switch {
	case d.at < len(d.seq):
		d.seq[d.at] = s
	case len(d.seq) < 256:
		d.seq = append(d.seq, s)
	}
	d.at++
	return s
}

// Problems are the problems found so far, in the order found.
func (d *Decoder) Problems() []*problem.Error { return d.errs }

// Fail records a problem at v and returns it, so a hint can be set.
func (d *Decoder) Fail(v Value, code, msg string) *problem.Error {
	e := v.doc.problemAt(v.i, code, msg)
	d.errs = append(d.errs, e)
	return e
}

// Want checks v's kind, recording a type problem when it differs.
func (d *Decoder) Want(v Value, k Kind) bool {
	if got := v.Kind(); got != k {
		d.Fail(v, "type", "expected "+k.Name()+", found "+got.Name()).Hint = "change the value to the expected JSON type"
		return false
	}
	return true
}

// Unknown records a member whose name the type does not have.
func (d *Decoder) Unknown(k Key) {
	d.Fail(k.Value(), "additionalProperties", "unknown field "+problem.Quote(k.String())).Hint = "remove it or check its spelling"
}

// Missing records a required member that obj lacks.
func (d *Decoder) Missing(obj Value, name string) {
	d.Fail(obj, "required", "missing field "+problem.Quote(name)).Hint = "add it"
}

// String returns a string's value (shared between documents when the
// Decoder keeps names and the text is short, as Interned says).
func (d *Decoder) String(v Value) string {
	if !d.Want(v, String) {
		return ""
	}
	return d.Interned(v)
}

// Strings returns a list of strings.
func (d *Decoder) Strings(v Value) []string {
	if !d.Want(v, Array) {
		return nil
	}
	out := make([]string, 0, v.Len())
	for _, e := range v.Elements() {
		out = append(out, d.String(e))
	}
	return out
}

// Bool returns true or false.
func (d *Decoder) Bool(v Value) bool {
	if !d.Want(v, Bool) {
		return false
	}
	return v.Bool()
}

// Int returns a whole number.
func (d *Decoder) Int(v Value) int {
	if !d.Want(v, Number) {
		return 0
	}
	n, ok := v.Int()
	if !ok {
		d.Fail(v, "type", "expected a whole number, found "+string(v.Raw())).Hint = "write a whole number"
	}
	return n
}

// Float returns a number.
func (d *Decoder) Float(v Value) float64 {
	if !d.Want(v, Number) {
		return 0
	}
	f, ok := v.Float()
	if !ok {
		d.Fail(v, "number", "the number "+string(v.Raw())+" is too large or too small").Hint = "write an ordinary number"
	}
	return f
}

// Text reads a string through dst's UnmarshalText, as encoding/json
// would: an enumeration refuses values outside its set, a date a day that
// does not exist. A refusal is recorded with the given code.
func (d *Decoder) Text(v Value, dst encoding.TextUnmarshaler, code string) {
	if !d.Want(v, String) {
		return
	}
	if err := dst.UnmarshalText([]byte(v.Str())); err != nil {
		d.Fail(v, code, err.Error())
	}
}

// Date reads a date: a whole day, YYYY-MM-DD, when day is set, else a
// possibly partial one. A date that does not exist, or a partial one
// where a day is needed, is recorded as a date problem.
func (d *Decoder) Date(v Value, day bool) date.Date {
	if !d.Want(v, String) {
		return 0
	}
	parse, hint := date.Parse, "write a date that exists, as YYYY, YYYY-MM or YYYY-MM-DD"
	if day {
		parse, hint = date.ParseDay, "write a day that exists, as YYYY-MM-DD"
	}
	t, err := parse(v.Str())
	if err != nil {
		msg := err.Error()
		if pe, ok := err.(*date.ParseError); ok {
			msg = problem.Quote(pe.Text) + " is not a date: " + pe.Reason
		}
		d.Fail(v, "date", msg).Hint = hint
	}
	return t
}
