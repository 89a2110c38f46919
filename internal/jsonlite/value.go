package jsonlite

import (
	"iter"
	"strconv"
	"unicode/utf8"

	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// Root is the document's value.
func (d *Doc) Root() Value { return Value{d, 0} }

// Data is the input the document was parsed from.
func (d *Doc) Data() []byte { return d.data }

// Values is the number of values and keys on the tape.
func (d *Doc) Values() int { return len(d.nodes) }

// Value is one value of a Doc: a small handle, cheap to copy. The zero
// Value is not a value of any document.
type Value struct {
	doc *Doc
	i   uint32
}

func (v Value) n() *node { return &v.doc.nodes[v.i] }

// Doc is the document the value belongs to.
func (v Value) Doc() *Doc { return v.doc }

// Kind is the value's JSON type.
func (v Value) Kind() Kind { return v.n().kind }

// Offset is the byte offset of the value's first character in the input.
func (v Value) Offset() int { return int(v.n().off) }

// Raw is the value's text as written.
func (v Value) Raw() []byte {
	n := v.n()
	return v.doc.data[n.off:n.end]
}

// Bool is a boolean's value.
func (v Value) Bool() bool { return v.n().kind == Bool && v.doc.data[v.n().off] == 't' }

// Str is a string's value, unescaped; "" for any other kind.
func (v Value) Str() string {
	n := v.n()
	if n.kind != String && n.kind != key {
		return ""
	}
	if !n.esc {
		return string(v.doc.data[n.off+1 : n.end-1])
	}
	s, _, _ := ScanString(v.doc.data, int(n.off), nil)
	return s
}

// Float is a number's value, and false for another kind or a number
// outside float64's range.
func (v Value) Float() (float64, bool) {
	if v.n().kind != Number {
		return 0, false
	}
	raw := v.Raw()
	if len(raw) == 1 { // the small whole numbers of likert answers
		return float64(raw[0] - '0'), true
	}
	return ParseNumber(string(raw))
}

// Int is a number's value when it is a whole number written without a
// fraction or exponent, as a count or a year is.
func (v Value) Int() (int, bool) {
	if v.n().kind != Number {
		return 0, false
	}
	return Atoi(string(v.Raw()))
}

// Len is the number of members of an object or elements of a list, and 0
// for any other kind.
func (v Value) Len() int {
	n := v.n()
	count := 0
	switch n.kind {
	case Object:
		for k := v.i + 1; k < n.next; k = v.doc.nodes[k+1].next {
			count++
		}
	case Array:
		for e := v.i + 1; e < n.next; e = v.doc.nodes[e].next {
			count++
		}
	}
	return count
}

// Key is the name of an object member.
type Key struct {
	doc *Doc
	i   uint32
}

// Bytes is the name, unescaped. For a name written without escapes it is
// the input itself, so comparing it (string(k.Bytes()) == "id", or a
// switch on it) allocates nothing; the caller must not change it.
func (k Key) Bytes() []byte {
	n := &k.doc.nodes[k.i]
	if !n.esc {
		return k.doc.data[n.off+1 : n.end-1]
	}
	b, _, _ := appendString(nil, k.doc.data, int(n.off), nil)
	return b
}

// String is the name, unescaped.
func (k Key) String() string { return string(k.Bytes()) }

// Value is the member's value.
func (k Key) Value() Value { return Value{k.doc, k.i + 1} }

// Members yields the name and value of each member of an object, in
// document order; nothing for any other kind.
func (v Value) Members() iter.Seq2[Key, Value] {
	return func(yield func(Key, Value) bool) {
		n := v.n()
		if n.kind != Object {
			return
		}
		for k := v.i + 1; k < n.next; k = v.doc.nodes[k+1].next {
			if !yield(Key{v.doc, k}, Value{v.doc, k + 1}) {
				return
			}
		}
	}
}

// Elements yields the index and value of each element of a list, in
// order; nothing for any other kind.
func (v Value) Elements() iter.Seq2[int, Value] {
	return func(yield func(int, Value) bool) {
		n := v.n()
		if n.kind != Array {
			return
		}
		i := 0
		for e := v.i + 1; e < n.next; e = v.doc.nodes[e].next {
			if !yield(i, Value{v.doc, e}) {
				return
			}
			i++
		}
	}
}

// Get returns the value of the member with the given name.
func (v Value) Get(name string) (Value, bool) {
	for k, m := range v.Members() {
		if string(k.Bytes()) == name {
			return m, true
		}
	}
	return Value{}, false
}

// Pointer is the value's JSON Pointer within its document.
func (v Value) Pointer() string { return v.doc.pointer(v.i) }

// Position is the value's line and column in its file (see
// Options.FirstLine), the column counted in characters from 1.
func (v Value) Position() (line, col int) { return v.doc.position(int(v.n().off)) }

// pointer walks from the root to node i, naming each step.
func (d *Doc) pointer(i uint32) string {
	var b []byte
	cur := uint32(0)
	for cur != i && cur < uint32(len(d.nodes)) {
		n := d.nodes[cur]
		switch n.kind {
		case Object:
			k := cur + 1
			for ; k < n.next; k = d.nodes[k+1].next {
				if i == k || i >= k+1 && i < d.nodes[k+1].next {
					break
				}
			}
			if k >= n.next {
				return string(b)
			}
			b = append(b, '/')
			b = append(b, jsonptr.Escape(Key{d, k}.String())...)
			cur = k + 1
			if i == k { // a key stands for its member
				return string(b)
			}
		case Array:
			idx := 0
			e := cur + 1
			for ; e < n.next && d.nodes[e].next <= i; e = d.nodes[e].next {
				idx++
			}
			if e >= n.next {
				return string(b)
			}
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(idx), 10)
			cur = e
		default:
			return string(b)
		}
	}
	return string(b)
}

