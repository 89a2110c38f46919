package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/transfer"
)

func cmdTransfer(e env, args []string) int {
	fs := newFlagSet(e, "transfer", "spfkit transfer [--format json|md] [--for staff|employers] [--as-at DATE] CASE.json\n       spfkit transfer --ndjson [--as-at DATE] CASES.ndjson")
	format := fs.String("format", "md", "md (for the staff member) or json (a transfer-assessment document)")
	nd := fs.Bool("ndjson", false, "read one case per line and write one assessment per line (JSON), streamed")
	maxBytes := fs.Int64("max-bytes", check.DefaultMaxBytes, "the largest case read whole")
	audience := fs.String("for", "staff", "with --format md: staff (the staff member's view: a summary, their pay, pension, terms, service and rights) or employers (every duty in full)")
	asAt := fs.String("as-at", "", "assess as at this day (YYYY-MM-DD): duties whose deadline has passed with nothing recorded are overdue (overrides the case's as_at)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) != 1 {
		fmt.Fprintln(e.stderr, "spfkit transfer: name one case file (- for standard input)")
		return exitUsage
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(e.stderr, "spfkit transfer: unknown format %q; use json or md\n", *format)
		return exitUsage
	}
	to := transfer.ForStaff
	switch *audience {
	case "staff":
	case "employers":
		to = transfer.ForEmployers
	default:
		fmt.Fprintf(e.stderr, "spfkit transfer: --for %q: use staff or employers\n", *audience)
		return exitUsage
	}
	var at date.Date
	if *asAt != "" {
		if at, err = date.ParseDay(*asAt); err != nil {
			fmt.Fprintf(e.stderr, "spfkit transfer: --as-at: %v\n", err)
			return exitUsage
		}
	}
	assess := func(a *transfer.Assessment, c *transfer.Case) *transfer.Assessment {
		if !at.IsZero() {
			c.AsAt = at
		}
		return transfer.AssessInto(a, c)
	}
	in, size, code := open(e, "transfer", files[0])
	if in == nil {
		return code
	}
	defer in.Close()
	// Every case is checked as spfkit validate checks it (its schema,
	// then Case.Validate) before it is assessed.
	c := &check.Checker{Kind: schema.TransferCase, MaxBytes: *maxBytes}
	if *nd {
		return transferStream(e, c, files[0], in, assess)
	}
	r, err := c.Read(in, size)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
		return exitUsage
	}
	if !r.Valid() {
		printProblems(e, files[0], r.Problems)
		return exitInvalid
	}
	a := assess(new(transfer.Assessment), r.Value.(*transfer.Case))
	if *format == "json" {
		err = a.WriteJSON(e.stdout)
	} else {
		err = a.WriteMarkdownFor(e.stdout, to)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// transferStream assesses one case per line and writes one assessment per
// line, in input order and in bounded memory: records are checked,
// assessed and encoded on every core, and a bad record is reported on
// stderr with its line while the rest go on.
func transferStream(e env, c *check.Checker, name string, in io.Reader, assess func(*transfer.Assessment, *transfer.Case) *transfer.Assessment) int {
	tuneGC()
	pl := e.progressLine()
	stderr := e.stderr
	if pl != nil {
		stderr = pl
	}
	type assessed struct {
		json     []byte
		problems []*problem.Error
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	bad, total := 0, 0
	// Each worker assesses into an assessment of its own and encodes into
	// a buffer of its own, then copies the assessment out in one
	// allocation of its size: grown afresh for each case, the buffer
	// would cost half the time.
	newWork := func() func(check.Record) assessed {
		var buf []byte
		var reused transfer.Assessment // written out before the next case
		return func(r check.Record) assessed {
			if !r.Valid() {
				return assessed{problems: r.Problems}
			}
			a := assess(&reused, r.Value.(*transfer.Case))
			a.Schema = ""
			buf, _ = a.AppendJSON(buf[:0])
			return assessed{json: append(make([]byte, 0, len(buf)+1), buf...)}
		}
	}
	_, err := check.Process(c, in, check.StreamOptions{}, newWork, func(a assessed) {
		total++
		if a.problems != nil {
			bad++
			printProblems(env{stderr: stderr}, name, a.problems)
			return
		}
		out.Write(a.json)
		out.WriteByte('\n')
		pl.Show(func() string { return fmt.Sprintf("%s: %d cases, %d could not be assessed", name, total, bad) })
	})
	out.Flush()
	pl.Clear()
	var empty *problem.Error
	if errors.As(err, &empty) {
		printProblems(e, name, []*problem.Error{empty})
		return exitInvalid
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
		return exitUsage
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "spfkit transfer: assessed %d %s; %d could not be assessed (see above)\n", max(total-bad, 0), plural(max(total-bad, 0), "case"), bad)
		return exitInvalid
	}
	return exitOK
}
