package check

import (
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/multi"
	"github.com/spfkit/spfkit/internal/schemaengine"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
)

// DefaultMaxBytes is the largest document a Checker reads whole unless
// MaxBytes says otherwise. spfkit's documents run to a few megabytes;
// data in bulk belongs in NDJSON, which Stream reads a record at a time.
const DefaultMaxBytes = 64 << 20

// The codes of the problems a Checker reports itself; reading reports
// jsonlite's (empty, bom, encoding, depth, syntax, duplicate_key,
// too_many_values, too_large), the schema JSON Schema keywords, and each
// kind's rules their own.
const (
	// CodeUnknownKind: the document does not say what kind it is.
	CodeUnknownKind = "unknown_kind"
	// CodeTooLong: an NDJSON record longer than the stream allows.
	CodeTooLong = "too_long"
	// CodeNoRecords: an NDJSON stream with no records.
	CodeNoRecords = "empty"
)

// Checker checks documents. The zero Checker reads each document's kind
// from its "$schema", bounds a document at DefaultMaxBytes, judges
// responses to the built-in surveys and plans against the built-in
// framework. It is safe for concurrent use.
type Checker struct {
	// Kind is the kind of the documents; "" reads each document's
	// "$schema".
	Kind schema.Kind
	// MaxBytes bounds a document read whole; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Definitions are surveys whose responses can be judged, besides the
	// built-in ones; a response to a survey neither built in nor here has
	// only its schema applied.
	Definitions []*survey.Definition
	// Survey, when set, is the survey every response must answer: a
	// response is judged against it whatever survey it names (so one
	// naming another survey is refused). A scorer sets it.
	Survey *survey.Definition
	// Framework is the framework plans are checked against; nil means
	// the built-in one.
	Framework *hrod.Framework

	slow bool // no fast path (a test's way to hold the two paths together)
}

// Result is the verdict on one document.
type Result struct {
	// Kind is the kind the document was checked as, when it is known.
	Kind schema.Kind
	// Problems are every problem found, sorted by line, pointer and code,
	// each with its kind, line, column, pointer, code, message and, where
	// there is advice, a hint. File is left for the caller.
	Problems []*problem.Error
	// Value is the document read, when it has no problems and is of a
	// kind spfkit reads: *spf.Directory, *spf.Membership,
	// *survey.Definition, *survey.Response, *hrod.Framework, *hrod.Plan
	// or *transfer.Case. It is nil for spfkit's outputs.
	Value any
}

// Valid reports whether the document has no problems.
func (r *Result) Valid() bool { return len(r.Problems) == 0 }

// Err returns nil for a valid document, or its problems in a
// *multierror.Error.
func (r *Result) Err() error { return multi.Ordered(r.Problems) }

// engine is the published schemas, compiled once and shared with
// package schema's Validator.
var engine = schemaengine.Published

var parsers = sync.Pool{New: func() any { return new(jsonlite.Parser) }}

// Check checks one JSON document.
func (c *Checker) Check(data []byte) Result {
	p := parsers.Get().(*jsonlite.Parser)
	defer parsers.Put(p)
	return c.check(p, data, 1, nil)
}

// Read reads a whole document from r and checks it. size, when above 0,
// is the document's length (a file's size): one over MaxBytes is refused
// without reading it, and one within is read into one buffer. The error
// is for input that cannot be read; everything wrong with the document is
// in the Result.
func (c *Checker) Read(r io.Reader, size int64) (Result, error) {
	data, err := jsonlite.ReadAll(r, c.maxBytes(), size)
	if pe, ok := err.(*problem.Error); ok {
		return c.result(c.Kind, []*problem.Error{pe}, nil), nil
	}
	if err != nil {
		return Result{Kind: c.Kind}, err
	}
	return c.Check(data), nil
}

func (c *Checker) maxBytes() int64 {
	if c.MaxBytes > 0 {
		return c.MaxBytes
	}
	return DefaultMaxBytes
}

// check reads data, which starts on line firstLine of its file. When
// scratch is not nil, the value is decoded into the one it holds, which
// the result's Value then replaces.
func (c *Checker) check(p *jsonlite.Parser, data []byte, firstLine int, scratch *scratch) Result {
	doc, err := p.Parse(data, jsonlite.Options{FirstLine: firstLine})
	if err != nil {
		return c.result(c.Kind, problem.All(err), nil)
	}
	return c.checkDoc(doc, firstLine, scratch)
}

