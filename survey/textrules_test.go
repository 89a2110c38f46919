package survey_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// textRules is a definition whose free-text questions carry every text
// rule.
const textRules = `{"id": "rules", "version": "1", "title": "Text rules", "questions": [
  {"id": "email", "type": "free_text", "text": "Email", "max_length": 100, "format": "email"},
  {"id": "age", "type": "free_text", "text": "Age", "format": "number", "min": 16, "max": 80},
  {"id": "hours", "type": "free_text", "text": "Hours", "format": "number", "min": -2.5},
  {"id": "code", "type": "free_text", "text": "Staff number", "max_length": 10, "pattern": "^[0-9]{6}$", "pattern_message": "Enter 6 digits"},
  {"id": "why", "type": "free_text", "text": "Why?", "max_length": 20, "min_length": 5, "pattern": "[a-z]"},
  {"id": "met", "type": "free_text", "text": "Met on", "format": "date"}
]}`

func TestTextRules(t *testing.T) {
	def, err := check.ParseDefinition([]byte(textRules))
	require.NoError(t, err)
	type want struct{ Pointer, Code, Message string }
	for _, tc := range []struct {
		name    string
		answers string
		want    []want
	}{
		{"all good", `{"email": "a.b@example.nhs.uk", "age": " 42 ", "hours": "-2.5", "code": "123456", "why": "short"}`, nil},
		{"bad email", `{"email": "a@b"}`, []want{{"/answers/email", "format", "enter an email address in the correct format, like name@example.nhs.uk, for \"Email\""}}},
		{"not a number", `{"age": "forty"}`, []want{{"/answers/age", "format", "enter a number for \"Age\""}}},
		{"below min", `{"age": "15.5"}`, []want{{"/answers/age", "out_of_range", "the answer to \"Age\" must be from 16 to 80"}}},
		{"above max", `{"age": "1e3"}`, []want{{"/answers/age", "out_of_range", "the answer to \"Age\" must be from 16 to 80"}}},
		{"min only", `{"hours": "-3"}`, []want{{"/answers/hours", "out_of_range", "the answer to \"Hours\" must be -2.5 or more"}}},
		{"pattern with message", `{"code": "12345"}`, []want{{"/answers/code", "format", "Enter 6 digits"}}},
		{"too short", `{"why": "abcd"}`, []want{{"/answers/why", "format", "your answer to \"Why?\" must be 5 characters or more (it has 4)"}}},
		{"pattern without message", `{"why": "12345"}`, []want{{"/answers/why", "format", "your answer to \"Why?\" is not in the form the survey asks for"}}},
		{"a day", `{"met": "2028-02-29"}`, nil},
		{"not a day", `{"met": "2027-02-29"}`, []want{{"/answers/met", "format", "enter a real date, as YYYY-MM-DD, for \"Met on\""}}},
		{"too long comes first", `{"why": "` + strings.Repeat("1", 21) + `"}`, []want{{"/answers/why", "too_long", "your answer to \"Why?\" must be 20 characters or fewer (it has 21)"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := decodeResponse(t, `{"survey": "rules", "answers": `+tc.answers+`}`)
			var got []want
			for _, e := range (survey.Validator{}).Check(def, r) {
				got = append(got, want{e.Pointer, e.Code, e.Message})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestTextRulesInDefinitions(t *testing.T) {
	for _, tc := range []struct {
		name, question string
		want           []string // pointer: code
	}{
		{"format on a choice", `{"id": "a", "type": "single_choice", "text": "A", "options": [{"value": "x", "label": "X"}], "format": "email", "min_length": 2}`,
			[]string{"/questions/0/format: not_applicable", "/questions/0/min_length: not_applicable"}},
		{"range without number", `{"id": "a", "type": "free_text", "text": "A", "max_length": 5, "min": 1}`,
			[]string{"/questions/0/min: not_applicable"}},
		{"min above max", `{"id": "a", "type": "free_text", "text": "A", "format": "number", "min": 2, "max": 1}`,
			[]string{"/questions/0/min: invalid_value"}},
		{"min length above max length", `{"id": "a", "type": "free_text", "text": "A", "max_length": 5, "min_length": 6}`,
			[]string{"/questions/0/min_length: invalid_value"}},
		{"message without pattern", `{"id": "a", "type": "free_text", "text": "A", "max_length": 5, "pattern_message": "No"}`,
			[]string{"/questions/0/pattern_message: not_applicable"}},
		{"pattern Go cannot read", `{"id": "a", "type": "free_text", "text": "A", "max_length": 5, "pattern": "(?=a)"}`,
			[]string{"/questions/0/pattern: invalid_value"}},
		{"pattern JavaScript reads otherwise", `{"id": "a", "type": "free_text", "text": "A", "max_length": 5, "pattern": "\\Aab\\z"}`,
			[]string{"/questions/0/pattern: invalid_value"}},
		{"a number needs no max length", `{"id": "a", "type": "free_text", "text": "A", "format": "number"}`, nil},
		{"text does", `{"id": "a", "type": "free_text", "text": "A", "format": "email"}`,
			[]string{"/questions/0/max_length: max_length"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := check.ParseDefinition([]byte(`{"id": "d", "version": "1", "title": "D", "questions": [` + tc.question + `]}`))
			var got []string
			for _, e := range problem.All(err) {
				got = append(got, e.Pointer+": "+e.Code)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]string{
		"42": "42", " -3 ": "-3", "+2.5": "2.5", ".5": "0.5", "5.": "5", "1e3": "1000", "-1.5E-2": "-0.015",
		"": "no", "-": "no", ".": "no", "1.2.3": "no", "0x10": "no", "1_000": "no", "Inf": "no", "NaN": "no", "1e": "no", "1e+": "no", "--1": "no", "4 2": "no",
	} {
		got := "no"
		if f, ok := survey.ParseNumber(in); ok {
			got = strconv.FormatFloat(f, 'f', -1, 64)
		}
		if got != want {
			t.Errorf("ParseNumber(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzParseNumber holds ParseNumber to strconv.ParseFloat on what both
// read.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"42", "-3.25", "1e-7", ".5", "5.", "+1", "123456789012345678901234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := survey.ParseNumber(s)
		want, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if !ok {
			return
		}
		if err != nil && !strings.ContainsAny(s, "xXpP_") {
			if ne, isNum := err.(*strconv.NumError); !isNum || ne.Err != strconv.ErrRange {
				t.Fatalf("ParseNumber(%q) = %v, but ParseFloat refuses it: %v", s, got, err)
			}
			return
		}
		if diff := got - want; diff > 1e-9*abs(want) || -diff > 1e-9*abs(want) {
			t.Fatalf("ParseNumber(%q) = %v, ParseFloat %v", s, got, want)
		}
	})
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// surveyJSEmail is the expression survey-core 2.5.38's EmailValidator
// tests an address with (case-insensitive), in Go's syntax, where \s is
// ASCII white space only.
var surveyJSEmail = regexp.MustCompile(`(?i)^(([^<>()\[\]\.,;:\s@\"]+(\.[^<>()\[\]\.,;:\s@\"]+)*)|(\".+\"))@(([^<>()=\[\]\.,;:\s@\"]+\.)+[^<>()=\[\]\.,;:\s@\"]{2,})$`)

func TestIsEmail(t *testing.T) {
	for in, want := range map[string]bool{
		"name@example.nhs.uk": true, "a.b+c@x.io": true, `"a b"@x.io`: true, "a@b": false, "a@b.c": false, "@x.io": false,
		"a..b@x.io": false, "a@x..io": false, "a b@x.io": false, "a@x=y.io": false, "a=b@x.io": true, "a@b@x.io": false, "ä@ö.éé": true,
	} {
		if got := survey.IsEmail(in); got != want {
			t.Errorf("IsEmail(%q) = %v, want %v", in, got, want)
		}
		if got := surveyJSEmail.MatchString(in); got != want {
			t.Errorf("SurveyJS's expression says %v for %q", got, in)
		}
	}
}

// FuzzIsEmail holds IsEmail to SurveyJS's expression on text whose
// characters the two read alike: no vertical tab or white space beyond
// ASCII (JavaScript's \s has them, Go's not), no carriage return
// (JavaScript's . stops at it, Go's does not) and nothing outside
// the Basic Multilingual Plane (JavaScript counts it as two).
func FuzzIsEmail(f *testing.F) {
	for _, s := range []string{"name@example.nhs.uk", `"x"@y.zz`, "a.b@c.d.ee", "a@b..cc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\v\u2028\u2029\u0085\u00a0\ufeff") {
			return
		}
		for _, r := range s {
			if r > 0xffff || r > 0x7f && strings.ContainsRune("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", r) {
				return
			}
		}
		if got, want := survey.IsEmail(s), surveyJSEmail.MatchString(s); got != want {
			t.Fatalf("IsEmail(%q) = %v, SurveyJS's expression %v", s, got, want)
		}
	})
}
