package multi

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/go-multierror"

	"github.com/spfkit/spfkit/problem"
)

func TestListErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("an empty list has no error")
	}
	l.Add("/b", "x", "second").Hint = "h"
	l.Add("/a", "y", "first")
	err := l.Err()
	if _, ok := err.(*multierror.Error); !ok {
		t.Fatalf("Err() is a %T, want a *multierror.Error", err)
	}
	var got []string
	for _, e := range problem.All(err) {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff([]string{"/a: first", "/b: second"}, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if l.Len() != 2 {
		t.Errorf("Len() = %d", l.Len())
	}
}
