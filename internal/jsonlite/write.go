package jsonlite

import "strings"

// Writer builds indented JSON by hand, so encoders need no reflection.
// The zero Writer is ready; call Bytes when done.
type Writer struct {
	b      []byte
	depth  int
	first  []bool // per open container: no member written yet
	keyed  bool   // a key was just written; the value follows on its line
	Indent string // "" for compact output
}

// Bytes returns the JSON written so far.
func (w *Writer) Bytes() []byte { return w.b }

func (w *Writer) sep() {
	if w.keyed {
		w.keyed = false
		return
	}
	if n := len(w.first); n > 0 {
		if !w.first[n-1] {
			w.b = append(w.b, ',')
		}
		w.first[n-1] = false
		w.newline()
	}
}

func (w *Writer) newline() {
	if w.Indent != "" {
		w.b = append(w.b, '\n')
		w.b = append(w.b, strings.Repeat(w.Indent, w.depth)...)
	}
}

func (w *Writer) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.depth++
	w.first = append(w.first, true)
}

func (w *Writer) close(c byte) {
	w.depth--
	empty := w.first[len(w.first)-1]
	w.first = w.first[:len(w.first)-1]
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

// BeginObject, EndObject, BeginArray and EndArray write containers.
func (w *Writer) BeginObject() { w.open('{') }

// EndObject closes an object.
func (w *Writer) EndObject() { w.close('}') }

// BeginArray opens a list.
func (w *Writer) BeginArray() { w.open('[') }

// EndArray closes a list.
func (w *Writer) EndArray() { w.close(']') }

// Key writes an object key; the next value written is its value.
func (w *Writer) Key(k string) {
	w.sep()
	w.b = AppendString(w.b, k)
	w.b = append(w.b, ':')
	if w.Indent != "" {
		w.b = append(w.b, ' ')
	}
	w.keyed = true
}

// String writes a string value.
func (w *Writer) String(s string) { w.sep(); w.b = AppendString(w.b, s) }

// Int writes a whole number.
func (w *Writer) Int(n int) { w.sep(); w.b = appendInt(w.b, int64(n)) }

// Float writes a number in its shortest exact form.
func (w *Writer) Float(f float64) { w.sep(); w.b = AppendNumber(w.b, f) }

// Bool writes true or false.
func (w *Writer) Bool(v bool) {
	w.sep()
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

// Null writes null.
func (w *Writer) Null() { w.sep(); w.b = append(w.b, "null"...) }

// Field helpers write a key and a value, skipping empty values when the
// name says so.

// StringField writes key and s.
func (w *Writer) StringField(key, s string) { w.Key(key); w.String(s) }

// OptString writes key and s unless s is empty.
func (w *Writer) OptString(key, s string) {
	if s != "" {
		w.StringField(key, s)
	}
}

// OptBool writes key and true when v is set.
func (w *Writer) OptBool(key string, v bool) {
	if v {
		w.Key(key)
		w.Bool(true)
	}
}

// OptInt writes key and n unless n is zero.
func (w *Writer) OptInt(key string, n int) {
	if n != 0 {
		w.Key(key)
		w.Int(n)
	}
}

// AppendString appends s as a JSON string, escaping what JSON requires
// and <, > and & so the text is safe inside HTML.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
