package transfer_test

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/transfer"
)

// A trust outsources its community nursing to a private provider on
// 1 October 2025. What does a Band 5 nurse keep, and what must the
// employers do by when?
func ExampleAssess() {
	data, _ := os.ReadFile("testdata/outsourcing.json")
	c, err := check.ParseCase(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := transfer.Assess(c)
	fmt.Println("regime:", a.Regime, "route:", a.Route)
	for _, l := range a.Lines {
		switch {
		case l.Rule == "A8" || l.Rule == "P2":
			fmt.Printf("%s %s: %.60s…\n", l.Kind, l.Rule, l.Text)
		case !l.Deadline.IsZero() && l.Status != "":
			fmt.Printf("%s %s due %s (%s)\n", l.Kind, l.Rule, l.Deadline, l.Status)
		case !l.Deadline.IsZero():
			fmt.Printf("%s %s due %s\n", l.Kind, l.Rule, l.Deadline)
		}
	}
	// Output:
	// regime: tupe route: blue
	// protection A8: Your pay and terms are frozen as they stood on 1 October 202…
	// protection P2: Under New Fair Deal you keep NHS Pension Scheme membership (…
	// duty T11 due 2025-09-03 (late)
	// warning T11 due 2025-09-03
	// duty T12 due 2025-09-30
	// duty T13 due 2025-09-30
	// duty T16 due 2025-12-31
}

// A case the rules cannot answer is refused, with where the problem is.
func ExampleCase_Validate() {
	c := &transfer.Case{
		Employee: transfer.Employee{Terms: transfer.AgendaForChange, Contract: transfer.Permanent, Pension: transfer.NHSPSActive,
			ContinuousServiceStart: date.MustParse("2018-01-08"), Assigned: true},
		Transfer: transfer.Transfer{
			From:      transfer.Employer{Name: "Example NHS Trust", Kind: transfer.NHSTrust},
			To:        transfer.Employer{Name: "NHS Example CCG", Kind: transfer.CCG},
			Date:      date.MustParse("2023-04-01"),
			Mechanism: transfer.BusinessTransfer, Compulsory: true, Transferring: 12,
		},
	}
	for _, e := range problem.All(c.Validate()) {
		fmt.Println(e.Pointer, e.Message)
	}
	// Output:
	// /transfer/to/kind a ccg cannot receive staff on 2023-04-01: it ceased to exist on 2022-07-01
}
