package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spfkit/spfkit/wasm"
)

// widgetPackage is the WebAssembly program behind the elements.
const widgetPackage = "github.com/spfkit/spfkit/wasm/cmd/spfkit-widget"

func cmdWidget(e env, args []string) int {
	if len(args) == 0 || args[0] != "build" {
		fmt.Fprintln(e.stderr, "Usage: spfkit widget build --out DIR")
		return exitUsage
	}
	fs := newFlagSet(e, "widget build", "spfkit widget build --out DIR")
	out := fs.String("out", "", "the folder to write the bundle to (created if needed)")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return flagExit(err)
	}
	if *out == "" || len(rest) > 0 {
		fmt.Fprintln(e.stderr, "spfkit widget build: name the output folder with --out DIR")
		return exitUsage
	}
	files, err := buildBundle(e.stderr, *out)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit widget build: %v\n", err)
		return exitInvalid
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "%-20s %9d bytes\n", f.name, f.size)
	}
	return exitOK
}

type bundleFile struct {
	name string
	size int64
}

// buildBundle writes the widget bundle of the contract to dir: the
// WebAssembly program (with .gz and, when the brotli tool is installed,
// .br), the toolchain's wasm_exec.js, the loader, the fallback stylesheet
// and an example page. It needs the Go toolchain, since it compiles the
// program for js/wasm.
func buildBundle(log io.Writer, dir string) ([]bundleFile, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	wasmPath := filepath.Join(dir, "spfkit.wasm")
	// No inlining (-l), anywhere: the widget is interface code, where
	// speed does not matter, and inlined copies make up a tenth of the
	// bundle. Stripped of symbols and paths (-s -w, -trimpath).
	build := exec.Command("go", "build", "-trimpath", "-gcflags=all=-l", "-ldflags=-s -w", "-o", wasmPath, widgetPackage)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling the widget (go build %s): %v\n%s", widgetPackage, err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("finding the Go toolchain: %v", err)
	}
	root := strings.TrimSpace(string(goroot))
	var execJS []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if execJS, err = os.ReadFile(filepath.Join(root, p)); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js is not in %s: %v", root, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), execJS, 0o644); err != nil {
		return nil, err
	}
	for _, name := range []string{"spfkit.js", "spfkit.css", "example.html"} {
		b, err := fs.ReadFile(wasm.Assets, "assets/"+name)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	program, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(program)
	zw.Close()
	if err := os.WriteFile(wasmPath+".gz", gz.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if brotli, err := exec.LookPath("brotli"); err == nil {
		if out, err := exec.Command(brotli, "-q", "11", "-f", "-o", wasmPath+".br", wasmPath).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("brotli: %v\n%s", err, out)
		}
	} else {
		os.Remove(wasmPath + ".br")
		fmt.Fprintln(log, "spfkit widget build: the brotli tool is not installed, so spfkit.wasm.br is not written (apt-get install brotli)")
	}
	var files []bundleFile
	for _, name := range []string{"spfkit.wasm", "spfkit.wasm.br", "spfkit.wasm.gz", "wasm_exec.js", "spfkit.js", "spfkit.css", "example.html"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		files = append(files, bundleFile{name, st.Size()})
	}
	return files, nil
}
