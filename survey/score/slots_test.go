package score

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
)

// slotDefinitions are the definitions the slot reader is tested on: the
// heat check, and the pulse test survey without its condition, with a
// choice limit and text rules added, so that every question type, a
// "don't know", a reverse-scored theme, an Other option, personal data,
// required questions and each text rule are there.
func slotDefinitions(t testing.TB) []*survey.Definition {
	t.Helper()
	b, err := os.ReadFile("../testdata/pulse.json")
	require.NoError(t, err)
	d, err := check.ParseDefinition(b)
	require.NoError(t, err)
	d.ID = "pulse-plain"
	for i := range d.Questions {
		q := &d.Questions[i]
		q.ShowIf = nil
		if q.ID == "topics" {
			q.MaxChoices = 2
			q.Options = append(q.Options, survey.Option{Value: "elsewhere", Label: "Something else", Other: true})
		}
	}
	low, high := 1.0, 40.0
	d.Questions = append(d.Questions,
		survey.Question{ID: "hours", Type: survey.FreeText, Text: "Hours a month on forum work", Format: survey.NumberFormat, Min: &low, Max: &high, MaxLength: 10},
		survey.Question{ID: "staff_no", Type: survey.FreeText, Text: "Staff number", Pattern: "^[0-9]{6}$", PersonalData: true, MaxLength: 6},
		survey.Question{ID: "idea", Type: survey.FreeText, Text: "One idea", MinLength: 3, MaxLength: 20})
	require.NoError(t, d.Validate())
	require.Empty(t, d.Check())
	return []*survey.Definition{survey.MustBuiltin(survey.HeatCheck2022Members), d}
}

// agree checks one record both ways: when the slot reader accepts it,
// the generic path must accept it too, and the two tallies (overall and
// by a choice question) must be the same. It reports whether the slot
// reader accepted it.
func agree(t *testing.T, def *survey.Definition, line []byte) bool {
	t.Helper()
	plan := newSlotPlan(def, TallyOptions{})
	require.NotNil(t, plan)
	r := plan.reader()
	if !r.read(line) {
		return false
	}
	res := (&check.Checker{Kind: schema.SurveyResponse, Survey: def}).Check(line)
	if !res.Valid() {
		t.Fatalf("%s: the slot reader accepted %q, which the generic path rejects: %v", def.ID, line, res.Err())
	}
	by := def.Questions[0].ID // a single choice in both
	for _, opts := range []TallyOptions{{}, {By: by}} {
		slow, err := NewTally(def, opts)
		require.NoError(t, err)
		fast, err := NewTally(def, opts)
		require.NoError(t, err)
		slow.add(res.Value.(*survey.Response))
		fast.addSlots(r)
		allow := cmp.AllowUnexported(cell{}, qcount{}, atom{})
		if diff := cmp.Diff(slow.all, fast.all, allow); diff != "" {
			t.Fatalf("%s: %q counts differently (-generic +slots):\n%s", def.ID, line, diff)
		}
		if diff := cmp.Diff(slow.atoms, fast.atoms, allow); diff != "" {
			t.Fatalf("%s: %q falls in different groups (-generic +slots):\n%s", def.ID, line, diff)
		}
	}
	return true
}

