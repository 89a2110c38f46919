package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of records")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	bodies := []string{"spf-national", "spf-london", "wig", "ics-tpg", "violence-reduction-subgroup"}
	partners := []string{"nhs-employers", "nhs-trade-unions", "dhsc", "nhs-england", "london-health-unions"}
	sides := []string{"employer", "staff"}
	for i := 1; i <= *n; i++ {
		body := bodies[i%len(bodies)]
		partner := partners[i%len(partners)]
		side := sides[i%2]
		start := fmt.Sprintf("%04d-%02d-%02d", 2010+i%13, 1+i%12, 1+i%28)
		switch {
		case i%100 != 0:
			fmt.Fprintf(w, `{"id":"m-%07d","organization_id":"%s","person_id":"p-%07d","on_behalf_of_id":"%s","side":"%s","start_date":"%s"}`+"\n", i, body, i, partner, side, start)
		case i%500 == 0: // a side that does not exist
			fmt.Fprintf(w, `{"id":"m-%07d","organization_id":"%s","person_id":"p-%07d","on_behalf_of_id":"%s","role":"member","side":"both","start_date":"%s"}`+"\n", i, body, i, partner, start)
		case i%400 == 0: // a date in the wrong form
			fmt.Fprintf(w, `{"id":"m-%07d","organization_id":"%s","person_id":"p-%07d","on_behalf_of_id":"%s","role":"member","side":"%s","start_date":"%02d/%02d/%04d"}`+"\n", i, body, i, partner, side, 1+i%28, 1+i%12, 2010+i%13)
		case i%300 == 0: // no organisation
			fmt.Fprintf(w, `{"id":"m-%07d","person_id":"p-%07d","on_behalf_of_id":"%s","role":"member","side":"%s","start_date":"%s"}`+"\n", i, i, partner, side, start)
		case i%200 == 0: // a field the schema does not know
			fmt.Fprintf(w, `{"id":"m-%07d","organization_id":"%s","person_id":"p-%07d","on_behalf_of_id":"%s","role":"member","side":"%s","start":"%s"}`+"\n", i, body, i, partner, side, start)
		default: // an id with capitals and a number for a role
			fmt.Fprintf(w, `{"id":"M-%07d","organization_id":"%s","person_id":"p-%07d","on_behalf_of_id":"%s","role":1,"side":"%s","start_date":"%s"}`+"\n", i, body, i, partner, side, start)
		}
	}
}
