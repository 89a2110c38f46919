package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

type validateOpts struct {
	kind      schema.Kind
	ndjson    bool
	format    string
	maxErrors int
	workers   int
	maxBytes  int64
}

func cmdValidate(e env, args []string) int {
	fs := newFlagSet(e, "validate", "spfkit validate [--kind KIND] [--ndjson] [--format text|json] [--max-errors N] FILE...")
	kind := fs.String("kind", "", "the kind of document (see \"spfkit schema list\"); default: read from each document's \"$schema\"")
	nd := fs.Bool("ndjson", false, "each line of the file is a document (NDJSON), streamed in constant memory")
	format := fs.String("format", "text", "text: FILE:LINE: POINTER: MESSAGE on stderr; json: one validation-problem object per line on stdout")
	maxErrors := fs.Int("max-errors", 100, "report at most N problems per file (0: no limit); the rest are counted")
	workers := fs.Int("workers", 0, "NDJSON records checked in parallel (default: the number of CPUs)")
	maxBytes := fs.Int64("max-bytes", check.DefaultMaxBytes, "the largest document read whole; larger data belongs in NDJSON")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	o := validateOpts{kind: schema.Kind(*kind), ndjson: *nd, format: *format, maxErrors: *maxErrors, workers: *workers, maxBytes: *maxBytes}
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "spfkit validate: name at least one FILE (or - for standard input)")
		return exitUsage
	}
	return validateFiles(e, o, files)
}

func validateFiles(e env, o validateOpts, files []string) int {
	if o.kind != "" && !o.kind.Valid() {
		fmt.Fprintf(e.stderr, "spfkit validate: unknown kind %q; run \"spfkit schema list\"\n", o.kind)
		return exitUsage
	}
	if o.format != "text" && o.format != "json" {
		fmt.Fprintf(e.stderr, "spfkit validate: unknown format %q; use text or json\n", o.format)
		return exitUsage
	}
	if o.maxBytes <= 0 {
		fmt.Fprintln(e.stderr, "spfkit validate: --max-bytes must be above 0")
		return exitUsage
	}
	status := exitOK
	for _, name := range files {
		status = max(status, validateFile(e, o, name))
	}
	return status
}

// reporter prints a file's problems up to the cap and counts the rest.
type reporter struct {
	e       env
	o       validateOpts
	file    string
	shown   int
	dropped int
	// from is the line of the first problem left out, where the count of
	// those left out is given.
	from int
}

func (r *reporter) report(ps []*problem.Error) {
	for _, p := range ps {
		if r.o.maxErrors > 0 && r.shown >= r.o.maxErrors {
			if r.dropped == 0 {
				r.from = max(p.Line, 1)
			}
			r.dropped++
			continue
		}
		r.shown++
		p.File = r.file
		if r.o.format == "json" {
			check.WriteProblem(r.e.stdout, p)
		} else {
			fmt.Fprintln(r.e.stderr, formatText(p))
		}
	}
}

func (r *reporter) finish() {
	if r.dropped == 0 {
		return
	}
	r.o.maxErrors = 0
	more := problem.New("", schema.CodeTooMany, schema.MoreNotShown(r.dropped))
	more.Line, more.Hint = r.from, "raise --max-errors to see them"
	r.report([]*problem.Error{more})
}

// open opens a named file, or standard input for "-", with its size when
// known.
func open(e env, cmd, name string) (io.ReadCloser, int64, int) {
	if name == "-" {
		return io.NopCloser(e.stdin), 0, exitOK
	}
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
		return nil, 0, exitUsage
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		f.Close()
		fmt.Fprintf(e.stderr, "spfkit %s: %s is a directory; name the files to check\n", cmd, name)
		return nil, 0, exitUsage
	}
	var size int64
	if err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return f, size, exitOK
}

func validateFile(e env, o validateOpts, name string) int {
	in, size, code := open(e, "validate", name)
	if in == nil {
		return code
	}
	defer in.Close()
	// The checker keeps every problem; the reporter shows --max-errors of
	// them and counts the rest.
	c := &check.Checker{Kind: o.kind, MaxBytes: o.maxBytes}
	if o.ndjson {
		tuneGC()
		pl := e.progressLine()
		re := e
		if pl != nil {
			re.stderr = pl
		}
		rep := &reporter{e: re, o: o, file: name}
		n := 0
		stats, err := c.Stream(in, check.StreamOptions{Workers: o.workers}, func(r check.Record) {
			n++
			rep.report(r.Problems)
			pl.Show(func() string { return fmt.Sprintf("%s: %d %s", name, n, plural(n, "record")) })
		})
		rep.finish()
		pl.Clear()
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit validate: %s: %v\n", name, err)
			return exitUsage
		}
		if o.format == "text" {
			if stats.Records == 0 {
				fmt.Fprintf(e.stdout, "%s: no records\n", name)
			} else {
				fmt.Fprintf(e.stdout, "%s: %d %s, %d valid, %d invalid\n", name, stats.Records, plural(stats.Records, "record"), stats.Records-stats.Invalid, stats.Invalid)
			}
		}
		if stats.Invalid > 0 || stats.Records == 0 {
			return exitInvalid
		}
		return exitOK
	}
	rep := &reporter{e: e, o: o, file: name}
	r, err := c.Read(in, size)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit validate: %s: %v\n", name, err)
		return exitUsage
	}
	rep.report(r.Problems)
	rep.finish()
	if !r.Valid() {
		if o.format == "text" {
			fmt.Fprintf(e.stdout, "%s: invalid%s: %d %s\n", name, kindNote(r.Kind), len(r.Problems), plural(len(r.Problems), "problem"))
		}
		return exitInvalid
	}
	if o.format == "text" {
		fmt.Fprintf(e.stdout, "%s: valid%s\n", name, kindNote(r.Kind))
	}
	return exitOK
}

// formatText renders a problem as FILE:LINE: POINTER: MESSAGE; HINT. The
// document root, whose pointer is empty, is shown as "(root)".
func formatText(p *problem.Error) string {
	s := fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, rootPtr(p.Pointer), p.Message)
	if p.Hint != "" {
		s += "; " + p.Hint
	}
	return s
}

func kindNote(k schema.Kind) string {
	if k == "" {
		return ""
	}
	return " " + string(k)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	if strings.HasSuffix(word, "y") {
		return word[:len(word)-1] + "ies"
	}
	return word + "s"
}
