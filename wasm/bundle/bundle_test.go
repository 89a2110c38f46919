package bundle_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/spfkit/spfkit/hrod"
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
