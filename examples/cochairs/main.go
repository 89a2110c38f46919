// Command cochairs prints who co-chaired each forum in the built-in
// directory on a date, and what review the national SPF has due next.
//
//	go run ./examples/cochairs 2020-12-03
package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/spf"
)

func main() {
	on := "2022-07-01"
	if len(os.Args) > 1 {
		on = os.Args[1]
	}
	date, err := spf.ParseDate(on)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	d := spf.Builtin()
	for _, o := range d.Organizations {
		if !o.Classification.IsForum() || !o.ExistsOn(date) {
			continue
		}
		fmt.Printf("%s on %s\n", o.Name, date)
		for _, post := range d.CoChairs(o.ID) {
			holders := d.Holders(post.ID, date)
			if len(holders) == 0 {
				fmt.Printf("  %-26s not recorded\n", post.Label)
			}
			for _, m := range holders {
				p, _ := d.Person(m.PersonID)
				fmt.Printf("  %-26s %s (%s)\n", post.Label, p.Name, m.Label)
			}
		}
	}
	cycle, _ := d.ReviewCycle("spf-national")
	if due, err := cycle.Due(date); err == nil {
		fmt.Printf("Next national SPF review: %s in %d\n", due.Kind, due.Year)
	}
}
