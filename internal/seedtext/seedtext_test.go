package seedtext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const dir = "../../../shared/seeds"

func load(t *testing.T) *Seeds {
	t.Helper()
	s, err := Load(dir, "003_*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if s == nil {
		t.Skip("the seeds are not beside the project")
	}
	return s
}

// passage returns n words of the HR and OD seed, from its 5000th word
// on: text the seed certainly holds, read from it rather than kept here.
func passage(t *testing.T, n int) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "003_*.txt"))
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	w := words(string(b))
	return w[5000 : 5000+n]
}

func TestCopied(t *testing.T) {
	s := load(t)
	w := passage(t, RunWords+2)
	if got := s.Copied("Intro: " + strings.Join(w, " ") + "."); len(got) != 3 {
		t.Errorf("a passage of %d words gave %d runs, want 3: %q", len(w), len(got), got)
	}
	if got := s.Copied(strings.Join(w[:RunWords-1], " ")); len(got) > 0 {
		t.Errorf("a passage shorter than a run is taken for a copy: %q", got)
	}
	if got := s.Copied("build what implementation needs, including a national development board for the people profession closely linked to the regional people boards"); len(got) > 0 {
		t.Errorf("a paraphrase is taken for a copy: %q", got)
	}
	if !s.Contains("Creating a great employee experience") || s.Contains("Making a good employee experience") {
		t.Error("Contains does not tell a label the report has from one it has not")
	}
}

func TestFind(t *testing.T) {
	s := load(t)
	w := passage(t, RunWords+4)
	// The passage is split over two neighbouring strings, so neither holds
	// a whole run; another copy sits in a skipped member.
	doc := map[string]any{
		"a":   []any{"ours", strings.Join(w[:8], " "), strings.Join(w[8:], " ")},
		"b/c": map[string]any{"url": strings.Join(w, " "), "x": "ours too"},
	}
	got, err := s.Find(doc, map[string]bool{"url": true})
	if err != nil {
		t.Fatal(err)
	}
	want := []Finding{{Pointer: "/a/1", Run: strings.Join(w[:RunWords], " "), Text: strings.Join(w[:8], " ")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find (-want +got):\n%s", diff)
	}
	doc["b/c"] = map[string]any{"url": "u", "x": strings.Join(w, " ")}
	got, err = s.Find(doc, map[string]bool{"url": true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Pointer != "/b~1c/x" {
		t.Errorf("a second copy, in a member whose name needs escaping, gave %+v", got)
	}
}
