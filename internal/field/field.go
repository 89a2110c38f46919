// Package field holds the located error that every spfkit validator returns:
// a JSON Pointer to the offending value, a stable code and a message.
package field

import (
	"cmp"
	"errors"
	"slices"

	"github.com/hashicorp/go-multierror"

	"github.com/spfkit/spfkit/internal/problem"
)

// Error is one problem found in a document: a JSON Pointer, a stable code,
// a message and a hint. It is defined in internal/problem so that code
// shared with the WebAssembly widgets can report problems without this
// package's multierror.
type Error = problem.Error

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
	var pl problem.List
	if errors.As(err, &pl) {
		return pl
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
func ComparePaths(a, b string) int { return problem.ComparePaths(a, b) }
