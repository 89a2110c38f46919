package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
)

// maxDocument is the largest single JSON document validate reads whole;
// larger data belongs in NDJSON, which is streamed.
const maxDocument = 256 << 20

type validateOpts struct {
	kind      schema.Kind
	ndjson    bool
	format    string
	maxErrors int
	workers   int
}

func cmdValidate(e env, args []string) int {
	fs := newFlagSet(e, "validate", "spfkit validate [--kind KIND] [--ndjson] [--format text|json] [--max-errors N] FILE...")
	kind := fs.String("kind", "", "the kind of document (see \"spfkit schema list\"); default: read from each document's \"$schema\"")
	nd := fs.Bool("ndjson", false, "each line of the file is a document (NDJSON), streamed in constant memory")
	format := fs.String("format", "text", "text: FILE:LINE: POINTER: MESSAGE on stderr; json: one validation-problem object per line on stdout")
	maxErrors := fs.Int("max-errors", 100, "report at most N problems per file (0: no limit); the rest are counted")
	workers := fs.Int("workers", 0, "NDJSON records checked in parallel (default: the number of CPUs)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	o := validateOpts{kind: schema.Kind(*kind), ndjson: *nd, format: *format, maxErrors: *maxErrors, workers: *workers}
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
	status := exitOK
	for _, name := range files {
		st := validateFile(e, o, name)
		status = max(status, st)
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
	enc     *json.Encoder
}

func (r *reporter) report(ps []*problem.Error) {
	for _, p := range ps {
		if r.o.maxErrors > 0 && r.shown >= r.o.maxErrors {
			r.dropped++
			continue
		}
		r.shown++
		p.File = r.file
		if r.o.format == "json" {
			if r.enc == nil {
				r.enc = json.NewEncoder(r.e.stdout)
				r.enc.SetEscapeHTML(false)
			}
			r.enc.Encode(p)
		} else {
			if r.e.progress {
				fmt.Fprint(r.e.stderr, "\r\033[K") // clear the progress line first
			}
			fmt.Fprintln(r.e.stderr, formatText(p))
		}
	}
}

func (r *reporter) finish() {
	if r.dropped == 0 {
		return
	}
	r.o.maxErrors = 0
	r.report([]*problem.Error{{Code: schema.CodeTooMany, Message: fmt.Sprintf("%d more %s not shown", r.dropped, plural(r.dropped, "problem")), Hint: "raise --max-errors to see them"}})
}

func validateFile(e env, o validateOpts, name string) int {
	var in io.Reader
	if name == "-" {
		in = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit validate: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			fmt.Fprintf(e.stderr, "spfkit validate: %s is a directory; name the files to check\n", name)
			return exitUsage
		}
		in = f
	}
	rep := &reporter{e: e, o: o, file: name}
	defer rep.finish()
	// The checker keeps every error; the reporter shows --max-errors of
	// them and counts the rest.
	c := &checker{kind: o.kind, validator: schema.Validator{MaxErrors: -1}}
	if o.ndjson {
		stats, err := streamNDJSON(e, c, in, name, o, rep)
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit validate: %s: %v\n", name, err)
			return exitUsage
		}
		if o.format == "text" {
			fmt.Fprintf(e.stdout, "%s: %d %s, %d valid, %d invalid\n", name, stats.records, plural(stats.records, "record"), stats.records-stats.invalid, stats.invalid)
		}
		if stats.invalid > 0 {
			return exitInvalid
		}
		return exitOK
	}
	data, err := io.ReadAll(io.LimitReader(in, maxDocument+1))
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit validate: %s: %v\n", name, err)
		return exitUsage
	}
	if len(data) > maxDocument {
		rep.report([]*problem.Error{{Line: 1, Code: "too_large", Message: fmt.Sprintf("the document is larger than %d MiB", maxDocument>>20), Hint: "split it, or write one record per line and use --ndjson"}})
		return exitInvalid
	}
	kind, problems := c.check(data, 1)
	rep.report(problems)
	if len(problems) > 0 {
		if o.format == "text" {
			fmt.Fprintf(e.stdout, "%s: invalid%s: %d %s\n", name, kindNote(kind), len(problems), plural(len(problems), "problem"))
		}
		return exitInvalid
	}
	if o.format == "text" {
		fmt.Fprintf(e.stdout, "%s: valid%s\n", name, kindNote(kind))
	}
	return exitOK
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
