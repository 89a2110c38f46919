package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current CLI")

// goldenCase is one run of the command-line tool on valid input.
type goldenCase struct {
	name string
	args []string
	// stdin is given as text, or taken from the standard output of the
	// case named by stdinFrom.
	stdin     string
	stdinFrom string
}

// goldenCases lists a run of every command over every valid input the
// repository holds: the schema fixtures, the built-in data, the survey
// test data and the generated inputs in testdata/golden/in. Their output
// must not change when the code is reorganised; TestGolden holds them to
// the files in testdata/golden.
func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	var cs []goldenCase
	add := func(name string, args ...string) { cs = append(cs, goldenCase{name: name, args: args}) }

	add("usage")
	add("help", "help")
	add("schema-list", "schema", "list")
	kinds, err := filepath.Glob("../../schema/*.schema.json")
	if err != nil || len(kinds) == 0 {
		t.Fatalf("no schemas: %v", err)
	}
	for _, k := range kinds {
		kind := strings.TrimSuffix(filepath.Base(k), ".schema.json")
		add("schema-show-"+kind, "schema", "show", kind)
	}

	for _, on := range []string{"2020-12-03", "2021-06", "2022-07-01", "2023-06-01", "2026-01-01"} {
		add("bodies-md-"+on, "bodies", "--on", on)
	}
	add("bodies-json", "bodies", "--format", "json")
	add("bodies-json-2021", "bodies", "--format", "json", "--on", "2021")
	add("bodies-check-builtin", "bodies", "check", "../../spf/data/directory.json")
	add("bodies-check-json", "bodies", "check", "--format", "json", "../../spf/data/directory.json")
	add("bodies-actions", "bodies", "actions")
	add("bodies-actions-owner", "bodies", "actions", "--by", "owner")
	add("bodies-actions-json", "bodies", "actions", "--format", "json")
	add("bodies-actions-file", "bodies", "actions", "../../schema/testdata/body-directory/valid/full.json")

	fixtures, err := filepath.Glob("../../schema/testdata/*/valid/*.json")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	sort.Strings(fixtures)
	for _, f := range fixtures {
		kind := filepath.Base(filepath.Dir(filepath.Dir(f)))
		base := kind + "-" + strings.TrimSuffix(filepath.Base(f), ".json")
		add("validate-"+base, "validate", "--kind", kind, f)
		add("validate-json-"+base, "validate", "--format", "json", "--kind", kind, f)
	}
	add("validate-data", "validate", "../../spf/data/directory.json")
	add("validate-framework", "validate", "--kind", "hrod-framework", "../../hrod/data/framework.json")
	add("validate-surveys", "validate", "--kind", "survey-definition", "../../survey/data/heatcheck-2022-members.json", "../../survey/data/heatcheck-2022-policy-leads.json", "../../survey/testdata/pulse.json")
	add("validate-plans", "validate", "--kind", "action-plan", "testdata/golden/in/trust-a.json", "testdata/golden/in/trust-b.json", "testdata/golden/in/national.json")
	add("validate-transfer", "validate", "--kind", "transfer-case", "../../transfer/testdata/outsourcing.json")
	add("validate-ndjson-members", "validate", "--ndjson", "--kind", "membership", "testdata/golden/in/members.ndjson")
	add("validate-ndjson-members-json", "validate", "--ndjson", "--format", "json", "--kind", "membership", "testdata/golden/in/members.ndjson")
	add("validate-ndjson-responses", "validate", "--ndjson", "--kind", "survey-response", "testdata/golden/in/responses.ndjson", "../../survey/testdata/synthetic-wave-a.ndjson", "../../survey/testdata/synthetic-wave-b.ndjson")
	add("validate-ndjson-pulse", "validate", "--ndjson", "--kind", "survey-response", "testdata/golden/in/pulse.ndjson")
	add("validate-ndjson-cases", "validate", "--ndjson", "--kind", "transfer-case", "testdata/golden/in/cases.ndjson")

	add("survey-list", "survey", "list")
	for _, id := range []string{"heatcheck-2022-members", "heatcheck-2022-policy-leads", "../../survey/testdata/pulse.json"} {
		name := strings.TrimSuffix(filepath.Base(id), ".json")
		for _, f := range []string{"md", "json", "surveyjs"} {
			if f == "surveyjs" && name == "pulse" {
				continue // its don't-know option has no SurveyJS form
			}
			add("survey-show-"+name+"-"+f, "survey", "show", id, "--format", f)
		}
		if name == "pulse" {
			continue
		}
		cs = append(cs, goldenCase{name: "survey-import-" + name, args: []string{"survey", "import", "--id", "imported-" + name, "--version", "3", "-"}, stdinFrom: "survey-show-" + name + "-surveyjs"})
	}

	for _, f := range []string{"md", "json", "csv", "html"} {
		add("score-generated-"+f, "score", "--survey", "heatcheck-2022-members", "--format", f, "testdata/golden/in/responses.ndjson")
		add("score-generated-by-"+f, "score", "--survey", "heatcheck-2022-members", "--by", "org_type", "--comments", "--invited", "900", "--format", f, "testdata/golden/in/responses.ndjson")
		add("score-generated-k5-"+f, "score", "--survey", "heatcheck-2022-members", "--by", "org_type", "--min-group", "5", "--min-text", "5", "--comments", "--format", f, "testdata/golden/in/responses.ndjson")
		add("score-pulse-"+f, "score", "--survey", "../../survey/testdata/pulse.json", "--by", "side", "--comments", "--min-group", "5", "--min-text", "5", "--format", f, "testdata/golden/in/pulse.ndjson")
		add("score-pulse-plain-"+f, "score", "--survey", "../../survey/testdata/pulse.json", "--format", f, "testdata/golden/in/pulse.ndjson")
		add("score-wave-a-"+f, "score", "--survey", "heatcheck-2022-members", "--by", "org_type", "--format", f, "../../survey/testdata/synthetic-wave-a.ndjson")
	}
	add("score-wave-a-csv-input", "score", "--survey", "heatcheck-2022-members", "--format", "json", "../../survey/testdata/synthetic-wave-a.csv")
	add("score-wave-a-json-input", "score", "--survey", "heatcheck-2022-members", "--format", "json", "../../survey/testdata/synthetic-wave-a.json")
	add("score-waves-merged", "score", "--survey", "heatcheck-2022-members", "--workers", "1", "--format", "md", "../../survey/testdata/synthetic-wave-a.ndjson", "../../survey/testdata/synthetic-wave-b.ndjson")
	cs = append(cs, goldenCase{name: "score-stdin", args: []string{"score", "--survey", "heatcheck-2022-members", "--input-format", "ndjson", "-"}, stdinFrom: "file:testdata/golden/in/responses.ndjson"})
	for _, f := range []string{"md", "json"} {
		add("compare-"+f, "compare", "--survey", "heatcheck-2022-members", "--format", f, "../../survey/testdata/synthetic-wave-a.ndjson", "../../survey/testdata/synthetic-wave-b.ndjson")
		add("compare-k5-"+f, "compare", "--survey", "heatcheck-2022-members", "--min-group", "5", "--format", f, "../../survey/testdata/synthetic-wave-b.ndjson", "../../survey/testdata/synthetic-wave-a.ndjson")
		add("compare-generated-"+f, "compare", "--survey", "heatcheck-2022-members", "--format", f, "testdata/golden/in/responses.ndjson", "../../survey/testdata/synthetic-wave-a.ndjson")
	}

	for _, f := range []string{"md", "csv", "json"} {
		add("framework-"+f, "framework", "--format", f)
		add("framework-local-"+f, "framework", "--level", "local", "--format", f)
		add("framework-national-"+f, "framework", "--level", "national", "--format", f)
		for _, theme := range []string{"employee-experience", "inclusion", "improvement", "people-profession", "digital", "talent", "new-ways-of-working", "health-and-wellbeing"} {
			add("framework-"+theme+"-"+f, "framework", "--theme", theme, "--format", f)
		}
		add("framework-health-local-"+f, "framework", "--theme", "health-and-wellbeing", "--level", "local", "--format", f)
	}

	add("plan-init-local", "plan", "init", "--org", "Example NHS Trust", "-")
	add("plan-init-national", "plan", "init", "--org", "National team", "--level", "national", "-")
	add("plan-init-priorities", "plan", "init", "--org", "Example ICS", "--priorities", "--require-evidence", "-")
	plans := []string{"testdata/golden/in/trust-a.json", "testdata/golden/in/trust-b.json", "testdata/golden/in/national.json", "../../schema/testdata/action-plan/valid/full.json", "../../schema/testdata/action-plan/valid/minimal.json"}
	for _, on := range []string{"2022-06-15", "2023-03-10", "2023-12-31", "2026-01-01"} {
		for _, f := range []string{"md", "json"} {
			add("plan-status-"+on+"-"+f, append([]string{"plan", "status", "--on", on, "--format", f}, plans...)...)
		}
	}
	add("plan-status-soon", "plan", "status", "--on", "2023-02-01", "--due-soon", "90", plans[0])

	transfers := append([]string{"../../transfer/testdata/outsourcing.json"}, fixturesOf(t, "transfer-case")...)
	for i, c := range transfers {
		name := strconv.Itoa(i) + "-" + strings.TrimSuffix(filepath.Base(c), ".json")
		add("transfer-md-"+name, "transfer", c)
		add("transfer-json-"+name, "transfer", "--format", "json", c)
	}
	add("transfer-ndjson", "transfer", "--ndjson", "testdata/golden/in/cases.ndjson")
	return cs
}

