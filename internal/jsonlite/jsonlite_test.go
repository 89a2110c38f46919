package jsonlite

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/spfkit/spfkit/internal/jsonloc"
)

// toAny converts a tree to what encoding/json would decode.
func toAny(v Value) any {
	switch v.Kind {
	case Bool:
		return v.Bool
	case Number:
		return v.Num
	case String:
		return v.Str
	case Array:
		out := []any{}
		for _, e := range v.Arr {
			out = append(out, toAny(e))
		}
		return out
	case Object:
		out := map[string]any{}
		for _, m := range v.Obj {
			out[m.Key] = toAny(m.Value) // the last of repeated keys, as encoding/json does
		}
		return out
	}
	return nil
}

func TestParse(t *testing.T) {
	v, err := Parse([]byte(` {"a": [1, -2.5e1, "x\u00e9\n", true, false, null], "b": {}} `))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": []any{1.0, -25.0, "xé\n", true, false, nil}, "b": map[string]any{}}
	if diff := cmp.Diff(want, toAny(v)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if a, _ := v.Get("a"); a.Off != 7 || a.Arr[1].Raw != "-2.5e1" {
		t.Errorf("offsets and raw text: %d %q", a.Off, a.Arr[1].Raw)
	}
	for doc, off := range map[string]int{`{"a":}`: 5, `[1,]`: 3, `"abc`: 4, `{"a" 1}`: 5, `01`: 1, "\"\xff\"": 1, `[1] x`: 4} {
		_, err := Parse([]byte(doc))
		se, ok := err.(*SyntaxError)
		if !ok || se.Offset != off {
			t.Errorf("%q: error %v, want a SyntaxError at %d", doc, err, off)
		}
	}
}

func TestWriter(t *testing.T) {
	w := Writer{Indent: "  "}
	w.BeginObject()
	w.StringField("s", "<a & \"b\">\n")
	w.Key("n")
	w.Float(2.5)
	w.Key("list")
	w.BeginArray()
	w.Int(1)
	w.Null()
	w.Bool(true)
	w.EndArray()
	w.Key("empty")
	w.BeginObject()
	w.EndObject()
	w.EndObject()
	var got any
	if err := json.Unmarshal(w.Bytes(), &got); err != nil {
		t.Fatalf("%s: %v", w.Bytes(), err)
	}
	want := map[string]any{"s": "<a & \"b\">\n", "n": 2.5, "list": []any{1.0, nil, true}, "empty": map[string]any{}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzParse checks Parse against encoding/json: the same documents are
// accepted (Parse is stricter on invalid UTF-8 and numbers out of range)
// and decode to the same values.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}],"c":"\ud83d\ude00"}`, `[]`, `"x"`, `-0.0e+1`, `{"a":1,"a":2}`, `[[[[]]]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		valid := json.Valid(data)
		if err == nil && !valid {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if err != nil {
			return
		}
		var want any
		if json.Unmarshal(data, &want) != nil {
			return
		}
		if utf8.Valid(data) {
			// Numbers beyond the exact fast path may differ in the last
			// place or two (see ParseNumber).
			if diff := cmp.Diff(want, toAny(v), cmpopts.EquateApprox(1e-14, 0)); diff != "" {
				t.Fatalf("%q (-encoding/json +jsonlite):\n%s", data, diff)
			}
		}
	})
}

func TestNumbers(t *testing.T) {
	for _, s := range []string{"0", "-0", "4", "-12", "2.5", "13.5", "0.1", "1e3", "1.5E-3", "123456789012345678", "9007199254740993", "1e300", "4.000", "-7.25e2", "0.000001"} {
		got, ok := ParseNumber(s)
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want && math.Abs(got-want) > math.Abs(want)*1e-15 {
			t.Errorf("ParseNumber(%q) = %v, %v; strconv says %v", s, got, ok, want)
		}
	}
	if _, ok := ParseNumber("1e400"); ok {
		t.Error("1e400 is out of range")
	}
	for f, want := range map[float64]string{0: "0", 4: "4", -12: "-12", 2.5: "2.5", 0.1: "0.1", 13.5: "13.5", 1e21: "1e21", -0.000125: "-0.000125", 1.0 / 3: "0.333333333333333", 1234.5678: "1234.5678", 1e-7: "1e-7"} {
		if got := FormatNumber(f); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", f, got, want)
		}
	}
	for s, want := range map[string]int{"7": 7, "-7": -7, "+3": 3, "0012": 12} {
		if n, ok := Atoi(s); !ok || n != want {
			t.Errorf("Atoi(%q) = %d, %v", s, n, ok)
		}
	}
	for _, s := range []string{"", "-", "1.5", "x", "99999999999999999999"} {
		if _, ok := Atoi(s); ok {
			t.Errorf("Atoi(%q) should fail", s)
		}
	}
}

// TestDepthAgreesWithJsonloc: a document jsonlite reads is one jsonloc's
// pre-check passes, so a caller that parsed may skip the pre-check.
func TestDepthAgreesWithJsonloc(t *testing.T) {
	for d := MaxDepth - 2; d <= MaxDepth+2; d++ {
		for _, open := range []string{"[", `{"a":`} {
			close := "]"
			if open != "[" {
				close = "}"
			}
			doc := []byte(strings.Repeat(open, d) + "1" + strings.Repeat(close, d))
			_, err := Parse(doc)
			pre := jsonloc.Check(doc, jsonloc.DefaultMaxDepth)
			if (err == nil) != (pre == nil) || (err == nil) != (d <= MaxDepth) {
				t.Errorf("depth %d %s: Parse error %v, jsonloc %v", d, open, err, pre)
			}
		}
	}
}
