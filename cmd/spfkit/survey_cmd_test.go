package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

const (
	waveA = "../../survey/testdata/synthetic-wave-a.ndjson"
	waveB = "../../survey/testdata/synthetic-wave-b.ndjson"
	pulse = "../../survey/testdata/pulse.json"
)

func TestSurveyListAndShow(t *testing.T) {
	code, out, _ := runCLI(t, "", "survey", "list")
	require.Equal(t, exitOK, code)
	for _, id := range survey.BuiltinIDs() {
		if !strings.Contains(out, id) {
			t.Errorf("survey list lacks %s:\n%s", id, out)
		}
	}
	code, out, _ = runCLI(t, "", "survey", "show", "heatcheck-2022-members", "--format", "json")
	require.Equal(t, exitOK, code)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.SurveyDefinition, []byte(out)))
	code, out, _ = runCLI(t, "", "survey", "show", pulse)
	require.Equal(t, exitOK, code)
	if !strings.Contains(out, "## 5. What would make decisions feel less rushed?") || !strings.Contains(out, "Asked only when `rushed` is one of: `4`, `5`.") {
		t.Errorf("survey show md:\n%s", out)
	}
	bad := writeFile(t, "bad.json", []byte("{\n  \"id\": \"x\",\n  \"version\": \"1\",\n  \"title\": \"X\",\n  \"questions\": [\n    {\"id\": \"a\", \"type\": \"free_text\", \"text\": \"A\"}\n  ]\n}\n"))
	code, _, errOut := runCLI(t, "", "survey", "show", bad)
	if code != exitInvalid || !strings.Contains(errOut, bad+":6: /questions/0/max_length: a free-text question needs a maximum length; set max_length, e.g. 2000") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "survey", "show", "no-such-survey")
	if code != exitUsage || !strings.Contains(errOut, "neither a built-in survey") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

func TestScoreFormats(t *testing.T) {
	for _, format := range []string{"json", "csv", "md", "html"} {
		code, out, errOut := runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--by", "org_type", "--comments", "--format", format, waveA)
		require.Equal(t, exitOK, code, errOut)
		// The lone NHS Employers respondent's comment and the Other texts
		// are in no output.
		for _, leak := range []string{"employer representatives", "NHS Resolution", "local government"} {
			if strings.Contains(out, leak) {
				t.Errorf("%s output reveals %q", format, leak)
			}
		}
		if format == "json" {
			require.NoError(t, schema.Validator{}.ValidateJSON(schema.SurveyReport, []byte(out)))
			var rep score.Report
			require.NoError(t, json.Unmarshal([]byte(out), &rep))
			var groups []string
			for _, g := range rep.Groups {
				if g.Suppressed {
					groups = append(groups, *g.Value)
				}
			}
			if diff := cmp.Diff([]string{"nhs_trade_union", "nhs_employers", "nhs_trust_ft_icb", "other"}, groups); diff != "" {
				t.Errorf("withheld groups at k=11 (-want +got):\n%s", diff)
			}
		}
	}
}

func TestScoreRejectsAndCounts(t *testing.T) {
	in := `{"survey":"heatcheck-2022-members","answers":{"q1":4}}
{"survey":"heatcheck-2022-members","answers":{"q1":9}}
not json
`
	code, out, errOut := runCLI(t, in, "score", "--survey", "heatcheck-2022-members", "--format", "json", "--input-format", "ndjson", "-")
	if code != exitInvalid {
		t.Errorf("exit %d, want 1 for rejected records", code)
	}
	want := "-:2: /answers/q1: the answer must be from 1 to 5, not 9\n-:3: (root): expected a JSON value\nspfkit score: counted 1 response; rejected 2 (see above)\n"
	if diff := cmp.Diff(want, errOut); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	var rep score.Report
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	if rep.Respondents != 1 || rep.Rejected != 2 {
		t.Errorf("report counts %d and %d", rep.Respondents, rep.Rejected)
	}
}

func TestScoreUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"score", waveA}, "name the survey with --survey"},
		{[]string{"score", "--survey", "heatcheck-2022-members", "--min-group", "3", waveA}, "cannot be below 5"},
		{[]string{"score", "--survey", "heatcheck-2022-members", "--by", "q1", waveA}, "asks it as a likert question, and a breakdown needs a choice question; its choice questions are: org_type"},
		{[]string{"score", "--survey", "heatcheck-2022-members", "--format", "pdf", waveA}, `unknown format "pdf"`},
		{[]string{"score", "--survey", "heatcheck-2022-members", "missing.ndjson"}, "no such file"},
		{[]string{"compare", "--survey", "heatcheck-2022-members", waveA}, "two files of responses"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	code, out, errOut := runCLI(t, "", "compare", "--survey", "heatcheck-2022-members", "--format", "json", waveA, waveB)
	require.Equal(t, exitOK, code, errOut)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.SurveyComparison, []byte(out)))
	var c score.Comparison
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	if q := c.Questions[0]; q.Top2 == nil || q.Top2.CI95[0] > -41.9 || q.Top2.CI95[0] < -42.1 {
		t.Errorf("q1: %+v", q.Top2)
	}
	code, out, _ = runCLI(t, "", "compare", "--survey", "heatcheck-2022-members", "--min-group", "20", waveA, waveB)
	require.Equal(t, exitOK, code)
	if strings.Count(out, "Insufficient n") != 5 {
		t.Errorf("want 5 statements with insufficient n:\n%s", out)
	}
}

func TestValidateSurveyKinds(t *testing.T) {
	code, out, _ := runCLI(t, "", "validate", "--kind", "survey-response", "--ndjson", waveA)
	if code != exitOK || !strings.Contains(out, "18 valid, 0 invalid") {
		t.Errorf("exit %d: %s", code, out)
	}
	in := `{"survey":"heatcheck-2022-members","answers":{"org_type":"dhsc","q1":4},"other":{"org_type":"x"}}`
	code, out, _ = runCLI(t, in, "validate", "--kind", "survey-response", "--format", "json", "-")
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	if diff := cmp.Diff([]brief{{1, "/other/org_type", "text_without_other"}}, briefs(problems(t, out))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	code, _, _ = runCLI(t, "", "validate", pulse)
	if code != exitOK {
		t.Errorf("the pulse definition should validate by its $schema")
	}
}

func TestScoreProgress(t *testing.T) {
	good := `{"survey":"heatcheck-2022-members","answers":{"q1":4}}` + "\n"
	in := strings.NewReader(good + good + `{"survey":"heatcheck-2022-members","answers":{"q1":9}}` + "\n")
	var out, errb bytes.Buffer
	code := run(env{stdin: in, stdout: &out, stderr: &errb, progress: true, now: ticking()}, []string{"score", "--survey", "heatcheck-2022-members", "--input-format", "ndjson", "-"})
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	// The clock moves a second at each reading, so the line is drawn at
	// every read after the first; each problem first clears it.
	got := errb.String()
	for _, want := range []string{"\r\033[K-: 0.0 MB read", "\r\033[K-:3: /answers/q1: the answer must be from 1 to 5, not 9\n", "spfkit score: counted 2 responses; rejected 1 (see above)\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%q", want, got)
		}
	}
	for i := strings.Index(got, "MB read"); i >= 0; {
		rest := got[i+len("MB read"):]
		if rest != "" && rest[0] != '\r' {
			t.Errorf("something follows the progress line without clearing it: %q", got)
		}
		j := strings.Index(rest, "MB read")
		if j < 0 {
			break
		}
		i += len("MB read") + j
	}
}

