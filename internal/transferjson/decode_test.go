package transferjson_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/internal/jsongen"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/transferjson"
	"github.com/spfkit/spfkit/transfer"
)

func TestGenerated(t *testing.T) {
	files, err := jsongen.DecoderFiles("transfer")
	if err != nil {
		t.Fatal(err)
	}
	jsongen.Check(t, files, false)
}

func TestDecodersReadWhatEncodingJSONReads(t *testing.T) {
	for _, f := range jsongen.Fixtures(t, "../../schema/testdata/transfer-case/valid/*.json", "../../transfer/testdata/*.json") {
		got, want, probs := jsongen.DecodeBoth(t, jsongen.Read(t, f), transferjson.DecodeCase)
		if diff := cmp.Diff(want, got); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", f, probs, diff)
		}
	}
}

// FuzzDecodeCase: decoding never fails on a parsed document, every problem
// is located, and a case read without problems is read as encoding/json
// reads it.
func FuzzDecodeCase(f *testing.F) {
	f.Add(jsongen.Read(f, "../../transfer/testdata/outsourcing.json"))
	f.Add([]byte(`{"employee":{"terms":"afc","pension":"nhsps_actve"},"transfer":{"transferring":-1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		got, probs := transferjson.DecodeCase(doc.Root())
		for _, p := range probs {
			if p.Line < 1 || p.Column < 1 || p.Code == "" {
				t.Fatalf("unlocated problem %+v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		var want transfer.Case
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("the generated decoder accepts %q, which encoding/json refuses: %v", data, err)
		}
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Fatalf("%q read differently (-encoding/json +generated):\n%s", data, diff)
		}
	})
}
