package jsongen

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
	"github.com/spfkit/spfkit/transfer"
)

// Targets are spfkit's document types, by the folder of their package
// (relative to the module's root).
var Targets = map[string]*Target{
	"spf": {
		Roots:      []any{(*spf.Directory)(nil), (*spf.Membership)(nil)},
		Decode:     []int{0, 1},
		DecodePath: "github.com/spfkit/spfkit/internal/spfjson",
		Clone:      []int{0},
	},
	"survey": {
		Roots:      []any{(*survey.Definition)(nil), (*survey.Response)(nil)},
		Decode:     []int{0, 1},
		DecodePath: "github.com/spfkit/spfkit/internal/surveyjson",
		Parts:      []any{(*survey.Source)(nil)},
		Clone:      []int{0},
		Custom: map[reflect.Type]Custom{
			reflect.TypeFor[survey.Answer](): {Append: "appendAnswer", Decode: "decodeAnswer"},
		},
		Check: map[reflect.Type]string{
			reflect.TypeFor[survey.Response](): "checkAnswers",
		},
	},
	"survey/score": {
		Roots: []any{(*score.Report)(nil), (*score.Comparison)(nil)},
	},
	"hrod": {
		Roots:      []any{(*hrod.Framework)(nil), (*hrod.Plan)(nil), (*hrod.StatusReport)(nil)},
		Decode:     []int{0, 1},
		DecodePath: "github.com/spfkit/spfkit/internal/hrodjson",
		Clone:      []int{0},
	},
	// The validation-problem document, written by package check.
	"problem": {
		Roots:      []any{(*problem.Error)(nil)},
		EncodePath: "github.com/spfkit/spfkit/check",
	},
	"transfer": {
		Roots:      []any{(*transfer.Case)(nil), (*transfer.Assessment)(nil)},
		Decode:     []int{0},
		DecodePath: "github.com/spfkit/spfkit/internal/transferjson",
	},
}

// Root is the module's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Files returns the generated files of a target, by path relative to the
// module's root: the encoders (and their stubs) in the package's folder,
// and the clones when asked; the decoders are DecoderFiles.
func Files(dir string) (map[string][]byte, error) {
	t := Targets[dir]
	out := map[string][]byte{}
	for _, stub := range []bool{false, true} {
		name := "json_gen.go"
		if stub {
			name = "json_stub.go"
		}
		src, err := Encoders(t, stub)
		if err != nil {
			return nil, err
		}
		where := dir
		if t.EncodePath != "" {
			where = t.EncodePath[len("github.com/spfkit/spfkit/"):]
			name = "problem_" + name
		}
		out[filepath.Join(where, name)] = src
		if len(t.Clone) > 0 {
			src, err := Clones(t, stub)
			if err != nil {
				return nil, err
			}
			name = "clone_gen.go"
			if stub {
				name = "clone_stub.go"
			}
			out[filepath.Join(dir, name)] = src
		}
	}
	return out, nil
}

// DecoderFiles returns the generated decoders of a target (and their
// stubs), by path relative to the module's root.
func DecoderFiles(dir string) (map[string][]byte, error) {
	t := Targets[dir]
	out := map[string][]byte{}
	rel := t.DecodePath[len("github.com/spfkit/spfkit/"):]
	for _, stub := range []bool{false, true} {
		name := "decode_gen.go"
		if stub {
			name = "decode_stub.go"
		}
		src, err := Decoders(t, stub)
		if err != nil {
			return nil, err
		}
		out[filepath.Join(rel, name)] = src
	}
	return out, nil
}

// Check compares generated files with those committed and, with update
// set, rewrites them. A package's test calls it for its own files.
func Check(t *testing.T, files map[string][]byte, update bool) {
	t.Helper()
	for rel, want := range files {
		p := filepath.Join(Root(), rel)
		if update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go generate)", rel, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date with the Go types; run go generate (-generated +committed):\n%s", rel, cmp.Diff(string(want), string(got)))
		}
	}
}