func fixturesOf(t *testing.T, kind string) []string {
	t.Helper()
	fs, err := filepath.Glob("../../schema/testdata/" + kind + "/valid/*.json")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(fs)
	return fs
}

// goldenRecord renders a run for its golden file. Output longer than
// 16 KB is kept as its SHA-256 and length, so the files stay small; the
// rest is kept whole, so a difference reads as a diff.
func goldenRecord(code int, stdout, stderr string) string {
	part := func(s string) string {
		if len(s) > 16<<10 {
			sum := sha256.Sum256([]byte(s))
			return "sha256:" + hex.EncodeToString(sum[:]) + " (" + strconv.Itoa(len(s)) + " bytes)\n"
		}
		return s
	}
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, part(stdout), part(stderr))
}

// TestGolden runs every golden case and compares its exit status, standard
// output and standard error with testdata/golden/NAME.txt. Run with
// -update-golden to rewrite the files after a deliberate change.
func TestGolden(t *testing.T) {
	outputs := map[string]string{}
	seen := map[string]bool{}
	for _, c := range goldenCases(t) {
		if seen[c.name] {
			t.Fatalf("two golden cases are called %s", c.name)
		}
		seen[c.name] = true
		stdin := c.stdin
		switch {
		case strings.HasPrefix(c.stdinFrom, "file:"):
			b, err := os.ReadFile(strings.TrimPrefix(c.stdinFrom, "file:"))
			if err != nil {
				t.Fatal(err)
			}
			stdin = string(b)
		case c.stdinFrom != "":
			out, ok := outputs[c.stdinFrom]
			if !ok {
				t.Fatalf("%s: no earlier case %s", c.name, c.stdinFrom)
			}
			stdin = out
		}
		code, stdout, stderr := runCLI(t, stdin, c.args...)
		outputs[c.name] = stdout
		got := goldenRecord(code, stdout, stderr)
		path := filepath.Join("testdata", "golden", c.name+".txt")
		if *updateGolden {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./cmd/spfkit -run TestGolden -update-golden)", c.name, err)
			continue
		}
		if diff := cmp.Diff(string(want), got); diff != "" {
			t.Errorf("spfkit %s: output differs from %s (-want +got):\n%s", strings.Join(c.args, " "), path, diff)
		}
	}
	// Every golden file belongs to a case.
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if !seen[name] {
			if *updateGolden {
				os.Remove(f)
				continue
			}
			t.Errorf("%s has no golden case; remove it or add the case", f)
		}
	}
	if !*updateGolden {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d golden cases written\n", len(seen))
	t.Log(b.String())
}
