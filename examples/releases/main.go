// Command releases shows a release ledger at work: a forum publishes its
// heat check results from all but the last response, then tries to
// publish them again with it. The ledger refuses: subtracting the first
// report from the second would give the late respondent's answers.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: releases RESPONSES.ndjson")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			lines = append(lines, bytes.Clone(sc.Bytes()))
		}
	}

	// The ledger's key fingerprints respondents; a real ledger lives in a
	// file (release.ReadFile and Ledger.WriteFile) kept as confidential as
	// the responses.
	ledger, err := release.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	def := survey.MustBuiltin(survey.HeatCheck2022Members)
	publish := func(label string, records [][]byte) error {
		s := score.Scorer{Definition: def, Options: score.TallyOptions{LedgerKey: ledger.Key}}
		tally, err := s.Score(bytes.NewReader(bytes.Join(records, []byte("\n"))), "responses.ndjson")
		if err != nil {
			return err
		}
		rep, err := tally.Report(score.ReportOptions{MinGroup: 5})
		if err != nil {
			return err
		}
		if _, err := ledger.Record(rep, release.Info{Label: label}); err != nil {
			return err
		}
		fmt.Printf("released %q: %d responses, %d cells\n", label, rep.Respondents, len(rep.ShownCells()))
		return nil
	}

	if err := publish("forum papers", lines[:len(lines)-1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	err = publish("forum papers, updated", lines)
	var conflict *release.ConflictError
	if !errors.As(err, &conflict) {
		fmt.Fprintln(os.Stderr, "expected a refusal, got", err)
		os.Exit(1)
	}
	fmt.Println(err)
}
