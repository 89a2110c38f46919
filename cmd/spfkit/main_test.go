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

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
)

// runCLI runs spfkit with the given arguments and standard input.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

// problems decodes the JSON lines of validate --format json and checks
// each against the validation-problem schema.
func problems(t *testing.T, out string) []*problem.Error {
	t.Helper()
	var ps []*problem.Error
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		require.NoError(t, schema.Validator{}.ValidateJSON(schema.ValidationProblem, []byte(line)), line)
		var p problem.Error
		require.NoError(t, json.Unmarshal([]byte(line), &p))
		ps = append(ps, &p)
	}
	return ps
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

type brief struct {
	Line    int
	Pointer string
	Code    string
}

func briefs(ps []*problem.Error) []brief {
	var out []brief
	for _, p := range ps {
		out = append(out, brief{p.Line, p.Pointer, p.Code})
	}
	return out
}

func TestValidateBadInput(t *testing.T) {
	dir, err := os.ReadFile("../../spf/data/directory.json")
	require.NoError(t, err)
	long := `{"organizations":[{"id":"a","name":"` + strings.Repeat("x", 3<<20) + `","classification":"other"}]}`
	tests := []struct {
		name     string
		data     string
		args     []string
		wantCode int
		want     []brief
	}{
		{"built-in directory", string(dir), nil, 0, nil},
		{"empty file", "", []string{"--kind", "body-directory"}, 1, []brief{{1, "", "empty"}}},
		{"not JSON", "organizations: []\n", []string{"--kind", "body-directory"}, 1, []brief{{1, "", "syntax"}}},
		{"truncated", "{\n  \"organizations\": [\n", []string{"--kind", "body-directory"}, 1, []brief{{3, "", "syntax"}}},
		{"byte order mark", "\xef\xbb\xbf" + string(dir), nil, 1, []brief{{1, "", "bom"}}},
		{"invalid UTF-8", "{\"organizations\":[{\"id\":\"a\",\n\"name\":\"caf\xe9\",\"classification\":\"other\"}]}", []string{"--kind", "body-directory"}, 1, []brief{{2, "", "encoding"}}},
		{"wrong type", `{"organizations":[{"id":"a","name":"A","classification":"other","founding_date":2021}]}`, []string{"--kind", "body-directory"}, 1, []brief{{1, "/organizations/0/founding_date", "type"}}},
		{"unknown field", "{\"organizations\":[\n{\"id\":\"a\",\"name\":\"A\",\"classification\":\"other\",\"colour\":\"red\"}]}", []string{"--kind", "body-directory"}, 1, []brief{{2, "/organizations/0", "additionalProperties"}}},
		{"deep nesting", strings.Repeat("[", 100000), []string{"--kind", "body-directory"}, 1, []brief{{1, "", "depth"}}},
		{"no kind", `{"organizations":[]}`, nil, 1, []brief{{1, "", "unknown_kind"}}},
		{"impossible date", "{\"organizations\":[{\"id\":\"a\",\"name\":\"A\",\n\"classification\":\"other\",\"founding_date\":\"2023-02-30\"}]}", []string{"--kind", "body-directory"}, 1, []brief{{2, "/organizations/0/founding_date", "date"}}},
		{"a long document is fine", long, []string{"--kind", "body-directory"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := writeFile(t, "doc.json", []byte(tt.data))
			args := append([]string{"validate", "--format", "json"}, tt.args...)
			code, out, stderr := runCLI(t, "", append(args, f)...)
			require.Equal(t, tt.wantCode, code, "stderr: %s", stderr)
			if diff := cmp.Diff(tt.want, briefs(problems(t, out))); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestBodiesCheckBothCoChairsEmployer(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "bodies", "check", "testdata/both-cochairs-employer.json")
	require.Equal(t, exitInvalid, code)
	want := "testdata/both-cochairs-employer.json:8: /posts/1/side: the co-chair posts of trust-jnc are all for the employer side; a partnership body is co-chaired from both sides; give one co-chair post side \"staff\"\n"
	if diff := cmp.Diff(want, stderr); diff != "" {
		t.Errorf("stderr (-want +got)\n%s", diff)
	}
	if !strings.Contains(stdout, "invalid body-directory: 1 problem") {
		t.Errorf("stdout = %q, want a summary", stdout)
	}
}

func TestValidateNDJSON(t *testing.T) {
	for _, workers := range []string{"1", "3"} {
		t.Run("workers="+workers, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", "validate", "--ndjson", "--kind", "membership", "--format", "json", "--workers", workers, "testdata/members.ndjson")
			require.Equal(t, exitInvalid, code, stderr)
			want := []brief{
				{4, "/side", "enum"},
				{5, "/end_date", "invalid_interval"},
				{6, "", "syntax"},
				{7, "/start_date", "date"},
			}
			if diff := cmp.Diff(want, briefs(problems(t, out))); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
	code, out, _ := runCLI(t, "", "validate", "--ndjson", "--kind", "membership", "testdata/members.ndjson")
	require.Equal(t, exitInvalid, code)
	require.Equal(t, "testdata/members.ndjson: 6 records, 2 valid, 4 invalid\n", out)
}

func TestValidateNDJSONLongLineAndCap(t *testing.T) {
	var in strings.Builder
	in.WriteString(`{"id":"m-1","organization_id":"o","person_id":"p"}` + "\n")
	in.WriteString(`{"id":"` + strings.Repeat("x", check.DefaultMaxRecord+10) + "\"}\n")
	for range 5 {
		in.WriteString(`{"id":"BAD"}` + "\n")
	}
	f := writeFile(t, "big.ndjson", []byte(in.String()))
	code, out, _ := runCLI(t, "", "validate", "--ndjson", "--kind", "membership", "--format", "json", "--max-errors", "3", f)
	require.Equal(t, exitInvalid, code)
	ps := problems(t, out)
	require.Len(t, ps, 4)
	require.Equal(t, brief{2, "", "too_long"}, briefs(ps)[0])
	require.Equal(t, schema.CodeTooMany, ps[3].Code)
	require.Contains(t, ps[3].Message, "more problems not shown")
}

func TestValidateStdinAndUsage(t *testing.T) {
	data, err := os.ReadFile("../../spf/data/directory.json")
	require.NoError(t, err)
	code, out, _ := runCLI(t, string(data), "validate", "-")
	require.Equal(t, exitOK, code)
	require.Equal(t, "-: valid body-directory\n", out)

	for _, args := range [][]string{
		{"validate"},
		{"validate", "--kind", "nope", "x.json"},
		{"validate", "--format", "xml", "x.json"},
		{"validate", "testdata/does-not-exist.json"},
		{"validate", "testdata"},
		{"frobnicate"},
		{"schema", "show", "nope"},
		{"bodies", "--on", "2022-13"},
		{"bodies", "--format", "pdf"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != exitUsage || stderr == "" {
			t.Errorf("spfkit %v: exit %d, stderr %q; want exit 2 with a message", args, code, stderr)
		}
	}
}

func TestSchemaCommands(t *testing.T) {
	code, out, _ := runCLI(t, "", "schema", "list")
	require.Equal(t, exitOK, code)
	for _, k := range schema.Kinds() {
		require.Contains(t, out, k.Kind.URL())
	}
	code, out, _ = runCLI(t, "", "schema", "show", "body-directory")
	require.Equal(t, exitOK, code)
	src, _ := schema.Source(schema.BodyDirectory)
	require.Equal(t, string(src), out)
	dir := t.TempDir()
	code, _, _ = runCLI(t, "", "schema", "write", dir)
	require.Equal(t, exitOK, code)
	got, err := os.ReadFile(filepath.Join(dir, "membership.schema.json"))
	require.NoError(t, err)
	want, _ := schema.Source(schema.Membership)
	require.Equal(t, string(want), string(got))
}

func TestBodies(t *testing.T) {
	code, out, _ := runCLI(t, "", "bodies", "--format", "json")
	require.Equal(t, exitOK, code)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.BodyDirectory, []byte(out)))
	d, err := check.ParseDirectory([]byte(out))
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	for _, id := range []spf.OrgID{"spf-national", "spf-london", "wig", "violence-reduction-subgroup", "ics-tpg", "nhs-employers", "nhs-trade-unions", "dhsc", "nhs-england", "hee", "nhs-improvement"} {
		_, ok := d.Organization(id)
		require.True(t, ok, "the directory has %s", id)
	}

	code, out, _ = runCLI(t, "", "bodies", "--on", "2021-06-01", "--format", "json")
	require.Equal(t, exitOK, code)
	d, err = check.ParseDirectory([]byte(out))
	require.NoError(t, err)
	require.NoError(t, d.Validate(), "a directory on a date still passes Validate")
	_, icbs := d.Organization("icbs")
	_, ccgs := d.Organization("ccgs")
	require.False(t, icbs, "ICBs did not exist in June 2021")
	require.True(t, ccgs, "CCGs existed in June 2021")

	code, out, _ = runCLI(t, "", "bodies", "--on", "2020-12-03", "--format", "md")
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "# Partnership bodies on 2020-12-03")
	require.Contains(t, out, "Alwen Williams", "the management co-chair on the date of the December 2020 meeting")
	require.NotContains(t, out, "Jinjer Kandola")
	require.Contains(t, out, "Next review due: **external stocktake in 2023**")
}

func TestMaxErrorsZeroShowsEverything(t *testing.T) {
	doc := `{"organizations":[` + strings.Repeat(`{"id":"X","name":"","classification":"nope"},`, 60) + `{"id":"ok","name":"n","classification":"other"}]}`
	f := writeFile(t, "many.json", []byte(doc))
	_, out, _ := runCLI(t, "", "validate", "--kind", "body-directory", "--format", "json", "--max-errors", "0", f)
	if got := len(problems(t, out)); got != 180 {
		t.Errorf("got %d problems, want all 180", got)
	}
	_, out, _ = runCLI(t, "", "validate", "--kind", "body-directory", "--format", "json", "--max-errors", "7", f)
	ps := problems(t, out)
	if len(ps) != 8 || ps[7].Code != schema.CodeTooMany || ps[7].Message != "173 more problems not shown" {
		t.Errorf("with --max-errors 7 got %d problems ending %+v; want 7 and a count of the rest", len(ps), ps[len(ps)-1])
	}
}
