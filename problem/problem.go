package problem

import (
	"errors"
	"strconv"
)

// Error is one problem found in a document, as `spfkit validate --format
// json` prints it: where it is and what is wrong. Only Code and Message are
// always set: a problem found in a Go value has a Pointer but no Line, and
// one found by a checker of files has them all.
type Error struct {
	// The file that was checked, as named on the command line; "-" is standard input.
	File string `json:"file"`
	// The 1-based line of the file where the problem is, or 0 when it concerns the whole file.
	Line int `json:"line" jsonschema:"minimum=0"`
	// Column is the 1-based column of the problem on its line, counted in
	// characters, or 0 when only the line is known. It is not part of the
	// validation-problem document, whose schema is published as it stands.
	Column int `json:"-"`
	// The JSON Pointer of the offending value within its document (for NDJSON, within the record on that line).
	Pointer string `json:"pointer"`
	// The kind of document the file was checked as, when known.
	Kind string `json:"kind,omitempty"`
	// A stable name for the rule that failed: a JSON Schema keyword, a directory rule code, or an input code such as "syntax".
	Code string `json:"code" jsonschema:"minLength=1"`
	// What is wrong, in one line.
	Message string `json:"message" jsonschema:"minLength=1"`
	// What to do about it, when there is advice.
	Hint string `json:"hint,omitempty"`
	// SchemaLocation is, for a problem a JSON Schema found, the absolute
	// location of the keyword that failed. It is not part of the
	// validation-problem document.
	SchemaLocation string `json:"-"`
}

// New returns a problem at a JSON Pointer.
func New(pointer, code, message string) *Error {
	return &Error{Pointer: pointer, Code: code, Message: message}
}

// Error returns the problem on one line: where it is, as far as that is
// known ("file:line:column: /pointer: "), then the message. The hint is
// left out.
func (e *Error) Error() string {
	b := make([]byte, 0, 64)
	switch {
	case e.File != "":
		b = append(b, e.File...)
		if e.Line > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(e.Line), 10)
			if e.Column > 0 {
				b = append(b, ':')
				b = strconv.AppendInt(b, int64(e.Column), 10)
			}
		}
		b = append(b, ": "...)
	case e.Line > 0:
		b = append(b, "line "...)
		b = strconv.AppendInt(b, int64(e.Line), 10)
		if e.Column > 0 {
			b = append(b, ", column "...)
			b = strconv.AppendInt(b, int64(e.Column), 10)
		}
		b = append(b, ": "...)
	}
	if e.Pointer != "" {
		b = append(b, e.Pointer...)
		b = append(b, ": "...)
	}
	return string(append(b, e.Message...))
}

// List is several problems found together, in the order Sort gives. It is
// the error the packages the widgets compile return; see the package
// documentation.
type List []*Error

// Error lists the problems, one per line after a count.
func (l List) Error() string {
	if len(l) == 1 {
		return l[0].Error()
	}
	s := strconv.Itoa(len(l)) + " problems:"
	for _, e := range l {
		s += "\n\t* " + e.Error()
	}
	return s
}

// Unwrap returns the problems, so errors.As finds each one.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Join returns nil for no problems, or the problems sorted (see Sort) as a
// List.
func Join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	l := make(List, len(errs))
	copy(l, errs)
	Sort(l)
	return l
}

// All returns the problems an error holds: the error itself when it is an
// *Error, or the problems of a List, a *multierror.Error, an errors.Join or
// any error wrapping one of them, in their order. It returns nil when err
// holds no problem.
func All(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *Error:
			out = append(out, e)
		case List:
			out = append(out, e...)
		case interface{ WrappedErrors() []error }: // *multierror.Error
			for _, w := range e.WrappedErrors() {
				walk(w)
			}
		case interface{ Unwrap() []error }:
			for _, w := range e.Unwrap() {
				walk(w)
			}
		default:
			walk(errors.Unwrap(err))
		}
	}
	walk(err)
	return out
}

// Sort orders problems by line, then by JSON Pointer (token by token,
// array indexes by number, so /a/2 comes before /a/10), then by code. The
// sort is stable and needs no generic sorting, which the widgets would
// pay for.
func Sort(errs []*Error) {
	for i := 1; i < len(errs); i++ {
		for j := i; j > 0 && less(errs[j], errs[j-1]); j-- {
			errs[j], errs[j-1] = errs[j-1], errs[j]
		}
	}
}

func less(a, b *Error) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if c := ComparePointers(a.Pointer, b.Pointer); c != 0 {
		return c < 0
	}
	return a.Code < b.Code
}

// ComparePointers orders JSON Pointers token by token, with array indexes
// in numeric order, so "/a/2" sorts before "/a/10" and a pointer before
// the pointers below it. It returns -1, 0 or +1.
func ComparePointers(a, b string) int {
	for a != "" && b != "" {
		ta, ra := next(a)
		tb, rb := next(b)
		if c := compareToken(ta, tb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

func next(p string) (tok, rest string) {
	p = p[1:]
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			return p[:i], p[i:]
		}
	}
	return p, ""
}

func compareToken(a, b string) int {
	na, oka := index(a)
	nb, okb := index(b)
	switch {
	case oka && okb && na != nb:
		if na < nb {
			return -1
		}
		return 1
	case oka && !okb:
		return -1
	case okb && !oka:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func index(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Quote returns s in double quotes, as a message shows a value, with
// quotes, backslashes and control characters escaped as JSON escapes
// them, so that what a message quotes cannot break it. Every package's
// messages quote with it.
func Quote(s string) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}
