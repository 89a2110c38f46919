package schema_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/jsonedit"
	"github.com/spfkit/spfkit/schema"
)

// agree checks the fast path against the engine on one document: a
// "valid" or "invalid" from the fast path must be the engine's verdict.
func agree(t *testing.T, k schema.Kind, data []byte) string {
	t.Helper()
	fast := schema.FastVerdict(k, data)
	doc, err := schema.Decode(data)
	if err != nil {
		if fast == "valid" {
			t.Errorf("%s: the fast path passes a document that is not JSON: %s", k, data)
		}
		return fast
	}
	engine := schema.Validator{}.Validate(k, doc) == nil
	if fast == "valid" && !engine || fast == "invalid" && engine {
		t.Errorf("%s: fast path says %s, engine says valid=%v, on\n%s", k, fast, engine, data)
	}
	return fast
}

// fixtures returns every valid fixture and every negative case of a kind,
// as JSON.
func fixtures(t *testing.T, k schema.Kind) (good, bad [][]byte) {
	files, _ := filepath.Glob(filepath.Join("testdata", string(k), "valid", "*.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		good = append(good, data)
	}
	for _, c := range loadManifest(t, k) {
		data, err := json.Marshal(c.instance(t, k))
		require.NoError(t, err)
		bad = append(bad, data)
	}
	return good, bad
}

// TestFastPathAgrees runs every fixture through both paths. Every kind
// must have a fast path, pass its valid fixtures on it (or the fast path
// would do nothing), and never disagree with the engine.
func TestFastPathAgrees(t *testing.T) {
	for _, info := range schema.Kinds() {
		good, bad := fixtures(t, info.Kind)
		for _, data := range good {
			if got := agree(t, info.Kind, data); got != "valid" {
				t.Errorf("%s: the fast path says %s on a valid fixture", info.Kind, got)
			}
		}
		for _, data := range bad {
			agree(t, info.Kind, data)
		}
	}
}

// TestFastPathRandomEdits makes thousands of random edits to the valid
// fixtures (a value replaced by another of any type, a member removed or
// added, a duplicate key) and requires the two paths to agree on each.
func TestFastPathRandomEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 300
	if testing.Short() {
		n = 30
	}
	seen := map[string]int{}
	for _, info := range schema.Kinds() {
		good, _ := fixtures(t, info.Kind)
		for _, data := range good {
			for range n {
				out, err := jsonedit.Edit(rng, data, 1+rng.IntN(3))
				require.NoError(t, err)
				seen[agree(t, info.Kind, out)]++
			}
		}
	}
	t.Logf("fast path verdicts: %v", seen)
	// The edits must exercise both answers, or this test proves little.
	if seen["valid"] < 100 || seen["invalid"] < 100*len(schema.Kinds()) {
		t.Errorf("too few decided verdicts: %v", seen)
	}
}

func FuzzFastPath(f *testing.F) {
	kinds := schema.Kinds()
	for i, info := range kinds {
		good, bad := fixtures(&testing.T{}, info.Kind)
		for _, d := range append(good, bad...) {
			f.Add(uint8(i), d)
		}
	}
	f.Add(uint8(0), []byte(`{"id":"m","organization_id":"o","notes":[1e900000000]}`))
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		agree(t, kinds[int(k)%len(kinds)].Kind, data)
	})
}
