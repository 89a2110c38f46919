package spf_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/spf"
)

// decodeStrict is what ParseMembership must agree with: encoding/json,
// refusing unknown fields.
func decodeStrict(data []byte) (spf.Membership, error) {
	var m spf.Membership
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&m)
	return m, err
}

func TestParseMembership(t *testing.T) {
	full := `{"id":"m-1","organization_id":"london-spf","person_id":"p-1","member_organization_id":"o","post_id":"co-chair","on_behalf_of_id":"unison","role":"co_chair","side":"staff","category":"c","label":"l","start_date":"2021-04","end_date":"2023","notes":["a","b"],"sources":[{"title":"T","url":"https://example.org","date":"2022-07-01","note":"n"}]}`
	got, err := spf.ParseMembership([]byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeStrict([]byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-encoding/json +ParseMembership):\n%s", diff)
	}

	for _, tc := range []struct {
		name, in  string
		line, col int
		msg       string
		date      bool
	}{
		{"impossible date", "{\"id\":\"m\",\n\"start_date\":\"2023-02-30\"}", 2, 14, `spf: line 2, column 14: date: "2023-02-30" is not a date: the day is not 01 to 28`, true},
		{"source date", `{"id":"m","sources":[{"title":"t","date":"2023-13"}]}`, 1, 42, "", true},
		{"unknown field", `{"id":"m","colour":"red"}`, 1, 20, `spf: line 1, column 20: unknown field "colour"`, false},
		{"wrong type", `{"id":7}`, 1, 7, `spf: line 1, column 7: id: expected a string, found a number`, false},
		{"twice", `{"id":"a","id":"b"}`, 1, 16, `spf: line 1, column 16: field "id" appears twice; keep one`, false},
		{"not an object", `[1]`, 1, 1, `spf: line 1, column 1: a membership must be a JSON object`, false},
		{"not JSON", `{"id":`, 1, 7, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := spf.ParseMembership([]byte(tc.in))
			var de *spf.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("got %v, want a *DecodeError", err)
			}
			if de.Line != tc.line || de.Column != tc.col {
				t.Errorf("at %d:%d, want %d:%d (%v)", de.Line, de.Column, tc.line, tc.col, err)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Errorf("message\n got %s\nwant %s", err, tc.msg)
			}
			var pe *date.ParseError
			if errors.As(err, &pe) != tc.date {
				t.Errorf("errors.As(err, *date.ParseError) = %v", !tc.date)
			}
		})
	}
}

// FuzzParseMembership: whatever ParseMembership accepts, encoding/json
// accepts too and reads the same way.
func FuzzParseMembership(f *testing.F) {
	f.Add([]byte(`{"id":"m-1","organization_id":"a","side":"staff","start_date":"2021-04-01","notes":["x"],"sources":[{"title":"t","date":"2020"}]}`))
	f.Add([]byte(`{"id":"m","end_date":"2023-02-29"}`))
	f.Add([]byte(`{"id":"\u00e9\ud83d\ude00","label":"a\"b"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := spf.ParseMembership(data)
		if err != nil {
			var de *spf.DecodeError
			if !errors.As(err, &de) || de.Line < 1 || de.Column < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		want, err := decodeStrict(data)
		if err != nil {
			t.Fatalf("ParseMembership accepts what encoding/json refuses (%v): %q", err, data)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%q (-encoding/json +ParseMembership):\n%s", data, diff)
		}
	})
}
