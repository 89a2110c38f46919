package problem_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/go-multierror"

	"github.com/spfkit/spfkit/problem"
)

func TestComparePointers(t *testing.T) {
	ptrs := []string{"/a/10", "/b", "/a/2/x", "", "/a/2", "/a/x", "/a/10/y"}
	slices.SortFunc(ptrs, problem.ComparePointers)
	want := []string{"", "/a/2", "/a/2/x", "/a/10", "/a/10/y", "/a/x", "/b"}
	if diff := cmp.Diff(want, ptrs); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestError(t *testing.T) {
	tests := []struct {
		e    problem.Error
		want string
	}{
		{problem.Error{Message: "the document is empty"}, "the document is empty"},
		{problem.Error{Pointer: "/a/0", Message: "m"}, "/a/0: m"},
		{problem.Error{Line: 3, Column: 7, Message: "m"}, "line 3, column 7: m"},
		{problem.Error{Line: 3, Pointer: "/a", Message: "m", Hint: "not shown"}, "line 3: /a: m"},
		{problem.Error{File: "f.json", Line: 3, Column: 2, Pointer: "/a", Message: "m"}, "f.json:3:2: /a: m"},
		{problem.Error{File: "f.json", Message: "m"}, "f.json: m"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestJoinSortsAndAllReadsEveryCollection(t *testing.T) {
	a := problem.New("/b", "x", "second")
	b := problem.New("/a/10", "y", "third")
	c := problem.New("/a/2", "z", "first")
	d := &problem.Error{Line: 1, Pointer: "/z", Code: "w", Message: "a located one comes after the unlocated"}
	want := []*problem.Error{c, b, a, d}
	if problem.Join(nil) != nil {
		t.Error("Join(nil) is not nil")
	}
	joined := problem.Join([]*problem.Error{d, a, b, c})
	if diff := cmp.Diff(want, problem.All(joined)); diff != "" {
		t.Errorf("Join (-want +got)\n%s", diff)
	}
	if got := joined.Error(); got != "4 problems:\n\t* /a/2: first\n\t* /a/10: third\n\t* /b: second\n\t* line 1: /z: a located one comes after the unlocated" {
		t.Errorf("List.Error() = %q", got)
	}
	var m *multierror.Error
	for _, e := range want {
		m = multierror.Append(m, e)
	}
	wrapped := fmt.Errorf("reading: %w", m)
	for name, err := range map[string]error{
		"multierror":         m,
		"wrapped multierror": wrapped,
		"errors.Join":        errors.Join(c, b, a, d),
		"list":               problem.List(want),
	} {
		if diff := cmp.Diff(want, problem.All(err)); diff != "" {
			t.Errorf("All(%s) (-want +got)\n%s", name, diff)
		}
	}
	if got := problem.All(errors.New("plain")); got != nil {
		t.Errorf("All(plain error) = %v", got)
	}
	if got := problem.All(fmt.Errorf("x: %w", a)); len(got) != 1 || got[0] != a {
		t.Errorf("All(wrapped problem) = %v", got)
	}
	var pe *problem.Error
	if !errors.As(joined, &pe) || pe != c {
		t.Error("errors.As does not find a List's first problem")
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":                `""`,
		"heat check":      `"heat check"`,
		`say "hi"`:        `"say \"hi\""`,
		`a\b`:             `"a\\b"`,
		"line\nbreak\t!":  `"line\nbreak\t!"`,
		"nul\x00bell\x07": `"nul\u0000bell\u0007"`,
		"café – ok":       `"café – ok"`,
	} {
		if got := problem.Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
