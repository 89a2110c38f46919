package bundle

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/wasm"
)

//go:embed files/spfkit.wasm.br files/spfkit.wasm.gz files/wasm_exec.js files/framework.txt files/framework.txt.br files/SOURCES
var files embed.FS

// Names are the bundle's files, in the order they are listed: the
// program, the loader, the styles, the framework, the example page, and
// the first view of each built-in survey (see Prerendered).
var Names = append([]string{"spfkit.wasm", "spfkit.wasm.br", "spfkit.wasm.gz", "wasm_exec.js", "spfkit.js", "spfkit.css", "framework.txt", "framework.txt.br", "example.html"}, prerenderedNames()...)

func prerenderedNames() []string {
	var out []string
	for _, id := range survey.BuiltinIDs() {
		out = append(out, "survey-"+id+".html")
	}
	return out
}

// Prerendered is the first view of a built-in survey, an empty form, as
// the widget's own Go code renders it (wasm.RenderSurvey) with the
// placeholder prefix "spf0". The loader shows it while the runtime starts,
// so a reader can begin at once, and the widget takes the form over when
// it is running, keeping what was entered. It is made from the survey
// itself each time, so it cannot fall out of step with the widget.
func Prerendered(id string) ([]byte, bool) {
	def, ok := survey.SharedBuiltin(id)
	if !ok {
		return nil, false
	}
	v := &wasm.SurveyView{Def: def, Prefix: "spf0", Answers: &survey.Response{Survey: def.ID, Version: def.Version, Answers: map[survey.QuestionID]survey.Answer{}}}
	return []byte(wasm.RenderSurvey(v)), true
}

var (
	rawOnce sync.Once
	raw     []byte
	rawErr  error
)

// ReadFile returns one of the bundle's files by name (see Names).
func ReadFile(name string) ([]byte, error) {
	switch name {
	case "spfkit.wasm":
		rawOnce.Do(func() {
			gz, err := files.ReadFile("files/spfkit.wasm.gz")
			if err != nil {
				rawErr = err
				return
			}
			zr, err := gzip.NewReader(bytes.NewReader(gz))
			if err != nil {
				rawErr = err
				return
			}
			raw, rawErr = io.ReadAll(zr)
		})
		return raw, rawErr
	case "spfkit.wasm.br", "spfkit.wasm.gz", "wasm_exec.js", "framework.txt", "framework.txt.br":
		return files.ReadFile("files/" + name)
	case "spfkit.js", "spfkit.css", "example.html":
		return wasm.Assets.ReadFile("assets/" + name)
	}
	if id, ok := strings.CutPrefix(name, "survey-"); ok {
		if id, ok := strings.CutSuffix(id, ".html"); ok {
			if b, ok := Prerendered(id); ok {
				return b, nil
			}
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// FS is the bundle as a file system, for http.FileServerFS and the like.
func FS() fs.FS { return bundleFS{} }

type bundleFS struct{}

func (bundleFS) Open(name string) (fs.File, error) {
	b, err := ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &file{Reader: bytes.NewReader(b), name: name, size: int64(len(b))}, nil
}

type file struct {
	*bytes.Reader
	name string
	size int64
}

func (f *file) Stat() (fs.FileInfo, error) { return f, nil }
func (f *file) Close() error               { return nil }
func (f *file) Name() string               { return f.name }
func (f *file) Size() int64                { return f.size }
func (f *file) Mode() fs.FileMode          { return 0o444 }
func (f *file) ModTime() time.Time         { return time.Time{} }
func (f *file) IsDir() bool                { return false }
func (f *file) Sys() any                   { return nil }

// File is a file written by WriteDir.
type File struct {
	Name string
	Size int64
}

// WriteDir writes the bundle to dir, making it when missing.
func WriteDir(dir string) ([]File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []File
	for _, name := range Names {
		b, err := ReadFile(name)
		if err != nil {
			return nil, errors.Join(errors.New("bundle: "+name), err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
		out = append(out, File{name, int64(len(b))})
	}
	return out, nil
}
