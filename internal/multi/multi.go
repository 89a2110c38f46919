package multi

import (
	"github.com/hashicorp/go-multierror"

	"github.com/spfkit/spfkit/problem"
)

// List collects problems in the order they are found.
type List struct {
	errs []*problem.Error
}

// Add records a problem at a JSON Pointer and returns it, so a hint can be
// set.
func (l *List) Add(pointer, code, message string) *problem.Error {
	e := problem.New(pointer, code, message)
	l.errs = append(l.errs, e)
	return e
}

// Append records problems found elsewhere.
func (l *List) Append(errs ...*problem.Error) { l.errs = append(l.errs, errs...) }

// Len is the number of problems recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns nil when nothing was recorded, or the problems sorted with
// problem.Sort in a *multierror.Error.
func (l *List) Err() error { return Join(l.errs) }

// Join returns nil for no problems, or the problems sorted with
// problem.Sort in a *multierror.Error. It does not change errs.
func Join(errs []*problem.Error) error {
	if len(errs) == 0 {
		return nil
	}
	sorted := make([]*problem.Error, len(errs))
	copy(sorted, errs)
	problem.Sort(sorted)
	return Ordered(sorted)
}

// Ordered returns nil for no problems, or the problems in the order given
// in a *multierror.Error: for a list already sorted and capped.
func Ordered(errs []*problem.Error) error {
	var m *multierror.Error
	for _, e := range errs {
		m = multierror.Append(m, e)
	}
	return m.ErrorOrNil()
}
