package jsonlite

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// Writer builds JSON by hand, byte for byte as encoding/json writes it
// (with json.Encoder's SetIndent and SetEscapeHTML), so encoders need no
// reflection. The zero Writer writes compact JSON without escaping HTML;
// call Bytes when done.
type Writer struct {
	// Indent is one level of indentation; "" writes compact JSON.
	Indent string
	// EscapeHTML escapes <, > and & in strings, as json.Marshal does.
	EscapeHTML bool

	b     []byte
	depth int
	first []bool // per open container: no member written yet
	keyed bool   // a key was just written; its value follows on its line
}

// Reset empties the Writer and makes it append to b, whose memory it
// reuses.
func (w *Writer) Reset(b []byte) {
	*w = Writer{Indent: w.Indent, EscapeHTML: w.EscapeHTML, b: b, first: w.first[:0]}
}

// Bytes returns the JSON written so far.
func (w *Writer) Bytes() []byte { return w.b }

// WriteTo writes the JSON written so far, with a final newline, as
// json.Encoder.Encode ends a document.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	n, err := out.Write(append(w.b, '\n'))
	return int64(n), err
}

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
		for range w.depth {
			w.b = append(w.b, w.Indent...)
		}
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

// BeginObject opens an object.
func (w *Writer) BeginObject() { w.open('{') }

// EndObject closes an object.
func (w *Writer) EndObject() { w.close('}') }

// BeginArray opens a list.
func (w *Writer) BeginArray() { w.open('[') }

// EndArray closes a list.
func (w *Writer) EndArray() { w.close(']') }

// Key writes an object member's name; the next value written is its
// value.
func (w *Writer) Key(k string) {
	w.sep()
	w.b = appendQuoted(w.b, k, w.EscapeHTML)
	w.b = append(w.b, ':')
	if w.Indent != "" {
		w.b = append(w.b, ' ')
	}
	w.keyed = true
}

// String writes a string.
func (w *Writer) String(s string) { w.sep(); w.b = appendQuoted(w.b, s, w.EscapeHTML) }

// Int writes a whole number.
func (w *Writer) Int(n int) { w.sep(); w.b = strconv.AppendInt(w.b, int64(n), 10) }

// Float writes a number as encoding/json does: the shortest decimal that
// reads back as f, with an exponent only for very large or small
// numbers. NaN and infinities, which JSON lacks, are written as null.
func (w *Writer) Float(f float64) { w.sep(); w.b = AppendFloat(w.b, f) }

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

// AppendFloat appends f as encoding/json writes a float64.
func AppendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(b, int64(f), 10) // what 'f' gives, sooner
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string, escaping as encoding/json
// does: quotes, backslashes and control characters always, U+2028 and
// U+2029 always (JavaScript cannot hold them in a string literal), <, >
// and & when html is set, and invalid UTF-8 as U+FFFD.
func appendQuoted(b []byte, s string, html bool) []byte {
	b = append(b, '"')
	start := 0
	if out, ok := appendPlainQuoted(b, s, html); ok {
		return out
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends the escape of an ASCII byte a JSON string cannot
// hold as it is.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// quote writes s as a JSON string, for messages.

// AppendString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping on.
func AppendString(b []byte, s string) []byte { return appendQuoted(b, s, true) }

// SortStrings sorts strings in place, as encoding/json orders map keys.
// It is written out (an insertion sort for the few keys documents
// usually have, a heapsort beyond) because package sort's generic code
// would weigh on the widgets.
func SortStrings(s []string) {
	if len(s) <= 12 {
		for i := 1; i < len(s); i++ {
			for j := i; j > 0 && s[j] < s[j-1]; j-- {
				s[j], s[j-1] = s[j-1], s[j]
			}
		}
		return
	}
	down := func(i, n int) {
		for {
			c := 2*i + 1
			if c >= n {
				return
			}
			if c+1 < n && s[c] < s[c+1] {
				c++
			}
			if s[i] >= s[c] {
				return
			}
			s[i], s[c] = s[c], s[i]
			i = c
		}
	}
	for i := len(s)/2 - 1; i >= 0; i-- {
		down(i, len(s))
	}
	for n := len(s) - 1; n > 0; n-- {
		s[0], s[n] = s[n], s[0]
		down(0, n)
	}
}

// Field helpers write a key and a value, skipping empty values when the
// name says so; hand-written encoders (SurveyJS forms, widget drafts) use
// them.

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
