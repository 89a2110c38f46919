package hrodjson_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/hrodjson"
	"github.com/spfkit/spfkit/internal/jsongen"
	"github.com/spfkit/spfkit/internal/jsonlite"
)

func TestGenerated(t *testing.T) {
	files, err := jsongen.DecoderFiles("hrod")
	if err != nil {
		t.Fatal(err)
	}
	jsongen.Check(t, files, false)
}

func TestDecodersReadWhatEncodingJSONReads(t *testing.T) {
	for _, f := range jsongen.Fixtures(t, "../../schema/testdata/hrod-framework/valid/*.json", "../../hrod/data/framework.json") {
		got, want, probs := jsongen.DecodeBoth(t, jsongen.Read(t, f), hrodjson.DecodeFramework)
		if diff := cmp.Diff(want, got); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", f, probs, diff)
		}
	}
	for _, f := range jsongen.Fixtures(t, "../../schema/testdata/action-plan/valid/*.json", "../../cmd/spfkit/testdata/golden/in/*.json") {
		got, want, probs := jsongen.DecodeBoth(t, jsongen.Read(t, f), hrodjson.DecodePlan)
		if diff := cmp.Diff(want, got); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", f, probs, diff)
		}
	}
}

// FuzzDecodePlan: decoding never fails on a parsed document, every
// problem is located, and a plan read without problems is read as
// encoding/json reads it.
func FuzzDecodePlan(f *testing.F) {
	f.Add([]byte(`{"organization":"T","level":"local","entries":[{"item":"13.2","status":"completed","due":"2023-03-31","evidence":[{"title":"x"}]}]}`))
	f.Add([]byte(`{"organization":"T","level":"regional","entries":[{"item":"1","status":"done","due":"2023-02-30"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		got, probs := hrodjson.DecodePlan(doc.Root())
		for _, p := range probs {
			if p.Line < 1 || p.Column < 1 || p.Code == "" {
				t.Fatalf("unlocated problem %+v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		var want hrod.Plan
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("the generated decoder accepts %q, which encoding/json refuses: %v", data, err)
		}
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Fatalf("%q read differently (-encoding/json +generated):\n%s", data, diff)
		}
	})
}
