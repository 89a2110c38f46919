package survey

import (
	"errors"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// DecodeResponse decodes one survey-response document. It is a small
// hand-written decoder rather than encoding/json: it is the hot path of
// scoring a million responses, it keeps the WebAssembly widget small, and
// it locates every problem.
//
// Malformed JSON is a *DecodeError with the byte offset. A well-formed
// document with the wrong shape (an unknown top-level field, a repeated
// answer, "other" text that is not a string) gives the Response decoded so
// far and its problems; answers of a JSON type no question accepts are
// kept as InvalidAnswer for Validate to report against the question.
func DecodeResponse(data []byte) (*Response, []*problem.Error, error) {
	r := &Response{}
	probs, err := decodeResponseInto(data, r)
	if err != nil {
		return nil, nil, err
	}
	return r, probs, nil
}

// DecodeResponseInto is DecodeResponse into an existing Response, reusing
// its maps: the scorer decodes millions of responses this way.
func DecodeResponseInto(data []byte, r *Response) ([]*problem.Error, error) {
	return decodeResponseInto(data, r)
}

func decodeResponseInto(data []byte, r *Response) ([]*problem.Error, error) {
	if r.Answers == nil {
		r.Answers = make(map[QuestionID]Answer, 8)
	} else {
		clear(r.Answers)
	}
	clear(r.Other)
	r.Survey, r.Version, r.Schema = "", "", ""
	s := scanner{data: data}
	var probs []*problem.Error
	add := func(path, code, msg, hint string) {
		probs = append(probs, &problem.Error{Pointer: path, Code: code, Message: msg, Hint: hint})
	}
	s.skipSpace()
	if s.pos < len(data) && data[s.pos] != '{' {
		return nil, s.errorf("a response must be a JSON object")
	}
	var seen uint8 // a bit for each known field
	err := s.object(func(key string) error {
		if bit := topField(key); bit != 0 {
			if seen&bit != 0 {
				add(jsonptr.Join("", key), CodeDuplicateKey, "field "+quote(key)+" appears twice", "keep one")
			}
			seen |= bit
		}
		switch key {
		case "survey", "version", "$schema":
			v, err := s.answer()
			if err != nil {
				return err
			}
			if v.kind != TextAnswer {
				add("/"+key, CodeWrongType, key+" must be text, not "+v.describe(), "")
			} else {
				switch key {
				case "survey":
					r.Survey = v.text
				case "version":
					r.Version = v.text
				default:
					r.Schema = v.text
				}
			}
		case "answers":
			if !s.peek('{') {
				v, err := s.answer()
				if err != nil {
					return err
				}
				if v.kind != NoAnswer {
					add("/answers", CodeWrongType, "answers must be an object keyed by question id, not "+v.describe(), "")
				}
				return nil
			}
			return s.object(func(q string) error {
				v, err := s.answer()
				if err != nil {
					return err
				}
				if _, dup := r.Answers[QuestionID(q)]; dup {
					add(jsonptr.Join("/answers", q), CodeDuplicateKey, "question "+quote(q)+" is answered twice", "keep one answer")
				}
				r.Answers[QuestionID(q)] = v
				return nil
			})
		case "other":
			if !s.peek('{') {
				v, err := s.answer()
				if err != nil {
					return err
				}
				if v.kind != NoAnswer {
					add("/other", CodeWrongType, "other must be an object keyed by question id, not "+v.describe(), "")
				}
				return nil
			}
			return s.object(func(q string) error {
				at := jsonptr.Join("/other", q)
				v, err := s.answer()
				if err != nil {
					return err
				}
				switch v.kind {
				case NoAnswer:
					return nil
				case TextAnswer:
				default:
					add(at, CodeWrongType, "the specify text must be text, not "+v.describe(), "")
					return nil
				}
				if r.Other == nil {
					r.Other = make(map[QuestionID]string, 1)
				}
				if _, dup := r.Other[QuestionID(q)]; dup {
					add(at, CodeDuplicateKey, "question "+quote(q)+" has two specify texts", "keep one")
				}
				r.Other[QuestionID(q)] = v.text
				return nil
			})
		default:
			if err := s.skipValue(0); err != nil {
				return err
			}
			add(jsonptr.Join("", key), CodeUnknownField, "unknown field "+quote(key), "a response has only $schema, survey, version, answers and other")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.skipSpace()
	if s.pos != len(data) {
		return nil, s.errorf("unexpected data after the end of the response")
	}
	if seen&topField("survey") == 0 {
		add("", CodeMissingField, "the response does not say which survey it answers", "add \"survey\" with the survey's id")
	}
	if seen&topField("answers") == 0 {
		add("", CodeMissingField, "the response has no answers object", "add \"answers\": {} keyed by question id")
	}
	return probs, nil
}

// topField numbers the fields a response may have, as bits.
func topField(key string) uint8 {
	switch key {
	case "$schema":
		return 1
	case "survey":
		return 2
	case "version":
		return 4
	case "answers":
		return 8
	case "other":
		return 16
	}
	return 0
}

// describe names an answer's JSON type for messages.
func (a Answer) describe() string {
	switch a.kind {
	case NumberAnswer:
		return "a number"
	case TextAnswer:
		return "text"
	case ListAnswer:
		return "a list"
	case InvalidAnswer:
		return a.what
	}
	return "null"
}

// maxNesting bounds how deep skipValue follows nested arrays and objects.
const maxNesting = 64

type scanner struct {
	data []byte
	pos  int
	buf  []byte
}

func (s *scanner) errorf(msg string) error {
	return &DecodeError{Offset: int64(s.pos), Err: errors.New(msg)}
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) peek(c byte) bool {
	s.skipSpace()
	return s.pos < len(s.data) && s.data[s.pos] == c
}

// object reads an object, calling member with each key while the scanner
// sits at the start of that key's value.
func (s *scanner) object(member func(key string) error) error {
	s.skipSpace()
	if s.pos >= len(s.data) || s.data[s.pos] != '{' {
		return s.errorf("expected an object")
	}
	s.pos++
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return nil
	}
	for {
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return s.errorf("expected a field name in double quotes")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return s.errorf("expected ':' after a field name")
		}
		s.pos++
		s.skipSpace()
		if err := member(key); err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.data) {
			return s.errorf("the object is not closed")
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.errorf("expected ',' or '}' in an object")
		}
	}
}

// answer reads one value as an Answer. Objects and booleans are skipped
// and recorded as InvalidAnswer so the validator can report them.
func (s *scanner) answer() (Answer, error) {
	s.skipSpace()
	if s.pos >= len(s.data) {
		return Answer{}, s.errorf("expected a value")
	}
	switch c := s.data[s.pos]; {
	case c == '"':
		t, err := s.str()
		return Answer{kind: TextAnswer, text: t}, err
	case c == '-' || c >= '0' && c <= '9':
		f, err := s.number()
		return Answer{kind: NumberAnswer, num: f}, err
	case c == 'n':
		return Answer{}, s.literal("null")
	case c == 't':
		return Answer{kind: InvalidAnswer, what: "true"}, s.literal("true")
	case c == 'f':
		return Answer{kind: InvalidAnswer, what: "false"}, s.literal("false")
	case c == '{':
		return Answer{kind: InvalidAnswer, what: "an object"}, s.skipValue(0)
	case c == '[':
		s.pos++
		a := Answer{kind: ListAnswer, list: []string{}}
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return a, nil
		}
		for {
			s.skipSpace()
			if s.pos < len(s.data) && s.data[s.pos] == '"' {
				t, err := s.str()
				if err != nil {
					return a, err
				}
				a.list = append(a.list, t)
			} else {
				start := s.pos
				if err := s.skipValue(1); err != nil {
					return a, err
				}
				if a.what == "" {
					a.what = "a list holding " + string(s.data[start:min(s.pos, start+20)])
				}
			}
			s.skipSpace()
			if s.pos >= len(s.data) {
				return a, s.errorf("the list is not closed")
			}
			switch s.data[s.pos] {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return a, nil
			default:
				return a, s.errorf("expected ',' or ']' in a list")
			}
		}
	}
	return Answer{}, s.errorf("expected a JSON value")
}

