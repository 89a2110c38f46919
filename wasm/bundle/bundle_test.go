package bundle_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/wasm"
	"github.com/spfkit/spfkit/wasm/bundle"
)

// TestFresh fails when the committed program was not built from the
// sources as they are now.
func TestFresh(t *testing.T) {
	goVersion, recorded := bundle.Recorded()
	now, err := bundle.Sources()
	if err != nil {
		t.Fatal(err)
	}
	if now != recorded {
		t.Fatalf("the committed widget bundle is stale: its sources have changed since it was built (%s, now %s); run go generate ./wasm/bundle and commit wasm/bundle/files", recorded, now)
	}
	if testing.Short() {
		t.Skip("-short: not rebuilding the program to compare bytes")
	}
	if goVersion != runtime.Version() {
		t.Skipf("the bundle was built with %s and this is %s, so its bytes cannot be compared; the sources match", goVersion, runtime.Version())
	}
	out := filepath.Join(t.TempDir(), "spfkit.wasm")
	if err := bundle.Compile(out); err != nil {
		t.Fatal(err)
	}
	fresh, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := bundle.ReadFile("spfkit.wasm")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Fatalf("the committed program (%d bytes) is not what the sources build (%d bytes); run go generate ./wasm/bundle", len(committed), len(fresh))
	}
}

// TestFrameworkFresh: framework.txt is the built-in framework as the
// checklist shows it.
func TestFrameworkFresh(t *testing.T) {
	got, err := bundle.ReadFile("framework.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, wasm.FrameworkText(hrod.Builtin())) {
		t.Fatal("the committed framework.txt is stale: run go generate ./wasm/bundle and commit wasm/bundle/files")
	}
}

// TestWriteDir writes the bundle as a host page needs it.
func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	files, err := bundle.WriteDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(bundle.Names) {
		t.Fatalf("wrote %d files, want %d", len(files), len(bundle.Names))
	}
	wasm, _ := os.ReadFile(filepath.Join(dir, "spfkit.wasm"))
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Errorf("spfkit.wasm is not WebAssembly")
	}
	for _, f := range files {
		if f.Size == 0 {
			t.Errorf("%s is empty", f.Name)
		}
	}
	if _, err := bundle.ReadFile("../go.mod"); err == nil {
		t.Errorf("ReadFile opened a file outside the bundle")
	}
}

// TestStylesFresh fails when wasm/assets/spfkit.css is not what
// spfkit-own.css and the pinned nhsuk-frontend make. It needs npm ci in
// wasm/browser (.ci/run does it first); without it, it is skipped outside
// CI.
func TestStylesFresh(t *testing.T) {
	root := "../.."
	if _, err := os.Stat(filepath.Join(root, bundle.NHSUKFrontend)); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("nhsuk-frontend is not installed (npm ci in wasm/browser): %v", err)
		}
		t.Skipf("nhsuk-frontend is not installed (npm ci in wasm/browser), so the styles cannot be checked: %v", err)
	}
	want, err := bundle.StylesFrom(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "wasm/assets/spfkit.css"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("wasm/assets/spfkit.css is stale: run go generate ./wasm/bundle and commit it")
	}
}

// TestPrerendered: each built-in survey's early view is in the bundle, and
// it is the widget's own first render of the empty form with the
// placeholder prefix the loader rewrites.
func TestPrerendered(t *testing.T) {
	for _, id := range survey.BuiltinIDs() {
		name := "survey-" + id + ".html"
		if !slices.Contains(bundle.Names, name) {
			t.Errorf("%s is not among the bundle's files", name)
		}
		got, err := bundle.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		def, _ := survey.SharedBuiltin(id)
		want := wasm.RenderSurvey(&wasm.SurveyView{Def: def, Prefix: "spf0", Answers: &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}})
		if string(got) != want {
			t.Errorf("%s is not the widget's first render", name)
		}
		if !bytes.Contains(got, []byte(`<form class="spf-form" novalidate id="spf0-form">`)) || bytes.Contains(got, []byte(`id="spf1-`)) {
			t.Errorf("%s does not use the placeholder prefix spf0 alone", name)
		}
	}
	if _, err := bundle.ReadFile("survey-no-such-survey.html"); err == nil {
		t.Error("a survey that is not built in has an early view")
	}
}
