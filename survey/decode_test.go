package survey_test

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

func TestDecodeResponse(t *testing.T) {
	r, probs, err := survey.DecodeResponse([]byte(` {"$schema":"x","survey":"s","version":"2","answers":{"a":4,"b":"t\u00e9\n\"q\" \ud83d\ude00","c":["x","y"],"d":null,"e":-1.5e2},"other":{"c":"Other text","z":null}} `))
	require.NoError(t, err)
	require.Empty(t, probs)
	want := map[survey.QuestionID]survey.Answer{
		"a": survey.Number(4), "b": survey.Text("té\n\"q\" 😀"), "c": survey.Choices("x", "y"), "d": {}, "e": survey.Number(-150),
	}
	if diff := cmp.Diff(want, r.Answers, cmp.Comparer(survey.Answer.Equal)); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if r.Survey != "s" || r.Version != "2" || r.Schema != "x" || r.Other["c"] != "Other text" || len(r.Other) != 1 {
		t.Errorf("response = %+v", r)
	}
}

func TestDecodeResponseShapeProblems(t *testing.T) {
	tests := []struct{ name, doc string }{
		{"unknown field", `{"survey":"s","answers":{},"when":"2022-11-04"}`},
		{"repeated answer", `{"survey":"s","answers":{"a":1,"a":2}}`},
		{"repeated field", `{"survey":"s","survey":"t","answers":{}}`},
		{"missing survey and answers", `{}`},
		{"answers not an object", `{"survey":"s","answers":[1]}`},
		{"other text not text", `{"survey":"s","answers":{},"other":{"a":1}}`},
		{"survey not text", `{"survey":5,"answers":{}}`},
	}
	want := map[string][]string{
		"unknown field":              {"/when unknown_field"},
		"repeated answer":            {"/answers/a duplicate_key"},
		"repeated field":             {"/survey duplicate_key"},
		"missing survey and answers": {" missing_field", " missing_field"},
		"answers not an object":      {"/answers wrong_type"},
		"other text not text":        {"/other/a wrong_type"},
		"survey not text":            {"/survey wrong_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs, err := survey.DecodeResponse([]byte(tt.doc))
			require.NoError(t, err)
			if diff := cmp.Diff(want[tt.name], problems(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeResponseSyntax(t *testing.T) {
	tests := []struct {
		doc    string
		offset int64
	}{
		{``, 0},
		{`{"survey":"s",}`, 14},
		{`{"survey":"s"`, 13},
		{`{"survey":'s'}`, 10},
		{`{"answers":{"a":01}}`, 17},
		{`{"answers":{"a":1.}}`, 18},
		{`{"answers":{"a":tru}}`, 16},
		{"{\"answers\":{\"a\":\"tab\there\"}}", 20},
		{`{"answers":{"a":"\x"}}`, 17},
		{`{"answers":{"a":"\u12"}}`, 19},
		{`{"answers":{"a":1e999}}`, 16},
		{`{"answers":{}} {}`, 15},
		// Valid JSON, but not a response the decoder can read.
		{`[]`, 0},
		{"{\"answers\":{\"a\":\"\xff\"}}", 17},
	}
	for _, tt := range tests {
		_, _, err := survey.DecodeResponse([]byte(tt.doc))
		var de *survey.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("%q: error %v, want a DecodeError", tt.doc, err)
			continue
		}
		if de.Offset != tt.offset {
			t.Errorf("%q: offset %d (%v), want %d", tt.doc, de.Offset, de.Err, tt.offset)
		}
		// encoding/json agrees that the document is not valid JSON, except
		// where the decoder is stricter than JSON (a number too big).
		if json.Valid([]byte(tt.doc)) && tt.doc != `{"answers":{"a":1e999}}` && tt.doc != `[]` && utf8.ValidString(tt.doc) {
			t.Errorf("%q: encoding/json finds it valid", tt.doc)
		}
	}
}

// FuzzDecodeResponse checks the hand-written decoder against encoding/json:
// it never panics, accepts only valid JSON, and what it decodes encodes
// back to the same response.
func FuzzDecodeResponse(f *testing.F) {
	for _, s := range []string{
		`{"survey":"heatcheck-2022-members","version":"1","answers":{"org_type":"other","q1":4,"reasons":"Earlier \"engagement\"\n"},"other":{"org_type":"NHS Resolution"}}`,
		`{"survey":"s","answers":{"a":["x","y"],"b":null,"c":{"nested":[1,{"deep":true}]},"d":false}}`,
		`{"survey":"s","answers":{"a":"\ud83d\ude00 \u00e9 \ud800"}}`,
		`{"survey":"s","answers":{"a":-0.5e-3}} `,
		`{"answers":[1,2]}`, `[]`, `{"survey":"s","answers":{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, probs, err := survey.DecodeResponse(data)
		if err != nil {
			return
		}
		if !json.Valid(data) {
			t.Fatalf("decoded invalid JSON %q", data)
		}
		if len(probs) > 0 {
			return
		}
		out, err := json.Marshal(r)
		if err != nil { // an answer no question accepts
			return
		}
		for _, a := range r.Answers {
			if s, ok := a.Text(); ok && !utf8.ValidString(s) {
				t.Fatalf("decoded text %q is not UTF-8", s)
			}
		}
		again, probs, err := survey.DecodeResponse(out)
		require.NoError(t, err, "%s", out)
		require.Empty(t, probs, "%s", out)
		if diff := cmp.Diff(r, again, cmp.Comparer(survey.Answer.Equal)); diff != "" {
			t.Fatalf("round trip of %s (-first +second):\n%s", out, diff)
		}
	})
}

// FuzzValidate runs every decodable document through validation against
// both built-in-style definitions: no panics, and Check and Validate agree.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(`{"survey":"trust-forum-pulse-2026","answers":{"side":"other","heard":"dont_know","rushed":4,"rushed_why":"x","topics":["pay","pay"]},"other":{"side":""}}`))
	f.Add([]byte(`{"survey":"heatcheck-2022-members","answers":{"org_type":"other","q1":6,"q2":"4","reasons":7},"other":{"q1":"x"}}`))
	defs := []*survey.Definition{pulse(f), survey.MustBuiltin(survey.HeatCheck2022Members)}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, _, err := survey.DecodeResponse(data)
		if err != nil {
			return
		}
		for _, d := range defs {
			errs := survey.Validator{}.Check(d, r)
			if n := len(problem.All(survey.Validate(d, r))); n != len(errs) {
				t.Fatalf("Validate found %d problems, Check %d", n, len(errs))
			}
			for _, e := range errs {
				if e.Message == "" || e.Code == "" {
					t.Fatalf("problem without message or code: %+v", e)
				}
			}
		}
	})
}
