package score_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// TestFormatsAgree scores fixture F from NDJSON, a JSON array and a CSV
// export (half of whose rows use option labels): the reports match.
func TestFormatsAgree(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	opts := score.TallyOptions{By: "org_type", KeepText: true}
	var reports []*score.Report
	for _, f := range []string{"../testdata/wave-a.ndjson", "../testdata/wave-a.json", "../testdata/wave-a.csv"} {
		rep, err := scoreFile(t, def, f, opts).Report(score.ReportOptions{MinGroup: 5, MinText: 5})
		require.NoError(t, err)
		reports = append(reports, rep)
	}
	for i, name := range []string{"JSON array", "CSV"} {
		if diff := cmp.Diff(reports[0], reports[i+1], cmpopts.IgnoreUnexported(score.Report{})); diff != "" {
			t.Errorf("%s differs from NDJSON (-ndjson +other):\n%s", name, diff)
		}
	}
}

// rejection summarises a Rejection for comparison.
type rejection struct {
	Line, Column, Record int
	What                 string
}

func summarise(r score.Rejection) rejection {
	s := rejection{Line: r.Line, Column: r.Column, Record: r.Record}
	if r.Err != nil {
		s.What = r.Err.Error()
	} else {
		s.What = strings.Join(problems(r.Problems), "; ")
	}
	return s
}

func TestBadInputIsLocatedAndTheRestCounted(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	good := `{"survey":"heatcheck-2022-members","answers":{"org_type":"dhsc","q1":4}}`
	tests := []struct {
		name    string
		file    string
		input   string
		counted int
		want    []rejection
	}{
		{"NDJSON with blank lines, a BOM, bad JSON and bad answers", "r.ndjson",
			"\ufeff" + good + "\n\n" + good + "\r\n" + `{"survey":"heatcheck-2022-members","answers":{"q1":"4"}}` + "\n   \n" +
				`{"survey":"heatcheck-2022-members","answers":{"q1":4,}}` + "\n" + good + "\n" + `{"answers":{"q9":1}}` + "\n",
			2, []rejection{
				{1, 1, 1, "the record starts with a byte order mark; save the file as UTF-8 without a BOM"},
				{4, 0, 3, "/answers/q1 wrong_type"},
				{6, 54, 4, "expected a field name in double quotes"},
				{8, 0, 6, " missing_field"},
			}},
		{"JSON array", "r.json",
			"[\n" + good + ",\n" + `{"survey":"heatcheck-2022-members","answers":{"org_type":"other"}}` + ",\n  7,\n" + good + "\n]\n",
			2, []rejection{
				{3, 0, 2, "/answers/org_type other_without_text"},
				{4, 3, 3, "a response must be a JSON object"},
			}},
		{"CSV with missing and extra cells and an unknown column", "r.csv",
			"org_type,q1,q2,mood\r\nDHSC,4,5,\r\ndhsc,4\r\ndhsc,4,5,,extra\r\nhee,\"4\",5,happy\r\nnhs_england, 6 ,five,\r\nhee\r\n",
			1, []rejection{
				{1, 0, 0, "/3 unknown_question;  missing_column"},
				{3, 0, 2, "the row has 2 cells but the header has 4; check for a missing or extra comma"},
				{4, 0, 3, "the row has 5 cells but the header has 4; check for a missing or extra comma"},
				{5, 0, 4, "/answers/mood unknown_question"},
				{6, 0, 5, "/answers/q1 out_of_range; /answers/q2 wrong_type"},
				{7, 0, 6, "the row has 1 cell but the header has 4; check for a missing or extra comma"},
			}},
		{"CSV with a bad quote", "r.csv", "org_type,org_type.other,q1,q2,q3,q4,q5,reasons,other_comments\r\n\"dhsc,4\r\nhee,3\r\n", 0, []rejection{
			{3, 7, 1, `extraneous or missing " in quoted-field`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []rejection
			sc := score.Scorer{Definition: def, OnReject: func(r score.Rejection) { got = append(got, summarise(r)) }}
			tally, err := sc.Score(strings.NewReader(tt.input), tt.file)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rejections (-want +got):\n%s", diff)
			}
			records := 0
			for _, r := range got {
				if r.Record > 0 {
					records++
				}
			}
			if tally.Respondents() != tt.counted || tally.Rejected != records {
				t.Errorf("counted %d and rejected %d, want %d and %d", tally.Respondents(), tally.Rejected, tt.counted, records)
			}
		})
	}
}

func TestUnreadableFiles(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tests := []struct{ name, file, input, want string }{
		{"empty CSV", "r.csv", "", "survey: line 1, column 1: the CSV file is empty; it needs a header row of question ids"},
		{"array not closed", "r.json", "[\n{\"survey\":\"s\",\"answers\":{}}\n", "survey: line 3, column 1: the array is not closed"},
		{"BOM before an array", "r.json", "\ufeff[]", "survey: line 1, column 1: the file starts with a byte order mark; save it as UTF-8 without a BOM"},
		{"empty JSON", "r.json", "  \n", "survey: line 1, column 1: the file is empty; it should hold a JSON array of responses"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := score.Scorer{Definition: def}
			_, err := sc.Score(strings.NewReader(tt.input), tt.file)
			var de *survey.DecodeError
			require.True(t, errors.As(err, &de), "error %v", err)
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

func TestEmptyNDJSONScoresNothing(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally, err := (&score.Scorer{Definition: def}).Score(strings.NewReader("\n\n"), "r.ndjson")
	require.NoError(t, err)
	rep, err := tally.Report(score.ReportOptions{})
	require.NoError(t, err)
	if rep.Respondents != 0 || question(rep, "q1").Mean != nil || question(rep, "q1").N != 0 {
		t.Errorf("an empty file: %+v", rep)
	}
}

// FuzzScore feeds arbitrary files through every reader: no panics, and
// every record is either counted or rejected.
func FuzzScore(f *testing.F) {
	for _, name := range []string{"../testdata/wave-a.ndjson", "../testdata/wave-a.csv", "../testdata/wave-a.json"} {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b, uint8(0))
		f.Add(b[:len(b)/2], uint8(1))
	}
	f.Add([]byte("org_type,q1\n\"x\ny"), uint8(2))
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	formats := []score.Format{score.FormatNDJSON, score.FormatCSV, score.FormatJSON}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		records := 0
		sc := score.Scorer{Definition: def, Options: score.TallyOptions{By: "org_type", KeepText: true}, Format: formats[int(which)%3], MaxRecord: 4096, Workers: 1 + int(which)/3%2,
			OnReject: func(r score.Rejection) {
				if r.Record > 0 {
					records++
				}
				if r.Line < 1 {
					t.Fatalf("rejection without a line: %+v", r)
				}
			}}
		tally, err := sc.Score(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		if tally.Rejected != records {
			t.Fatalf("Rejected = %d, reported %d", tally.Rejected, records)
		}
		for _, k := range []int{5, 11} {
			if _, err := tally.Report(score.ReportOptions{MinGroup: k}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
