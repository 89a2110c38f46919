package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/spfkit/spfkit/internal/field"
	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/transfer"
)

// checker checks one JSON document at a time: it can be read, it matches
// its kind's schema, and it keeps the rules of its kind that a schema
// cannot express. It is safe for concurrent use.
type checker struct {
	kind      schema.Kind // forced kind, or "" to read it from $schema
	validator schema.Validator
}

// rules are the checks beyond the schema, per kind. Each gets the raw
// document after it has passed the schema.
var rules = map[schema.Kind]func(data []byte) []*field.Error{
	schema.BodyDirectory: func(data []byte) []*field.Error {
		d, err := spf.ParseDirectory(data)
		if err != nil {
			return []*field.Error{decodeProblem(data, err)}
		}
		return spf.Errors(d.Validate())
	},
	schema.Membership: func(data []byte) []*field.Error {
		var m spf.Membership
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&m); err != nil {
			return []*field.Error{decodeProblem(data, err)}
		}
		return spf.Errors(m.Validate())
	},
	schema.SurveyDefinition: func(data []byte) []*field.Error {
		_, err := survey.ParseDefinition(data)
		if errs := survey.Errors(err); len(errs) > 0 {
			return errs
		}
		if err != nil {
			return []*field.Error{decodeProblem(data, err)}
		}
		return nil
	},
	schema.ActionPlan: planRule,
	// A transfer case must also be one the rules can answer: no employer
	// on both sides, no CCG after its abolition, no transfer before the
	// employee started.
	schema.TransferCase: func(data []byte) []*field.Error {
		_, err := transfer.ParseCase(data)
		if errs := transfer.Errors(err); len(errs) > 0 {
			return errs
		}
		if err != nil {
			return []*field.Error{decodeProblem(data, err)}
		}
		return nil
	},
	schema.HRODFramework: frameworkRule,
	// A response is checked against its survey's definition when that is
	// built in; otherwise the schema is all validate can apply (score
	// checks responses against the definition it is given).
	schema.SurveyResponse: func(data []byte) []*field.Error {
		r, probs, err := survey.DecodeResponse(data)
		if err != nil {
			return []*field.Error{decodeProblem(data, err)}
		}
		if len(probs) > 0 {
			return probs
		}
		if def, ok := survey.Builtin(r.Survey); ok {
			return survey.Validator{}.Check(def, r)
		}
		return nil
	},
}

// decodeProblem reports a document that passed the schema but not the Go
// decoder, such as 2023-02-30, a date the pattern allows. A bad date is
// located by finding its text in the document.
func decodeProblem(data []byte, err error) *field.Error {
	var de *spf.DecodeError
	if errors.As(err, &de) {
		err = de.Err
	}
	fe := &field.Error{Code: "decode", Message: err.Error(), Hint: "correct the value the message names"}
	var dateErr *spf.DateError
	if errors.As(err, &dateErr) {
		fe.Code = "date"
		fe.Message = fmt.Sprintf("%q is not a date: %s", dateErr.Text, dateErr.Reason)
		fe.Hint = "write a date that exists, as YYYY, YYYY-MM or YYYY-MM-DD"
		if doc, derr := schema.Decode(data); derr == nil {
			fe.Path, _ = findString(doc, "", dateErr.Text)
		}
	}
	return fe
}

// findString returns the pointer of the first string value equal to s.
func findString(doc any, at, s string) (string, bool) {
	switch n := doc.(type) {
	case string:
		return at, n == s
	case []any:
		for i, v := range n {
			if p, ok := findString(v, jsonptr.Join(at, i), s); ok {
				return p, true
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if p, ok := findString(n[k], jsonptr.Join(at, k), s); ok {
				return p, true
			}
		}
	}
	return "", false
}

// check returns the problems of one document, with lines counted from
// firstLine (the document's first line in its file).
func (c *checker) check(data []byte, firstLine int) (schema.Kind, []schema.Problem) {
	at := func(line int, code, msg, hint string) []schema.Problem {
		return []schema.Problem{{Line: firstLine + line - 1, Code: code, Message: msg, Hint: hint}}
	}
	if p := jsonloc.Check(data, jsonloc.DefaultMaxDepth); p != nil {
		return c.kind, at(p.Line, p.Code, p.Message, p.Hint)
	}
	doc, err := schema.Decode(data)
	if err != nil {
		var se *schema.SyntaxError
		if errors.As(err, &se) {
			return c.kind, at(se.Line, "syntax", se.Msg, "the file is not valid JSON here")
		}
		return c.kind, at(1, "syntax", err.Error(), "")
	}
	kind := c.kind
	if kind == "" {
		k, ok := schema.KindOf(doc)
		if !ok {
			return "", at(1, "unknown_kind", `the document does not say what kind it is`, `pass --kind (see "spfkit schema list") or add a "$schema" property with the kind's URL`)
		}
		kind = k
	}
	err = c.validator.Validate(kind, doc)
	errs := schema.Errors(err)
	if err != nil && len(errs) == 0 {
		return kind, at(1, "internal", err.Error(), "")
	}
	if len(errs) == 0 {
		if r, ok := rules[kind]; ok {
			errs = r(data)
		}
	}
	if len(errs) == 0 {
		return kind, nil
	}
	ptrs := make([]string, len(errs))
	for i, e := range errs {
		ptrs[i] = e.Path
	}
	lines := jsonloc.Nearest(data, ptrs)
	out := make([]schema.Problem, 0, len(errs))
	for _, e := range errs {
		line, ok := lines[e.Path]
		if !ok {
			line = 1
		}
		if e.Code == schema.CodeTooMany {
			line = 1
		}
		out = append(out, schema.Problem{Line: firstLine + line - 1, Pointer: e.Path, Kind: string(kind), Code: e.Code, Message: e.Message, Hint: e.Hint})
	}
	slices.SortStableFunc(out, func(a, b schema.Problem) int { return a.Line - b.Line })
	return kind, out
}

// formatText renders a problem as FILE:LINE: POINTER: MESSAGE; HINT. The
// document root, whose pointer is empty, is shown as "(root)".
func formatText(p schema.Problem) string {
	ptr := p.Pointer
	if ptr == "" {
		ptr = "(root)"
	}
	s := fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, ptr, p.Message)
	if p.Hint != "" {
		s += "; " + p.Hint
	}
	return s
}
