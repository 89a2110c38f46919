package jsonlite

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/problem"
)

// toAny rebuilds a value as encoding/json decodes it with UseNumber.
func toAny(v Value) any {
	switch v.Kind() {
	case Null:
		return nil
	case Bool:
		return v.Bool()
	case Number:
		return json.Number(v.Raw())
	case String:
		return v.Str()
	case Array:
		out := []any{}
		for _, e := range v.Elements() {
			out = append(out, toAny(e))
		}
		return out
	}
	out := map[string]any{}
	for k, m := range v.Members() {
		out[k.String()] = toAny(m)
	}
	return out
}

func decodeStd(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return v
}

func TestParseReadsWhatEncodingJSONReads(t *testing.T) {
	for _, doc := range []string{
		`{"a": [1, 2.5, -3e2, true, false, null, "x"], "b": {"c": {}}, "d": []}`,
		`"caf\u00e9 \ud83d\ude00 \"quoted\" \\ \/ \b\f\n\r\t"`,
		` 0 `, `-0.0e+1`, `[[[]], {}]`, `{"": 1, "a/b~c": 2}`,
		"{\"\u00e9\u2028\": \"\xc3\xa9\"}",
		`"\ud800 lone"`, `"\udc00\ud800"`,
	} {
		d, err := Parse([]byte(doc), Options{})
		if err != nil {
			t.Errorf("Parse(%s): %v", doc, err)
			continue
		}
		if diff := cmp.Diff(decodeStd(t, []byte(doc)), toAny(d.Root())); diff != "" {
			t.Errorf("Parse(%s) (-encoding/json +jsonlite):\n%s", doc, diff)
		}
	}
}

func TestParseProblems(t *testing.T) {
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	tests := []struct {
		name, doc        string
		line, col        int
		code, msg, point string
	}{
		{"empty", "", 1, 1, CodeEmpty, "the document is empty", ""},
		{"white space", "  \n ", 2, 2, CodeEmpty, "the document is empty", ""},
		{"byte order mark", "\xef\xbb\xbf{}", 1, 1, CodeBOM, "the file starts with a UTF-8 byte order mark, which JSON does not allow", ""},
		{"Windows-1252 in a string", "{\n  \"name\": \"caf\xe9\"\n}", 2, 15, CodeEncoding, "the string is not valid UTF-8", ""},
		{"Windows-1252 outside", "[1,\n \xe9]", 2, 2, CodeEncoding, "the text is not UTF-8 here (byte 0xe9)", ""},
		{"too deep", deep, 1, 65, CodeDepth, "arrays and objects nest more than 64 deep", ""},
		{"trailing data", "{}\n{}", 2, 1, CodeSyntax, "unexpected data after the end of the document", ""},
		{"truncated", "{\"a\": [1,", 1, 10, CodeSyntax, "the document ends too soon: it is truncated or a bracket is not closed", ""},
		{"unclosed string", `{"a": "b`, 1, 7, CodeSyntax, "the string is not closed", ""},
		{"bad escape", `"a\qb"`, 1, 3, CodeSyntax, "unknown escape in a string", ""},
		{"bare word", `{"a": yes}`, 1, 7, CodeSyntax, "expected a JSON value", ""},
		{"single quotes", `{'a': 1}`, 1, 2, CodeSyntax, "expected a field name in double quotes", ""},
		{"bad number", `[01]`, 1, 3, CodeSyntax, "expected ',' or ']' in a list", ""},
		{"bad fraction", `[1.]`, 1, 4, CodeSyntax, "malformed number", ""},
		{"control character", "\"a\tb\"", 1, 3, CodeSyntax, "a control character must be escaped in a string", ""},
		{"duplicate key", "{\"a\": 1,\n \"b\": {\"c\": 2, \"c\": 3}}", 2, 16, CodeDuplicateKey, `the field "c" appears twice in one object`, "/b/c"},
		{"duplicate escaped key", `{"a": 1, "\u0061": 2}`, 1, 10, CodeDuplicateKey, `the field "a" appears twice in one object`, "/a"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.doc), Options{})
		var e *problem.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: got %v, want a problem", tt.name, err)
			continue
		}
		got := [5]any{e.Line, e.Column, e.Code, e.Message, e.Pointer}
		if want := [5]any{tt.line, tt.col, tt.code, tt.msg, tt.point}; got != want {
			t.Errorf("%s: got %v, want %v", tt.name, got, want)
		}
	}
	// Every duplicate is reported, in document order.
	_, err := Parse([]byte(`{"a": 1, "a": 2, "b": [{"x": 1, "x": 2}], "b": 3}`), Options{})
	var got []string
	for _, e := range problem.All(err) {
		got = append(got, e.Pointer)
	}
	if diff := cmp.Diff([]string{"/a", "/b/0/x", "/b"}, got); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
}