func TestSurveyJSCommands(t *testing.T) {
	code, sjs, errOut := runCLI(t, "", "survey", "show", "heatcheck-2022-members", "--format", "surveyjs")
	require.Equal(t, exitOK, code, errOut)
	code, imported, errOut := runCLI(t, sjs, "survey", "import", "--id", "heatcheck-2022-members", "-")
	require.Equal(t, exitOK, code, errOut)
	_, original, _ := runCLI(t, "", "survey", "show", "heatcheck-2022-members", "--format", "json")
	if diff := cmp.Diff(original, imported); diff != "" {
		t.Errorf("show, export, import (-original +imported):\n%s", diff)
	}

	bad := writeFile(t, "form.json", []byte("{\"title\": \"T\", \"elements\": [\n  {\"type\": \"comment\", \"name\": \"c\"},\n  {\"type\": \"file\", \"name\": \"m\"}\n]}\n"))
	code, out, errOut := runCLI(t, "", "survey", "import", "--id", "t", bad)
	want := bad + `:3: /elements/1/type: the question type "file" is not supported by spfkit; use radiogroup, dropdown, checkbox, tagbox, imagepicker, boolean, rating, matrix, multipletext, comment or text (panels and html elements are read too)`
	if code != exitInvalid || out != "" || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}

	code, _, errOut = runCLI(t, "", "survey", "show", "../../survey/testdata/pulse.json", "--format", "surveyjs")
	if code != exitInvalid || !strings.Contains(errOut, `/questions/1/scale/dont_know: SurveyJS's rating question has no "don't know" option`) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "survey", "import", bad); code != exitUsage {
		t.Errorf("import without --id: exit %d", code)
	}
}

// TestValidateResponseAllAtOnce: the survey's own checks run beside the
// schema's, so one run reports both kinds of problem.
func TestValidateResponseAllAtOnce(t *testing.T) {
	in := `{"survey":"heatcheck-2022-members","answers":{"org_type":"other","q1":6,"q2":true},"extra":1}`
	code, out, _ := runCLI(t, in, "validate", "--kind", "survey-response", "--format", "json", "-")
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	var got []string
	for _, p := range problems(t, out) {
		got = append(got, p.Pointer+" "+p.Code)
	}
	want := []string{" additionalProperties", "/answers/q1 out_of_range", "/answers/q2 type", "/other/org_type other_without_text"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestScoreEmptyInput(t *testing.T) {
	// A file with no records is refused, located, as validate refuses it.
	code, out, errOut := runCLI(t, "\n\n", "score", "--survey", "heatcheck-2022-members", "--input-format", "ndjson", "--format", "json", "-")
	if code != exitInvalid || out != "" || errOut != "-:1: (root): the file holds no records; an NDJSON file holds one JSON document per line\nspfkit score: nothing in - is counted\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// An empty array is a file that says it holds no responses: the
	// report is empty, with a warning.
	code, out, errOut = runCLI(t, "[]\n", "score", "--survey", "heatcheck-2022-members", "--input-format", "json", "--format", "json", "-")
	if code != exitOK || !strings.Contains(errOut, "the input holds no responses") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.SurveyReport, []byte(out)))
}

// TestScoreMaxErrors: problems past --max-errors are counted on one line
// placed where the first of them is.
func TestScoreMaxErrors(t *testing.T) {
	in := `{"survey":"heatcheck-2022-members","answers":{"q1":9}}
{"survey":"heatcheck-2022-members","answers":{"q1":4}}
{"survey":"heatcheck-2022-members","answers":{"q2":0}}
{"survey":"heatcheck-2022-members","answers":{"q3":7}}
`
	code, _, errOut := runCLI(t, in, "score", "--survey", "heatcheck-2022-members", "--input-format", "ndjson", "--max-errors", "1", "-")
	require.Equal(t, exitInvalid, code)
	want := "-:1: /answers/q1: the answer must be from 1 to 5, not 9\n" +
		"-:3: 2 more problems not shown from here; raise --max-errors to see them\n" +
		"spfkit score: counted 1 response; rejected 3 (see above)\n"
	require.Equal(t, want, errOut)
}

