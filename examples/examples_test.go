package examples

import (
	"os/exec"
	"strings"
	"testing"
)

func TestExamplesRun(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"./cochairs", "2020-12-03"}, "Co-chair (management)      Alwen Williams"},
		{[]string{"./cochairs", "2023-01-01"}, "Next national SPF review: external_stocktake in 2023"},
		{[]string{"./validatefile", "../spf/data/directory.json"}, "valid, 27 organisations"},
		{[]string{"./heatcheck", "../survey/testdata/synthetic-wave-a.ndjson"}, "NHS Trade Union                      n=12  withheld (complementary)"},
		{[]string{"./heatcheck", "../survey/testdata/synthetic-wave-a.ndjson", "5"}, "NHS Trade Union                      n=12  q1 agree 100.0%"},
		{[]string{"./releases", "../survey/testdata/synthetic-wave-a.ndjson"}, "1 person is counted in this release's “q1 (everyone)” but not in release 1 (forum papers)'s “q1 (everyone)”"},
		{[]string{"./planprogress", "2023-03-10"}, "| 15.1 | 2023-02-28 | -10 | In progress | Head of Occupational Health |"},
		{[]string{"./planprogress", "2023-03-10"}, "Prioritising the health and wellbeing of all our people   [##########..........] 1/2 50%"},
		{[]string{"./validatefile", "../cmd/spfkit/testdata/both-cochairs-employer.json"}, "/posts/1/side: the co-chair posts of trust-jnc are all for the employer side"},
		{[]string{"./transfertimetable", "2026-04-01"}, "  2026-03-04  T11  The transferring employer must give the new employer employee liability information at least 28 days before the transfer"},
		{[]string{"./transfertimetable", "2026-04-01"}, "the new employer may inform and consult employees directly, as it has fewer than 50 employees"},
		{[]string{"./transfertimetable", "2014-04-01"}, "/transfer/date: the transfer date 2014-04-01 is before the employee started on 2017-09-04"},
	}
	for _, tt := range tests {
		out, _ := exec.Command("go", append([]string{"run"}, tt.args...)...).CombinedOutput()
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("go run %v:\n%s\nwant it to contain %q", tt.args, out, tt.want)
		}
	}
}
