package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/internal/treehook"
	"github.com/spfkit/spfkit/problem"
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
	noFast    bool // take the full path for every document (for tests)
}

// rules are the checks beyond the schema, per kind. Each gets the raw
// document after it has passed the schema.
var rules = map[schema.Kind]func(data []byte) []*problem.Error{
	schema.BodyDirectory: func(data []byte) []*problem.Error {
		d, err := spf.ParseDirectory(data)
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
		}
		return problem.All(d.Validate())
	},
	schema.Membership: func(data []byte) []*problem.Error {
		m, err := spf.ParseMembership(data)
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
		}
		return problem.All(m.Validate())
	},
	schema.SurveyDefinition: func(data []byte) []*problem.Error {
		_, err := survey.ParseDefinition(data)
		if errs := problem.All(err); len(errs) > 0 {
			return errs
		}
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
		}
		return nil
	},
	schema.ActionPlan: planRule,
	// A transfer case must also be one the rules can answer: no employer
	// on both sides, no CCG after its abolition, no transfer before the
	// employee started.
	schema.TransferCase: func(data []byte) []*problem.Error {
		_, err := transfer.ParseCase(data)
		if errs := problem.All(err); len(errs) > 0 {
			return errs
		}
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
		}
		return nil
	},
	schema.HRODFramework: frameworkRule,
	// A response is checked against its survey's definition when that is
	// built in; otherwise the schema is all validate can apply (score
	// checks responses against the definition it is given).
	schema.SurveyResponse: func(data []byte) []*problem.Error {
		r, probs, err := survey.DecodeResponse(data)
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
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

// treeRules are rules that read the tree the fast path already parsed,
// for the kinds that come by the million.
var treeRules = map[schema.Kind]func(data []byte, tree *jsonlite.Value) []*problem.Error{
	schema.Membership: func(data []byte, tree *jsonlite.Value) []*problem.Error {
		v, err := treehook.Membership(data, tree)
		if err != nil {
			return []*problem.Error{decodeProblem(data, err)}
		}
		m := v.(spf.Membership)
		return problem.All(m.Validate())
	},
}

// decodeProblem reports a document that passed the schema but not the Go
// decoder, such as 2023-02-30, a date the pattern allows. A bad date is
// located by finding its text in the document.
func decodeProblem(data []byte, err error) *problem.Error {
	var de *spf.DecodeError
	if errors.As(err, &de) {
		err = de.Err
	}
	fe := &problem.Error{Code: "decode", Message: err.Error(), Hint: "correct the value the message names"}
	var dateErr *date.ParseError
	if errors.As(err, &dateErr) {
		fe.Code = "date"
		fe.Message = fmt.Sprintf("%q is not a date: %s", dateErr.Text, dateErr.Reason)
		fe.Hint = "write a date that exists, as YYYY, YYYY-MM or YYYY-MM-DD"
		if doc, derr := schema.Decode(data); derr == nil {
			fe.Pointer, _ = findString(doc, "", dateErr.Text)
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
func (c *checker) check(data []byte, firstLine int) (schema.Kind, []*problem.Error) {
	at := func(line int, code, msg, hint string) []*problem.Error {
		return []*problem.Error{{Line: firstLine + line - 1, Code: code, Message: msg, Hint: hint}}
	}
	// The fast path, for the many valid records of a large file: parse
	// once, and if the compiled schema check finds the tree certainly
	// valid, only the kind's own rules remain. Anything else takes the
	// full path below, which finds every problem. (A document jsonlite
	// parses always passes jsonloc's pre-check.)
	if tree, err := jsonlite.Parse(data); err == nil && treehook.SchemaValid != nil && !c.noFast {
		kind := c.kind
		if s, ok := tree.Get("$schema"); kind == "" && ok && s.Kind == jsonlite.String {
			kind, _ = schema.KindOfURL(s.Str)
		}
		if kind != "" && treehook.SchemaValid(string(kind), &tree) {
			var errs []*problem.Error
			if r, ok := treeRules[kind]; ok {
				errs = r(data, &tree)
			} else if r, ok := rules[kind]; ok {
				errs = r(data)
			}
			return kind, locate(kind, data, firstLine, errs)
		}
	}
	if p := jsonloc.Check(data, jsonloc.DefaultMaxDepth); p != nil {
		return c.kind, at(p.Line, p.Code, p.Message, p.Hint)
	}
	kind, err := c.validator.CheckJSON(c.kind, data)
	var se *schema.SyntaxError
	switch {
	case errors.As(err, &se):
		return c.kind, at(se.Line, "syntax", se.Msg, "the file is not valid JSON here")
	case errors.Is(err, schema.ErrNoKind):
		return "", at(1, "unknown_kind", `the document does not say what kind it is`, `pass --kind (see "spfkit schema list") or add a "$schema" property with the kind's URL`)
	}
	errs := problem.All(err)
	if err != nil && len(errs) == 0 {
		return kind, at(1, "internal", err.Error(), "")
	}
	if len(errs) == 0 {
		if r, ok := rules[kind]; ok {
			errs = r(data)
		}
	} else if r, ok := lenientRules[kind]; ok {
		errs = append(errs, beside(errs, r(data))...)
		slices.SortStableFunc(errs, func(a, b *problem.Error) int { return problem.ComparePointers(a.Pointer, b.Pointer) })
	}
	return kind, locate(kind, data, firstLine, errs)
}

// lenientRules apply a kind's own rules to a document the schema found
// faults in, so that one run reports every problem: for a plan, an item
// for the wrong level or a completed entry without evidence is reported
// alongside a misspelt status. They read what they can and skip the rest.
var lenientRules = map[schema.Kind]func(data []byte) []*problem.Error{
	schema.ActionPlan: func(data []byte) []*problem.Error {
		p, _, err := hrod.DecodePlan(data) // the schema has reported its shape
		if err != nil || p == nil {
			return nil
		}
		return hrod.Builtin().PlanProblems(p)
	},
	// A response to a built-in survey: the answers the schema cannot
	// judge (a point out of range, Other without its text) alongside the
	// faults it found.
	schema.SurveyResponse: func(data []byte) []*problem.Error {
		r, _, err := survey.DecodeResponse(data) // the schema has reported its shape
		if err != nil || r == nil {
			return nil
		}
		if def, ok := survey.Builtin(r.Survey); ok {
			return survey.Validator{}.Check(def, r)
		}
		return nil
	},
}

// beside returns the rule findings that concern places the schema's
// errors do not: nothing at or above a pointer already reported, and
// nothing below one unless that error is about the object's members
// (a missing or unknown property), which leaves the other members' values
// to be judged.
func beside(schemaErrs, found []*problem.Error) []*problem.Error {
	below := func(child, parent string) bool {
		return parent == "" && child != "" || strings.HasPrefix(child, parent+"/")
	}
	var out []*problem.Error
	for _, f := range found {
		clash := false
		for _, e := range schemaErrs {
			members := e.Code == "additionalProperties" || e.Code == "required" || e.Code == "minProperties" || e.Code == "maxProperties"
			if f.Pointer == e.Pointer || below(e.Pointer, f.Pointer) || below(f.Pointer, e.Pointer) && !members || e.Code == schema.CodeTooMany {
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

// locate turns errors into problems with line numbers, counted from
// firstLine, in line order.
func locate(kind schema.Kind, data []byte, firstLine int, errs []*problem.Error) []*problem.Error {
	if len(errs) == 0 {
		return nil
	}
	ptrs := make([]string, len(errs))
	for i, e := range errs {
		ptrs[i] = e.Pointer
	}
	lines := jsonloc.Nearest(data, ptrs)
	out := make([]*problem.Error, 0, len(errs))
	for _, e := range errs {
		line, ok := lines[e.Pointer]
		if !ok {
			line = 1
		}
		if e.Code == schema.CodeTooMany {
			line = 1
		}
		out = append(out, &problem.Error{Line: firstLine + line - 1, Pointer: e.Pointer, Kind: string(kind), Code: e.Code, Message: e.Message, Hint: e.Hint})
	}
	slices.SortStableFunc(out, func(a, b *problem.Error) int { return a.Line - b.Line })
	return out
}

// formatText renders a problem as FILE:LINE: POINTER: MESSAGE; HINT. The
// document root, whose pointer is empty, is shown as "(root)".
func formatText(p *problem.Error) string {
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
