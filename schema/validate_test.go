package schema_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

func TestReadingProblems(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantLine int
		wantCode string
	}{
		{"empty", "", 1, "empty"},
		{"whitespace", " \n\n", 3, "empty"},
		{"not JSON", "hello", 1, "syntax"},
		{"truncated", "{\n\"organizations\": [\n", 3, "syntax"},
		{"two documents", "{}\n{}", 2, "syntax"},
		{"bad token on line 3", "{\n\"a\": 1,\n\"b\": tru\n}", 3, "syntax"},
		{"invalid UTF-8", "{\"organizations\": [{\"id\": \"a\",\n\"name\": \"caf\xe9\"}]}", 2, "encoding"},
		{"a key given twice", "{\"organizations\": [],\n\"organizations\": []}", 2, "duplicate_key"},
		{"byte order mark", "\xef\xbb\xbf{}", 1, "bom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, err := range map[string]error{
				"Decode":       func() error { _, err := schema.Decode([]byte(tt.in)); return err }(),
				"ValidateJSON": schema.Validator{}.ValidateJSON(schema.BodyDirectory, []byte(tt.in)),
			} {
				errs := problem.All(err)
				if len(errs) != 1 || errs[0].Line != tt.wantLine || errs[0].Code != tt.wantCode || errs[0].Column < 1 {
					t.Errorf("%s: got %v, want one %s problem on line %d", name, errs, tt.wantCode, tt.wantLine)
				}
			}
		})
	}
}

func TestErrorsSortedAndCapped(t *testing.T) {
	doc := `{"organizations":[` + strings.Repeat(`{"id":"X","name":"","classification":"nope"},`, 11) + `{"id":"ok","name":"n","classification":"other"}]}`
	err := schema.Validator{MaxErrors: 5}.ValidateJSON(schema.BodyDirectory, []byte(doc))
	errs := problem.All(err)
	var got []string
	for _, e := range errs {
		got = append(got, e.Pointer+" "+e.Code)
	}
	want := []string{
		"/organizations/0/classification enum",
		"/organizations/0/id pattern",
		"/organizations/0/name minLength",
		"/organizations/1/classification enum",
		"/organizations/1/id pattern",
		" too_many_errors",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if !strings.Contains(errs[len(errs)-1].Message, "28 more") {
		t.Errorf("last message = %q, want the count left out", errs[len(errs)-1].Message)
	}
}

var kindsOfURLs = map[string]schema.Kind{
	"https://spfkit.github.io/schema/v1/body-directory.schema.json":  schema.BodyDirectory,
	"https://spfkit.github.io/schema/v1/body-directory.schema.json#": schema.BodyDirectory,
	"https://spfkit.github.io/schema/v1/nope.schema.json":            "",
	"https://example.org/body-directory.schema.json":                 "",
}

func TestKindOfURL(t *testing.T) {
	for in, want := range kindsOfURLs {
		got, _ := schema.KindOfURL(in)
		if got != want {
			t.Errorf("KindOfURL(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := schema.Source("nope"); err == nil {
		t.Error("Source of an unknown kind: want an error")
	}
}

// TestCheckJSONKind: CheckJSON reads a document's kind from its
// "$schema" member as KindOfURL reads the URL.
func TestCheckJSONKind(t *testing.T) {
	for url, want := range kindsOfURLs {
		got, err := schema.Validator{}.CheckJSON("", []byte(`{"$schema":"`+url+`"}`))
		if want == "" {
			if !errors.Is(err, schema.ErrNoKind) {
				t.Errorf("%s: got kind %q, error %v; want ErrNoKind", url, got, err)
			}
			continue
		}
		if got != want {
			t.Errorf("%s: got kind %q, want %q", url, got, want)
		}
	}
	for _, doc := range []string{`[]`, `{"$schema":1}`, `{"a":{"$schema":"https://spfkit.github.io/schema/v1/body-directory.schema.json"}}`} {
		if _, err := (schema.Validator{}).CheckJSON("", []byte(doc)); !errors.Is(err, schema.ErrNoKind) {
			t.Errorf("%s: got %v, want ErrNoKind", doc, err)
		}
	}
}

func FuzzValidateJSON(f *testing.F) {
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"national_forum","founding_date":"2021-04"}]}`))
	f.Add([]byte(`{"organizations":[{"id":"a"}],"posts":[{"id":"p","organization_id":"a","label":"x","role":"co_chair","side":"staff"}]}`))
	f.Add([]byte(`[1,2,{"a":null}]`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"other","founding_date":2021}]}`))
	f.Add([]byte(`{"organizations":[{"id":"a","name":"A","classification":"other","founding_date":1e900000000}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := schema.Validator{}.ValidateJSON(schema.BodyDirectory, data)
		if err == nil {
			return
		}
		errs := problem.All(err)
		if len(errs) == 0 {
			t.Fatalf("invalid document without located errors: %v", err)
		}
		for _, e := range errs {
			if e.Code == "" || e.Message == "" || e.Line < 1 && e.Code != schema.CodeTooMany {
				t.Fatalf("error without code, message or line: %+v", e)
			}
		}
	})
}

func TestAdditionalPropertiesNamesInOrder(t *testing.T) {
	doc := []byte(`{"id":"m","organization_id":"o","zeta":1,"alpha":2,"Mid":3}`)
	for range 20 { // the engine's order is a map's, so try more than once
		errs := problem.All(schema.Validator{}.ValidateJSON(schema.Membership, doc))
		if len(errs) != 1 || errs[0].Message != "additionalProperties 'Mid', 'alpha', 'zeta' not allowed" {
			t.Fatalf("got %v", errs)
		}
	}
}

// TestTypeChoiceIsOneError: when every branch of an anyOf fails on its
// type, the engine's one error per branch becomes one error.
func TestTypeChoiceIsOneError(t *testing.T) {
	doc := []byte(`{"survey":"s","answers":{"q":true}}`)
	errs := problem.All(schema.Validator{}.ValidateJSON(schema.SurveyResponse, doc))
	if len(errs) != 1 || errs[0].Pointer != "/answers/q" || errs[0].Code != "type" || errs[0].Message != "expected number, string, array or null, but got boolean" {
		for _, e := range errs {
			t.Errorf("%s %s %s", e.Pointer, e.Code, e.Message)
		}
	}
}

// TestUnreadableNumber: a number too large to compare exactly is reported
// at its place, where the engine would otherwise fail.
func TestUnreadableNumber(t *testing.T) {
	for _, doc := range []string{
		`{"id":"m","organization_id":1e900000000}`,
		`{"id":"m","organization_id":"o","notes":[-1E900000000]}`,
	} {
		errs := problem.All(schema.Validator{}.ValidateJSON(schema.Membership, []byte(doc)))
		if len(errs) != 1 || errs[0].Code != "number" || !strings.Contains(errs[0].Message, "900000000 is too large or too small to check") {
			t.Errorf("%s: %v", doc, errs)
		}
	}
}
