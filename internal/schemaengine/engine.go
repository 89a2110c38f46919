package schemaengine

// This file is the only one that knows the validation engine. Replacing
// the engine means rewriting compile and engineCheck below; elsewhere
// only fast.go imports it, to borrow its format checkers so that both
// paths judge a date or a URI alike.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"

	jsv "github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// Source is one published schema.
type Source struct {
	// Kind names the documents the schema describes, e.g. "body-directory".
	Kind string
	// URL is the schema's $id.
	URL string
	// Text is the schema document.
	Text []byte
}

// Set is every schema compiled, for the engine and for the fast path. It
// is safe for concurrent use.
type Set struct {
	engine map[string]*jsv.Schema
	fast   map[string]*fastNode
	byURL  map[string]string // kind by $id
}

// Compile compiles the schemas. They may refer to one another by $id;
// nothing is ever fetched from the network.
func Compile(sources []Source) (*Set, error) {
	c := jsv.NewCompiler()
	c.Draft = jsv.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("schema: %s is not one of spfkit's schemas and is not fetched", url)
	}
	for _, s := range sources {
		if err := c.AddResource(s.URL, bytes.NewReader(s.Text)); err != nil {
			return nil, fmt.Errorf("schema: %s: %w", s.Kind, err)
		}
	}
	set := &Set{engine: map[string]*jsv.Schema{}, byURL: map[string]string{}}
	for _, s := range sources {
		set.byURL[s.URL] = s.Kind
		sch, err := c.Compile(s.URL)
		if err != nil {
			return nil, fmt.Errorf("schema: %s does not compile: %w", s.Kind, err)
		}
		set.engine[s.Kind] = sch
	}
	set.fast = compileFast(sources)
	return set, nil
}

// Has reports whether the set has a schema for kind.
func (s *Set) Has(kind string) bool { _, ok := s.engine[kind]; return ok }

// Check returns the problems the schema of kind finds in a parsed
// document, each placed on its line and column; none when it is valid.
// A document the fast path finds certainly valid is not given to the
// engine.
func (s *Set) Check(kind string, doc *jsonlite.Doc) ([]*problem.Error, error) {
	if n := s.fast[kind]; n != nil && n.check(doc.Root()) == valid {
		return nil, nil
	}
	return s.Slow(kind, doc)
}

// Slow is Check without the fast path: the engine's verdict on every
// document. Tests use it to hold the two paths to the same problems.
func (s *Set) Slow(kind string, doc *jsonlite.Doc) ([]*problem.Error, error) {
	errs, err := s.engineCheck(kind, ToAny(doc.Root()), doc.Root())
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		e.Line, e.Column = doc.Find(e.Pointer).Position()
	}
	return errs, nil
}

// Validate checks a document already decoded into Go values (maps,
// slices, json.Number, float64, string, bool and nil) with the engine.
// The problems have pointers but no lines.
func (s *Set) Validate(kind string, doc any) ([]*problem.Error, error) {
	return s.engineCheck(kind, doc, jsonlite.Value{})
}

// FastVerdict is the fast path's verdict alone, for tests: valid, invalid
// or unsure.
func (s *Set) FastVerdict(kind string, v jsonlite.Value) string {
	n := s.fast[kind]
	if n == nil {
		return "none"
	}
	return [...]string{"unsure", "valid", "invalid"}[n.check(v)]
}

func (s *Set) engineCheck(kind string, doc any, root jsonlite.Value) ([]*problem.Error, error) {
	sch, ok := s.engine[kind]
	if !ok {
		return nil, fmt.Errorf("schema: unknown kind %q (run `spfkit schema list`)", kind)
	}
	// The engine compares numbers exactly, as fractions, and fails on a
	// number too large for that (1e1000000000): such numbers are reported
	// here, and the engine is not asked.
	var errs []*problem.Error
	if root != (jsonlite.Value{}) {
		unreadableNumbers(root, &errs)
	} else {
		unreadableValues(doc, "", &errs)
	}
	if len(errs) > 0 {
		return errs, nil
	}
	err := sch.Validate(doc)
	if err == nil {
		return nil, nil
	}
	var ve *jsv.ValidationError
	if !errors.As(err, &ve) {
		return nil, fmt.Errorf("schema: %w", err)
	}
	leaves(ve, &errs)
	return errs, nil
}

// ToAny turns a parsed value into the Go values the engine reads, numbers
// kept exact as json.Number.
func ToAny(v jsonlite.Value) any {
	switch v.Kind() {
	case jsonlite.Null:
		return nil
	case jsonlite.Bool:
		return v.Bool()
	case jsonlite.Number:
		return json.Number(v.Raw())
	case jsonlite.String:
		return v.Str()
	case jsonlite.Array:
		out := make([]any, 0, v.Len())
		for _, e := range v.Elements() {
			out = append(out, ToAny(e))
		}
		return out
	}
	out := make(map[string]any, v.Len())
	for k, m := range v.Members() {
		out[k.String()] = ToAny(m)
	}
	return out
}

