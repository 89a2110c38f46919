package report_test

import (
	"fmt"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/hrod/report"
)

// A trust's plan of the priorities to March 2023, two entries done, is
// written up for its people board on 10 March 2023.
func ExampleWriteStatusMarkdown() {
	f := hrod.Builtin()
	plan := f.NewPriorityPlan("Example NHS Trust")
	plan.Entries[0].Status = hrod.Completed
	plan.Entries[1].Status = hrod.Completed
	status := f.StatusReport([]*hrod.Plan{plan}, hrod.ProgressOptions{On: date.MustParse("2023-03-10")})
	var b strings.Builder
	if err := report.WriteStatusMarkdown(&b, status); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "#") || strings.Contains(line, "Overall") {
			fmt.Println(line)
		}
	}
	// Output:
	// # Example NHS Trust: progress on 2023-03-10
	// Overall                                                   [#...................] 2/34 6%
}

// The framework's actions for organisations, one row per item, for a
// spreadsheet (with a byte order mark, which tells Excel it is UTF-8).
func ExampleWriteFrameworkCSV() {
	f := hrod.Builtin().Filter("health-and-wellbeing", hrod.Local)
	var b strings.Builder
	report.WriteFrameworkCSV(&b, f)
	lines := strings.Split(strings.TrimPrefix(b.String(), "\ufeff"), "\r\n") // Excel's line ends
	for _, l := range lines[:3] {
		fmt.Println(l)
	}
	fmt.Println(len(lines)-2, "items")
	// Output:
	// item,action,theme,theme_name,level,actor,text,deadline_kind,deadline_year,due
	// 13.1,13,health-and-wellbeing,Prioritising the health and wellbeing of all our people,local,Organisation and ICS boards,"make the CPO, or the equivalent, the accountable lead, working with the board's guardian for staff health and wellbeing",,,
	// 13.2,13,health-and-wellbeing,Prioritising the health and wellbeing of all our people,local,Organisation and ICS boards,scrutinise measures of staff health and wellbeing as closely as operational and financial performance,,,
	// 10 items
}
