package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
)

var update = flag.Bool("update", false, "rewrite the committed *.schema.json files from the Go types")

// generators maps each kind to the Go value its schema is reflected from
// and the source folders whose doc comments become descriptions.
var generators = map[schema.Kind]struct {
	value any
	dirs  []string
}{
	schema.BodyDirectory:     {&spf.Directory{}, []string{"../spf"}},
	schema.Membership:        {&spf.Membership{}, []string{"../spf"}},
	schema.ValidationProblem: {&schema.Problem{}, []string{"."}},
}

// render reflects a kind's schema exactly as it is published.
func render(t *testing.T, k schema.Kind) []byte {
	t.Helper()
	g, ok := generators[k]
	require.True(t, ok, "kind %s has no generator in generate_test.go", k)
	r := &jsonschema.Reflector{}
	for _, dir := range g.dirs {
		// AddGoComments keys comments by base joined with the walked
		// path, so the base is this package's import path.
		require.NoError(t, r.AddGoComments("github.com/spfkit/spfkit/schema", dir))
	}
	s := r.Reflect(g.value)
	s.ID = jsonschema.ID(k.URL())
	info, _ := schema.Lookup(k)
	s.Title = info.Title
	s.Description = info.Description
	s.Comments = "Generated from " + info.GoType + " by invopop/jsonschema v0.14.0; do not edit. Run go generate ./schema."
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(s))
	return buf.Bytes()
}

func TestSchemasUpToDate(t *testing.T) {
	for _, info := range schema.Kinds() {
		t.Run(string(info.Kind), func(t *testing.T) {
			want := render(t, info.Kind)
			if *update {
				require.NoError(t, os.WriteFile(info.Kind.FileName(), want, 0o644))
				return
			}
			got, err := schema.Source(info.Kind)
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s is out of date with the Go types; run `go generate ./schema` (-generated +committed):\n%s", info.Kind.FileName(), diff)
			}
		})
	}
}

// TestEveryFieldDescribed fails when an exported field or a type has no
// doc comment, since comments become the schemas' descriptions.
func TestEveryFieldDescribed(t *testing.T) {
	for _, info := range schema.Kinds() {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(render(t, info.Kind), &doc))
		walkDescriptions(t, string(info.Kind), doc)
	}
}

func walkDescriptions(t *testing.T, at string, node any) {
	switch n := node.(type) {
	case map[string]any:
		if props, ok := n["properties"].(map[string]any); ok {
			for name, p := range props {
				pm, _ := p.(map[string]any)
				if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" && pm["$ref"] == nil {
					t.Errorf("%s: property %q has no description; add a doc comment to its Go field", at, name)
				}
			}
		}
		for key, v := range n {
			walkDescriptions(t, at+"/"+key, v)
		}
	case []any:
		for _, v := range n {
			walkDescriptions(t, at, v)
		}
	}
}

// TestGeneratorsCoverRegistry keeps the registry and the generators in step.
func TestGeneratorsCoverRegistry(t *testing.T) {
	var kinds []string
	for _, info := range schema.Kinds() {
		kinds = append(kinds, string(info.Kind))
		if _, ok := generators[info.Kind]; !ok {
			t.Errorf("registered kind %s has no generator", info.Kind)
		}
	}
	if len(generators) != len(kinds) {
		t.Errorf("generators has %d kinds, the registry %d", len(generators), len(kinds))
	}
}