// unreadableNumbers reports each number of a parsed document that cannot
// be read as an exact fraction.
func unreadableNumbers(v jsonlite.Value, out *[]*problem.Error) {
	switch v.Kind() {
	case jsonlite.Number:
		if raw := v.Raw(); bytes.ContainsAny(raw, "eE") {
			if _, ok := new(big.Rat).SetString(string(raw)); !ok {
				*out = append(*out, unreadable(v.Pointer(), string(raw)))
			}
		}
	case jsonlite.Array:
		for _, e := range v.Elements() {
			unreadableNumbers(e, out)
		}
	case jsonlite.Object:
		for _, m := range v.Members() {
			unreadableNumbers(m, out)
		}
	}
}

// unreadableValues is unreadableNumbers for decoded values.
func unreadableValues(doc any, at string, out *[]*problem.Error) {
	switch v := doc.(type) {
	case json.Number:
		if _, ok := new(big.Rat).SetString(string(v)); !ok {
			*out = append(*out, unreadable(at, string(v)))
		}
	case []any:
		for i, e := range v {
			unreadableValues(e, jsonptr.Join(at, i), out)
		}
	case map[string]any:
		for k, e := range v {
			unreadableValues(e, jsonptr.Join(at, k), out)
		}
	}
}

func unreadable(at, raw string) *problem.Error {
	e := problem.New(at, "number", "the number "+raw+" is too large or too small to check")
	e.Hint = "write an ordinary number"
	return e
}

func leaves(ve *jsv.ValidationError, out *[]*problem.Error) {
	if e := typeChoice(ve); e != nil {
		*out = append(*out, e)
		return
	}
	if len(ve.Causes) > 0 {
		for _, c := range ve.Causes {
			leaves(c, out)
		}
		return
	}
	kw := ve.KeywordLocation
	if i := strings.LastIndexByte(kw, '/'); i >= 0 {
		kw = kw[i+1:]
	}
	msg := ve.Message
	if kw == "additionalProperties" {
		msg = sortNames(msg)
	}
	*out = append(*out, &problem.Error{
		Pointer:        ve.InstanceLocation,
		Code:           kw,
		Message:        msg,
		Hint:           hints[kw],
		SchemaLocation: ve.AbsoluteKeywordLocation,
	})
}

// typeChoice folds an anyOf or oneOf whose branches all failed on their
// type, at one place, into one error: "expected number, string or null,
// but got boolean" rather than one line per branch.
func typeChoice(ve *jsv.ValidationError) *problem.Error {
	if len(ve.Causes) < 2 {
		return nil
	}
	var want []string
	got := ""
	for _, c := range ve.Causes {
		if len(c.Causes) > 0 || !strings.HasSuffix(c.KeywordLocation, "/type") || c.InstanceLocation != ve.InstanceLocation {
			return nil
		}
		exp, g, ok := strings.Cut(strings.TrimPrefix(c.Message, "expected "), ", but got ")
		if !ok || got != "" && g != got {
			return nil
		}
		got = g
		want = append(want, strings.Split(exp, " or ")...)
	}
	list := strings.Join(want[:len(want)-1], ", ") + " or " + want[len(want)-1]
	return &problem.Error{
		Pointer:        ve.InstanceLocation,
		Code:           "type",
		Message:        "expected " + list + ", but got " + got,
		Hint:           hints["type"],
		SchemaLocation: ve.AbsoluteKeywordLocation,
	}
}

// sortNames puts the property names of an additionalProperties message
// ("additionalProperties 'b', 'a' not allowed") in order: the engine lists
// them in map order, which differs from run to run.
func sortNames(msg string) string {
	const pre, post = "additionalProperties '", "' not allowed"
	if !strings.HasPrefix(msg, pre) || !strings.HasSuffix(msg, post) || len(msg) < len(pre)+len(post) {
		return msg
	}
	names := strings.Split(msg[len(pre):len(msg)-len(post)], "', '")
	slices.Sort(names)
	return pre + strings.Join(names, "', '") + post
}

// hints is advice for the keywords whose messages do not say what to do.
var hints = map[string]string{
	"additionalProperties": "remove the property or correct its spelling; the schema lists the allowed names",
	"required":             "add the missing property",
	"enum":                 "use one of the listed values",
	"pattern":              "write the value in the form the pattern shows",
	"format":               "write the value in the named format (a date is YYYY-MM-DD)",
	"type":                 "change the value to the expected JSON type",
	"minItems":             "add at least the minimum number of items",
	"minLength":            "give a non-empty value",
}
