package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
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

// clock is the time a command stamps things with.
func (e env) clock() time.Time {
	if e.now != nil {
		return e.now()
	}
	return time.Now()
}

// readReport reads name as a survey-report document when it is one (its
// "$schema" says so); otherwise it says it is not, and the caller reads it
// as responses. A report with problems is refused, located.
func readReport(e env, name string) (*score.Report, bool, int) {
	if name == "-" {
		return nil, false, exitOK
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false, exitOK // scoreFiles reports it
	}
	if !bytes.Contains(data[:min(len(data), 4096)], []byte(survey.ReportSchemaURL)) {
		return nil, false, exitOK
	}
	r := (&check.Checker{Kind: schema.SurveyReport}).Check(data)
	if !r.Valid() {
		printProblems(e, name, r.Problems)
		fmt.Fprintf(e.stderr, "spfkit compare: %s is not a survey report spfkit can compare\n", name)
		return nil, true, exitInvalid
	}
	var rep score.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		fmt.Fprintf(e.stderr, "spfkit compare: %s: %v\n", name, err)
		return nil, true, exitInvalid
	}
	return &rep, true, exitOK
}
