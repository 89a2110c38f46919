package main

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/schema"
)

// TestFastPathSameProblems checks every schema fixture, and random edits
// of the membership fixtures (the kind streamed by the million), with and
// without the checker's fast path: the problems must be identical.
func TestFastPathSameProblems(t *testing.T) {
	fast, slow := &checker{}, &checker{noFast: true}
	compare := func(name string, data []byte) {
		t.Helper()
		fk, fp := fast.check(data, 3)
		sk, sp := slow.check(data, 3)
		if fk != sk {
			t.Errorf("%s: kind %q with the fast path, %q without", name, fk, sk)
		}
		if diff := cmp.Diff(sp, fp); diff != "" {
			t.Errorf("%s: problems differ (-full +fast):\n%s\n%s", name, diff, data)
		}
	}
	files, _ := filepath.Glob("../../schema/testdata/*/valid/*.json")
	if len(files) < 10 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		compare(f, data)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	values := []any{nil, 1, "", "x", "2023-02-30", "2021", "2021-13", "staff", "chair", "neither", []any{}, []any{"a"}, []any{map[string]any{"title": "t", "date": "2022-02-29"}}, map[string]any{}}
	keys := []string{"id", "organization_id", "person_id", "member_organization_id", "post_id", "on_behalf_of_id", "role", "side", "start_date", "end_date", "notes", "sources", "ID", "colour"}
	mfiles, _ := filepath.Glob("../../schema/testdata/membership/valid/*.json")
	for _, f := range mfiles {
		data, _ := os.ReadFile(f)
		for range 2000 {
			var doc map[string]any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			delete(doc, "$schema")
			for range 1 + rng.IntN(3) {
				k := keys[rng.IntN(len(keys))]
				if rng.IntN(4) == 0 {
					delete(doc, k)
				} else {
					doc[k] = values[rng.IntN(len(values))]
				}
			}
			out, _ := json.Marshal(doc)
			fast.kind, slow.kind = schema.Membership, schema.Membership
			compare("membership edit", out)
		}
	}
}
