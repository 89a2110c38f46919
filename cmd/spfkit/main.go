package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spfkit/spfkit/internal/progress"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

const usage = `spfkit: social partnership data in code

Usage:
  spfkit validate [--kind KIND] [--ndjson] [--format text|json] [--max-errors N] FILE...
  spfkit schema list | show KIND | write DIR
  spfkit bodies [--on DATE] [--format json|md]
  spfkit bodies check FILE...
  spfkit bodies actions [--by review|owner] [--format md|json] [FILE]
  spfkit survey list | show ID|FILE [--format json|md|surveyjs] | import --id ID SURVEYJS.json
  spfkit score --survey ID|FILE [--by QUESTION] [--min-group N] [--format json|csv|md|html] FILE...
  spfkit compare --survey ID|FILE [--format json|md] WAVE_A WAVE_B
  spfkit framework [--theme SLUG] [--level national|local] [--format json|md|csv]
  spfkit plan init --org NAME [--level local|national] [--priorities] PLAN.json
  spfkit plan status [--on DATE] [--format json|md] PLAN.json...
  spfkit transfer [--format json|md] [--for staff|employers] [--as-at DATE] CASE.json | --ndjson CASES.ndjson
  spfkit widget build --out DIR [--from-source]
  spfkit serve [--addr ADDR] [--db sqlite:FILE|postgres://...] [--origin URL]...
  spfkit admin [--service URL] open|status|close|invite|release|export|ledger ...
  spfkit demo [--addr 127.0.0.1:8080] [--db sqlite:spfkit-demo.db] [--origin URL]...

FILE may be - for standard input. Exit status: 0 valid, 1 invalid, 2 usage
error or unreadable file. Run "spfkit COMMAND -h" for a command's options.
`

// env is what a command runs with; tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// progress reports whether to show a progress line on stderr.
	progress bool
	// now is the clock of the progress line; nil means time.Now.
	now func() time.Time
}

// progressLine returns a progress line on stderr, or nil (which shows
// nothing) when stderr is not a terminal.
func (e env) progressLine() *progress.Line {
	if !e.progress {
		return nil
	}
	return &progress.Line{W: e.stderr, Now: e.now}
}

func main() {
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, progress: isTerminal(os.Stderr)}
	os.Exit(run(e, os.Args[1:]))
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func run(e env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "validate":
		return cmdValidate(e, args[1:])
	case "schema":
		return cmdSchema(e, args[1:])
	case "bodies":
		return cmdBodies(e, args[1:])
	case "survey":
		return cmdSurvey(e, args[1:])
	case "score":
		return cmdScore(e, args[1:])
	case "compare":
		return cmdCompare(e, args[1:])
	case "framework":
		return cmdFramework(e, args[1:])
	case "plan":
		return cmdPlan(e, args[1:])
	case "transfer":
		return cmdTransfer(e, args[1:])
	case "widget":
		return cmdWidget(e, args[1:])
	case "serve":
		return cmdServe(e, args[1:])
	case "admin":
		return cmdAdmin(e, args[1:])
	case "demo":
		return cmdDemo(e, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "spfkit: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseFlags parses flags that may come before, between or after the
// positional arguments, which it returns.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			pos = append(pos, args[0])
			args = args[1:]
			continue
		}
	}
}

// newFlagSet makes a flag set whose errors and help go to stderr.
func newFlagSet(e env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// flagExit turns a flag parsing error into an exit status.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// clock is the time a command stamps things with.
func (e env) clock() time.Time {
	if e.now != nil {
		return e.now()
	}
	return time.Now()
}
