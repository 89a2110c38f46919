package bundle

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/wasm"
)

// Program is the WebAssembly program behind the elements.
const Program = "github.com/spfkit/spfkit/wasm/cmd/spfkit-widget"

// Compile builds the program for js/wasm into out with the Go toolchain on
// PATH. It must run inside the spfkit source tree.
func Compile(out string) error {
	// No inlining (-l), anywhere: the widget is interface code, where
	// speed does not matter, and inlined copies make up a tenth of the
	// bundle. Stripped of symbols and paths (-s -w, -trimpath), and of
	// version-control stamps and the build id (-buildvcs=false, -buildid=),
	// which change with the module graph, so the same sources give
	// the same bytes at any commit.
	build := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-gcflags=all=-l", "-ldflags=-s -w -buildid=", "-o", out, Program)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("compiling the widget (go build %s): %v\n%s", Program, err, b)
	}
	return nil
}

// Sources returns "sha256:" and the hash of what the program is made of:
// every Go and embedded file of this module's packages it imports, and the
// version of every other module it imports from.
func Sources() (string, error) {
	list := exec.Command("go", "list", "-deps", "-f",
		`{{with .Module}}{{if .Main}}P {{$.ImportPath}} {{$.Dir}}{{range $.GoFiles}} {{.}}{{end}}{{range $.EmbedFiles}} {{.}}{{end}}{{else}}M {{.Path}}@{{.Version}}{{end}}{{end}}`, Program)
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	if err != nil {
		return "", fmt.Errorf("listing the widget's sources (go list): %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sort.Strings(lines)
	h := sha256.New()
	seen := map[string]bool{}
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) == 0 || seen[line] {
			continue
		}
		seen[line] = true
		if f[0] == "M" {
			fmt.Fprintf(h, "module %s\n", f[1])
			continue
		}
		fmt.Fprintf(h, "package %s\n", f[1])
		names := f[3:]
		sort.Strings(names)
		for _, name := range names {
			b, err := os.ReadFile(filepath.Join(f[2], name))
			if err != nil {
				return "", err
			}
			fmt.Fprintf(h, "%s %x\n", name, sha256.Sum256(b))
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// manifest is files/SOURCES.
func manifest(sources string) string {
	return "go: " + runtime.Version() + "\nsources: " + sources + "\n"
}

// Recorded returns the Go version and sources hash in files/SOURCES.
func Recorded() (goVersion, sources string) {
	b, _ := files.ReadFile("files/SOURCES")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "go: "); ok {
			goVersion = v
		}
		if v, ok := strings.CutPrefix(line, "sources: "); ok {
			sources = v
		}
	}
	return goVersion, sources
}

// Generate compiles the program and rewrites dir (the package's files/
// folder): spfkit.wasm.gz, spfkit.wasm.br (with the brotli tool, which
// must be installed), wasm_exec.js from the same toolchain, and SOURCES.
func Generate(dir string) error {
	sources, err := Sources()
	if err != nil {
		return err
	}
	c, err := compileAll()
	if err != nil {
		return err
	}
	fw := wasm.FrameworkText(hrod.Builtin())
	fwBr, err := brotliBytes(fw)
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{"spfkit.wasm.gz": c.gz, "spfkit.wasm.br": c.br, "wasm_exec.js": c.execJS, "framework.txt": fw, "framework.txt.br": fwBr, "SOURCES": []byte(manifest(sources))} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// BuildDir is WriteDir with the program compiled afresh from the sources
// (inside the spfkit source tree, with the Go toolchain and brotli).
func BuildDir(dir string) ([]File, error) {
	c, err := compileAll()
	if err != nil {
		return nil, err
	}
	if _, err := WriteDir(dir); err != nil {
		return nil, err
	}
	var out []File
	for _, name := range Names {
		b := map[string][]byte{"spfkit.wasm": c.raw, "spfkit.wasm.gz": c.gz, "spfkit.wasm.br": c.br, "wasm_exec.js": c.execJS}[name]
		if b == nil {
			if b, err = ReadFile(name); err != nil {
				return nil, err
			}
		} else if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
		out = append(out, File{name, int64(len(b))})
	}
	return out, nil
}

type compiled struct{ raw, gz, br, execJS []byte }

func compileAll() (*compiled, error) {
	tmp, err := os.MkdirTemp("", "spfkit-bundle-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	program := filepath.Join(tmp, "spfkit.wasm")
	if err := Compile(program); err != nil {
		return nil, err
	}
	var c compiled
	if c.raw, err = os.ReadFile(program); err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(c.raw)
	zw.Close()
	c.gz = gz.Bytes()
	if c.br, err = brotliBytes(c.raw); err != nil {
		return nil, err
	}
	if c.execJS, err = wasmExecJS(); err != nil {
		return nil, err
	}
	return &c, nil
}

// brotliBytes compresses with the brotli tool at its best.
func brotliBytes(b []byte) ([]byte, error) {
	brotli, err := exec.LookPath("brotli")
	if err != nil {
		return nil, fmt.Errorf("the brotli tool is needed to compress the widget (apt-get install brotli)")
	}
	cmd := exec.Command(brotli, "-q", "11", "-c")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("brotli: %v", err)
	}
	return out, nil
}

// wasmExecJS reads the toolchain's wasm_exec.js.
func wasmExecJS() ([]byte, error) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("finding the Go toolchain: %v", err)
	}
	root := strings.TrimSpace(string(goroot))
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if b, err := os.ReadFile(filepath.Join(root, p)); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("wasm_exec.js is not in %s", root)
}
