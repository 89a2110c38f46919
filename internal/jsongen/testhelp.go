package jsongen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// Helpers for the tests of the generated decoders (internal/*json),
// which hold each decoder to encoding/json on the same documents.

// DecodeBoth decodes a document with a generated decoder and with
// encoding/json, which must agree on every valid document.
func DecodeBoth[T any](t testing.TB, data []byte, decode func(jsonlite.Value) (*T, []*problem.Error)) (got, want *T, probs []*problem.Error) {
	t.Helper()
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, probs = decode(doc.Root())
	want = new(T)
	if err := json.Unmarshal(data, want); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return got, want, probs
}

// Fixtures lists the files that match each pattern; a pattern that
// matches none fails the test.
func Fixtures(t testing.TB, patterns ...string) []string {
	t.Helper()
	var out []string
	for _, g := range patterns {
		fs, err := filepath.Glob(g)
		if err != nil || len(fs) == 0 {
			t.Fatalf("no files match %s", g)
		}
		out = append(out, fs...)
	}
	return out
}

// Read reads a test file.
func Read(t testing.TB, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
