package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/hrod/report"
	"github.com/spfkit/spfkit/problem"
)

func main() {
	on := "2023-03-10"
	if len(os.Args) > 1 {
		on = os.Args[1]
	}
	day, err := date.ParseDay(on)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	f := hrod.Builtin()

	// 1. A plan of the priorities, each due on 31 March 2023.
	plan := f.NewPriorityPlan("Example NHS Trust")
	plan.RequireEvidence = true

	// 2. Progress so far.
	for i := range plan.Entries {
		e := &plan.Entries[i]
		switch e.Item {
		case "13.2":
			e.Status = hrod.Completed
			e.Evidence = []hrod.Link{{Title: "Board paper: wellbeing dashboard"}}
		case "15.1":
			e.Status = hrod.InProgress
			e.Owner = "Head of Occupational Health"
			e.Due = date.MustParse("2023-02-28")
		}
	}

	// 3. Check it: every problem at once, located.
	if err := f.ValidatePlan(plan); err != nil {
		for _, e := range problem.All(err) {
			fmt.Println(e.Pointer, e.Message)
		}
		os.Exit(1)
	}

	// 4. Where it stands.
	r := f.StatusReport([]*hrod.Plan{plan}, hrod.ProgressOptions{On: day})
	if err := report.WriteStatusMarkdown(os.Stdout, r); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
