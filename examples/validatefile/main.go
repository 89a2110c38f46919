// Command validatefile checks a body directory the way `spfkit validate`
// does, with the library: the published schema first, then the
// partnership rules, printing each problem with its JSON Pointer.
//
//	go run ./examples/validatefile my-directory.json
package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: validatefile FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	// 1. The schema: shape, types, enumerations, date patterns.
	if err := (schema.Validator{}).ValidateJSON(schema.BodyDirectory, data); err != nil {
		report(err)
	}
	// 2. The partnership rules a schema cannot express.
	d, err := spf.ParseDirectory(data)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := d.Validate(); err != nil {
		report(err)
	}
	fmt.Printf("%s: valid, %d organisations\n", os.Args[1], len(d.Organizations))
}

func report(err error) {
	for _, e := range problem.All(err) {
		fmt.Printf("%s: %s [%s]\n", e.Pointer, e.Message, e.Code)
	}
	if len(problem.All(err)) == 0 {
		fmt.Println(err)
	}
	os.Exit(1)
}
