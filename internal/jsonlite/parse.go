package jsonlite

import (
	"strconv"
	"unicode/utf8"

	"github.com/spfkit/spfkit/problem"
)

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
	key // an object member's name, before its value on the tape
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
	case String, key:
		return "a string"
	case Array:
		return "a list"
	}
	return "an object"
}

// DefaultMaxDepth is how deeply arrays and objects may nest unless Options
// says otherwise. The deepest spfkit document nests about eight levels.
const DefaultMaxDepth = 64

// The codes of the problems Parse reports.
const (
	CodeEmpty        = "empty"
	CodeBOM          = "bom"
	CodeEncoding     = "encoding"
	CodeDepth        = "depth"
	CodeSyntax       = "syntax"
	CodeDuplicateKey = "duplicate_key"
	CodeTooMany      = "too_many_values"
	CodeTooLarge     = "too_large"
)

// Options say how Parse reads a document. The zero Options are the
// defaults.
type Options struct {
	// MaxDepth bounds nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxValues bounds the values (and keys) on the tape, so that a
	// document of many tiny values cannot take many times its size in
	// memory; 0 means a quarter of the input's length, plus 64, which
	// no ordinary JSON comes near.
	MaxValues int
	// FirstLine is the line the input starts on in its file, for
	// documents that are records of a larger file; 0 means 1.
	FirstLine int
}

// node is one value (or key) on the tape: 16 bytes.
type node struct {
	kind Kind
	esc  bool // a string or key with escapes, which reading must undo
	_    [2]byte
	off  uint32 // the value's first byte
	end  uint32 // just after its last byte
	next uint32 // the index after the value's subtree on the tape
}

// Doc is a parsed JSON document: the input and a tape of its values in
// document order. It is read through Values; it is not changed after
// Parse.
type Doc struct {
	data      []byte
	nodes     []node
	firstLine int
	lines     []uint32 // offsets of line starts after the first, built on demand
}

// Parser parses documents, reusing its memory from one to the next: a
// reader of many records keeps one Parser per goroutine. The Doc it
// returns is valid until its next Parse.
type Parser struct {
	doc   Doc
	dups  []uint32
	depth int
	max   int
	limit int
	pos   int
	err   *problem.Error
}

// Parse parses one JSON document. Nothing but white space may follow it.
func Parse(data []byte, o Options) (*Doc, error) {
	var p Parser
	return p.Parse(data, o)
}

// Parse parses one JSON document into the Parser's Doc, which stays valid
// until the next call. Nothing but white space may follow it.
func (p *Parser) Parse(data []byte, o Options) (*Doc, error) {
	end, err := p.parse(data, 0, o, true)
	if err != nil {
		return nil, err
	}
	_ = end
	return &p.doc, nil
}

// ParseAt parses the one JSON value that starts at data[pos] (after any
// white space) and returns it with the offset just after it; what follows
// is left for the caller. Positions and pointers are those within data.
func (p *Parser) ParseAt(data []byte, pos int, o Options) (*Doc, int, error) {
	end, err := p.parse(data, pos, o, false)
	if err != nil {
		return nil, end, err
	}
	return &p.doc, end, nil
}

func (p *Parser) parse(data []byte, start int, o Options, whole bool) (int, error) {
	d := &p.doc
	if len(data) != len(d.data) || len(data) > 0 && &data[0] != &d.data[0] {
		d.lines = d.lines[:0] // the line starts of other input
	}
	d.data, d.nodes = data, d.nodes[:0]
	d.firstLine = max(o.FirstLine, 1)
	p.dups, p.err, p.pos = p.dups[:0], nil, start
	p.max = o.MaxDepth
	if p.max <= 0 {
		p.max = DefaultMaxDepth
	}
	p.limit = o.MaxValues
	if p.limit <= 0 {
		p.limit = len(data)/4 + 64
	}
	if start == 0 && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return 0, d.fail(0, CodeBOM, "the file starts with a UTF-8 byte order mark, which JSON does not allow", "save the file as UTF-8 without a byte order mark")
	}
	p.space()
	if p.pos >= len(data) {
		if start == 0 {
			return p.pos, d.fail(p.pos, CodeEmpty, "the document is empty", "the file must hold a JSON document")
		}
		return p.pos, d.fail(p.pos, CodeSyntax, "expected a JSON value", "")
	}
	if !p.value(0) {
		return p.pos, p.err
	}
	end := p.pos
	if whole {
		p.space()
		if p.pos < len(data) {
			return p.pos, d.fail(p.pos, CodeSyntax, "unexpected data after the end of the document", "a file holds one document; use NDJSON for one per line")
		}
	}
	if len(p.dups) > 0 {
		// Objects are checked as they close, inner ones first: put the
		// keys back in document order.
		dups := p.dups
		for i := 1; i < len(dups); i++ {
			for j := i; j > 0 && dups[j] < dups[j-1]; j-- {
				dups[j], dups[j-1] = dups[j-1], dups[j]
			}
		}
		errs := make([]*problem.Error, len(p.dups))
		for i, k := range p.dups {
			name := Key{d, k}.String()
			e := d.problemAt(k, CodeDuplicateKey, "the field "+problem.Quote(name)+" appears twice in one object")
			e.Hint = "keep one of them"
			errs[i] = e
		}
		return end, problem.List(errs) // in document order already
	}
	return end, nil
}

