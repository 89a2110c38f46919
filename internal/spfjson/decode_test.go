package spfjson_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/internal/jsongen"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/spfjson"
	"github.com/spfkit/spfkit/spf"
)

func TestGenerated(t *testing.T) {
	files, err := jsongen.DecoderFiles("spf")
	if err != nil {
		t.Fatal(err)
	}
	jsongen.Check(t, files, false)
}

func parse(t testing.TB, data []byte) jsonlite.Value {
	t.Helper()
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc.Root()
}

// TestDecodersReadWhatEncodingJSONReads decodes every valid document of
// the package's kinds both ways.
func TestDecodersReadWhatEncodingJSONReads(t *testing.T) {
	dirs, _ := filepath.Glob("../../schema/testdata/body-directory/valid/*.json")
	dirs = append(dirs, "../../spf/data/directory.json")
	for _, f := range dirs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, probs := spfjson.DecodeDirectory(parse(t, data))
		var want spf.Directory
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if len(probs) > 0 {
			t.Errorf("%s: %v", f, probs)
		}
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("%s (-encoding/json +generated):\n%s", f, diff)
		}
	}
	members, _ := filepath.Glob("../../schema/testdata/membership/valid/*.json")
	for _, f := range members {
		data, _ := os.ReadFile(f)
		got, probs := spfjson.DecodeMembership(parse(t, data))
		var want spf.Membership
		json.Unmarshal(data, &want)
		if diff := cmp.Diff(&want, got); diff != "" || len(probs) > 0 {
			t.Errorf("%s %v (-encoding/json +generated):\n%s", f, probs, diff)
		}
	}
}

func TestDecoderProblems(t *testing.T) {
	doc := `{
  "organizations": [
    {"id": "a", "name": 5, "classification": "forum", "founding_date": "2023-02-30", "colour": "red"},
    {"name": "B", "classification": "other", "sources": [{"title": "t", "date": "2022-13"}]}
  ],
  "memberships": {}
}`
	_, probs := spfjson.DecodeDirectory(parse(t, []byte(doc)))
	var got []string
	for _, p := range probs {
		got = append(got, strings.Join([]string{p.Pointer, p.Code, p.Message}, " | ")+" @"+itoa(p.Line)+":"+itoa(p.Column))
	}
	want := []string{
		`/organizations/0/name | type | expected a string, found a number @3:25`,
		`/organizations/0/classification | enum | spf: unknown classification "forum" (use one of national_forum, regional_forum, system_forum, organisation_forum, subgroup, partner_organisation, employers_organisation, employer, commissioner, trade_union, trade_union_side, government_body, arms_length_body, local_government, other) @3:46`,
		`/organizations/0/founding_date | date | "2023-02-30" is not a date: the day is not 01 to 28 @3:72`,
		`/organizations/0/colour | additionalProperties | unknown field "colour" @3:96`,
		`/organizations/1/sources/0/date | date | "2022-13" is not a date: the month is not 01 to 12 @4:81`,
		`/organizations/1 | required | missing field "id" @4:5`,
		`/memberships | type | expected a list, found an object @6:18`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// FuzzDecodeDirectory: whatever the input, decoding finishes, every
// problem is located, and a document decoded without problems is read as
// encoding/json reads it.
func FuzzDecodeDirectory(f *testing.F) {
	data, _ := os.ReadFile("../../schema/testdata/body-directory/valid/full.json")
	f.Add(data)
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"other","founding_date":"2021"}]}`))
	f.Add([]byte(`{"memberships":[{"id":"m","start_date":"2023-02-29"}],"organizations":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		got, probs := spfjson.DecodeDirectory(doc.Root())
		for _, p := range probs {
			if p.Line < 1 || p.Column < 1 || p.Code == "" {
				t.Fatalf("unlocated problem %+v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		var want spf.Directory
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("the generated decoder accepts %q, which encoding/json refuses: %v", data, err)
		}
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Fatalf("%q read differently (-encoding/json +generated):\n%s", data, diff)
		}
	})
}