// TestSlotsReadTheUsualRecords checks which records the slot reader
// takes: every plain valid response, and none of those it must leave to
// the generic path (whose verdict agree checks for those it takes).
func TestSlotsReadTheUsualRecords(t *testing.T) {
	defs := slotDefinitions(t)
	hc, pulse := defs[0], defs[1]
	tests := []struct {
		def  *survey.Definition
		line string
		want bool
	}{
		{hc, `{"survey":"heatcheck-2022-members","version":"1","answers":{"org_type":"hee","q1":2,"q2":3,"q3":5,"q4":3,"q5":4}}`, true},
		{hc, ` { "$schema" : "x", "answers" : { "q5" : 1 , "q1":null, "q2":"", "q3":[] }, "survey" : "heatcheck-2022-members" } `, true},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"org_type":"other"},"other":{"org_type":"NHS Résolution"}}`, true},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"org_type":"hee","reasons":"Earlier — please."},"other":{"org_type":"  "}}`, true},
		{hc, `{"survey":"heatcheck-2022-members","answers":{}}`, true},
		// Left to the generic path, valid or not.
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":4.0}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":04}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":6}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":-1}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":"4"}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":4,"q1":4}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q9":4}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"org_type":"h\u0065e"}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"org_type":"other"}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"org_type":"hee"},"other":{"org_type":"x"}}`, false},
		{hc, `{"survey":"heatcheck-2022-members","version":"2","answers":{}}`, false},
		{hc, `{"survey":"heatcheck-2022-policy-leads","answers":{}}`, false},
		{hc, `{"survey":"heatcheck-2022-members"}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{},"when":"now"}`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{}} x`, false},
		{hc, `{"survey":"heatcheck-2022-members","answers":{"q1":true}}`, false},
		{hc, "{\"survey\":\"heatcheck-2022-members\",\"answers\":{\"reasons\":\"\xff\"}}", false},
		{pulse, `{"survey":"pulse-plain","version":"2","answers":{"side":"staff","heard":"dont_know","topics":["pay","change"],"hours":"12","staff_no":"123456","idea":"More time"}}`, true},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"other","heard":1,"topics":["elsewhere"]},"other":{"side":"Bank staff","topics":"Rotas"}}`, true},
		{pulse, `{"survey":"pulse-plain","answers":{"heard":3}}`, false},                                       // side is required
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"topics":["pay","pay"]}}`, false}, // twice
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"topics":["pay","wellbeing","change"]}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"topics":"pay"}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"rushed":"dont_know"}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"hours":"41"}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"staff_no":"12345"}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"idea":"ab"}}`, false},
		{pulse, `{"survey":"pulse-plain","answers":{"side":"staff","heard":3,"idea":"` + strings.Repeat("é", 21) + `"}}`, false},
	}
	for _, tt := range tests {
		if got := agree(t, tt.def, []byte(tt.line)); got != tt.want {
			t.Errorf("%s: slot reader took %s: %v, want %v", tt.def.ID, tt.line, got, tt.want)
		}
	}
}

// TestSlotsReadGeneratedRecords checks that the slot reader takes every
// record of a random mix of valid answers, the kind spfkit score sees
// most, and counts each as the generic path does.
func TestSlotsReadGeneratedRecords(t *testing.T) {
	for _, def := range slotDefinitions(t) {
		rng := rand.New(rand.NewPCG(1, 2))
		for range 500 {
			line := validRecord(def, rng)
			if !agree(t, def, line) {
				t.Fatalf("%s: the slot reader left a valid record to the generic path: %s", def.ID, line)
			}
		}
	}
}

// validRecord writes a random valid response to def (which has no
// conditions), in a random order of members and answers.
func validRecord(def *survey.Definition, rng *rand.Rand) []byte {
	var answers, others []string
	for i := range def.Questions {
		q := &def.Questions[i]
		if !q.Required && rng.IntN(4) == 0 {
			continue
		}
		var v string
		switch q.Type {
		case survey.Likert:
			v = fmt.Sprint(q.Scale.Min + rng.IntN(q.Scale.Points()))
			if q.Scale.DontKnow != "" && rng.IntN(5) == 0 {
				v = `"dont_know"`
			}
		case survey.SingleChoice:
			o := q.Options[rng.IntN(len(q.Options))]
			v = `"` + o.Value + `"`
			if o.Other {
				others = append(others, `"`+string(q.ID)+`":"Bank staff"`)
			}
		case survey.MultipleChoice:
			var vs []string
			limit := len(q.Options)
			if q.MaxChoices > 0 {
				limit = q.MaxChoices
			}
			for _, j := range rng.Perm(len(q.Options))[:1+rng.IntN(limit)] {
				vs = append(vs, `"`+q.Options[j].Value+`"`)
				if q.Options[j].Other {
					others = append(others, `"`+string(q.ID)+`":"Rotas"`)
				}
			}
			v = "[" + strings.Join(vs, ",") + "]"
		case survey.FreeText:
			switch {
			case q.Format == survey.NumberFormat:
				v = fmt.Sprintf(`"%d"`, 1+rng.IntN(40))
			case q.Pattern != "":
				v = fmt.Sprintf(`"%06d"`, rng.IntN(1000000))
			default:
				v = `"Meet monthly, ` + strings.Repeat("é", rng.IntN(3)) + `"`
			}
		}
		answers = append(answers, `"`+string(q.ID)+`":`+v)
	}
	rng.Shuffle(len(answers), func(i, j int) { answers[i], answers[j] = answers[j], answers[i] })
	members := []string{`"survey":"` + def.ID + `"`, `"answers":{` + strings.Join(answers, ",") + `}`}
	if rng.IntN(2) == 0 {
		members = append(members, `"version":"`+def.Version+`"`)
	}
	if len(others) > 0 {
		members = append(members, `"other":{`+strings.Join(others, ", ")+`}`)
	}
	rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	return []byte("{" + strings.Join(members, ",") + "}")
}

