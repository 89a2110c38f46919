package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/ndjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/transfer"
)

func cmdTransfer(e env, args []string) int {
	fs := newFlagSet(e, "transfer", "spfkit transfer [--format json|md] CASE.json\n       spfkit transfer --ndjson CASES.ndjson")
	format := fs.String("format", "md", "md (for the staff member) or json (a transfer-assessment document)")
	nd := fs.Bool("ndjson", false, "read one case per line and write one assessment per line (JSON), streamed")
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
	var in io.Reader = e.stdin
	if files[0] != "-" {
		f, err := os.Open(files[0])
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		in = f
	}
	if *nd {
		return transferStream(e, files[0], in)
	}
	data, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
		return exitUsage
	}
	c, problems := readCase(data)
	if problems != nil {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p.format(files[0], p.line))
		}
		return exitInvalid
	}
	a := transfer.Assess(c)
	if *format == "json" {
		err = writeJSON(e.stdout, a)
	} else {
		err = a.WriteMarkdown(e.stdout)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// caseProblem is why a case cannot be assessed: a syntax error at a line
// and column, or a problem at a line and JSON Pointer.
type caseProblem struct {
	line, column int
	text         string
}

// format renders the problem as FILE:LINE[:COLUMN]: text, with line as
// the line to report (a streamed case's line in its file).
func (p caseProblem) format(file string, line int) string {
	if p.column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", file, line, p.column, p.text)
	}
	return fmt.Sprintf("%s:%d: %s", file, line, p.text)
}

// readCase parses and checks a case, returning its problems when it is not
// one the rules can answer.
func readCase(data []byte) (*transfer.Case, []caseProblem) {
	c, err := transfer.ParseCase(data)
	if err == nil {
		return c, nil
	}
	var de *transfer.DecodeError
	if errors.As(err, &de) {
		return nil, []caseProblem{{de.Line, de.Column, strings.TrimPrefix(de.Err.Error(), "transfer: ")}}
	}
	errs := problem.All(err)
	ptrs := make([]string, len(errs))
	for i, fe := range errs {
		ptrs[i] = fe.Pointer
	}
	lines := jsonloc.Nearest(data, ptrs)
	var out []caseProblem
	for _, fe := range errs {
		msg := rootPtr(fe.Pointer) + ": " + fe.Message
		if fe.Hint != "" {
			msg += "; " + fe.Hint
		}
		out = append(out, caseProblem{line: lines[fe.Pointer], text: msg})
	}
	return nil, out
}

// transferStream assesses one case per line and writes one assessment per
// line, in input order and in bounded memory: batches of lines are
// assessed on every core, and a bad line is reported on stderr with its
// line number while the rest go on.
func transferStream(e env, name string, in io.Reader) int {
	tuneGC()
	type batch struct {
		seq   int
		lines [][]byte
		nos   []int
		long  []*ndjson.TooLongError
	}
	type result struct {
		seq      int
		out      []byte
		problems []string
		bad      int
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan batch, workers*2)
	results := make(chan result, workers*2)
	var readErr error
	go func() {
		defer close(jobs)
		r := ndjson.NewReader(in)
		b := batch{}
		flush := func() {
			if len(b.lines) > 0 {
				jobs <- b
			}
			b = batch{seq: b.seq + 1}
		}
		for {
			line, err := r.Next()
			var tooLong *ndjson.TooLongError
			switch {
			case errors.Is(err, io.EOF):
				flush()
				return
			case errors.As(err, &tooLong):
				b.lines, b.nos, b.long = append(b.lines, nil), append(b.nos, tooLong.Line), append(b.long, tooLong)
			case err != nil:
				readErr = err
				flush()
				return
			case len(line) == 0:
				continue
			default:
				b.lines, b.nos, b.long = append(b.lines, line), append(b.nos, r.Line()), append(b.long, nil)
			}
			if len(b.lines) == 256 {
				flush()
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				res := result{seq: b.seq}
				var buf bytes.Buffer
				buf.Grow(len(b.lines) * 8 << 10) // an assessment is about 7 KB of JSON
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				for i, line := range b.lines {
					if b.long[i] != nil {
						res.bad++
						res.problems = append(res.problems, fmt.Sprintf("%s:%d: the case is longer than %d MiB", name, b.nos[i], b.long[i].Limit>>20))
						continue
					}
					c, problems := readCase(line)
					if problems != nil {
						res.bad++
						for _, p := range problems {
							res.problems = append(res.problems, p.format(name, b.nos[i]))
						}
						continue
					}
					a := transfer.Assess(c)
					a.Schema = ""
					enc.Encode(a)
				}
				res.out = buf.Bytes()
				results <- res
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	bad, total := 0, 0
	lastProgress := time.Now()
	ndjson.InOrder(results, func(r result) int { return r.seq }, func(r result) {
		out.Write(r.out)
		if e.progress && len(r.problems) > 0 {
			fmt.Fprint(e.stderr, "\r\033[K") // clear the progress line first
		}
		for _, p := range r.problems {
			fmt.Fprintln(e.stderr, p)
		}
		bad += r.bad
		total += r.bad + bytes.Count(r.out, []byte{'\n'})
	}, func() {
		if e.progress && time.Since(lastProgress) > 250*time.Millisecond {
			fmt.Fprintf(e.stderr, "\r%s: %d cases, %d could not be assessed", name, total, bad)
			lastProgress = time.Now()
		}
	})
	out.Flush()
	if e.progress {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	if readErr != nil {
		fmt.Fprintf(e.stderr, "spfkit transfer: %v\n", readErr)
		return exitUsage
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "spfkit transfer: assessed %d %s; %d could not be assessed (see above)\n", total-bad, plural(total-bad, "case"), bad)
		return exitInvalid
	}
	return exitOK
}
