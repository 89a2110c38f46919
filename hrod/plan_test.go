package hrod_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/hrodjson"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

func TestNewPlans(t *testing.T) {
	f := hrod.Builtin()
	local := f.NewPlan("Example NHS Trust", hrod.Local)
	national := f.NewPlan("National team", hrod.National)
	if len(local.Entries)+len(national.Entries) != 142 {
		t.Errorf("local %d + national %d entries, want 142", len(local.Entries), len(national.Entries))
	}
	require.NoError(t, f.ValidatePlan(local))
	require.NoError(t, f.ValidatePlan(national))
	for _, e := range local.Entries {
		if e.Status != hrod.NotYetStarted || (e.Item == "09.1") == e.Due.IsZero() {
			t.Errorf("local entry %+v", e)
		}
	}
	if e := national.Entries[0]; e.Item != "01.1" || e.Due.String() != "2023-12-31" {
		t.Errorf("first national entry %+v", e)
	}
	pri := f.NewPriorityPlan("Example ICS")
	require.NoError(t, f.ValidatePlan(pri))
	var ids []string
	for _, e := range pri.Entries {
		ids = append(ids, string(e.Item))
		if e.Due.String() != "2023-03-31" {
			t.Errorf("priority entry %s due %s", e.Item, e.Due)
		}
	}
	if len(ids) != 34 || ids[0] != "02.1" || ids[len(ids)-1] != "35.7" {
		t.Errorf("priority items: %v", ids)
	}
}

