package schemaengine

// This file is spfkit's fast path for valid documents. Streaming
// validation of large files spends most of its time on documents that are
// valid, and the general engine (engine.go) pays for error reporting,
// annotation tracking and a generic decoded tree on every one of them.
// The fast path compiles each schema, restricted to the keywords spfkit's
// generated schemas use, into a tree that checks the parsed document
// (internal/jsonlite's tape) directly, reading strings in place.
//
// It is a filter, not a second engine: it answers valid, invalid or
// unsure, and only "valid" is acted on. Anything else goes to the general
// engine, which gives the verdict and the errors. A schema using a keyword
// the fast path does not know gets no fast path at all. The tests check
// that both agree on every fixture and mutation, thousands of random
// edits, and a fuzz test on arbitrary documents.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"unicode/utf8"

	jsv "github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonptr"
)

type verdict uint8

const (
	unsure verdict = iota
	valid
	invalid
)

// and combines the verdicts of two keywords of one schema: a certain
// failure decides, otherwise any doubt remains.
func and(a, b verdict) verdict {
	switch {
	case a == invalid || b == invalid:
		return invalid
	case a == unsure || b == unsure:
		return unsure
	}
	return valid
}

// JSON types as a bit set; integer is checked separately.
const (
	tNull uint8 = 1 << iota
	tBool
	tNumber
	tInteger
	tString
	tArray
	tObject
)

// fastNode is one compiled schema.
type fastNode struct {
	always    *bool // a boolean schema
	types     uint8 // 0: any
	consts    []constant
	minLen    int
	maxLen    int
	pattern   *regexp.Regexp
	format    func(any) bool
	min, max  *big.Rat
	xmin      *big.Rat
	xmax      *big.Rat
	props     map[string]*fastNode
	addl      *fastNode
	required  []string
	minProps  int
	maxProps  int
	items     *fastNode
	minItems  int
	maxItems  int
	ref       *fastNode
	oneOf     []*fastNode
	anyOf     []*fastNode
	allOf     []*fastNode
	not       *fastNode
	ifN       *fastNode
	thenN     *fastNode
	elseN     *fastNode
	constSets bool // const or enum present
}

// constant is one value of an enum or const: a string, a boolean or null.
type constant struct {
	kind jsonlite.Kind
	b    bool
	s    string
}

// annotations are keywords that assert nothing.
var annotations = map[string]bool{
	"description": true, "title": true, "$comment": true, "$schema": true,
	"examples": true, "default": true, "deprecated": true, "readOnly": true,
	"writeOnly": true, "$defs": true,
}

type fastCompiler struct {
	docs    map[string]any       // schema URL -> decoded schema document
	nodes   map[string]*fastNode // URL#pointer -> node, for $ref cycles
	pending []func() error       // $refs, resolved after the walk
}

// compileFast compiles each schema's fast path; a schema using a keyword
// the fast path does not handle gets none.
func compileFast(sources []Source) map[string]*fastNode {
	fc := &fastCompiler{docs: map[string]any{}, nodes: map[string]*fastNode{}}
	for _, s := range sources {
		var doc any
		dec := json.NewDecoder(bytes.NewReader(s.Text))
		dec.UseNumber()
		if dec.Decode(&doc) == nil {
			fc.docs[s.URL] = doc
		}
	}
	out := map[string]*fastNode{}
	for _, s := range sources {
		if n, err := fc.compileKind(s.URL); err == nil {
			out[s.Kind] = n
		}
	}
	return out
}