// fail records the first problem at a byte offset and returns it.
func (d *Doc) fail(off int, code, msg, hint string) *problem.Error {
	line, col := d.position(off)
	return &problem.Error{Line: line, Column: col, Code: code, Message: msg, Hint: hint}
}

func (p *Parser) failAt(off int, code, msg, hint string) bool {
	if p.err == nil {
		p.err = p.doc.fail(off, code, msg, hint)
	}
	return false
}

func (p *Parser) syntax(msg string) bool {
	return p.failAt(p.pos, CodeSyntax, msg, "")
}

func (p *Parser) space() {
	data := p.doc.data
	for p.pos < len(data) {
		switch data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// push adds a node for the value starting at the current offset.
func (p *Parser) push(k Kind) (int, bool) {
	d := &p.doc
	if len(d.nodes) >= p.limit {
		return 0, p.failAt(p.pos, CodeTooMany, "the document holds more values than a JSON file of its size could hold ("+strconv.Itoa(p.limit)+")", "check that the file is the right one; no spfkit document is this dense")
	}
	if len(d.nodes) == cap(d.nodes) {
		// Grow by doubling, but never past the limit: the tape of a
		// hostile document stays within its bound.
		n := min(max(2*cap(d.nodes), 64), p.limit)
		grown := make([]node, len(d.nodes), n)
		copy(grown, d.nodes)
		d.nodes = grown
	}
	d.nodes = append(d.nodes, node{kind: k, off: uint32(p.pos)})
	return len(d.nodes) - 1, true
}

func (p *Parser) value(depth int) bool {
	data := p.doc.data
	if p.pos >= len(data) {
		return p.syntax("the document ends too soon: it is truncated or a bracket is not closed")
	}
	switch c := data[p.pos]; {
	case c == '{':
		if depth >= p.max {
			return p.failAt(p.pos, CodeDepth, "arrays and objects nest more than "+strconv.Itoa(p.max)+" deep", "no spfkit document nests this deep; check that the file is the right one")
		}
		i, ok := p.push(Object)
		if !ok {
			return false
		}
		p.pos++
		p.space()
		if p.pos < len(data) && data[p.pos] == '}' {
			p.pos++
			p.close(i)
			return true
		}
		for {
			p.space()
			if p.pos >= len(data) {
				return p.syntax("the object is not closed")
			}
			if data[p.pos] != '"' {
				return p.syntax("expected a field name in double quotes")
			}
			k, ok := p.push(key)
			if !ok || !p.str(k) {
				return false
			}
			p.space()
			if p.pos >= len(data) || data[p.pos] != ':' {
				return p.syntax("expected ':' after a field name")
			}
			p.pos++
			p.space()
			if !p.value(depth + 1) {
				return false
			}
			p.space()
			if p.pos >= len(data) {
				return p.syntax("the object is not closed")
			}
			if data[p.pos] == '}' {
				p.pos++
				p.close(i)
				p.checkKeys(i)
				return true
			}
			if data[p.pos] != ',' {
				return p.syntax("expected ',' or '}' in an object")
			}
			p.pos++
		}
	case c == '[':
		if depth >= p.max {
			return p.failAt(p.pos, CodeDepth, "arrays and objects nest more than "+strconv.Itoa(p.max)+" deep", "no spfkit document nests this deep; check that the file is the right one")
		}
		i, ok := p.push(Array)
		if !ok {
			return false
		}
		p.pos++
		p.space()
		if p.pos < len(data) && data[p.pos] == ']' {
			p.pos++
			p.close(i)
			return true
		}
		for {
			p.space()
			if !p.value(depth + 1) {
				return false
			}
			p.space()
			if p.pos >= len(data) {
				return p.syntax("the list is not closed")
			}
			if data[p.pos] == ']' {
				p.pos++
				p.close(i)
				return true
			}
			if data[p.pos] != ',' {
				return p.syntax("expected ',' or ']' in a list")
			}
			p.pos++
		}
	case c == '"':
		i, ok := p.push(String)
		return ok && p.str(i)
	case c == '-' || c >= '0' && c <= '9':
		i, ok := p.push(Number)
		if !ok {
			return false
		}
		end, err := ScanNumber(data, p.pos)
		if err != nil {
			p.pos = end
			return p.syntax(err.Msg)
		}
		p.pos = end
		p.close(i)
		return true
	case c == 't':
		return p.word(Bool, "true")
	case c == 'f':
		return p.word(Bool, "false")
	case c == 'n':
		return p.word(Null, "null")
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRune(data[p.pos:]); r == utf8.RuneError {
			return p.failAt(p.pos, CodeEncoding, "the text is not UTF-8 here (byte 0x"+strconv.FormatUint(uint64(c), 16)+")", "save the file as UTF-8")
		}
	}
	return p.syntax("expected a JSON value")
}

// close ends the node at index i at the current offset.
func (p *Parser) close(i int) {
	n := &p.doc.nodes[i]
	n.end = uint32(p.pos)
	n.next = uint32(len(p.doc.nodes))
}

func (p *Parser) word(k Kind, w string) bool {
	data := p.doc.data
	if len(data)-p.pos < len(w) || string(data[p.pos:p.pos+len(w)]) != w {
		return p.syntax("expected a JSON value")
	}
	i, ok := p.push(k)
	if !ok {
		return false
	}
	p.pos += len(w)
	p.close(i)
	return true
}

// str checks the string that opens at the current offset, for node i.
func (p *Parser) str(i int) bool {
	end, esc, err := checkString(p.doc.data, p.pos)
	if err != nil {
		p.pos = err.Offset
		code := CodeSyntax
		if err.Msg == msgNotUTF8 {
			code = CodeEncoding
		}
		return p.failAt(p.pos, code, err.Msg, "")
	}
	p.pos = end
	p.close(i)
	p.doc.nodes[i].esc = esc
	return true
}

// checkKeys records the keys of object i that repeat an earlier key.
func (p *Parser) checkKeys(obj int) {
	d := &p.doc
	n := d.nodes[obj]
	// Each key's fingerprint (its raw length and last byte) rules most
	// pairs out without comparing their text: a survey response's
	// answers, q1 to q5, differ in the last byte.
	var (
		small [16]uint32
		fps   [16]uint32
	)
	keys := small[:0]
	for k := uint32(obj) + 1; k < n.next; k = d.nodes[k+1].next {
		if len(keys) < len(fps) {
			kn := &d.nodes[k]
			fps[len(keys)] = (kn.end-kn.off)<<8 | uint32(d.data[kn.end-2])
			if kn.esc {
				fps[len(keys)] = 0 // an escaped key is compared by its text
			}
		}
		keys = append(keys, k)
	}
	if len(keys) < 2 {
		return
	}
	if len(keys) <= len(fps) {
		for a := 1; a < len(keys); a++ {
			for b := 0; b < a; b++ {
				if (fps[a] == fps[b] || fps[a] == 0 || fps[b] == 0) && d.sameKey(keys[a], keys[b]) {
					p.dups = append(p.dups, keys[a])
					break
				}
			}
		}
		return
	}
	seen := make(map[string]struct{}, len(keys))
	for _, k := range keys {
		name := string(Key{d, k}.Bytes())
		if _, ok := seen[name]; ok {
			p.dups = append(p.dups, k)
			continue
		}
		seen[name] = struct{}{}
	}
}

func (d *Doc) sameKey(a, b uint32) bool {
	na, nb := d.nodes[a], d.nodes[b]
	if !na.esc && !nb.esc {
		return string(d.data[na.off+1:na.end-1]) == string(d.data[nb.off+1:nb.end-1])
	}
	return string(Key{d, a}.Bytes()) == string(Key{d, b}.Bytes())
}
