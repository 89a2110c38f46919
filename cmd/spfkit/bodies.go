package main

import (
	"encoding/json"
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
	if len(args) > 0 && args[0] == "actions" {
		return cmdBodiesActions(e, args[1:])
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

// cmdBodiesActions rolls up the recommendations of reviews, by review or
// by owner, from the built-in directory or from a directory file checked
// as spfkit validate checks it.
func cmdBodiesActions(e env, args []string) int {
	fs := newFlagSet(e, "bodies actions", "spfkit bodies actions [--by review|owner] [--format md|json] [DIRECTORY.json]")
	by := fs.String("by", "review", "review or owner")
	format := fs.String("format", "md", "md: a table and the list; json: the groups with their counts")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *by != "review" && *by != "owner" {
		fmt.Fprintf(e.stderr, "spfkit bodies actions: --by %q: use review or owner\n", *by)
		return exitUsage
	}
	if *format != "md" && *format != "json" {
		fmt.Fprintf(e.stderr, "spfkit bodies actions: unknown format %q; use md or json\n", *format)
		return exitUsage
	}
	if len(files) > 1 {
		fmt.Fprintln(e.stderr, "spfkit bodies actions: name at most one directory file")
		return exitUsage
	}
	d := spf.Builtin()
	if len(files) == 1 {
		in, size, code := open(e, "bodies actions", files[0])
		if in == nil {
			return code
		}
		r, err := (&check.Checker{Kind: schema.BodyDirectory}).Read(in, size)
		in.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit bodies actions: %s: %v\n", files[0], err)
			return exitUsage
		}
		if !r.Valid() {
			printProblems(e, files[0], r.Problems)
			fmt.Fprintln(e.stderr, "spfkit bodies actions: fix the directory above first")
			return exitInvalid
		}
		d = r.Value.(*spf.Directory)
	}
	groups := d.RollUp(*by)
	if *format == "json" {
		if groups == nil {
			groups = []spf.RecommendationGroup{}
		}
		b, err := json.MarshalIndent(map[string]any{"by": *by, "groups": groups}, "", "  ")
		if err == nil {
			_, err = e.stdout.Write(append(b, '\n'))
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit bodies actions: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if err := spf.WriteRollUpMarkdown(e.stdout, d, *by, groups); err != nil {
		fmt.Fprintf(e.stderr, "spfkit bodies actions: %v\n", err)
		return exitUsage
	}
	return exitOK
}