func (fc *fastCompiler) compileKind(url string) (*fastNode, error) {
	fc.pending = nil
	doc, ok := fc.docs[url]
	if !ok {
		return nil, fmt.Errorf("no schema %s", url)
	}
	n, err := fc.compile(url, "", doc, true)
	if err != nil {
		return nil, err
	}
	for len(fc.pending) > 0 {
		f := fc.pending[0]
		fc.pending = fc.pending[1:]
		if err := f(); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// node returns the node at url#ptr, compiling it the first time.
func (fc *fastCompiler) node(url, ptr string) (*fastNode, error) {
	key := url + "#" + ptr
	if n, ok := fc.nodes[key]; ok {
		return n, nil
	}
	v, ok := resolvePointer(fc.docs[url], ptr)
	if !ok {
		return nil, fmt.Errorf("%s does not resolve", key)
	}
	return fc.compile(url, ptr, v, false)
}

func resolvePointer(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, doc != nil
	}
	cur := doc
	for _, t := range jsonptr.Split(ptr) {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[t]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func (fc *fastCompiler) compile(url, ptr string, s any, root bool) (*fastNode, error) {
	key := url + "#" + ptr
	n := &fastNode{minLen: -1, maxLen: -1, minProps: -1, maxProps: -1, minItems: -1, maxItems: -1}
	fc.nodes[key] = n
	if b, ok := s.(bool); ok {
		n.always = &b
		return n, nil
	}
	m, ok := s.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: not a schema", key)
	}
	sub := func(name string, v any) (*fastNode, error) {
		return fc.compile(url, jsonptr.Join(ptr, name), v, false)
	}
	nonNeg := func(name string) (int, error) {
		num, ok := m[name].(json.Number)
		if !ok {
			return 0, fmt.Errorf("%s/%s: not a number", key, name)
		}
		i, err := num.Int64()
		if err != nil || i < 0 {
			return 0, fmt.Errorf("%s/%s: not a count", key, name)
		}
		return int(i), nil
	}
	rat := func(name string) (*big.Rat, error) {
		num, ok := m[name].(json.Number)
		if !ok {
			return nil, fmt.Errorf("%s/%s: not a number", key, name)
		}
		r, ok := new(big.Rat).SetString(num.String())
		if !ok {
			return nil, fmt.Errorf("%s/%s: not a number", key, name)
		}
		return r, nil
	}
	list := func(name string) ([]*fastNode, error) {
		arr, ok := m[name].([]any)
		if !ok || len(arr) == 0 {
			return nil, fmt.Errorf("%s/%s: not a list of schemas", key, name)
		}
		var out []*fastNode
		for i, v := range arr {
			c, err := fc.compile(url, jsonptr.Join(ptr, name, i), v, false)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
		return out, nil
	}
	var err error
	for kw, v := range m {
		if annotations[kw] {
			continue
		}
		switch kw {
		case "$id":
			if !root || v != url {
				return nil, fmt.Errorf("%s: $id changes the base URI", key)
			}
		case "$ref":
			ref, _ := v.(string)
			if !strings.HasPrefix(ref, "#") {
				return nil, fmt.Errorf("%s: $ref %q is not local", key, ref)
			}
			target := ref[1:]
			fc.pending = append(fc.pending, func() error {
				t, err := fc.node(url, target)
				n.ref = t
				return err
			})
		case "type":
			names := []any{v}
			if arr, ok := v.([]any); ok {
				names = arr
			}
			for _, name := range names {
				switch name {
				case "null":
					n.types |= tNull
				case "boolean":
					n.types |= tBool
				case "number":
					n.types |= tNumber
				case "integer":
					n.types |= tInteger
				case "string":
					n.types |= tString
				case "array":
					n.types |= tArray
				case "object":
					n.types |= tObject
				default:
					return nil, fmt.Errorf("%s: unknown type %v", key, name)
				}
			}
		case "enum", "const":
			vals := []any{v}
			if kw == "enum" {
				arr, ok := v.([]any)
				if !ok {
					return nil, fmt.Errorf("%s: enum is not a list", key)
				}
				vals = arr
			}
			var set []constant
			for _, c := range vals {
				switch c := c.(type) {
				case string:
					set = append(set, constant{kind: jsonlite.String, s: c})
				case bool:
					set = append(set, constant{kind: jsonlite.Bool, b: c})
				case nil:
					set = append(set, constant{kind: jsonlite.Null})
				default: // numbers, arrays and objects are left to the engine
					return nil, fmt.Errorf("%s: %s value %v", key, kw, c)
				}
			}
			if n.constSets {
				return nil, fmt.Errorf("%s: both const and enum", key)
			}
			n.constSets, n.consts = true, set
		case "minLength":
			n.minLen, err = nonNeg(kw)
		case "maxLength":
			n.maxLen, err = nonNeg(kw)
		case "pattern":
			p, _ := v.(string)
			n.pattern, err = regexp.Compile(p)
		case "format":
			f, _ := v.(string)
			if n.format = jsv.Formats[f]; n.format == nil {
				return nil, fmt.Errorf("%s: format %q", key, f)
			}
		case "minimum":
			n.min, err = rat(kw)
		case "maximum":
			n.max, err = rat(kw)
		case "exclusiveMinimum":
			n.xmin, err = rat(kw)
		case "exclusiveMaximum":
			n.xmax, err = rat(kw)
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("%s: properties is not an object", key)
			}
			n.props = map[string]*fastNode{}
			for name, ps := range props {
				if n.props[name], err = fc.compile(url, jsonptr.Join(ptr, "properties", name), ps, false); err != nil {
					return nil, err
				}
			}
		case "additionalProperties":
			n.addl, err = sub(kw, v)
		case "required":
			arr, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("%s: required is not a list", key)
			}
			for _, r := range arr {
				s, ok := r.(string)
				if !ok {
					return nil, fmt.Errorf("%s: required holds a non-string", key)
				}
				n.required = append(n.required, s)
			}
		case "minProperties":
			n.minProps, err = nonNeg(kw)
		case "maxProperties":
			n.maxProps, err = nonNeg(kw)
		case "items":
			n.items, err = sub(kw, v)
		case "minItems":
			n.minItems, err = nonNeg(kw)
		case "maxItems":
			n.maxItems, err = nonNeg(kw)
		case "oneOf":
			n.oneOf, err = list(kw)
		case "anyOf":
			n.anyOf, err = list(kw)
		case "allOf":
			n.allOf, err = list(kw)
		case "not":
			n.not, err = sub(kw, v)
		case "if":
			n.ifN, err = sub(kw, v)
		case "then":
			n.thenN, err = sub(kw, v)
		case "else":
			n.elseN, err = sub(kw, v)
		default:
			return nil, fmt.Errorf("%s: keyword %q has no fast path", key, kw)
		}
		if err != nil {
			return nil, err
		}
	}
	return n, nil
}

// isInteger reports whether a JSON number's text is a whole number, as the
// engine decides it (exactly, so 1.0 and 1e2 are integers).
func isInteger(raw string) bool {
	if !strings.ContainsAny(raw, ".eE") {
		return true
	}
	r, ok := new(big.Rat).SetString(raw)
	return ok && r.IsInt()
}

// check returns the node's verdict on v.
func (n *fastNode) check(v jsonlite.Value) verdict {
	if n.always != nil {
		if *n.always {
			return valid
		}
		return invalid
	}
	kind := v.Kind()
	if n.types != 0 && !n.typeOK(v, kind) {
		return invalid
	}
	res := valid
	if n.constSets {
		found := false
		for i := range n.consts {
			c := &n.consts[i]
			if c.kind == kind && (c.kind == jsonlite.Null || c.kind == jsonlite.Bool && c.b == v.Bool() || c.kind == jsonlite.String && string(v.Text()) == c.s) {
				found = true
				break
			}
		}
		if !found {
			return invalid
		}
	}
	switch kind {
	case jsonlite.String:
		text := v.Text()
		if n.minLen >= 0 || n.maxLen >= 0 {
			l := utf8.RuneCount(text)
			if n.minLen >= 0 && l < n.minLen || n.maxLen >= 0 && l > n.maxLen {
				return invalid
			}
		}
		if n.pattern != nil && !n.pattern.Match(text) {
			return invalid
		}
		if n.format != nil && !n.format(string(text)) {
			return invalid
		}
	case jsonlite.Number:
		if n.min != nil || n.max != nil || n.xmin != nil || n.xmax != nil {
			r, ok := new(big.Rat).SetString(string(v.Raw()))
			if !ok {
				return unsure
			}
			if n.min != nil && r.Cmp(n.min) < 0 || n.max != nil && r.Cmp(n.max) > 0 ||
				n.xmin != nil && r.Cmp(n.xmin) <= 0 || n.xmax != nil && r.Cmp(n.xmax) >= 0 {
				return invalid
			}
		}
	case jsonlite.Array:
		if n.minItems >= 0 || n.maxItems >= 0 {
			l := v.Len()
			if n.minItems >= 0 && l < n.minItems || n.maxItems >= 0 && l > n.maxItems {
				return invalid
			}
		}
		if n.items != nil {
			for _, e := range v.Elements() {
				if res = and(res, n.items.check(e)); res == invalid {
					return invalid
				}
			}
		}
	case jsonlite.Object:
		// Keys given twice never reach here: jsonlite refuses them.
		if n.minProps >= 0 || n.maxProps >= 0 {
			l := v.Len()
			if n.minProps >= 0 && l < n.minProps || n.maxProps >= 0 && l > n.maxProps {
				return invalid
			}
		}
		for _, r := range n.required {
			if _, ok := v.Get(r); !ok {
				return invalid
			}
		}
		if n.props != nil || n.addl != nil {
			for k, m := range v.Members() {
				s, ok := n.props[string(k.Bytes())]
				if !ok {
					s = n.addl
				}
				if s != nil {
					if res = and(res, s.check(m)); res == invalid {
						return invalid
					}
				}
			}
		}
	}
	if n.ref != nil {
		if res = and(res, n.ref.check(v)); res == invalid {
			return invalid
		}
	}
	for _, s := range n.allOf {
		if res = and(res, s.check(v)); res == invalid {
			return invalid
		}
	}
	if n.anyOf != nil {
		some := invalid
		for _, s := range n.anyOf {
			switch s.check(v) {
			case valid:
				some = valid
			case unsure:
				some = unsure
			}
			if some == valid {
				break
			}
		}
		if res = and(res, some); res == invalid {
			return invalid
		}
	}
	if n.oneOf != nil {
		good, doubt := 0, 0
		for _, s := range n.oneOf {
			switch s.check(v) {
			case valid:
				good++
			case unsure:
				doubt++
			}
		}
		one := unsure
		switch {
		case good > 1:
			one = invalid
		case doubt == 0 && good == 1:
			one = valid
		case doubt == 0:
			one = invalid
		}
		if res = and(res, one); res == invalid {
			return invalid
		}
	}
	if n.not != nil {
		switch n.not.check(v) {
		case valid:
			return invalid
		case unsure:
			res = and(res, unsure)
		}
	}
	if n.ifN != nil {
		branch := n.elseN
		switch n.ifN.check(v) {
		case valid:
			branch = n.thenN
		case unsure:
			return and(res, unsure)
		}
		if branch != nil {
			res = and(res, branch.check(v))
		}
	}
	return res
}

func (n *fastNode) typeOK(v jsonlite.Value, k jsonlite.Kind) bool {
	switch k {
	case jsonlite.Null:
		return n.types&tNull != 0
	case jsonlite.Bool:
		return n.types&tBool != 0
	case jsonlite.Number:
		return n.types&tNumber != 0 || n.types&tInteger != 0 && isInteger(string(v.Raw()))
	case jsonlite.String:
		return n.types&tString != 0
	case jsonlite.Array:
		return n.types&tArray != 0
	}
	return n.types&tObject != 0
}