func TestCheckPlan(t *testing.T) {
	f := hrod.Builtin()
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"valid", `{"organization":"T","level":"local","require_evidence":true,"entries":[{"item":"13.2","status":"completed","evidence":[{"title":"Board paper"}]},{"item":"15.1","status":"in_progress","due":"2023-03-31"}]}`, nil},
		{"every mistake at once", `{"organization":"","level":"local","require_evidence":true,"entries":[
			{"item":"99.1","status":"in_progress"},
			{"item":"12.1","status":"not_yet_started"},
			{"item":"13.9","status":"not_yet_started"},
			{"item":"13.2","status":"completed"},
			{"item":"13.2","status":"in_progress"},
			{"item":"14.1","status":"completed","evidence":[{"title":""}]}]}`,
			[]string{"/entries/0/item unknown_item", "/entries/1/item level_mismatch", "/entries/2/item unknown_item", "/entries/3/evidence missing_evidence",
				"/entries/4/item duplicate_item", "/entries/5/evidence/0/title missing_value", "/organization missing_value"}},
		{"a local item in a national plan", `{"organization":"N","level":"national","entries":[{"item":"13.1","status":"in_progress"}]}`, []string{"/entries/0/item level_mismatch"}},
		{"evidence not required", `{"organization":"T","level":"local","entries":[{"item":"13.2","status":"completed"}]}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := decodePlan(t, tt.doc)
			var got []string
			for _, e := range problem.All(f.ValidatePlan(p)) {
				got = append(got, e.Pointer+" "+e.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// decodePlan reads a plan of the right shape, for ValidatePlan to judge.
func decodePlan(t testing.TB, doc string) *hrod.Plan {
	t.Helper()
	d, err := jsonlite.Parse([]byte(doc), jsonlite.Options{})
	require.NoError(t, err)
	p, shape := hrodjson.DecodePlan(d.Root())
	require.Empty(t, shape)
	return p
}

// TestReadPlanErrors: a plan read through the checker has its schema's
// faults located.
func TestReadPlanErrors(t *testing.T) {
	tests := []struct{ doc, want string }{
		{"{\"organization\":\"T\",\"level\":\"local\",\"entries\":[\n{\"item\":\"13.2\",\"status\":\"done\"}]}", "2:25 /entries/0/status enum"},
		{"{\"organization\":\"T\",\"level\":\"local\",\"entries\":[\n{\"item\":\"13.2\",\"status\":\"completed\",\"due\":\"2023-02-30\"}]}", "2:43 /entries/0/due date"},
		{`{"organization":"T","level":"regional","entries":[]}`, "1:29 /level enum"},
		{`{"organization":"T","level":"local","entries":[],"colour":1}`, "1:1  additionalProperties"},
		{`{"organization":"T","level":"local"}`, "1:1  required"},
		{`{"organization":"T","level":"local","entries":[{"item":13.2,"status":"completed"}]}`, "1:56 /entries/0/item type"},
		{`{"organization":"T"`, "1:20  syntax"},
	}
	for _, tt := range tests {
		_, err := check.ParsePlan([]byte(tt.doc))
		var got []string
		for _, e := range problem.All(err) {
			got = append(got, strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Column)+" "+e.Pointer+" "+e.Code)
		}
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.doc, diff)
		}
	}
}

func TestOverdueBoundaries(t *testing.T) {
	f := hrod.Builtin()
	p := &hrod.Plan{Organization: "T", Level: hrod.Local, Entries: []hrod.Entry{
		{Item: "13.2", Status: hrod.InProgress, Due: date.MustParse("2023-03-31")},
		{Item: "15.1", Status: hrod.Completed, Due: date.MustParse("2023-03-31")},
		{Item: "24.1", Status: hrod.NotYetStarted},
	}}
	tests := []struct {
		on               string
		overdue, dueSoon []string // item and days left
	}{
		{"2023-03-01", nil, nil},
		{"2023-03-02", nil, []string{"13.2 29"}},
		{"2023-03-30", nil, []string{"13.2 1"}},
		{"2023-03-31", nil, []string{"13.2 0"}},
		{"2023-04-01", []string{"13.2 -1"}, nil},
		{"2024-04-01", []string{"13.2 -367"}, nil},
	}
	for _, tt := range tests {
		pr := f.Progress(p, hrod.ProgressOptions{On: date.MustParse(tt.on)})
		list := func(es []hrod.DueEntry) []string {
			var out []string
			for _, e := range es {
				out = append(out, string(e.Item)+" "+itoa(e.DaysLeft))
			}
			return out
		}
		if diff := cmp.Diff(tt.overdue, list(pr.Overdue)); diff != "" {
			t.Errorf("on %s overdue (-want +got):\n%s", tt.on, diff)
		}
		if diff := cmp.Diff(tt.dueSoon, list(pr.DueSoon)); diff != "" {
			t.Errorf("on %s due soon (-want +got):\n%s", tt.on, diff)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestProgressCounts(t *testing.T) {
	f := hrod.Builtin()
	p := f.NewPriorityPlan("T")
	for i := range p.Entries {
		switch p.Entries[i].Item {
		case "13.2", "15.1":
			p.Entries[i].Status = hrod.Completed
		case "22.2":
			p.Entries[i].Status = hrod.HasProblem
		}
	}
	pr := f.Progress(p, hrod.ProgressOptions{On: date.MustParse("2023-01-15")})
	got := map[string]string{}
	for _, th := range pr.Themes {
		got[th.Theme] = itoa(th.ByStatus[hrod.Completed]) + "/" + itoa(th.Total) + " " + itoa(int(th.CompletedPct))
	}
	want := map[string]string{
		"employee-experience": "0/5 0", "inclusion": "0/2 0", "improvement": "0/2 0", "people-profession": "0/5 0",
		"digital": "0/2 0", "talent": "0/8 0", "new-ways-of-working": "0/8 0", "health-and-wellbeing": "2/2 100",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("per theme (-want +got):\n%s", diff)
	}
	if pr.Overall.Total != 34 || pr.Overall.ByStatus[hrod.HasProblem] != 1 || len(pr.DueSoon) != 0 || len(pr.Overdue) != 0 {
		t.Errorf("overall %+v, due soon %d, overdue %d", pr.Overall, len(pr.DueSoon), len(pr.Overdue))
	}
	// The themes come in the framework's order.
	if pr.Themes[0].Theme != "employee-experience" || pr.Themes[7].Theme != "health-and-wellbeing" {
		t.Errorf("theme order: %s … %s", pr.Themes[0].Theme, pr.Themes[7].Theme)
	}
}

func TestReadinessSegments(t *testing.T) {
	// Forty plans with 0, 2.5, … 97.5% completed: the percentiles fall in
	// each of Rogers' bands in his proportions.
	var progress []hrod.Progress
	for i := range 40 {
		progress = append(progress, hrod.Progress{Organization: "org" + itoa(i), Overall: hrod.Counts{CompletedPct: float64(i) * 2.5}})
	}
	count := map[string]int{}
	for _, r := range hrod.ReadinessSegments(progress) {
		count[r.Segment]++
	}
	if diff := cmp.Diff(map[string]int{"innovators": 1, "early-adopters": 5, "early-majority": 14, "late-majority": 14, "laggards": 6}, count); diff != "" {
		t.Errorf("segments (-want +got):\n%s", diff)
	}
	// Ties share a percentile and a segment; order is kept.
	tied := hrod.ReadinessSegments([]hrod.Progress{
		{Organization: "a", Overall: hrod.Counts{CompletedPct: 10}},
		{Organization: "b", Overall: hrod.Counts{CompletedPct: 50}},
		{Organization: "c", Overall: hrod.Counts{CompletedPct: 50}},
		{Organization: "d", Overall: hrod.Counts{CompletedPct: 0}},
	})
	got := []string{}
	for _, r := range tied {
		got = append(got, r.Organization+" "+r.Segment+" "+itoa(int(r.Percentile)))
	}
	if diff := cmp.Diff([]string{"a late-majority 62", "b early-majority 25", "c early-majority 25", "d laggards 87"}, got); diff != "" {
		t.Errorf("tied (-want +got):\n%s", diff)
	}
}

// FuzzPlan checks that whatever the decoder makes of a document,
// ValidatePlan and Progress judge it, and a plan without shape problems
// encodes and decodes to itself.
func FuzzPlan(f *testing.F) {
	fw := hrod.Builtin()
	b, _ := fw.NewPriorityPlan("T").MarshalJSON()
	f.Add(b)
	f.Add([]byte(`{"organization":"T","level":"local","require_evidence":true,"entries":[{"item":"13.2","status":"completed","due":"2023-02-28","evidence":[{"title":"x","url":"https://example.org"}],"notes":"n"}]}`))
	f.Add([]byte(`{"organization":"T","level":"national","entries":[{"item":"99.9","status":"has_problem","due":"2023-02-30"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return
		}
		p, shape := hrodjson.DecodePlan(doc.Root())
		for _, e := range problem.All(fw.ValidatePlan(p)) {
			if e.Code == "" || e.Message == "" {
				t.Fatalf("problem without code or message: %+v", e)
			}
		}
		fw.Progress(p, hrod.ProgressOptions{On: date.MustParse("2023-01-01")})
		if len(shape) > 0 {
			return
		}
		out, err := p.MarshalJSON()
		require.NoError(t, err)
		again := decodePlan(t, string(out))
		if diff := cmp.Diff(p, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
