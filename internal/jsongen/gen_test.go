package jsongen_test

import (
	"flag"
	"testing"

	"github.com/spfkit/spfkit/internal/jsongen"
)

var update = flag.Bool("update", false, "rewrite the generated files")

// TestGenerated keeps every package's generated JSON code in step with
// its Go types. Each package's own test checks its files too; this one
// writes them all at once (go generate ./internal/jsongen).
func TestGenerated(t *testing.T) {
	for dir, target := range jsongen.Targets {
		files, err := jsongen.Files(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		jsongen.Check(t, files, *update)
		if target.DecodePath == "" {
			continue
		}
		files, err = jsongen.DecoderFiles(dir)
		if err != nil {
			t.Fatalf("%s decoders: %v", dir, err)
		}
		jsongen.Check(t, files, *update)
	}
}
