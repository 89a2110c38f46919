package main

import (
	"bufio"
	"flag"
	"math/rand/v2"
	"os"
	"strconv"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of responses")
	invalid := flag.Int("invalid-every", 0, "make every Nth response invalid (0: none)")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	rng := rand.New(rand.NewPCG(2022, 11))
	orgs := []string{"nhs_trade_union", "nhs_trade_union", "nhs_trade_union", "nhs_trade_union", "nhs_employers", "nhs_trust_ft_icb", "nhs_trust_ft_icb", "dhsc", "nhs_england", "hee", "devolved_administration", "other"}
	others := []string{"NHS Resolution", "local government", "a regulator"}
	comments := []string{"More employer representation on the subgroups would help.", "Engage us earlier, at the design stage.", "The violence reduction subgroup works well in partnership."}
	// Points weighted towards agreement, as partnership surveys often are.
	points := []byte("1223334444455555")
	var b []byte
	for i := 1; i <= *n; i++ {
		b = append(b[:0], `{"survey":"heatcheck-2022-members","version":"1","answers":{"org_type":"`...)
		org := orgs[rng.IntN(len(orgs))]
		b = append(b, org...)
		b = append(b, '"')
		for q := 1; q <= 5; q++ {
			b = append(b, `,"q`...)
			b = strconv.AppendInt(b, int64(q), 10)
			b = append(b, `":`...)
			b = append(b, points[rng.IntN(len(points))])
		}
		if rng.IntN(4) == 0 {
			b = append(b, `,"reasons":"`...)
			b = append(b, comments[rng.IntN(len(comments))]...)
			b = append(b, '"')
		}
		b = append(b, '}')
		if org == "other" {
			b = append(b, `,"other":{"org_type":"`...)
			b = append(b, others[rng.IntN(len(others))]...)
			b = append(b, `"}`...)
		}
		b = append(b, '}')
		if *invalid > 0 && i%*invalid == 0 {
			b = append(b[:0], `{"survey":"heatcheck-2022-members","answers":{"org_type":"nhs_employers","q1":6,"q2":4,"q3":4,"q4":4,"q5":4}}`...)
		}
		b = append(b, '\n')
		w.Write(b)
	}
}