func (s *scanner) literal(word string) error {
	if len(s.data)-s.pos < len(word) || string(s.data[s.pos:s.pos+len(word)]) != word {
		return s.errorf("expected a JSON value")
	}
	s.pos += len(word)
	return nil
}

// number reads a JSON number exactly as the grammar allows.
func (s *scanner) number() (float64, error) {
	start := s.pos
	end, err := jsonlite.ScanNumber(s.data, s.pos)
	s.pos = end
	if err != nil {
		return 0, s.errorf(err.(*jsonlite.SyntaxError).Msg)
	}
	// Fast path for the small whole numbers likert answers are.
	if end-start == 1 {
		return float64(s.data[start] - '0'), nil
	}
	f, ok := jsonlite.ParseNumber(string(s.data[start:end]))
	if !ok {
		// Only range errors reach here; the grammar was checked above.
		s.pos = start
		return 0, s.errorf("the number is out of range")
	}
	return f, nil
}

// str reads a string, unescaping it and checking that it is UTF-8.
func (s *scanner) str() (string, error) {
	t, end, err := jsonlite.ScanString(s.data, s.pos, &s.buf)
	s.pos = end
	if err != nil {
		return "", s.errorf(err.(*jsonlite.SyntaxError).Msg)
	}
	return t, nil
}

// skipValue checks and skips any JSON value.
func (s *scanner) skipValue(depth int) error {
	if depth > maxNesting {
		return s.errorf("the value is nested too deeply")
	}
	s.skipSpace()
	if s.pos >= len(s.data) {
		return s.errorf("expected a value")
	}
	switch c := s.data[s.pos]; {
	case c == '{':
		return s.object(func(string) error { return s.skipValue(depth + 1) })
	case c == '[':
		s.pos++
		s.skipSpace()
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			return nil
		}
		for {
			if err := s.skipValue(depth + 1); err != nil {
				return err
			}
			s.skipSpace()
			if s.pos >= len(s.data) {
				return s.errorf("the list is not closed")
			}
			switch s.data[s.pos] {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return nil
			default:
				return s.errorf("expected ',' or ']' in a list")
			}
		}
	case c == '"':
		_, err := s.str()
		return err
	case c == '-' || c >= '0' && c <= '9':
		_, err := s.number()
		return err
	case c == 'n':
		return s.literal("null")
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	}
	return s.errorf("expected a JSON value")
}
