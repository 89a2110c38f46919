package survey

import (
	"errors"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// AnswerKind is the JSON shape of an answer.
type AnswerKind uint8

// The answer kinds. Invalid records a JSON value no question accepts (an
// object, true or false), kept so validation can say where it is.
const (
	NoAnswer AnswerKind = iota // absent or null
	NumberAnswer
	TextAnswer
	ListAnswer
	InvalidAnswer
)

func (k AnswerKind) String() string {
	switch k {
	case NoAnswer:
		return "no answer"
	case NumberAnswer:
		return "a number"
	case TextAnswer:
		return "text"
	case ListAnswer:
		return "a list"
	}
	return "an unsupported value"
}

// Answer is the answer to one question. The zero Answer is no answer.
type Answer struct {
	kind AnswerKind
	num  float64
	text string
	list []string
	// what names the JSON type of an InvalidAnswer, or of a list element
	// that is not a string.
	what string
}

// Number returns a numeric answer (a likert point).
func Number(v float64) Answer { return Answer{kind: NumberAnswer, num: v} }

// Text returns a text answer: free text, a single choice's value or
// "dont_know".
func Text(s string) Answer { return Answer{kind: TextAnswer, text: s} }

// Choices returns a multiple-choice answer.
func Choices(values ...string) Answer {
	return Answer{kind: ListAnswer, list: append([]string{}, values...)}
}

// Invalid returns an answer of a JSON type no question accepts (true, an
// object, a list holding a number), described as what: a decoder keeps
// it, rather than refusing the whole response, so that validation can
// say against its question what answer it needs. It encodes as null.
func Invalid(what string) Answer { return Answer{kind: InvalidAnswer, what: what} }

// Kind is the answer's shape.
func (a Answer) Kind() AnswerKind { return a.kind }

// IsZero reports whether a is no answer.
func (a Answer) IsZero() bool { return a.kind == NoAnswer }

// Number returns a numeric answer's value.
func (a Answer) Number() (float64, bool) { return a.num, a.kind == NumberAnswer }

// Text returns a text answer's value.
func (a Answer) Text() (string, bool) { return a.text, a.kind == TextAnswer }

// Choices returns a multiple-choice answer's values.
func (a Answer) Choices() ([]string, bool) { return a.list, a.kind == ListAnswer }

// String renders the answer for messages and CSV cells: the number, the
// text, or the values joined with ";".
func (a Answer) String() string {
	switch a.kind {
	case NumberAnswer:
		return string(jsonlite.AppendFloat(nil, a.num))
	case TextAnswer:
		return a.text
	case ListAnswer:
		s := ""
		for i, v := range a.list {
			if i > 0 {
				s += ";"
			}
			s += v
		}
		return s
	}
	return ""
}

// MarshalJSON implements json.Marshaler. An answer decoded from a JSON
// value no question accepts (see Invalid) cannot be encoded again: that
// is an error rather than a silently changed answer.
func (a Answer) MarshalJSON() ([]byte, error) {
	if a.kind == InvalidAnswer || a.what != "" {
		return nil, errors.New("survey: cannot encode an answer that was " + a.describe())
	}
	var w jsonlite.Writer
	appendAnswer(&w, a)
	return w.Bytes(), nil
}

// checkAnswers refuses to encode a response holding an invalid answer:
// there is nothing faithful to write for it.
func checkAnswers(r *Response) error {
	for _, id := range sortedKeys(r.Answers) {
		if a := r.Answers[id]; a.kind == InvalidAnswer || a.what != "" {
			return errors.New("survey: cannot encode the answer to " + problem.Quote(string(id)) + ": it was " + a.describe())
		}
	}
	return nil
}

// appendAnswer writes an answer for the generated encoders: a number,
// text, a list of option values, or null for no answer (and for an
// invalid one, which has nothing to write).
func appendAnswer(w *jsonlite.Writer, a Answer) {
	switch {
	case a.what != "":
		w.Null()
	case a.kind == NumberAnswer:
		w.Float(a.num)
	case a.kind == TextAnswer:
		w.String(a.text)
	case a.kind == ListAnswer:
		w.BeginArray()
		for _, v := range a.list {
			w.String(v)
		}
		w.EndArray()
	default:
		w.Null()
	}
}

// UnmarshalJSON implements json.Unmarshaler, reading an answer as the
// response decoder does: a number, text, a list of strings or null, and
// any other JSON value as an Invalid answer.
func (a *Answer) UnmarshalJSON(b []byte) error {
	doc, err := jsonlite.Parse(b, jsonlite.Options{})
	if err != nil {
		return err
	}
	v := doc.Root()
	switch v.Kind() {
	case jsonlite.Null:
		*a = Answer{}
	case jsonlite.Number:
		f, ok := v.Float()
		if !ok {
			return errors.New("survey: the number " + string(v.Raw()) + " is out of range")
		}
		*a = Number(f)
	case jsonlite.String:
		*a = Text(v.Str())
	case jsonlite.Array:
		list := make([]string, 0, v.Len())
		for _, e := range v.Elements() {
			if e.Kind() != jsonlite.String {
				raw := e.Raw()
				*a = Invalid("a list holding " + string(raw[:min(len(raw), 20)]))
				return nil
			}
			list = append(list, e.Str())
		}
		*a = Answer{kind: ListAnswer, list: list}
	case jsonlite.Object:
		*a = Invalid("an object")
	default:
		*a = Invalid(string(v.Raw()))
	}
	return nil
}

// Equal reports whether a and b are the same answer.
func (a Answer) Equal(b Answer) bool {
	return a.kind == b.kind && a.num == b.num && a.text == b.text && equalStrings(a.list, b.list) && a.what == b.what
}

// describe names what kind of answer a is, for messages.
func (a Answer) describe() string {
	switch a.kind {
	case InvalidAnswer:
		return a.what
	case NoAnswer:
		return "null"
	}
	return a.kind.String()
}
