// Package field holds the located error that every spfkit validator returns:
// a JSON Pointer to the offending value, a stable code and a message.
package field

import (
	"cmp"
	"errors"
	"slices"

	"github.com/hashicorp/go-multierror"
)

// Error is one problem found in a document. Path is a JSON Pointer into the
// document ("" is the whole document); Code is a stable, machine-readable
// name for the rule that failed; Message says what is wrong in one line and
// Hint, when set, what to do about it.
type Error struct {
	Path    string `json:"pointer"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// SchemaLocation is set on errors found by a JSON Schema: the absolute
	// location of the keyword that failed.
	SchemaLocation string `json:"schema_location,omitempty"`
}

// Error returns "path: message", or the message alone at the root.
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// List collects problems in the order they are found.
type List struct {
	errs []*Error
}

// Add records a problem.
func (l *List) Add(path, code, message string) *Error {
	e := &Error{Path: path, Code: code, Message: message}
	l.errs = append(l.errs, e)
	return e
}

// Len is the number of problems recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns nil when nothing was recorded, or a *multierror.Error whose
// leaves are *Error values sorted by path (then code), so output is stable.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	sorted := slices.Clone(l.errs)
	slices.SortStableFunc(sorted, func(a, b *Error) int {
		return cmp.Or(ComparePaths(a.Path, b.Path), cmp.Compare(a.Code, b.Code))
	})
	var m *multierror.Error
	for _, e := range sorted {
		m = multierror.Append(m, e)
	}
	return m.ErrorOrNil()
}

// All returns the *Error leaves of err: the error itself, the members of a
// multierror, or nothing when err holds no located problem.
func All(err error) []*Error {
	if err == nil {
		return nil
	}
	var m *multierror.Error
	if errors.As(err, &m) {
		var out []*Error
		for _, e := range m.Errors {
			out = append(out, All(e)...)
		}
		return out
	}
	var fe *Error
	if errors.As(err, &fe) {
		return []*Error{fe}
	}
	return nil
}

// ComparePaths orders JSON Pointers token by token, with array indexes in
// numeric order, so "/a/2" sorts before "/a/10".
func ComparePaths(a, b string) int {
	for a != "" && b != "" {
		ta, ra := next(a)
		tb, rb := next(b)
		if c := compareToken(ta, tb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return cmp.Compare(len(a), len(b))
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
	case oka && okb:
		return cmp.Compare(na, nb)
	case oka:
		return -1
	case okb:
		return 1
	}
	return cmp.Compare(a, b)
}

func index(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
