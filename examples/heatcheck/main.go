package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: heatcheck FILE [MIN-GROUP]")
		os.Exit(2)
	}
	k := score.DefaultMinGroup
	if len(os.Args) > 2 {
		k, _ = strconv.Atoi(os.Args[2])
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()

	// 1. Read and count: invalid records are reported, the rest counted.
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	sc := score.Scorer{
		Definition: def,
		Options:    score.TallyOptions{By: "org_type"},
		OnReject: func(r score.Rejection) {
			for _, p := range r.Problems {
				fmt.Fprintf(os.Stderr, "%s:%d: %s: %s\n", f.Name(), p.Line, p.Pointer, p.Message)
			}
		},
	}
	tally, err := sc.Score(f, f.Name())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	// 2. The report applies suppression; every format shows the same.
	rep, err := tally.Report(score.ReportOptions{MinGroup: k})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Printf("%d responses (%d rejected), k = %d\n", rep.Respondents, rep.Rejected, rep.MinGroup)
	for _, q := range rep.Questions {
		if q.Type != survey.Likert || q.Suppressed {
			continue
		}
		fmt.Printf("%s  n=%-3d agree %5.1f%%  mean %.2f (95%% CI %.2f–%.2f)\n", q.ID, q.N, *q.Top2Pct, *q.Mean, q.MeanCI95[0], q.MeanCI95[1])
	}
	for _, g := range rep.Groups {
		switch {
		case g.Suppressed:
			fmt.Printf("%-36s n=%-3d withheld (%s)\n", g.Label, g.N, g.Reason)
		case g.N > 0 && g.Questions[0].Suppressed: // q1 withheld within a shown group
			fmt.Printf("%-36s n=%-3d q1 withheld (%s)\n", g.Label, g.N, g.Questions[0].Reason)
		case g.N > 0:
			fmt.Printf("%-36s n=%-3d q1 agree %.1f%%\n", g.Label, g.N, *g.Questions[0].Top2Pct)
		}
	}
}
