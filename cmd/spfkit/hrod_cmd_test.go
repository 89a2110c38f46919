package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/schema"
)

func TestFrameworkCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "framework", "--format", "json")
	require.Equal(t, exitOK, code)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.HRODFramework, []byte(out)))
	var f struct {
		Themes  []map[string]any `json:"themes"`
		Actions []struct {
			Number, Theme, Actor, Level, Summary string
			Items                                []struct {
				ID       string          `json:"id"`
				Text     string          `json:"text"`
				Deadline json.RawMessage `json:"deadline"`
			}
		} `json:"actions"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &f))
	items := 0
	for _, a := range f.Actions {
		items += len(a.Items)
		for _, it := range a.Items {
			if it.Deadline == nil {
				t.Fatalf("item %s has no deadline key; want null or an object", it.ID)
			}
		}
	}
	if len(f.Themes) != 8 || len(f.Actions) != 35 || items != 142 {
		t.Errorf("%d themes, %d actions, %d items", len(f.Themes), len(f.Actions), items)
	}

	code, out, _ = runCLI(t, "", "framework", "--theme", "digital", "--level", "national", "--format", "csv")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSpace(out), "\r\n")
	if len(lines) != 1+5+3 || !strings.HasPrefix(lines[1], "07.1,07,digital,Embedding digitally enabled solutions,national,National organisations,") {
		t.Errorf("csv:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "framework", "--theme", "health-and-wellbeing")
	require.Equal(t, exitOK, code)
	if !strings.Contains(out, "- **12.4** make a formal arrangement for staff to reach core health") || !strings.Contains(out, "*(by 2025)*") {
		t.Errorf("md:\n%s", out)
	}
	if !strings.Contains(out, "unless an appendix item gives the action to a named actor):\n\n- *National and regional:*") || strings.Contains(out, "## Theory of change") {
		t.Errorf("one theme's Markdown has its key actions and no programme-wide sections:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "framework")
	require.Equal(t, exitOK, code)
	for _, want := range []string{"## Theory of change\n\n### Starting points vary", "| Innovators | 2.5% |", "## How the programme engages", "## Next steps\n\n### Senior people leaders"} {
		if !strings.Contains(out, want) {
			t.Errorf("the whole framework's Markdown lacks %q", want)
		}
	}
	code, _, errOut := runCLI(t, "", "framework", "--theme", "pay")
	if code != exitUsage || !strings.Contains(errOut, `unknown theme "pay"`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestPlanInitAndStatus(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.json")
	code, _, errOut := runCLI(t, "", "plan", "init", "--org", "Example NHS Trust", "--priorities", plan)
	require.Equal(t, exitOK, code, errOut)
	code, _, errOut = runCLI(t, "", "plan", "init", "--org", "Example NHS Trust", plan)
	if code != exitUsage || !strings.Contains(errOut, "pass --force") {
		t.Errorf("overwriting: exit %d %s", code, errOut)
	}
	code, _, _ = runCLI(t, "", "validate", plan)
	require.Equal(t, exitOK, code, "a new plan validates as action-plan by its $schema")

	// Mark two entries done and one late.
	data, err := os.ReadFile(plan)
	require.NoError(t, err)
	p, err := check.ParsePlan(data)
	require.NoError(t, err)
	for i := range p.Entries {
		switch p.Entries[i].Item {
		case "13.2", "15.1":
			p.Entries[i].Status = hrod.Completed
		case "22.2":
			p.Entries[i].Due = date.MustParse("2023-03-01")
		}
	}
	data, _ = json.Marshal(p)
	require.NoError(t, os.WriteFile(plan, data, 0o644))

	code, out, errOut := runCLI(t, "", "plan", "status", "--on", "2023-03-10", "--format", "json", plan)
	require.Equal(t, exitOK, code, errOut)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.PlanStatus, []byte(out)))
	var r hrod.StatusReport
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	pr := r.Plans[0]
	if pr.Overall.Total != 34 || pr.Overall.ByStatus[hrod.Completed] != 2 || len(pr.Overdue) != 1 || pr.Overdue[0].DaysLeft != -9 {
		t.Errorf("status: %+v overdue %+v", pr.Overall, pr.Overdue)
	}
	code, out, _ = runCLI(t, "", "plan", "status", "--on", "2023-03-10", plan)
	require.Equal(t, exitOK, code)
	if !strings.Contains(out, "Prioritising the health and wellbeing of all our people   [####################] 2/2 100%") {
		t.Errorf("md:\n%s", out)
	}
}

func TestPlanStatusRejectsBadPlans(t *testing.T) {
	bad := writeFile(t, "bad.json", []byte(`{
  "organization": "Example ICS",
  "level": "local",
  "require_evidence": true,
  "entries": [
    {"item": "12.1", "status": "in_progress"},
    {"item": "13.2", "status": "completed"},
    {"item": "14.1", "status": "in_progress", "due": "2023-02-30"}
  ]
}
`))
	code, _, errOut := runCLI(t, "", "plan", "status", bad)
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	want := bad + ":8: /entries/2/due: \"2023-02-30\" is not a date: the day is not 01 to 28"
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	// Every problem at once: the plan rules report alongside the schema.
	code, out, _ := runCLI(t, "", "validate", "--kind", "action-plan", "--format", "json", bad)
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	all := []brief{{6, "/entries/0/item", "level_mismatch"}, {7, "/entries/1/evidence", "missing_evidence"}, {8, "/entries/2/due", "date"}}
	if diff := cmp.Diff(all, briefs(problems(t, out))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// With the date fixed, the plan rules' findings remain.
	data, _ := os.ReadFile(bad)
	require.NoError(t, os.WriteFile(bad, []byte(strings.Replace(string(data), "2023-02-30", "2023-02-28", 1)), 0o644))
	code, out, _ = runCLI(t, "", "validate", "--kind", "action-plan", "--format", "json", bad)
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	if diff := cmp.Diff(all[:2], briefs(problems(t, out))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// A rule's finding where the schema already found a fault is left out:
	// one problem per place.
	require.NoError(t, os.WriteFile(bad, []byte(`{"organization": "X", "level": "local", "entries": [{"item": "12.1", "status": "done"}, {"item": "99.1", "status": "in_progress"}]}`), 0o644))
	_, out, _ = runCLI(t, "", "validate", "--kind", "action-plan", "--format", "json", bad)
	if diff := cmp.Diff([]brief{{1, "/entries/0/item", "level_mismatch"}, {1, "/entries/0/status", "enum"}, {1, "/entries/1/item", "pattern"}}, briefs(problems(t, out))); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestFrameworkOutputValidates: spfkit validate accepts every framework
// spfkit framework writes, filtered by theme and level or not.
func TestFrameworkOutputValidates(t *testing.T) {
	themes := []string{""}
	for _, th := range hrod.Builtin().Themes {
		themes = append(themes, th.Slug)
	}
	for _, th := range themes {
		for _, level := range []string{"", "local", "national"} {
			args := []string{"framework", "--format", "json"}
			if th != "" {
				args = append(args, "--theme", th)
			}
			if level != "" {
				args = append(args, "--level", level)
			}
			code, out, errOut := runCLI(t, "", args...)
			require.Equal(t, exitOK, code, errOut)
			if code, vout, verr := runCLI(t, out, "validate", "-"); code != exitOK {
				t.Errorf("%v: validate says %s%s", args, vout, verr)
			}
		}
	}
}
