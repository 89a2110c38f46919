package jsonloc

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLines(t *testing.T) {
	doc := `{
  "organizations": [
    {"id": "a", "name": "A"},
    {
      "id": "b",
      "a/b": {"x~y": [1,
        2]}
    }
  ],
  "text": "multi\nline \"quoted\"",
  "after": true
}`
	got := Lines([]byte(doc), []string{"", "/organizations", "/organizations/0", "/organizations/0/name", "/organizations/1/id", "/organizations/1/a~1b/x~0y/1", "/after", "/missing"})
	want := map[string]int{"": 1, "/organizations": 2, "/organizations/0": 3, "/organizations/0/name": 3, "/organizations/1/id": 5, "/organizations/1/a~1b/x~0y/1": 7, "/after": 11}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestCheck(t *testing.T) {
	deep := ""
	for range 70 {
		deep += "["
	}
	tests := []struct {
		name string
		in   string
		want *Problem
	}{
		{"fine", `{"a": "é"}`, nil},
		{"empty", "  \n", &Problem{Line: 1, Code: "empty"}},
		{"bom", "\xef\xbb\xbf{}", &Problem{Line: 1, Code: "bom"}},
		{"latin-1 on line 2", "{\n\"a\": \"caf\xe9\"}", &Problem{Line: 2, Code: "encoding"}},
		{"deep", deep, &Problem{Line: 1, Code: "depth"}},
		{"brackets in strings do not count", `{"a": "` + deep + `"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check([]byte(tt.in), DefaultMaxDepth)
			if got != nil {
				got = &Problem{Line: got.Line, Code: got.Code}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func FuzzLines(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":"c"}]}`), "/a/1/b")
	f.Add([]byte("[\n\"x\\\"\",\n2]"), "/1")
	f.Fuzz(func(t *testing.T, data []byte, p string) {
		Check(data, DefaultMaxDepth)
		for _, line := range Lines(data, []string{p, ""}) {
			if line < 1 {
				t.Fatalf("line %d", line)
			}
		}
	})
}

func TestNearest(t *testing.T) {
	doc := []byte("{\n  \"a\": {\n    \"b\": 1\n  },\n  \"c\": [\n    {}\n  ]\n}\n")
	got := Nearest(doc, []string{"/a/b", "/a/missing", "/c/0/x", "/nope", ""})
	want := map[string]int{"/a/b": 3, "/a/missing": 2, "/c/0/x": 6, "/nope": 1, "": 1}
	for p, line := range want {
		if got[p] != line {
			t.Errorf("Nearest(%q) = %d, want %d", p, got[p], line)
		}
	}
}
