package check_test

import (
	"fmt"
	"strings"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

// A document names its kind in "$schema"; the checker applies that
// kind's schema and its own rules, and places each problem on its line
// and column: exactly what spfkit validate prints.
func Example() {
	plan := `{
  "$schema": "https://spfkit.github.io/schema/v1/action-plan.schema.json",
  "organization": "Example NHS Trust",
  "level": "local",
  "entries": [
    {"item": "01.1", "status": "not_yet_started"},
    {"item": "13.2", "status": "done"}
  ]
}`
	var c check.Checker
	r := c.Check([]byte(plan))
	fmt.Println(r.Kind, r.Valid())
	for _, p := range r.Problems {
		fmt.Printf("%d:%d %s %s: %s\n", p.Line, p.Column, p.Pointer, p.Code, p.Message)
	}
	// Output:
	// action-plan false
	// 6:14 /entries/0/item level_mismatch: item 01.1 is for the national level, but this is a local plan
	// 7:32 /entries/1/status enum: value must be one of "not_yet_started", "in_progress", "completed", "cannot_start_yet", "has_problem"
}

// Stream reads one record per line on every core and hands each back in
// order; a bad line is reported and the rest go on.
func ExampleChecker_Stream() {
	records := `{"id": "m-1", "organization_id": "spf-national", "person_id": "p-1"}
{"id": "m-2", "organization_id": "spf-national"}

{"id": "m-3", "organization_id": "spf-national", "person_id": "p-3", "start_date": "2023-02-30"}
`
	c := check.Checker{Kind: schema.Membership}
	stats, err := c.Stream(strings.NewReader(records), check.StreamOptions{}, func(r check.Record) {
		for _, p := range r.Problems {
			fmt.Printf("line %d: %s: %s\n", r.Line, p.Code, p.Message)
		}
	})
	fmt.Println(stats.Records, "records,", stats.Invalid, "invalid, error:", err)
	// Output:
	// line 2: member_required: membership m-2 names no member
	// line 4: date: "2023-02-30" is not a date: the day is not 01 to 28
	// 3 records, 2 invalid, error: <nil>
}

// The Parse functions read one document of a known kind into its Go
// value, or return every problem in one error.
func ExampleParseCase() {
	_, err := check.ParseCase([]byte(`{"id": "c", "employee": {}, "transfer": {}}`))
	for _, p := range problem.All(err) {
		fmt.Println(p.Pointer, p.Code)
	}
	// Output:
	// /employee required
	// /transfer required
}