func TestTooManyValues(t *testing.T) {
	doc := "[" + strings.Repeat("0,", 1000) + "0]"
	_, err := Parse([]byte(doc), Options{})
	var e *problem.Error
	if !errors.As(err, &e) || e.Code != CodeTooMany {
		t.Fatalf("a list of 1001 zeros in %d bytes: %v", len(doc), err)
	}
	if d, err := Parse([]byte(doc), Options{MaxValues: 2000}); err != nil || d.Root().Len() != 1001 {
		t.Errorf("with room for them: %v", err)
	}
	// An ordinary document is nowhere near the limit.
	b, _ := json.Marshal(map[string]any{"organizations": []map[string]any{{"id": "a", "name": "A", "classification": "other"}, {"id": "b", "name": "B", "classification": "other"}}})
	if _, err := Parse(b, Options{}); err != nil {
		t.Errorf("an ordinary document: %v", err)
	}
}

func TestPositionsAndPointers(t *testing.T) {
	doc := "{\n  \"naïve\": [10, {\"a/b\": \"é\", \"t~\": null}],\n  \"x\": true\n}"
	d, err := Parse([]byte(doc), Options{FirstLine: 7})
	if err != nil {
		t.Fatal(err)
	}
	type at struct {
		Pointer   string
		Line, Col int
	}
	var got []at
	var walk func(Value)
	walk = func(v Value) {
		line, col := v.Position()
		got = append(got, at{v.Pointer(), line, col})
		for _, e := range v.Elements() {
			walk(e)
		}
		for _, m := range v.Members() {
			walk(m)
		}
	}
	walk(d.Root())
	want := []at{
		{"", 7, 1}, {"/naïve", 8, 12}, {"/naïve/0", 8, 13}, {"/naïve/1", 8, 17},
		{"/naïve/1/a~1b", 8, 25}, {"/naïve/1/t~0", 8, 36}, {"/x", 9, 8},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ find, want string }{
		{"/naïve/1/a~1b", "/naïve/1/a~1b"}, {"/naïve/1/missing", "/naïve/1"}, {"/naïve/7", "/naïve"}, {"/nothing/here", ""},
	} {
		if got := d.Find(tt.find).Pointer(); got != tt.want {
			t.Errorf("Find(%s) = %s, want %s", tt.find, got, tt.want)
		}
	}
	p := d.Problem("/x/y", "required", "m")
	if p.Pointer != "/x/y" || p.Line != 9 || p.Column != 8 {
		t.Errorf("Problem located at %+v", p)
	}
}

func TestParseAt(t *testing.T) {
	data := []byte("[\n {\"a\": 1},\n {\"b\": [2]}\n]")
	var p Parser
	d, end, err := p.ParseAt(data, 2, Options{})
	if err != nil || d.Root().Kind() != Object || string(data[end-1]) != "}" {
		t.Fatalf("first element: %v, %d", err, end)
	}
	d, end, err = p.ParseAt(data, end+1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.Root().Get("b")
	if line, col := b.Position(); line != 3 || col != 8 || data[end] != '\n' {
		t.Errorf("second element's b at %d:%d, end %d", line, col, end)
	}
}

func TestWriterMatchesEncodingJSON(t *testing.T) {
	values := []any{
		"plain", "quote \" backslash \\ slash / <tag> & amp", "tab\tnewline\nreturn\r\x00\x1f\x7f",
		"é ✓ \u2028 \u2029 \U0001F600", "bad \xff utf8 \xc3",
		0.0, math.Copysign(0, -1), 1.0, -1.5, 3.6666666666666665, 1e-7, 1.5e-7, 1e21, 1e20, 123456789012345678.0, 0.1 + 0.2, 5e-324, math.MaxFloat64,
	}
	for _, html := range []bool{false, true} {
		for _, v := range values {
			var std bytes.Buffer
			enc := json.NewEncoder(&std)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			w := Writer{EscapeHTML: html}
			switch x := v.(type) {
			case string:
				w.String(x)
			case float64:
				w.Float(x)
			}
			if got := string(w.Bytes()) + "\n"; got != std.String() {
				t.Errorf("html=%v %q: got %s, want %s", html, v, got, std.String())
			}
		}
	}
}

func TestWriterIndents(t *testing.T) {
	w := Writer{Indent: "  "}
	w.BeginObject()
	w.Key("a")
	w.BeginArray()
	w.Int(1)
	w.BeginObject()
	w.EndObject()
	w.BeginArray()
	w.EndArray()
	w.EndArray()
	w.Key("b")
	w.Null()
	w.Key("c")
	w.Bool(true)
	w.EndObject()
	var std bytes.Buffer
	enc := json.NewEncoder(&std)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{"a": []any{1, map[string]any{}, []any{}}, "b": nil, "c": true})
	var got bytes.Buffer
	w.WriteTo(&got)
	if got.String() != std.String() {
		t.Errorf("got\n%s\nwant\n%s", got.String(), std.String())
	}
}

