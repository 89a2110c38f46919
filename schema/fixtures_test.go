package schema_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

// A negative case is either a file under invalid/ or a mutation of a valid
// fixture: the value at Pointer is replaced by Value, or removed when
// Remove is set. Expect is the error the case must produce. The same
// manifest drives the ajv cross-check (crosscheck/check.mjs).
type negativeCase struct {
	Name   string          `json:"name"`
	File   string          `json:"file,omitempty"`
	Base   string          `json:"base,omitempty"`
	Op     *mutation       `json:"op,omitempty"`
	Expect expectedProblem `json:"expect"`
}

type mutation struct {
	Pointer string          `json:"pointer"`
	Value   json.RawMessage `json:"value,omitempty"`
	Remove  bool            `json:"remove,omitempty"`
}

type expectedProblem struct {
	Pointer        string `json:"pointer"`
	Keyword        string `json:"keyword"`
	SchemaLocation string `json:"schema_location,omitempty"`
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := schema.Decode(data)
	require.NoError(t, err, path)
	return doc
}

func manifestPath(k schema.Kind) string { return filepath.Join("testdata", string(k), "invalid.json") }

func loadManifest(t *testing.T, k schema.Kind) []negativeCase {
	t.Helper()
	data, err := os.ReadFile(manifestPath(k))
	require.NoError(t, err)
	var cases []negativeCase
	require.NoError(t, json.Unmarshal(data, &cases))
	return cases
}

// instance builds the document a negative case checks.
func (c negativeCase) instance(t *testing.T, k schema.Kind) any {
	t.Helper()
	dir := filepath.Join("testdata", string(k))
	if c.File != "" {
		return readJSON(t, filepath.Join(dir, c.File))
	}
	doc := readJSON(t, filepath.Join(dir, c.Base))
	var val any
	if !c.Op.Remove {
		v, err := schema.Decode(c.Op.Value)
		require.NoError(t, err)
		val = v
	}
	return apply(doc, jsonptr.Split(c.Op.Pointer), val, c.Op.Remove)
}

// apply sets or removes the value at the path and returns the new root.
func apply(doc any, path []string, val any, remove bool) any {
	if len(path) == 0 {
		return val
	}
	switch n := doc.(type) {
	case map[string]any:
		if len(path) == 1 {
			if remove {
				delete(n, path[0])
			} else {
				n[path[0]] = val
			}
			return n
		}
		n[path[0]] = apply(n[path[0]], path[1:], val, remove)
		return n
	case []any:
		i, _ := strconv.Atoi(path[0])
		if len(path) == 1 {
			if remove {
				return append(n[:i], n[i+1:]...)
			}
			n[i] = val
			return n
		}
		n[i] = apply(n[i], path[1:], val, remove)
		return n
	}
	panic(fmt.Sprintf("cannot apply a mutation below a %T", doc))
}

func TestValidFixtures(t *testing.T) {
	for _, info := range schema.Kinds() {
		files, _ := filepath.Glob(filepath.Join("testdata", string(info.Kind), "valid", "*.json"))
		require.NotEmpty(t, files, "kind %s has no valid fixtures", info.Kind)
		for _, f := range files {
			if err := schema.Validate(info.Kind, readJSON(t, f)); err != nil {
				t.Errorf("%s: want valid, got:\n%v", f, err)
			}
		}
	}
}

func TestNegativeFixtures(t *testing.T) {
	for _, info := range schema.Kinds() {
		for _, c := range loadManifest(t, info.Kind) {
			t.Run(string(info.Kind)+"/"+c.Name, func(t *testing.T) {
				err := schema.Validator{MaxErrors: -1}.Validate(info.Kind, c.instance(t, info.Kind))
				require.Error(t, err, "want invalid")
				var got []string
				for _, e := range problem.All(err) {
					got = append(got, e.Pointer+" "+e.Code)
					if e.Pointer == c.Expect.Pointer && e.Code == c.Expect.Keyword {
						return
					}
				}
				t.Errorf("want an error %q at %q, got %q", c.Expect.Keyword, c.Expect.Pointer, got)
			})
		}
	}
}