// Find returns the value a JSON Pointer names, or, when the document has
// no such value (a required member that is missing, say), its nearest
// ancestor that exists.
func (d *Doc) Find(pointer string) Value {
	cur := d.Root()
	for _, tok := range jsonptr.Split(pointer) {
		next, ok := Value{}, false
		switch cur.Kind() {
		case Object:
			next, ok = cur.Get(tok)
		case Array:
			if i, isIndex := Atoi(tok); isIndex {
				for j, e := range cur.Elements() {
					if j == i {
						next, ok = e, true
						break
					}
				}
			}
		}
		if !ok {
			return cur
		}
		cur = next
	}
	return cur
}

// Problem returns a problem at a JSON Pointer in the document, placed on
// the line and column of the value it names (or its nearest ancestor).
func (d *Doc) Problem(pointer, code, message string) *problem.Error {
	e := problem.New(pointer, code, message)
	e.Line, e.Column = d.Find(pointer).Position()
	return e
}

// problemAt is a problem located at node i.
func (d *Doc) problemAt(i uint32, code, message string) *problem.Error {
	v := Value{d, i}
	e := problem.New(v.Pointer(), code, message)
	e.Line, e.Column = v.Position()
	return e
}

// position turns a byte offset into a line and a column counted in
// characters, both from 1.
func (d *Doc) position(off int) (line, col int) {
	off = min(max(off, 0), len(d.data))
	if len(d.lines) == 0 {
		d.lines = append(d.lines, 0) // line 1 starts at 0
		for i, c := range d.data {
			if c == '\n' {
				d.lines = append(d.lines, uint32(i+1))
			}
		}
	}
	// The last line start at or before off, by binary search.
	lo, hi := 0, len(d.lines)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(d.lines[mid]) <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	l := lo - 1
	start := int(d.lines[l])
	return d.firstLine + l, utf8.RuneCount(d.data[start:off]) + 1
}

// Text is a string's value, unescaped, as bytes: for a string written
// without escapes it is the input itself, so reading it allocates
// nothing; the caller must not change it. It is nil for any other kind.
func (v Value) Text() []byte {
	n := v.n()
	if n.kind != String {
		return nil
	}
	if !n.esc {
		return v.doc.data[n.off+1 : n.end-1]
	}
	b, _, _ := appendString(nil, v.doc.data, int(n.off), nil)
	return b
}

// Position turns a byte offset of data into a line and a column counted
// in characters, both from 1, for problems found outside a parsed
// document (between the elements of an array, say).
func Position(data []byte, off int) (line, col int) {
	d := Doc{data: data, firstLine: 1}
	return d.position(off)
}

// SkipSpace returns the offset of the first byte at or after pos that is
// not JSON white space.
func SkipSpace(data []byte, pos int) int {
	for pos < len(data) {
		switch data[pos] {
		case ' ', '\t', '\n', '\r':
			pos++
		default:
			return pos
		}
	}
	return pos
}