func TestReadAll(t *testing.T) {
	for _, tt := range []struct {
		n, limit, size int64
		ok             bool
	}{
		{100, 100, 0, true}, {101, 100, 0, false}, {5000, 100, 0, false}, {100, 100, 100, true}, {100, 100, 101, false}, {0, 100, 0, true}, {3000, 4096, 0, true},
	} {
		data, err := ReadAll(bytes.NewReader(bytes.Repeat([]byte("x"), int(tt.n))), tt.limit, tt.size)
		var e *problem.Error
		switch {
		case tt.ok && (err != nil || int64(len(data)) != tt.n):
			t.Errorf("%+v: %v, %d bytes", tt, err, len(data))
		case !tt.ok && (!errors.As(err, &e) || e.Code != CodeTooLarge):
			t.Errorf("%+v: got %v, want too large", tt, err)
		}
	}
}

func TestDecoder(t *testing.T) {
	d, err := Parse([]byte(`{"s": 1, "n": 1.5, "b": "x", "l": ["a", 2], "k": {"z": 1}}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var dec Decoder
	root := d.Root()
	for k, m := range root.Members() {
		switch string(k.Bytes()) {
		case "s":
			dec.String(m)
		case "n":
			dec.Int(m)
		case "b":
			dec.Bool(m)
		case "l":
			dec.Strings(m)
		default:
			dec.Unknown(k)
		}
	}
	dec.Missing(root, "required_one")
	var got []string
	for _, e := range dec.Problems() {
		got = append(got, e.Pointer+" "+e.Code+": "+e.Message)
	}
	want := []string{
		"/s type: expected a string, found a number",
		"/n type: expected a whole number, found 1.5",
		"/b type: expected true or false, found a string",
		"/l/1 type: expected a string, found a number",
		`/k additionalProperties: unknown field "k"`,
		` required: missing field "required_one"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// FuzzParse: jsonlite accepts exactly the documents encoding/json accepts,
// less those spfkit refuses (duplicate keys, too deep, a byte order mark,
// implausibly dense), and reads them the same way.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a": [1, "x", null, true]}`, `[]`, `"\u00e9"`, `{"a": 1, "a": 2}`, `[1e400]`, "\xef\xbb\xbf1", `{"a":{"b":[{"c":-0.5e-3}]}}`, `{"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data, Options{MaxValues: len(data) + 1})
		if err != nil {
			if _, ok := err.(*problem.Error); !ok && len(problem.All(err)) == 0 {
				t.Fatalf("Parse returned %T %v, not problems", err, err)
			}
			for _, e := range problem.All(err) {
				if e.Line < 1 || e.Column < 1 || e.Code == "" {
					t.Fatalf("unlocated problem %+v", e)
				}
			}
			if json.Valid(data) && utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
				var pe *problem.Error
				if errors.As(err, &pe) && pe.Code != CodeDuplicateKey && pe.Code != CodeDepth {
					t.Fatalf("encoding/json accepts %q; jsonlite says %v", data, err)
				}
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("jsonlite accepts %q, which encoding/json refuses", data)
		}
		if diff := cmp.Diff(decodeStd(t, data), toAny(d.Root())); diff != "" {
			t.Fatalf("%q read differently (-encoding/json +jsonlite):\n%s", data, diff)
		}
		var walk func(Value)
		walk = func(v Value) {
			if got := d.Find(v.Pointer()); got != v {
				t.Fatalf("Find(%q) is not the value it names", v.Pointer())
			}
			for _, e := range v.Elements() {
				walk(e)
			}
			seen := map[string]bool{}
			for k, m := range v.Members() {
				if seen[k.String()] {
					t.Fatalf("%q: the key %q is given twice but accepted", data, k.String())
				}
				seen[k.String()] = true
				walk(m)
			}
		}
		walk(d.Root())
	})
}

// TestInterned: short texts are shared between documents a Decoder
// reads when it keeps names; long or escaped ones are not, and nothing is
// without KeepNames.
func TestInterned(t *testing.T) {
	doc, err := Parse([]byte(`["hee", "hee", "`+strings.Repeat("x", 40)+`", "a\nb"]`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var vs []Value
	for _, e := range doc.Root().Elements() {
		vs = append(vs, e)
	}
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	var plain Decoder
	if a, b := plain.Interned(vs[0]), plain.Interned(vs[1]); a != "hee" || same(a, b) {
		t.Errorf("without KeepNames: %q %q shared=%v", a, b, same(a, b))
	}
	var d Decoder
	d.KeepNames()
	if a, b := d.Interned(vs[0]), d.Interned(vs[1]); a != "hee" || !same(a, b) {
		t.Errorf("short texts: %q %q shared=%v", a, b, same(a, b))
	}
	if a, b := d.Interned(vs[2]), d.Interned(vs[2]); a != strings.Repeat("x", 40) || same(a, b) {
		t.Error("a long text is not kept")
	}
	if a := d.Interned(vs[3]); a != "a\nb" {
		t.Errorf("an escaped text reads %q", a)
	}
}

func TestSortStrings(t *testing.T) {
	for _, n := range []int{0, 1, 2, 12, 13, 100, 1000} {
		s := make([]string, n)
		for i := range s {
			s[i] = strconv.Itoa((i * 7919) % 1009)
		}
		want := slices.Clone(s)
		slices.Sort(want)
		SortStrings(s)
		if diff := cmp.Diff(want, s); diff != "" {
			t.Errorf("%d strings (-want +got):\n%s", n, diff)
		}
	}
}