// TestEveryConstraintHasAFailingFixture walks each schema for its
// constraints (every keyword that can reject a value) and requires that
// some negative case fails on each one.
func TestEveryConstraintHasAFailingFixture(t *testing.T) {
	for _, info := range schema.Kinds() {
		src, err := schema.Source(info.Kind)
		require.NoError(t, err)
		var root map[string]any
		require.NoError(t, json.Unmarshal(src, &root))
		want := constraints(root)
		hit := map[string]bool{}
		for _, c := range loadManifest(t, info.Kind) {
			err := schema.Validator{MaxErrors: -1}.Validate(info.Kind, c.instance(t, info.Kind))
			for _, e := range problem.All(err) {
				hit[strings.TrimPrefix(e.SchemaLocation, info.Kind.URL())] = true
			}
		}
		for _, loc := range want {
			if !hit[loc] {
				t.Errorf("%s: no negative fixture fails on %s", info.Kind, loc)
			}
		}
	}
}

// assertions are the keywords that can reject a value.
var assertions = []string{"type", "enum", "const", "pattern", "format", "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "required", "additionalProperties"}

// constraints lists the locations ("#/$defs/X/properties/y/pattern") of
// every assertion reachable from the root.
func constraints(root map[string]any) []string {
	defs, _ := root["$defs"].(map[string]any)
	seen := map[string]bool{}
	var out []string
	var walk func(node map[string]any, loc string)
	walk = func(node map[string]any, loc string) {
		if seen[loc] {
			return
		}
		seen[loc] = true
		if ref, ok := node["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/$defs/")
			if d, ok := defs[name].(map[string]any); ok {
				walk(d, "#/$defs/"+name)
			}
		}
		for _, kw := range assertions {
			v, ok := node[kw]
			if !ok || (kw == "additionalProperties" && v != false) {
				continue
			}
			out = append(out, loc+"/"+kw)
		}
		if props, ok := node["properties"].(map[string]any); ok {
			for name, p := range props {
				walk(p.(map[string]any), loc+"/properties/"+jsonptr.Join("", name)[1:])
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			walk(items, loc+"/items")
		}
	}
	walk(root, "#")
	sort.Strings(out)
	return out
}

// TestGenerateMutations rewrites the generated part of each kind's
// manifest (with -update): one mutation of the fullest valid fixture per
// constraint, so the fixtures keep up as the schemas grow. Hand-written
// cases (with a file) are kept as they are.
func TestGenerateMutations(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate mutation fixtures")
	}
	for _, info := range schema.Kinds() {
		src, err := schema.Source(info.Kind)
		require.NoError(t, err)
		var root map[string]any
		require.NoError(t, json.Unmarshal(src, &root))
		bases, _ := filepath.Glob(filepath.Join("testdata", string(info.Kind), "valid", "*.json"))
		slices.SortStableFunc(bases, func(a, b string) int { // the fullest fixture first
			return strings.Compare(strings.TrimSuffix(b, "full.json"), strings.TrimSuffix(a, "full.json"))
		})
		var cases []negativeCase
		if data, err := os.ReadFile(manifestPath(info.Kind)); err == nil {
			var old []negativeCase
			require.NoError(t, json.Unmarshal(data, &old))
			for _, c := range old {
				if c.File != "" {
					cases = append(cases, c)
				}
			}
		}
		targets := map[string]target{}
		for _, b := range bases {
			rel, _ := filepath.Rel(filepath.Join("testdata", string(info.Kind)), b)
			found := map[string]target{}
			locate(root, root, readJSON(t, b), "#", "", found)
			for loc, tg := range found {
				if _, ok := targets[loc]; !ok {
					tg.base = filepath.ToSlash(rel)
					targets[loc] = tg
				}
			}
		}
		for _, loc := range constraints(root) {
			tg, ok := targets[loc]
			if !ok {
				t.Errorf("%s: %s is not exercised by any valid fixture; add the field to valid/full.json", info.Kind, loc)
				continue
			}
			cases = append(cases, mutationFor(loc, tg))
		}
		out, err := json.MarshalIndent(cases, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(manifestPath(info.Kind), append(out, '\n'), 0o644))
	}
}

