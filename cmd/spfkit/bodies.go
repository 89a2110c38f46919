package main

import (
	"fmt"
	"time"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
)

func cmdBodies(e env, args []string) int {
	if len(args) > 0 && args[0] == "check" {
		fs := newFlagSet(e, "bodies check", "spfkit bodies check [--format text|json] [--max-errors N] FILE...")
		format := fs.String("format", "text", "text or json, as for validate")
		maxErrors := fs.Int("max-errors", 100, "report at most N problems per file (0: no limit)")
		files, err := parseFlags(fs, args[1:])
		if err != nil {
			return flagExit(err)
		}
		if len(files) == 0 {
			fmt.Fprintln(e.stderr, "spfkit bodies check: name at least one FILE (or - for standard input)")
			return exitUsage
		}
		return validateFiles(e, validateOpts{kind: schema.BodyDirectory, format: *format, maxErrors: *maxErrors, maxBytes: check.DefaultMaxBytes}, files)
	}
	fs := newFlagSet(e, "bodies", "spfkit bodies [--on DATE] [--format json|md]")
	onFlag := fs.String("on", "", "show the directory as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	format := fs.String("format", "md", "md: a page for people; json: a body-directory document")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "spfkit bodies: unexpected argument %q (did you mean \"spfkit bodies check %s\"?)\n", rest[0], rest[0])
		return exitUsage
	}
	d := spf.Builtin()
	var on date.Date
	if *onFlag != "" {
		on, err = date.Parse(*onFlag)
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit bodies: --on: %v\n", err)
			return exitUsage
		}
		d = d.On(on)
	}
	switch *format {
	case "json":
		d.Schema = spf.SchemaURL
		if err := d.WriteJSON(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "spfkit bodies: %v\n", err)
			return exitInvalid
		}
	case "md":
		if on.IsZero() {
			y, m, day := time.Now().Date()
			on, _ = date.Of(y, int(m), day)
		}
		if err := d.WriteMarkdown(e.stdout, on); err != nil {
			fmt.Fprintf(e.stderr, "spfkit bodies: %v\n", err)
			return exitInvalid
		}
	default:
		fmt.Fprintf(e.stderr, "spfkit bodies: unknown format %q; use json or md\n", *format)
		return exitUsage
	}
	return exitOK
}
