package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/spf"
)

func main() {
	arg := "2022-07-01"
	if len(os.Args) > 1 {
		arg = os.Args[1]
	}
	on, err := date.Parse(arg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	d := spf.Builtin()
	for _, o := range d.Organizations {
		if !o.Classification.IsForum() || !o.ExistsOn(on) {
			continue
		}
		fmt.Printf("%s on %s\n", o.Name, on)
		for _, post := range d.CoChairs(o.ID) {
			holders := d.Holders(post.ID, on)
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
	if due, err := cycle.Due(on); err == nil {
		fmt.Printf("Next national SPF review: %s in %d\n", due.Kind, due.Year)
	}
}