// target is where in the base document a constraint applies.
type target struct {
	pointer string
	node    map[string]any // the schema node holding the keyword
	value   any            // the instance value there
	base    string         // the valid fixture it was found in
}

// locate walks schema and document together and records, for each
// constraint location, the first instance it applies to, visiting
// properties in name order.
func locate(root, node map[string]any, doc any, loc, ptr string, out map[string]target) {
	defs, _ := root["$defs"].(map[string]any)
	if ref, ok := node["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		locate(root, defs[name].(map[string]any), doc, "#/$defs/"+name, ptr, out)
	}
	for _, kw := range assertions {
		if _, ok := node[kw]; ok {
			if _, done := out[loc+"/"+kw]; !done {
				out[loc+"/"+kw] = target{pointer: ptr, node: node, value: doc}
			}
		}
	}
	if props, ok := node["properties"].(map[string]any); ok {
		if obj, ok := doc.(map[string]any); ok {
			names := make([]string, 0, len(props))
			for name := range props {
				names = append(names, name)
			}
			slices.Sort(names) // the same choice on every run
			for _, name := range names {
				p := props[name]
				if v, ok := obj[name]; ok {
					locate(root, p.(map[string]any), v, loc+"/properties/"+jsonptr.Join("", name)[1:], jsonptr.Join(ptr, name), out)
				}
			}
		}
	}
	if items, ok := node["items"].(map[string]any); ok {
		if arr, ok := doc.([]any); ok {
			for i, v := range arr {
				locate(root, items, v, loc+"/items", jsonptr.Join(ptr, i), out)
			}
		}
	}
}

func mutationFor(loc string, tg target) negativeCase {
	kw := loc[strings.LastIndexByte(loc, '/')+1:]
	c := negativeCase{Name: "gen " + strings.TrimPrefix(loc, "#/"), Base: tg.base, Op: &mutation{Pointer: tg.pointer}, Expect: expectedProblem{Pointer: tg.pointer, Keyword: kw, SchemaLocation: loc}}
	raw := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	switch kw {
	case "type":
		switch tg.node["type"] {
		case "object":
			c.Op.Value = raw("not an object")
		case "array":
			c.Op.Value = raw(map[string]any{})
		case "string":
			c.Op.Value = raw(12345)
		case "integer", "number":
			c.Op.Value = raw("12")
		default:
			c.Op.Value = raw([]any{})
		}
	case "enum", "const":
		c.Op.Value = raw("not-a-listed-value")
	case "pattern":
		c.Op.Value = raw("Not Valid!")
	case "format":
		c.Op.Value = raw("not a " + fmt.Sprint(tg.node["format"]))
	case "minLength":
		c.Op.Value = raw("")
	case "maxLength":
		c.Op.Value = raw(strings.Repeat("x", int(tg.node["maxLength"].(float64))+1))
	case "minItems":
		c.Op.Value = raw([]any{})
	case "maxItems":
		c.Op.Value = raw(make([]int, int(tg.node["maxItems"].(float64))+1))
	case "minimum":
		c.Op.Value = raw(int(tg.node["minimum"].(float64)) - 1)
	case "maximum":
		c.Op.Value = raw(int(tg.node["maximum"].(float64)) + 1)
	case "required":
		req := tg.node["required"].([]any)
		obj := tg.value.(map[string]any)
		for _, r := range req {
			if _, ok := obj[r.(string)]; ok {
				c.Op.Pointer = jsonptr.Join(tg.pointer, r.(string))
				c.Op.Remove = true
				break
			}
		}
	case "additionalProperties":
		c.Op.Pointer = jsonptr.Join(tg.pointer, "unexpected_property")
		c.Op.Value = raw(true)
	}
	return c
}