// checkDoc checks a parsed document, which starts on line firstLine.
func (c *Checker) checkDoc(doc *jsonlite.Doc, firstLine int, scratch *scratch) Result {
	kind := c.Kind
	if kind == "" {
		set, err := engine()
		if err != nil {
			return c.internal(kind, firstLine, err)
		}
		named, ok := set.KindOf(doc.Root())
		if !ok {
			e := &problem.Error{Line: firstLine, Column: 1, Code: CodeUnknownKind, Message: "the document does not say what kind it is"}
			e.Hint = `pass --kind (see "spfkit schema list") or add a "$schema" property with the kind's URL`
			return c.result("", []*problem.Error{e}, nil)
		}
		kind = schema.Kind(named)
	}
	valid, r, hasRules := lookup(kind, scratch)
	if !valid {
		e := &problem.Error{Line: firstLine, Column: 1, Code: CodeUnknownKind, Message: "spfkit has no kind " + strconv.Quote(string(kind))}
		e.Hint = `see "spfkit schema list"`
		return c.result("", []*problem.Error{e}, nil)
	}
	var (
		value   any
		shape   []*problem.Error
		decoded bool
	)
	decode := func(v jsonlite.Value) (any, []*problem.Error) {
		if scratch != nil {
			return r.into(scratch, v)
		}
		return r.decode(v)
	}
	if hasRules && r.sufficient != nil && !c.slow {
		// Some kinds' decoders and rules are stricter than their schema:
		// when they pass, so would the schema, and it need not run.
		value, shape = decode(doc.Root())
		decoded = true
		if len(shape) == 0 && r.sufficient(c, value) {
			return c.result(kind, nil, value)
		}
	}
	set, err := engine()
	if err != nil {
		return c.internal(kind, firstLine, err)
	}
	var errs []*problem.Error
	if c.slow {
		errs, err = set.Slow(string(kind), doc)
	} else {
		errs, err = set.Check(string(kind), doc)
	}
	if err != nil {
		return c.internal(kind, firstLine, err)
	}
	if !hasRules {
		return c.result(kind, errs, nil)
	}
	if !decoded {
		value, shape = decode(doc.Root())
	}
	errs = sharper(errs, shape)
	switch {
	case len(errs) == 0 && len(shape) > 0:
		// What the schema cannot see: a day that does not exist in its
		// month, where a partial date's pattern allows it.
		return c.result(kind, shape, nil)
	case len(errs) == 0:
		found := locate(doc, r.check(c, value))
		if len(found) > 0 {
			return c.result(kind, found, nil)
		}
		return c.result(kind, nil, value)
	case r.lenient:
		found := locate(doc, r.check(c, value))
		return c.result(kind, append(errs, beside(doc, errs, found)...), nil)
	}
	return c.result(kind, errs, nil)
}

// lookup says whether kind is one spfkit has, and gives its rules. A
// stream's scratch remembers the last kind looked up: every record of a
// stream is usually of one kind.
func lookup(kind schema.Kind, s *scratch) (valid bool, r *kindRules, hasRules bool) {
	if s != nil && s.kind == kind && kind != "" {
		return true, s.rules, s.rules != nil
	}
	if !kind.Valid() {
		return false, nil, false
	}
	if kr, ok := rules[kind]; ok {
		r = &kr
	}
	if s != nil {
		s.kind, s.rules = kind, r
	}
	return true, r, r != nil
}

func (c *Checker) result(kind schema.Kind, errs []*problem.Error, value any) Result {
	for _, e := range errs {
		e.Kind = string(kind)
	}
	problem.Sort(errs)
	return Result{Kind: kind, Problems: errs, Value: value}
}

// internal is the result of a failure of spfkit's own (its schemas do
// not compile), not of the document.
func (c *Checker) internal(kind schema.Kind, line int, err error) Result {
	return c.result(kind, []*problem.Error{{Line: line, Code: "internal", Message: err.Error()}}, nil)
}

// locate places problems found in a Go value (which have a pointer) on
// the lines and columns of the document it was read from.
func locate(doc *jsonlite.Doc, errs []*problem.Error) []*problem.Error {
	for _, e := range errs {
		e.Line, e.Column = doc.Find(e.Pointer).Position()
	}
	return errs
}

// sharper replaces a schema's "format" error with the decoder's problem
// at the same place, which says more: why "2023-02-30" is not a date, not
// only that it is not one.
func sharper(schemaErrs, shape []*problem.Error) []*problem.Error {
	for i, e := range schemaErrs {
		if e.Code != "format" {
			continue
		}
		for _, s := range shape {
			if s.Pointer == e.Pointer {
				schemaErrs[i] = s
				break
			}
		}
	}
	return schemaErrs
}

// beside returns the rule findings that concern places the schema's
// errors do not: nothing at or above a pointer already reported, and
// nothing below one unless that error is about the object's members (a
// missing or unknown property), which leaves the other members' values to
// be judged; but nothing about a member the schema has said is missing.
func beside(doc *jsonlite.Doc, schemaErrs, found []*problem.Error) []*problem.Error {
	below := func(child, parent string) bool {
		return parent == "" && child != "" || strings.HasPrefix(child, parent+"/")
	}
	absentChild := func(child, parent string) bool {
		return below(child, parent) && !strings.Contains(child[len(parent)+1:], "/") && doc.Find(child).Pointer() != child
	}
	var out []*problem.Error
	for _, f := range found {
		clash := false
		for _, e := range schemaErrs {
			members := e.Code == "additionalProperties" || e.Code == "required" || e.Code == "minProperties" || e.Code == "maxProperties"
			if f.Pointer == e.Pointer || below(e.Pointer, f.Pointer) || below(f.Pointer, e.Pointer) && !members ||
				e.Code == "required" && absentChild(f.Pointer, e.Pointer) {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, f)
		}
	}
	return out
}
