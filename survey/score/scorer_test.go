package score_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// TestFormatsAgree scores fixture F from NDJSON, a JSON array and a CSV
// export (half of whose rows use option labels): the reports match.
func TestFormatsAgree(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	opts := score.TallyOptions{By: "org_type", KeepText: true}
	var reports []*score.Report
	for _, f := range []string{"../testdata/synthetic-wave-a.ndjson", "../testdata/synthetic-wave-a.json", "../testdata/synthetic-wave-a.csv"} {
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

// rejection summarises a Rejection for comparison: its line and record,
// and each problem's line, column, pointer and code.
type rejection struct {
	Line, Record int
	What         string
}

func summarise(r score.Rejection) rejection {
	var what []string
	for _, p := range r.Problems {
		what = append(what, strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Column)+" "+p.Pointer+" "+p.Code)
	}
	return rejection{Line: r.Line, Record: r.Record, What: strings.Join(what, "; ")}
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
		{"NDJSON with blank lines, a BOM, bad JSON, duplicate keys and bad answers", "r.ndjson",
			"\ufeff" + good + "\n\n" + good + "\r\n" + `{"survey":"heatcheck-2022-members","answers":{"q1":"4"}}` + "\n   \n" +
				`{"survey":"heatcheck-2022-members","answers":{"q1":4,}}` + "\n" + good + "\n" + `{"answers":{"q9":1}}` + "\n" +
				`{"survey":"heatcheck-2022-members","answers":{"q1":4,"q1":5}}` + "\n" + `{"survey":"heatcheck-2022-members","answers":{"q2":"` + "\xff" + `"}}` + "\n",
			2, []rejection{
				{1, 1, "1:1  bom"},
				{4, 3, "4:52 /answers/q1 wrong_type"},
				{6, 4, "6:54  syntax"},
				{8, 6, "8:1  required; 8:18 /answers/q9 unknown_question"},
				{9, 7, "9:54 /answers/q1 duplicate_key"},
				{10, 8, "10:53  encoding"},
			}},
		{"JSON array", "r.json",
			"[\n" + good + ",\n" + `{"survey":"heatcheck-2022-members","answers":{"org_type":"other"}}` + ",\n  7,\n" + good + "\n]\n",
			2, []rejection{
				{3, 2, "3:1 /other/org_type other_without_text"},
				{4, 3, "4:3  type"},
			}},
		{"CSV with missing and extra cells and an unknown column", "r.csv",
			"org_type,q1,q2,mood\r\nDHSC,4,5,\r\ndhsc,4\r\ndhsc,4,5,,extra\r\nhee,\"4\",5,happy\r\nnhs_england, 6 ,five,\r\nhee\r\n",
			1, []rejection{
				{1, 0, "1:16 /3 unknown_question; 1:1  missing_column"},
				{3, 2, "3:1  cell_count"},
				{4, 3, "4:1  cell_count"},
				{5, 4, "5:11 /answers/mood unknown_question"},
				{6, 5, "6:13 /answers/q1 out_of_range; 6:17 /answers/q2 wrong_type"},
				{7, 6, "7:1  cell_count"},
			}},
		{"CSV with a quote never closed", "r.csv", "org_type,org_type.other,q1,q2,q3,q4,q5,reasons,other_comments\r\n\"dhsc,4\r\nhee,3\r\n", 0, []rejection{
			{2, 1, "2:1  syntax"},
		}},
		{"CSV with a cell that is not UTF-8", "r.csv", "org_type,q1,q2,q3,q4,q5,reasons,other_comments\nhee,4,,,,,caf\xe9,\nhee,5,,,,,ok,\n", 1, []rejection{
			{2, 1, "2:11  encoding"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, workers := range []int{1, 3} {
				var got []rejection
				sc := score.Scorer{Definition: def, Workers: workers, OnReject: func(r score.Rejection) { got = append(got, summarise(r)) }}
				tally, err := sc.Score(strings.NewReader(tt.input), tt.file)
				require.NoError(t, err)
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("workers=%d: rejections (-want +got):\n%s", workers, diff)
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
			}
		})
	}
}

func TestUnreadableFiles(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tests := []struct{ name, file, input, want string }{
		{"empty CSV", "r.csv", "", "line 1, column 1: the CSV file is empty; it needs a header row of question ids"},
		{"a CSV header naming no question", "r.csv", "name,team\nA,B\n", `line 1, column 1: the header names no question of survey "heatcheck-2022-members"; head each column with a question id (see spfkit survey show heatcheck-2022-members), or check that this is the right file`},
		{"a CSV header that is not UTF-8", "r.csv", "q1,r\xe9asons\n4,x\n", "line 1, column 4: /1: the header is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)"},
		{"array not closed", "r.json", "[\n{\"survey\":\"s\",\"answers\":{}}\n", "line 3, column 1: the array is not closed; a file of records read whole is one JSON array: [record, record, ...]"},
		{"BOM before an array", "r.json", "\ufeff[]", "line 1, column 1: the file starts with a byte order mark; save it as UTF-8 without a BOM"},
		{"empty JSON", "r.json", "  \n", "line 1, column 1: the file is empty; it should hold a JSON array of responses"},
		{"empty NDJSON", "r.ndjson", "\n\n", "line 1, column 1: the file holds no records; an NDJSON file holds one JSON document per line"},
		{"JSON over the bound", "r.json", "[" + strings.Repeat(" ", 100) + "]", "line 1, column 1: the document is larger than 64 bytes; split it, or write one record per line as NDJSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := score.Scorer{Definition: def, MaxBytes: 64}
			_, err := sc.Score(strings.NewReader(tt.input), tt.file)
			var pe *problem.Error
			require.True(t, errors.As(err, &pe), "error %v", err)
			if got := err.Error() + "; " + pe.Hint; got != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

// FuzzScore feeds arbitrary files through every reader: no panics, and
// every record is either counted or rejected.
func FuzzScore(f *testing.F) {
	for _, name := range []string{"../testdata/synthetic-wave-a.ndjson", "../testdata/synthetic-wave-a.csv", "../testdata/synthetic-wave-a.json"} {
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
				if r.Line < 1 || len(r.Problems) == 0 {
					t.Fatalf("rejection without a line or a problem: %+v", r)
				}
				for _, p := range r.Problems {
					if p.Line < 1 || p.Column < 1 || p.Code == "" || p.Message == "" {
						t.Fatalf("problem not located: %+v", p)
					}
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

// FuzzParseReport: a survey-report document is read or refused with its
// problems located; never a panic.
func FuzzParseReport(f *testing.F) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	tally := scoreFile(f, def, "../testdata/synthetic-wave-a.ndjson", score.TallyOptions{By: "org_type"})
	rep, err := tally.Report(score.ReportOptions{MinGroup: 5})
	require.NoError(f, err)
	var b bytes.Buffer
	require.NoError(f, rep.WriteJSON(&b))
	f.Add(b.Bytes())
	f.Add([]byte(`{"$schema":"https://spfkit.github.io/schema/v1/survey-report.schema.json"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := score.ParseReport(data)
		if err == nil {
			if rep == nil {
				t.Fatal("no report and no error")
			}
			return
		}
		for _, p := range problem.All(err) {
			if p.Line < 1 || p.Message == "" {
				t.Fatalf("problem not located: %+v", p)
			}
		}
	})
}

// TestSurveyJSDataScoresAlike: the same answers as SurveyJS's result data
// (Other texts under NAME-Comment), as an array or one object per line,
// give the report that spfkit's own responses give.
func TestSurveyJSDataScoresAlike(t *testing.T) {
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	opts := score.TallyOptions{By: "org_type", KeepText: true}
	want, err := scoreFile(t, def, "../testdata/synthetic-wave-a.ndjson", opts).Report(score.ReportOptions{MinGroup: 5, MinText: 5})
	require.NoError(t, err)
	raw, err := os.ReadFile("../testdata/synthetic-wave-a.ndjson")
	require.NoError(t, err)
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var r struct {
			Answers map[string]json.RawMessage `json:"answers"`
			Other   map[string]string          `json:"other"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		data := map[string]any{}
		for k, v := range r.Answers {
			data[k] = v
		}
		for k, v := range r.Other {
			data[k+"-Comment"] = v
		}
		b, err := json.Marshal(data)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	for name, in := range map[string]string{"array": "[" + strings.Join(lines, ",\n") + "]", "one per line": strings.Join(lines, "\n")} {
		sc := score.Scorer{Definition: def, Options: opts, Format: score.FormatSurveyJS, OnReject: func(r score.Rejection) { t.Errorf("%s: rejected %+v", name, summarise(r)) }}
		tally, err := sc.Score(strings.NewReader(in), "data.json")
		require.NoError(t, err)
		got, err := tally.Report(score.ReportOptions{MinGroup: 5, MinText: 5})
		require.NoError(t, err)
		if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(score.Report{})); diff != "" {
			t.Errorf("%s differs from spfkit's responses (-responses +surveyjs):\n%s", name, diff)
		}
	}
}
