package surveyjson_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/internal/jsongen"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/survey"
)

func TestGenerated(t *testing.T) {
	files, err := jsongen.DecoderFiles("survey")
	if err != nil {
		t.Fatal(err)
	}
	jsongen.Check(t, files, false)
}

func TestDecodersReadWhatEncodingJSONReads(t *testing.T) {
	for _, f := range jsongen.Fixtures(t, "../../schema/testdata/survey-definition/valid/*.json", "../../survey/data/*.json", "../../survey/testdata/pulse.json") {
		got, want, probs := jsongen.DecodeBoth(t, jsongen.Read(t, f), surveyjson.DecodeDefinition)
		if diff := cmp.Diff(want, got); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", f, probs, diff)
		}
	}
	var docs [][]byte
	for _, f := range jsongen.Fixtures(t, "../../schema/testdata/survey-response/valid/*.json") {
		docs = append(docs, jsongen.Read(t, f))
	}
	for _, f := range jsongen.Fixtures(t, "../../survey/testdata/*.ndjson") {
		for _, line := range bytes.Split(bytes.TrimSpace(jsongen.Read(t, f)), []byte("\n")) {
			docs = append(docs, line)
		}
	}
	for _, data := range docs {
		got, want, probs := jsongen.DecodeBoth(t, data, surveyjson.DecodeResponse)
		if diff := cmp.Diff(want, got, cmp.Comparer(survey.Answer.Equal)); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", data, probs, diff)
		}
	}
}

// FuzzDecodeResponse: decoding never fails on a parsed document, every
// problem is located, and a response read without problems is read as
// encoding/json (through Answer.UnmarshalJSON) reads it.
func FuzzDecodeResponse(f *testing.F) {
	f.Add([]byte(`{"survey":"s","answers":{"a":["x","y"],"b":null,"c":{},"d":false,"e":4,"f":"t"},"other":{"a":"z"}}`))
	f.Add([]byte(`{"survey":"s","answers":{"a":[1e999, "x"]},"version":"2"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		got, probs := surveyjson.DecodeResponse(doc.Root())
		for _, p := range probs {
			if p.Line < 1 || p.Column < 1 || p.Code == "" {
				t.Fatalf("unlocated problem %+v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		var want survey.Response
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("the generated decoder accepts %q, which encoding/json refuses: %v", data, err)
		}
		if diff := cmp.Diff(&want, got, cmp.Comparer(survey.Answer.Equal)); diff != "" {
			t.Fatalf("%q read differently (-encoding/json +generated):\n%s", data, diff)
		}
	})
}
