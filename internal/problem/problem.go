// Package problem holds the located error every spfkit validator reports:
// a JSON Pointer, a stable code, a message and a hint. It imports nothing
// heavier than the language itself, so the code the WebAssembly widgets
// share with the library can use it; internal/field builds lists and
// multierrors of it for the host.
package problem

// Error is one problem found in a document. Path is a JSON Pointer to the
// offending value ("" is the whole document); Code is a stable,
// machine-readable name for the rule that failed; Message says what is
// wrong in one line and Hint, when set, what to do about it.
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

// List is every problem found in one document, in path order. It is the
// error the lean validators return (internal/field returns a multierror
// of the same problems on the host).
type List []*Error

// Error lists the problems, one per line after a count.
func (l List) Error() string {
	if len(l) == 1 {
		return l[0].Error()
	}
	s := itoa(len(l)) + " problems:"
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

// Join returns nil for no problems, or the problems as a List sorted by
// path and then code.
func Join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	l := make(List, len(errs))
	copy(l, errs)
	// Insertion sort: lists are short, and sort would cost the widgets.
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && less(l[j], l[j-1]); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
	return l
}

func less(a, b *Error) bool {
	if c := ComparePaths(a.Path, b.Path); c != 0 {
		return c < 0
	}
	return a.Code < b.Code
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
	return len(a) - len(b)
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
		return na - nb
	case oka:
		return -1
	case okb:
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

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
