package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"

	"github.com/hashicorp/go-multierror"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// DefaultMaxErrors is the number of errors a Validator keeps when
// MaxErrors is zero.
const DefaultMaxErrors = 100

// CodeTooMany is the code of the last error when more were found than
// MaxErrors allows; its message says how many were left out.
const CodeTooMany = "too_many_errors"

// Validator checks documents against the embedded schemas. The zero value
// is ready to use and safe for concurrent use.
type Validator struct {
	// MaxErrors caps the errors returned for one document; 0 means
	// DefaultMaxErrors and a negative value means no cap.
	MaxErrors int
}

// Validate checks a decoded document: the result of Decode, or any value
// made of map[string]any, []any, json.Number, float64, string, bool and
// nil. It returns nil when the document is valid, a *multierror.Error of
// *Error sorted by location when it is not, and a plain error when the
// kind is unknown.
func (v Validator) Validate(k Kind, doc any) error {
	set, err := compileAll()
	if err != nil {
		return err
	}
	c, ok := set[k]
	if !ok {
		return fmt.Errorf("schema: unknown kind %q (run `spfkit schema list`)", k)
	}
	// The engine compares numbers exactly, as fractions, and fails on a
	// number too large for that (1e1000000000): such numbers are reported
	// here, and the engine is not asked.
	var errs []*problem.Error
	if unreadableNumbers(doc, "", &errs); len(errs) > 0 {
		return v.result(errs)
	}
	if err := c.check(doc, &errs); err != nil {
		return err
	}
	return v.result(errs)
}

// unreadableNumbers reports each number in doc that cannot be read as an
// exact fraction.
func unreadableNumbers(doc any, at string, out *[]*problem.Error) {
	switch v := doc.(type) {
	case json.Number:
		if _, ok := new(big.Rat).SetString(string(v)); !ok {
			*out = append(*out, &problem.Error{Pointer: at, Code: "number", Message: "the number " + string(v) + " is too large or too small to check", Hint: "write an ordinary number"})
		}
	case []any:
		for i, e := range v {
			unreadableNumbers(e, jsonptr.Join(at, i), out)
		}
	case map[string]any:
		for k, e := range v {
			unreadableNumbers(e, jsonptr.Join(at, k), out)
		}
	}
}

// ValidateJSON validates one JSON document. A document that is not JSON
// gives a *SyntaxError. Valid documents of the built-in kinds are
// recognised by a compiled fast path; any other document is decoded with
// Decode and checked by Validate, which gives the errors.
func (v Validator) ValidateJSON(k Kind, data []byte) error {
	_, err := v.CheckJSON(k, data)
	return err
}

// ErrNoKind is CheckJSON's error for a document that names no kind.
var ErrNoKind = errors.New(`schema: the document does not say what kind it is; name the kind, or add a "$schema" property with the kind's URL`)

// CheckJSON is ValidateJSON for a document whose kind may be unknown: when
// k is "", the document's "$schema" property names it (ErrNoKind when it
// names none). It returns the kind it checked against.
func (v Validator) CheckJSON(k Kind, data []byte) (Kind, error) {
	if tree, err := jsonlite.Parse(data); err == nil {
		if k == "" {
			if s, ok := tree.Get("$schema"); ok && s.Kind == jsonlite.String && tree.Kind == jsonlite.Object {
				k, _ = KindOfURL(s.Str)
			}
		}
		if n := fastFor(k); n != nil && n.check(&tree) == valid {
			return k, nil
		}
	}
	doc, err := Decode(data)
	if err != nil {
		return k, err
	}
	if k == "" {
		var ok bool
		if k, ok = KindOf(doc); !ok {
			return "", ErrNoKind
		}
	}
	return k, v.Validate(k, doc)
}

func (v Validator) result(errs []*problem.Error) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *problem.Error) int { return problem.ComparePointers(a.Pointer, b.Pointer) })
	limit := v.MaxErrors
	if limit == 0 {
		limit = DefaultMaxErrors
	}
	var m *multierror.Error
	for i, e := range errs {
		if limit > 0 && i == limit {
			m = multierror.Append(m, &problem.Error{Code: CodeTooMany, Message: moreNotShown(len(errs) - limit), Hint: "fix these first, or raise the limit"})
			break
		}
		m = multierror.Append(m, e)
	}
	return m.ErrorOrNil()
}

func moreNotShown(n int) string {
	if n == 1 {
		return "1 more problem not shown"
	}
	return fmt.Sprintf("%d more problems not shown", n)
}

// Validate checks a decoded document with the zero Validator.
func Validate(k Kind, doc any) error { return Validator{}.Validate(k, doc) }

// SyntaxError says where a document stopped being JSON.
type SyntaxError struct {
	Offset       int64 // byte offset of the problem
	Line, Column int   // 1-based
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("schema: line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// Decode reads exactly one JSON document, keeping numbers exact
// (json.Number) as validation needs. Empty input and data after the
// document are errors.
func Decode(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, syntaxError(data, err)
	}
	if tok, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		if err != nil {
			return nil, syntaxError(data, err)
		}
		return nil, newSyntaxError(data, off, fmt.Sprintf("unexpected %v after the end of the document; a file holds one document (use --ndjson for one per line)", tok))
	}
	return doc, nil
}

func syntaxError(data []byte, err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte; point at it, not after it.
		return newSyntaxError(data, max(syn.Offset-1, 0), syn.Error())
	case errors.Is(err, io.EOF):
		return newSyntaxError(data, int64(len(data)), "the document is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return newSyntaxError(data, int64(len(data)), "the document ends too soon: it is truncated or a bracket is not closed")
	}
	return newSyntaxError(data, 0, err.Error())
}

func newSyntaxError(data []byte, off int64, msg string) *SyntaxError {
	off = min(max(off, 0), int64(len(data)))
	line, col := jsonloc.Position(data, off)
	return &SyntaxError{Offset: off, Line: line, Column: col, Msg: msg}
}

// KindOf returns the kind a decoded document names in its "$schema"
// property.
func KindOf(doc any) (Kind, bool) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return "", false
	}
	url, ok := obj["$schema"].(string)
	if !ok {
		return "", false
	}
	return KindOfURL(url)
}
