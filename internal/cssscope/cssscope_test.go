package cssscope

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScope(t *testing.T) {
	keep := func(s string) bool { return strings.Contains(s, ".a") }
	tests := []struct{ name, in, want string }{
		{"list", `.a, .b, .a:hover > p { color: red; }`, ".w .a,\n.w .a:hover > p { color: red; }\n"},
		{"dropped", `html { margin: 0 } .b { x: y }`, ""},
		{"media", "@media (min-width: 40em) {\n  .a { x: 1 }\n  .b { y: 2 }\n}", "@media (min-width: 40em) {\n  .w .a { x: 1 }\n}\n"},
		{"empty media", `@media print { .b { x: 1 } }`, ""},
		{"at rules dropped", `@charset "UTF-8"; @font-face { font-family: x; src: url("a{b}.woff") } @keyframes k { from { x: 1 } } .a { y: 2 }`, ".w .a { y: 2 }\n"},
		{"strings and comments", `/* .a { } */ .a[title="x,{y}"]::before { content: "}"; }`, ".w .a[title=\"x,{y}\"]::before { content: \"}\"; }\n"},
		{"functional comma", `.a:is(.b, .c) { z: 1 }`, ".w .a:is(.b, .c) { z: 1 }\n"},
	}
	for _, tt := range tests {
		got, err := Scope(tt.in, Options{Scope: ".w", Keep: keep})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, bad := range []string{`.a { x: 1`, `.a }`, `.a`} {
		if _, err := Scope(bad, Options{Scope: ".w", Keep: keep}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzScope(f *testing.F) {
	for _, s := range []string{`.a{x:1}`, `@media x{.a{y:2}}`, `/* c */ .a, .b { content: "{" }`, `@charset "x"; .a{}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, css string) {
		out, err := Scope(css, Options{Scope: ".w", Keep: func(string) bool { return true }})
		if err != nil {
			return
		}
		if _, err := Scope(out, Options{Scope: ".v", Keep: func(string) bool { return true }}); err != nil {
			t.Fatalf("the output does not read back: %v\n%s", err, out)
		}
	})
}