// TestCompareAgainstAPublishedReport: either wave may be a survey-report
// JSON, and the comparison is the same as from the responses.
func TestCompareAgainstAPublishedReport(t *testing.T) {
	code, fromResponses, errOut := runCLI(t, "", "compare", "--survey", "heatcheck-2022-members", "--format", "json", waveA, waveB)
	require.Equal(t, exitOK, code, errOut)
	code, reportB, errOut := runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--format", "json", waveB)
	require.Equal(t, exitOK, code, errOut)
	lastYear := writeFile(t, "last-year.json", []byte(reportB))
	code, fromReport, errOut := runCLI(t, "", "compare", "--survey", "heatcheck-2022-members", "--format", "json", waveA, lastYear)
	require.Equal(t, exitOK, code, errOut)
	if diff := cmp.Diff(fromResponses, fromReport); diff != "" {
		t.Errorf("comparing against the report differs (-responses +report):\n%s", diff)
	}
	// A damaged report is refused, located.
	bad := writeFile(t, "bad.json", []byte(strings.Replace(reportB, `"respondents": 18`, `"respondents": "18"`, 1)))
	code, _, errOut = runCLI(t, "", "compare", "--survey", "heatcheck-2022-members", waveA, bad)
	if code != exitInvalid || !strings.Contains(errOut, bad+":") || !strings.Contains(errOut, "/respondents") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestScoreLedger: a release is recorded; one that would give away a late
// respondent's answers by subtraction is refused, printed nowhere, and
// leaves the ledger as it was.
func TestScoreLedger(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "ledger.json")
	code, out, errOut := runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--min-group", "5", "--ledger", ledger, "--label", "March", waveA)
	require.Equal(t, exitOK, code, errOut)
	require.Contains(t, out, "# SPF heat check 2022")
	first, err := os.ReadFile(ledger)
	require.NoError(t, err)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.ReleaseLedger, first))

	a, err := os.ReadFile(waveA)
	require.NoError(t, err)
	b, err := os.ReadFile(waveB)
	require.NoError(t, err)
	late := writeFile(t, "late.ndjson", append(a, bytes.SplitAfter(b, []byte("\n"))[0]...))
	code, out, errOut = runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--min-group", "5", "--ledger", ledger, late)
	require.Equal(t, exitInvalid, code, errOut)
	require.Empty(t, out, "a refused report is not printed")
	for _, want := range []string{"refused", "1 person is counted in this release's “q1 (everyone)” but not in release 1 (March)'s “q1 (everyone)”", "wait until at least 4 more responses are counted"} {
		require.Contains(t, errOut, want)
	}
	after, err := os.ReadFile(ledger)
	require.NoError(t, err)
	require.Equal(t, string(first), string(after), "a refused release is not recorded")

	code, _, errOut = runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--label", "March", waveA)
	if code != exitUsage || !strings.Contains(errOut, "name the ledger with --ledger") {
		t.Errorf("--label without --ledger: exit %d, stderr %q", code, errOut)
	}
	damaged := writeFile(t, "damaged.json", bytes.Replace(first, []byte(`"id": 1`), []byte(`"id": 7`), 1))
	code, _, errOut = runCLI(t, "", "score", "--survey", "heatcheck-2022-members", "--ledger", damaged, waveA)
	if code != exitInvalid || !strings.Contains(errOut, "/releases/0/id") {
		t.Errorf("a damaged ledger: exit %d, stderr %q", code, errOut)
	}
}

// TestScoreByPersonalData: a question whose answers are personal data
// cannot split a report.
func TestScoreByPersonalData(t *testing.T) {
	def, err := os.ReadFile(pulse)
	require.NoError(t, err)
	marked := writeFile(t, "pulse.json", bytes.Replace(def, []byte(`"id": "side",`), []byte(`"id": "side", "personal_data": true,`), 1))
	code, _, errOut := runCLI(t, "", "score", "--survey", marked, "--by", "side", waveA)
	if code != exitUsage || !strings.Contains(errOut, "personal data, which is never published") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
