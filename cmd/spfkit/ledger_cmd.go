package main

import (
	"errors"
	"fmt"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
)

// openLedger reads the release ledger a command checks reports against,
// or starts a new one when the file does not exist yet.
func openLedger(e env, name string) (*release.Ledger, int) {
	l, _, err := release.ReadFile(name)
	if err != nil {
		if errs := problem.All(err); len(errs) > 0 {
			printProblems(e, name, errs)
			fmt.Fprintf(e.stderr, "spfkit score: %s is not a release ledger spfkit can use; nothing was released\n", name)
			return nil, exitInvalid
		}
		fmt.Fprintf(e.stderr, "spfkit score: %s: %v\n", name, err)
		return nil, exitUsage
	}
	return l, exitOK
}

// recordRelease checks the report against the ledger and saves the ledger
// with it; a refused release prints why and what would make it safe.
func recordRelease(e env, l *release.Ledger, name string, rep *score.Report, info release.Info) int {
	if _, err := l.Record(rep, info); err != nil {
		var ce *release.ConflictError
		if errors.As(err, &ce) {
			fmt.Fprintf(e.stderr, "spfkit score: %s\n", err)
			return exitInvalid
		}
		fmt.Fprintf(e.stderr, "spfkit score: %v\n", err)
		return exitUsage
	}
	if err := l.WriteFile(name); err != nil {
		fmt.Fprintf(e.stderr, "spfkit score: could not save the ledger, so nothing was released: %v\n", err)
		return exitUsage
	}
	return exitOK
}
