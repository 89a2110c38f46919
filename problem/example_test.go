package problem_test

import (
	"errors"
	"fmt"

	"github.com/spfkit/spfkit/problem"
)

// Every spfkit validator returns its problems in one error; All takes
// them out again, whatever collected them, and each says where it is.
func ExampleAll() {
	found := []*problem.Error{
		{Line: 7, Column: 32, Pointer: "/entries/1/status", Code: "enum", Message: "value must be one of " + problem.Quote("not_yet_started") + ", …"},
		{Line: 6, Column: 14, Pointer: "/entries/0/item", Code: "level_mismatch", Message: "item 01.1 is for the national level", Hint: "remove it"},
	}
	err := problem.Join(found) // sorted by line, then pointer
	for _, p := range problem.All(err) {
		p.File = "plan.json"
		fmt.Println(p)
	}
	var first *problem.Error
	if errors.As(err, &first) {
		fmt.Println("first:", first.Code)
	}
	// Output:
	// plan.json:6:14: /entries/0/item: item 01.1 is for the national level
	// plan.json:7:32: /entries/1/status: value must be one of "not_yet_started", …
	// first: level_mismatch
}
