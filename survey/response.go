package survey

import (
	"errors"

	"github.com/spfkit/spfkit/internal/jsonlite"
)

// Response is one respondent's answers, keyed by question id. It carries no
// respondent id and no timestamp: responses are anonymous, and nothing in a
// report can be traced back to one.
//
// On the wire a likert answer is a whole number or "dont_know", a single
// choice is the option's value, a multiple choice is an array of values
// and free text is a string; null is the same as no answer. The "please
// specify" text of an Other option goes in Other under the question's id,
// so an answer keeps one simple shape.
type Response struct {
	// The URL of the survey-response schema, so tools can tell what the document is.
	Schema string `json:"$schema,omitempty"`
	// The id of the survey the response answers.
	Survey string `json:"survey" jsonschema:"minLength=1"`
	// The version of the survey definition; when set it must match.
	Version string `json:"version,omitempty"`
	// The answers, keyed by question id.
	Answers map[QuestionID]Answer `json:"answers"`
	// The "please specify" text for each question answered with its Other option.
	Other map[QuestionID]string `json:"other,omitempty"`
}

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
		return jsonlite.FormatNumber(a.num)
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
// value no question accepts (InvalidAnswer, or a list holding something
// other than strings) cannot be encoded again: that is an error rather
// than a silently changed answer.
func (a Answer) MarshalJSON() ([]byte, error) {
	if a.kind == InvalidAnswer || a.what != "" {
		return nil, errors.New("survey: cannot encode an answer that was " + a.describe())
	}
	switch a.kind {
	case NumberAnswer:
		return jsonlite.AppendNumber(nil, a.num), nil
	case TextAnswer:
		return appendJSONString(nil, a.text), nil
	case ListAnswer:
		b := []byte{'['}
		for i, v := range a.list {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, v)
		}
		return append(b, ']'), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (a *Answer) UnmarshalJSON(b []byte) error {
	s := scanner{data: b}
	s.skipSpace()
	v, err := s.answer()
	if err != nil {
		return err
	}
	s.skipSpace()
	if s.pos != len(b) {
		return s.errorf("unexpected data after the answer")
	}
	*a = v
	return nil
}

// Equal reports whether a and b are the same answer.
func (a Answer) Equal(b Answer) bool {
	return a.kind == b.kind && a.num == b.num && a.text == b.text && equalStrings(a.list, b.list) && a.what == b.what
}

// Clone returns a deep copy of r.
func (r *Response) Clone() *Response {
	c := &Response{Survey: r.Survey, Version: r.Version}
	if r.Answers != nil {
		c.Answers = make(map[QuestionID]Answer, len(r.Answers))
		for k, v := range r.Answers {
			if v.list != nil {
				v.list = append([]string{}, v.list...)
			}
			c.Answers[k] = v
		}
	}
	if r.Other != nil {
		c.Other = make(map[QuestionID]string, len(r.Other))
		for k, v := range r.Other {
			c.Other[k] = v
		}
	}
	return c
}

func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			switch c {
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigit(c>>4), hexDigit(c&15))
			}
		case c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hexDigit(c>>4), hexDigit(c&15))
		default:
			b = append(b, c)
		}
		i++
	}
	return append(b, '"')
}

// MarshalJSON writes the response as a survey-response document, keys in
// sorted order, without reflection (the widget posts this).
func (r *Response) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.BeginObject()
	w.OptString("$schema", r.Schema)
	w.StringField("survey", r.Survey)
	w.OptString("version", r.Version)
	w.Key("answers")
	w.BeginObject()
	for _, id := range sortedKeys(r.Answers, true) {
		a := r.Answers[id]
		if a.kind == InvalidAnswer || a.what != "" {
			return nil, errors.New("survey: cannot encode an answer that was " + a.describe())
		}
		w.Key(string(id))
		switch a.kind {
		case NumberAnswer:
			w.Float(a.num)
		case TextAnswer:
			w.String(a.text)
		case ListAnswer:
			w.BeginArray()
			for _, v := range a.list {
				w.String(v)
			}
			w.EndArray()
		default:
			w.Null()
		}
	}
	w.EndObject()
	if len(r.Other) > 0 {
		w.Key("other")
		w.BeginObject()
		for _, id := range sortedKeys(r.Other, true) {
			w.StringField(string(id), r.Other[id])
		}
		w.EndObject()
	}
	w.EndObject()
	return w.Bytes(), nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
