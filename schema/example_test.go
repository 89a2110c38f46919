package schema_test

import (
	"errors"
	"fmt"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

// Validating one record of a known kind: every problem comes back with
// its JSON Pointer, the keyword that failed and what to do.
func ExampleValidator_ValidateJSON() {
	record := []byte(`{"id": "m-1", "organization_id": "spf-london", "side": "management", "start_date": "2021-13"}`)
	err := schema.Validator{}.ValidateJSON(schema.Membership, record)
	for _, e := range problem.All(err) {
		fmt.Printf("%s %s: %s\n", e.Pointer, e.Code, e.Hint)
	}
	// Output:
	// /side enum: use one of the listed values
	// /start_date pattern: write the value in the form the pattern shows
}

// A document that names its kind in "$schema" can be checked without
// knowing the kind in advance.
func ExampleValidator_CheckJSON() {
	doc := []byte(`{"$schema": "https://spfkit.github.io/schema/v1/action-plan.schema.json",
	  "organization": "Example NHS Trust", "level": "local",
	  "entries": [{"item": "13.2", "status": "in_progress"}]}`)
	kind, err := schema.Validator{}.CheckJSON("", doc)
	fmt.Println(kind, err)

	_, err = schema.Validator{}.CheckJSON("", []byte(`{"id": "m-1"}`))
	fmt.Println(errors.Is(err, schema.ErrNoKind))
	// Output:
	// action-plan <nil>
	// true
}
