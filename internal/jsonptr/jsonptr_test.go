package jsonptr

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJoinSplit(t *testing.T) {
	p := Join("/a", 3, "b/c", "d~e", "")
	if p != "/a/3/b~1c/d~0e/" {
		t.Errorf("Join = %q", p)
	}
	if diff := cmp.Diff([]string{"a", "3", "b/c", "d~e", ""}, Split(p)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if Split("") != nil {
		t.Error("the root pointer has no tokens")
	}
}
