package hrod_test

import (
	"fmt"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
)

// A people team looks up what the framework asks of it on health and
// wellbeing: the local actions of the theme and their items.
func ExampleFramework_Filter() {
	f := hrod.Builtin().Filter("health-and-wellbeing", hrod.Local)
	for _, a := range f.Actions {
		fmt.Printf("%s %s: %d items\n", a.Number, a.Actor, len(a.Items))
	}
	// Output:
	// 13 Organisation and ICS boards: 3 items
	// 14 Organisation and ICS CPOs: 3 items
	// 15 Organisation and ICS CPOs: 4 items
}

// "By 2023" means 31 December 2023; "from 2024" starts on 1 January 2024.
func ExampleDeadline_Due() {
	f := hrod.Builtin()
	for _, id := range []hrod.ItemID{"12.1", "07.5", "13.1"} {
		it, _ := f.Item(id)
		switch d := it.Deadline; {
		case d == nil:
			fmt.Println(id, "no deadline")
		default:
			due, ok := d.Due()
			start, _ := d.Starts()
			if ok {
				fmt.Println(id, d, "due", due)
			} else {
				fmt.Println(id, d, "starts", start)
			}
		}
	}
	// Output:
	// 12.1 by 2023 due 2023-12-31
	// 07.5 from 2024 starts 2024-01-01
	// 13.1 no deadline
}

// A trust starts from the March 2023 priorities, records its progress and
// checks where it stands on a day: what is overdue, what is due soon.
func ExampleFramework_Progress() {
	f := hrod.Builtin()
	plan := f.NewPriorityPlan("Example NHS Trust")
	for i, e := range plan.Entries {
		switch e.Item {
		case "13.2", "15.1":
			plan.Entries[i].Status = hrod.Completed
		case "22.2":
			plan.Entries[i].Status = hrod.InProgress
			plan.Entries[i].Owner = "Head of staff experience"
			plan.Entries[i].Due = date.MustParse("2023-02-28")
		}
	}
	pr := f.Progress(plan, hrod.ProgressOptions{On: date.MustParse("2023-03-10")})
	for _, t := range pr.Themes[:2] {
		fmt.Printf("%-40s %d/%d\n", t.Name, t.ByStatus[hrod.Completed], t.Total)
	}
	fmt.Printf("overall %.1f%% complete\n", pr.Overall.CompletedPct)
	for _, e := range pr.Overdue {
		fmt.Printf("overdue: %s (%s), %d days\n", e.Item, e.Owner, -e.DaysLeft)
	}
	fmt.Printf("due soon: %d entries, first %s in %d days\n", len(pr.DueSoon), pr.DueSoon[0].Item, pr.DueSoon[0].DaysLeft)
	// Output:
	// Creating a great employee experience     0/5
	// Ensuring inclusion and belonging for all 0/2
	// overall 5.9% complete
	// overdue: 22.2 (Head of staff experience), 10 days
	// due soon: 31 entries, first 02.1 in 21 days
}

// A plan with mistakes gets every problem back at once, located.
func ExampleFramework_CheckPlan() {
	plan := &hrod.Plan{Organization: "Example ICS", Level: hrod.Local, RequireEvidence: true, Entries: []hrod.Entry{
		{Item: "12.1", Status: hrod.InProgress},
		{Item: "13.2", Status: hrod.Completed},
		{Item: "36.1", Status: hrod.NotYetStarted},
	}}
	for _, e := range problem.All(hrod.Builtin().ValidatePlan(plan)) {
		fmt.Println(e.Pointer, e.Code)
	}
	// Output:
	// /entries/0/item level_mismatch
	// /entries/1/evidence missing_evidence
	// /entries/2/item unknown_item
}

// Regional teams compare several organisations' plans and place each on
// the innovation adoption curve.
func ExampleReadinessSegments() {
	var progress []hrod.Progress
	for i, pct := range []float64{80, 55, 40, 40, 30, 20, 10, 5, 0, 0} {
		progress = append(progress, hrod.Progress{Organization: fmt.Sprintf("Trust %c", 'A'+i), Overall: hrod.Counts{CompletedPct: pct}})
	}
	for _, r := range hrod.ReadinessSegments(progress) {
		fmt.Printf("%s %3.0f%% %s\n", r.Organization, r.CompletedPct, r.Segment)
	}
	// Output:
	// Trust A  80% early-adopters
	// Trust B  55% early-adopters
	// Trust C  40% early-majority
	// Trust D  40% early-majority
	// Trust E  30% early-majority
	// Trust F  20% late-majority
	// Trust G  10% late-majority
	// Trust H   5% late-majority
	// Trust I   0% laggards
	// Trust J   0% laggards
}
