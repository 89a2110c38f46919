// Package jsonlite parses JSON into a small tree and writes JSON, without
// reflection. It is what the WebAssembly widgets and the packages they
// share (survey, hrod) use to read and write their documents: encoding/json
// would add a quarter of a megabyte of reflection to the browser bundle.
// Every value remembers its byte offset, so decoders built on it report
// problems by JSON Pointer and by line.
package jsonlite

// Kind is a JSON value's type.
type Kind uint8

// The kinds of JSON value.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// Name is the kind as messages name it ("a string", "an object").
func (k Kind) Name() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "true or false"
	case Number:
		return "a number"
	case String:
		return "a string"
	case Array:
		return "a list"
	}
	return "an object"
}

// Value is a parsed JSON value.
type Value struct {
	Kind Kind
	// Off is the byte offset of the value's first character.
	Off  int
	Bool bool
	// Num is a number's value; Raw keeps its text.
	Num float64
	Raw string
	Str string
	Arr []Value
	Obj []Member
}

// Member is one key and value of an object, in document order.
type Member struct {
	Key   string
	Value Value
}

// Get returns the value of the first member with the given key.
func (v Value) Get(key string) (Value, bool) {
	for _, m := range v.Obj {
		if m.Key == key {
			return m.Value, true
		}
	}
	return Value{}, false
}

// SyntaxError is malformed JSON at a byte offset.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// MaxDepth bounds nesting: at most this many objects and lists may
// enclose one another (as internal/jsonloc.DefaultMaxDepth).
const MaxDepth = 64

// Parse parses one JSON document: strings must be UTF-8, and nothing but
// white space may follow the value.
func Parse(data []byte) (Value, error) {
	p := getParser()
	p.data, p.pos = data, 0
	defer putParser(p)
	p.space()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.pos != len(data) {
		return Value{}, p.fail("unexpected data after the end of the document")
	}
	return v, nil
}

type parser struct {
	data []byte
	pos  int
	// Scratch stacks: an object's members (a list's elements) collect
	// here and are copied into a slice of exactly their number when it
	// closes, instead of growing a slice of their own step by step.
	members []Member
	values  []Value
}

// closeObject moves the members collected since start into v.
func (p *parser) closeObject(v *Value, start int) {
	v.Obj = make([]Member, len(p.members)-start)
	copy(v.Obj, p.members[start:])
	clear(p.members[start:])
	p.members = p.members[:start]
}

// closeArray moves the elements collected since start into v.
func (p *parser) closeArray(v *Value, start int) {
	v.Arr = make([]Value, len(p.values)-start)
	copy(v.Arr, p.values[start:])
	clear(p.values[start:])
	p.values = p.values[:start]
}

func (p *parser) fail(msg string) error { return &SyntaxError{Offset: p.pos, Msg: msg} }

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (Value, error) {
	if p.pos >= len(p.data) {
		return Value{}, p.fail("the document is empty or ends too soon")
	}
	v := Value{Off: p.pos}
	switch c := p.data[p.pos]; {
	case (c == '{' || c == '[') && depth >= MaxDepth:
		return v, p.fail("the document is nested more than 64 levels deep")
	case c == '{':
		v.Kind = Object
		v.Obj = []Member{}
		p.pos++
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		start := len(p.members)
		defer func() {
			if len(p.members) > start { // an error left members behind
				clear(p.members[start:])
				p.members = p.members[:start]
			}
		}()
		for {
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return v, p.fail("expected a field name in double quotes")
			}
			key, err := p.str()
			if err != nil {
				return v, err
			}
			p.space()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return v, p.fail("expected ':' after a field name")
			}
			p.pos++
			p.space()
			mv, err := p.value(depth + 1)
			if err != nil {
				return v, err
			}
			p.members = append(p.members, Member{key, mv})
			p.space()
			if p.pos >= len(p.data) {
				return v, p.fail("the object is not closed")
			}
			if p.data[p.pos] == '}' {
				p.pos++
				p.closeObject(&v, start)
				return v, nil
			}
			if p.data[p.pos] != ',' {
				return v, p.fail("expected ',' or '}' in an object")
			}
			p.pos++
		}
	case c == '[':
		v.Kind = Array
		v.Arr = []Value{}
		p.pos++
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		start := len(p.values)
		defer func() {
			if len(p.values) > start {
				clear(p.values[start:])
				p.values = p.values[:start]
			}
		}()
		for {
			p.space()
			ev, err := p.value(depth + 1)
			if err != nil {
				return v, err
			}
			p.values = append(p.values, ev)
			p.space()
			if p.pos >= len(p.data) {
				return v, p.fail("the list is not closed")
			}
			if p.data[p.pos] == ']' {
				p.pos++
				p.closeArray(&v, start)
				return v, nil
			}
			if p.data[p.pos] != ',' {
				return v, p.fail("expected ',' or ']' in a list")
			}
			p.pos++
		}
	case c == '"':
		v.Kind = String
		s, err := p.str()
		v.Str = s
		return v, err
	case c == '-' || c >= '0' && c <= '9':
		v.Kind = Number
		return v, p.number(&v)
	case c == 't':
		v.Kind, v.Bool = Bool, true
		return v, p.word("true")
	case c == 'f':
		v.Kind = Bool
		return v, p.word("false")
	case c == 'n':
		return v, p.word("null")
	}
	return v, p.fail("expected a JSON value")
}

func (p *parser) word(w string) error {
	if len(p.data)-p.pos < len(w) || string(p.data[p.pos:p.pos+len(w)]) != w {
		return p.fail("expected a JSON value")
	}
	p.pos += len(w)
	return nil
}

func (p *parser) number(v *Value) error {
	start := p.pos
	end, err := ScanNumber(p.data, p.pos)
	p.pos = end
	if err != nil {
		return err
	}
	v.Raw = string(p.data[start:end])
	f, ok := ParseNumber(v.Raw)
	if !ok {
		p.pos = start
		return p.fail("the number is out of range")
	}
	v.Num = f
	return nil
}

func (p *parser) str() (string, error) {
	s, end, err := ScanString(p.data, p.pos, nil)
	p.pos = end
	return s, err
}

// Skip parses the value that starts at data[pos] (after any white space)
// and returns the offset just after it; readers of JSON arrays use it to
// find each element without decoding it.
func Skip(data []byte, pos int) (int, error) {
	p := parser{data: data, pos: pos}
	p.space()
	if _, err := p.value(0); err != nil {
		return p.pos, err
	}
	return p.pos, nil
}

// SkipSpace returns the offset of the first byte at or after pos that is
// not JSON white space.
func SkipSpace(data []byte, pos int) int {
	p := parser{data: data, pos: pos}
	p.space()
	return p.pos
}
