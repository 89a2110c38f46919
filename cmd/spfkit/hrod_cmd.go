package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/hrod/report"
	"github.com/spfkit/spfkit/schema"
)

func cmdFramework(e env, args []string) int {
	fs := newFlagSet(e, "framework", "spfkit framework [--theme SLUG] [--level national|local] [--format json|md|csv]")
	theme := fs.String("theme", "", "only this theme (see the slugs in --format json)")
	level := fs.String("level", "", "only national or local actions")
	format := fs.String("format", "md", "md, csv (one row per item) or json (an hrod-framework document)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "spfkit framework: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	f := hrod.Builtin()
	if *theme != "" && f.Theme(*theme) == nil {
		var slugs []string
		for _, t := range f.Themes {
			slugs = append(slugs, t.Slug)
		}
		fmt.Fprintf(e.stderr, "spfkit framework: unknown theme %q; use one of %s\n", *theme, strings.Join(slugs, ", "))
		return exitUsage
	}
	if *level != "" && !hrod.Level(*level).Valid() {
		fmt.Fprintf(e.stderr, "spfkit framework: unknown level %q; use national or local\n", *level)
		return exitUsage
	}
	f = f.Filter(*theme, hrod.Level(*level))
	switch *format {
	case "json":
		f.Schema = hrod.FrameworkSchemaURL
		err = f.WriteJSON(e.stdout)
	case "md":
		err = report.WriteFrameworkMarkdown(e.stdout, f)
	case "csv":
		err = report.WriteFrameworkCSV(e.stdout, f)
	default:
		fmt.Fprintf(e.stderr, "spfkit framework: unknown format %q; use json, md or csv\n", *format)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit framework: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func cmdPlan(e env, args []string) int {
	if len(args) > 0 && args[0] == "init" {
		return cmdPlanInit(e, args[1:])
	}
	if len(args) > 0 && args[0] == "status" {
		return cmdPlanStatus(e, args[1:])
	}
	fmt.Fprintln(e.stderr, "Usage: spfkit plan init --org NAME [--level local|national] [--priorities] PLAN.json\n       spfkit plan status [--on DATE] [--due-soon DAYS] [--format json|md] PLAN.json...")
	return exitUsage
}

func cmdPlanInit(e env, args []string) int {
	fs := newFlagSet(e, "plan init", "spfkit plan init --org NAME [--level local|national] [--priorities] [--require-evidence] [--force] PLAN.json")
	org := fs.String("org", "", "the organisation or system whose plan it is (required)")
	level := fs.String("level", "local", "local (organisations and ICSs) or national")
	priorities := fs.Bool("priorities", false, "only the items of the priorities to March 2023, due 2023-03-31")
	evidence := fs.Bool("require-evidence", false, "require evidence for completed entries")
	force := fs.Bool("force", false, "overwrite PLAN.json if it exists")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *org == "" || len(rest) != 1 {
		fmt.Fprintln(e.stderr, "spfkit plan init: name the organisation with --org and the plan file to write (- for standard output)")
		return exitUsage
	}
	lv := hrod.Level(*level)
	switch {
	case !lv.Valid():
		fmt.Fprintf(e.stderr, "spfkit plan init: unknown level %q; use local or national\n", *level)
		return exitUsage
	case *priorities && lv != hrod.Local:
		fmt.Fprintln(e.stderr, "spfkit plan init: the priorities to March 2023 are for local plans")
		return exitUsage
	}
	f := hrod.Builtin()
	p := f.NewPlan(*org, lv)
	if *priorities {
		p = f.NewPriorityPlan(*org)
	}
	p.RequireEvidence = *evidence
	out := e.stdout
	if name := rest[0]; name != "-" {
		flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
		if *force {
			flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		}
		file, err := os.OpenFile(name, flags, 0o644)
		if err != nil {
			if errors.Is(err, os.ErrExist) {
				fmt.Fprintf(e.stderr, "spfkit plan init: %s exists; pass --force to overwrite it\n", name)
			} else {
				fmt.Fprintf(e.stderr, "spfkit plan init: %v\n", err)
			}
			return exitUsage
		}
		defer file.Close()
		out = file
		defer fmt.Fprintf(e.stderr, "spfkit plan init: wrote %s with %d %s for %s\n", name, len(p.Entries), plural(len(p.Entries), "entry"), *org)
	}
	if err := p.WriteJSON(out); err != nil {
		fmt.Fprintf(e.stderr, "spfkit plan init: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func cmdPlanStatus(e env, args []string) int {
	fs := newFlagSet(e, "plan status", "spfkit plan status [--on DATE] [--due-soon DAYS] [--format json|md] PLAN.json...")
	on := fs.String("on", "", "measure progress on this day (YYYY-MM-DD; default today)")
	soon := fs.Int("due-soon", hrod.DefaultDueSoonDays, "an entry is due soon when due within this many days")
	format := fs.String("format", "md", "md (progress bars per theme) or json (a plan-status document)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "spfkit plan status: name at least one PLAN.json (- for standard input)")
		return exitUsage
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(e.stderr, "spfkit plan status: unknown format %q; use json or md\n", *format)
		return exitUsage
	}
	opts := hrod.ProgressOptions{DueSoonDays: *soon}
	if *on != "" {
		if opts.On, err = date.ParseDay(*on); err != nil {
			fmt.Fprintf(e.stderr, "spfkit plan status: --on: %v\n", err)
			return exitUsage
		}
	} else {
		y, m, d := time.Now().Date()
		opts.On, _ = date.Of(y, int(m), d)
	}
	f := hrod.Builtin()
	c := &check.Checker{Kind: schema.ActionPlan, Framework: f}
	var plans []*hrod.Plan
	invalid := false
	for _, name := range files {
		in, size, code := open(e, "plan status", name)
		if in == nil {
			return code
		}
		// The same checks as spfkit validate: the schema, then the plan
		// rules against the framework, every problem located.
		r, err := c.Read(in, size)
		in.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit plan status: %s: %v\n", name, err)
			return exitUsage
		}
		if !r.Valid() {
			printProblems(e, name, r.Problems)
			invalid = true
			continue
		}
		plans = append(plans, r.Value.(*hrod.Plan))
	}
	if invalid {
		fmt.Fprintln(e.stderr, "spfkit plan status: fix the plans above first")
		return exitInvalid
	}
	r := f.StatusReport(plans, opts)
	if *format == "json" {
		err = r.WriteJSON(e.stdout)
	} else {
		err = report.WriteStatusMarkdown(e.stdout, r)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit plan status: %v\n", err)
		return exitUsage
	}
	return exitOK
}
