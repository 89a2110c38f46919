package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/transfer"
)

func main() {
	arg := "2026-04-01"
	if len(os.Args) > 1 {
		arg = os.Args[1]
	}
	on, err := date.ParseDay(arg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	// 1. The case: a band 6 physiotherapist on Agenda for Change, in the
	// NHS Pension Scheme, whose service moves under a service provision
	// change; 40 staff move and the new employer plans new rotas.
	c := &transfer.Case{
		ID: "msk-physio-2026",
		Employee: transfer.Employee{
			Terms:                  transfer.AgendaForChange,
			Contract:               transfer.Permanent,
			Pension:                transfer.NHSPSActive,
			ContinuousServiceStart: date.MustParse("2017-09-04"),
			Assigned:               true,
		},
		Transfer: transfer.Transfer{
			From:              transfer.Employer{Name: "Example NHS Foundation Trust", Kind: transfer.FoundationTrust, RecognisedUnion: true, Headcount: 6500},
			To:                transfer.Employer{Name: "Example Community Interest Company", Kind: transfer.SocialEnterprise, Headcount: 45},
			Date:              on,
			Mechanism:         transfer.ServiceProvisionChange,
			SPCKind:           "outsourcing",
			Compulsory:        true,
			Transferring:      40,
			MeasuresEnvisaged: true,
		},
	}

	// 2. A case the rules cannot answer is refused, each problem located.
	if err := c.Validate(); err != nil {
		for _, e := range problem.All(err) {
			fmt.Fprintf(os.Stderr, "%s: %s\n", e.Pointer, e.Message)
		}
		os.Exit(1)
	}

	// 3. The employers' timetable: every duty with a deadline, by date.
	a := transfer.Assess(c)
	var duties []transfer.Line
	for _, l := range a.Lines {
		if l.Kind == transfer.KindDuty && !l.Deadline.IsZero() {
			duties = append(duties, l)
		}
	}
	slices.SortStableFunc(duties, func(x, y transfer.Line) int { return x.Deadline.Compare(y.Deadline) })
	fmt.Printf("Transfer on %s (%s, %s route)\n\nEmployers' timetable:\n", on, a.Regime, a.Route)
	for _, l := range duties {
		fmt.Printf("  %s  %-4s %s\n", l.Deadline, l.Rule, short(l.Text))
	}
	fmt.Println("and without a date:")
	for _, l := range a.Lines {
		if l.Kind == transfer.KindDuty && l.Deadline.IsZero() {
			fmt.Printf("  %-10s  %-4s %s\n", "", l.Rule, short(l.Text))
		}
	}

	// 4. What it means for the member of staff, as a letter would say it
	// (the employers' duties stay out of it, but for their dates).
	fmt.Println()
	if err := a.WriteMarkdown(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// short is a line's first sentence.
func short(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' {
			return s[:i+1]
		}
	}
	return s
}
