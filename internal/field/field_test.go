package field

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestComparePathsNumericIndexes(t *testing.T) {
	paths := []string{"/a/10", "/b", "/a/2/x", "", "/a/2", "/a/x", "/a/10/y"}
	slices.SortFunc(paths, ComparePaths)
	want := []string{"", "/a/2", "/a/2/x", "/a/10", "/a/10/y", "/a/x", "/b"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestListErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("an empty list has no error")
	}
	l.Add("/b", "x", "second")
	l.Add("/a", "y", "first")
	var got []string
	for _, e := range All(l.Err()) {
		got = append(got, e.Error())
	}
	if diff := cmp.Diff([]string{"/a: first", "/b: second"}, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