// FuzzSlotsAgree holds the slot reader to the generic path: any record
// it accepts, the generic path accepts, and both count it alike.
func FuzzSlotsAgree(f *testing.F) {
	defs := slotDefinitions(f)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, def := range defs {
		for range 20 {
			f.Add(validRecord(def, rng))
		}
	}
	f.Add([]byte(`{"survey":"heatcheck-2022-members","answers":{"org_type":"other","q1":5},"other":{"org_type":"A \u00e9"}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if bytes.IndexByte(line, '\n') >= 0 {
			return // one line is one record
		}
		for _, def := range defs {
			agree(t, def, line)
		}
	})
}

// FuzzText holds the slot reader's string scanner, which looks at eight
// bytes at a time, to a byte-by-byte reading of the same rule.
func FuzzText(f *testing.F) {
	for _, s := range []string{`"heatcheck-2022-members"`, `"a\"b"`, "\"caf\u00e9 \x01\"", `"0123456789abcdef"`, "\"\x7f\x80\"", `"` + strings.Repeat("x", 17)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, end, ok := text(b, 0)
		// The rule, a byte at a time.
		wantOK, wantEnd := false, 0
		if len(b) > 0 && b[0] == '"' {
			for j := 1; j < len(b); j++ {
				if b[j] == '"' {
					wantOK, wantEnd = utf8.Valid(b[1:j]), j+1
					break
				}
				if b[j] == '\\' || b[j] < 0x20 {
					break
				}
			}
		}
		if ok != wantOK || ok && (end != wantEnd || !bytes.Equal(v, b[1:end-1])) {
			t.Fatalf("text(%q) = %q, %d, %v; want end %d, %v", b, v, end, ok, wantEnd, wantOK)
		}
	})
}

// TestScorerSlotsAgree scores a file of valid and invalid records, blank
// lines among them, with and without the slot reader: the reports and the
// rejections are the same.
func TestScorerSlotsAgree(t *testing.T) {
	defer func() { useSlots = true }()
	for _, def := range slotDefinitions(t) {
		rng := rand.New(rand.NewPCG(5, 6))
		bad := []string{
			`{"survey":"` + def.ID + `","answers":{"nope":1}}`,
			`{"survey":"` + def.ID + `","answers":{`,
			`{"survey":"elsewhere","answers":{}}`,
			`[]`,
		}
		var file bytes.Buffer
		for i := range 3000 {
			switch {
			case i%97 == 0:
				file.WriteString(bad[rng.IntN(len(bad))])
			case i%89 == 0:
				file.WriteString("   ")
			default:
				line := validRecord(def, rng)
				if i%13 == 0 { // valid, but only the generic path reads it
					line = bytes.Replace(line, []byte(`"survey"`), []byte(`"surv\u0065y"`), 1)
				}
				file.Write(line)
			}
			file.WriteString("\n")
		}
		type run struct {
			report   *Report
			rejected []string
		}
		var runs []run
		for _, slots := range []bool{true, false} {
			useSlots = slots
			var rejected []string
			sc := Scorer{Definition: def, Options: TallyOptions{By: def.Questions[0].ID}, Format: FormatNDJSON, Workers: 2, OnReject: func(r Rejection) {
				for _, p := range r.Problems {
					rejected = append(rejected, fmt.Sprintf("%d %d %d:%d %s %s", r.Line, r.Record, p.Line, p.Column, p.Pointer, p.Code))
				}
			}}
			tally, err := sc.Score(bytes.NewReader(file.Bytes()), "responses.ndjson")
			require.NoError(t, err)
			rep, err := tally.Report(ReportOptions{MinGroup: 5, MinText: 5})
			require.NoError(t, err)
			runs = append(runs, run{rep, rejected})
		}
		if diff := cmp.Diff(runs[1].report, runs[0].report, cmpopts.IgnoreUnexported(Report{})); diff != "" {
			t.Errorf("%s: reports differ (-generic +slots):\n%s", def.ID, diff)
		}
		if diff := cmp.Diff(runs[1].rejected, runs[0].rejected); diff != "" || len(runs[0].rejected) == 0 {
			t.Errorf("%s: rejections differ (-generic +slots):\n%s", def.ID, diff)
		}
		if runs[0].report.Respondents < 2500 {
			t.Errorf("%s: %d respondents counted, want most of 3,000", def.ID, runs[0].report.Respondents)
		}
	}
}
