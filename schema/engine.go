package schema

// This file is the only one that knows the validation engine,
// santhosh-tekuri/jsonschema v5. Replacing the engine means rewriting
// compile and check below; elsewhere only fast.go imports it, to borrow its
// format checkers so that both paths judge a date or a URI alike.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	jsv "github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spfkit/spfkit/problem"
)

// compiled is one kind's schema, ready to check documents.
type compiled struct{ s *jsv.Schema }

var (
	compileOnce sync.Once
	compiledSet map[Kind]compiled
	compileErr  error
)

// compileAll compiles every embedded schema once. The schemas may refer to
// one another by $id; nothing is ever fetched from the network.
func compileAll() (map[Kind]compiled, error) {
	compileOnce.Do(func() {
		c := jsv.NewCompiler()
		c.Draft = jsv.Draft2020
		c.AssertFormat = true
		c.LoadURL = func(url string) (io.ReadCloser, error) {
			return nil, fmt.Errorf("schema: %s is not one of spfkit's schemas and is not fetched", url)
		}
		for _, info := range registry {
			src, err := files.ReadFile(info.Kind.FileName())
			if err != nil {
				compileErr = err
				return
			}
			if err := c.AddResource(info.Kind.URL(), bytes.NewReader(src)); err != nil {
				compileErr = fmt.Errorf("schema: %s: %w", info.Kind, err)
				return
			}
		}
		out := map[Kind]compiled{}
		for _, info := range registry {
			s, err := c.Compile(info.Kind.URL())
			if err != nil {
				compileErr = fmt.Errorf("schema: %s does not compile: %w", info.Kind, err)
				return
			}
			out[info.Kind] = compiled{s}
		}
		compiledSet = out
	})
	return compiledSet, compileErr
}

// check validates a decoded document (maps, slices, json.Number, string,
// bool, nil) and appends one *problem.Error per failing leaf keyword.
func (c compiled) check(doc any, out *[]*problem.Error) error {
	err := c.s.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsv.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("schema: %w", err)
	}
	leaves(ve, out)
	return nil
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
