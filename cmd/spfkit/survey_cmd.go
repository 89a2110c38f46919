package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/progress"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/report"
	"github.com/spfkit/spfkit/survey/score"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

func cmdSurvey(e env, args []string) int {
	if len(args) == 0 || args[0] != "list" && args[0] != "show" && args[0] != "import" {
		fmt.Fprintln(e.stderr, "Usage: spfkit survey list | show ID|FILE [--format json|md|surveyjs] | import --id ID [--version V] SURVEYJS.json")
		return exitUsage
	}
	if args[0] == "import" {
		return cmdSurveyImport(e, args[1:])
	}
	if args[0] == "list" {
		fs := newFlagSet(e, "survey list", "spfkit survey list")
		rest, err := parseFlags(fs, args[1:])
		if err != nil {
			return flagExit(err)
		}
		if len(rest) > 0 {
			fmt.Fprintf(e.stderr, "spfkit survey list: unexpected argument %q\n", rest[0])
			return exitUsage
		}
		for _, id := range survey.BuiltinIDs() {
			d := survey.MustBuiltin(id)
			fmt.Fprintf(e.stdout, "%-30s v%-3s %2d questions  %s\n", id, d.Version, len(d.Questions), d.Title)
		}
		return exitOK
	}
	fs := newFlagSet(e, "survey show", "spfkit survey show ID|FILE [--format json|md|surveyjs]")
	format := fs.String("format", "md", "md: the questions for people; json: a survey-definition document; surveyjs: the form in SurveyJS's format")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(e.stderr, "spfkit survey show: name one survey: a built-in id (see spfkit survey list) or a definition FILE")
		return exitUsage
	}
	def, code := loadDefinition(e, "survey show", rest[0])
	if def == nil {
		return code
	}
	switch *format {
	case "json":
		def.Schema = survey.DefinitionSchemaURL
		err = def.WriteJSON(e.stdout)
	case "md":
		err = report.WriteDefinitionMarkdown(e.stdout, def)
	case "surveyjs":
		out, xerr := surveyjs.ExportSurveyJS(def)
		if errs := problem.All(xerr); len(errs) > 0 {
			for _, fe := range errs {
				fmt.Fprintf(e.stderr, "spfkit survey show: %s: %s: %s; %s\n", rest[0], rootPtr(fe.Pointer), fe.Message, fe.Hint)
			}
			return exitInvalid
		}
		_, err = e.stdout.Write(out)
	default:
		fmt.Fprintf(e.stderr, "spfkit survey show: unknown format %q; use json, md or surveyjs\n", *format)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit survey show: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// loadDefinition resolves --survey: a built-in id, or a definition file
// checked as spfkit validate checks it, whose problems are reported
// located. On failure it returns the exit status.
func loadDefinition(e env, cmd, arg string) (*survey.Definition, int) {
	if d, ok := survey.Builtin(arg); ok {
		return d, exitOK
	}
	if _, err := os.Stat(arg); errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(arg, "./\\") {
		fmt.Fprintf(e.stderr, "spfkit %s: %q is neither a built-in survey (%s) nor a file\n", cmd, arg, strings.Join(survey.BuiltinIDs(), ", "))
		return nil, exitUsage
	}
	in, size, code := open(e, cmd, arg)
	if in == nil {
		return nil, code
	}
	defer in.Close()
	c := &check.Checker{Kind: schema.SurveyDefinition}
	r, err := c.Read(in, size)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit %s: %s: %v\n", cmd, arg, err)
		return nil, exitUsage
	}
	if !r.Valid() {
		printProblems(e, arg, r.Problems)
		fmt.Fprintf(e.stderr, "spfkit %s: %s is not a valid survey definition (%d %s)\n", cmd, arg, len(r.Problems), plural(len(r.Problems), "problem"))
		return nil, exitInvalid
	}
	return r.Value.(*survey.Definition), exitOK
}

// printProblems prints problems found in a file, one per line, as
// spfkit validate does.
func printProblems(e env, file string, errs []*problem.Error) {
	for _, p := range errs {
		p.File = file
		fmt.Fprintln(e.stderr, formatText(p))
	}
}

// cmdSurveyImport reads a SurveyJS form and writes it as a
// survey-definition document.
func cmdSurveyImport(e env, args []string) int {
	fs := newFlagSet(e, "survey import", "spfkit survey import --id ID [--version V] SURVEYJS.json")
	id := fs.String("id", "", "the survey's id: lower-case letters, digits and hyphens (required; SurveyJS forms have none)")
	version := fs.String("version", "1", "the definition's version")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *id == "" || len(rest) != 1 {
		fmt.Fprintln(e.stderr, "spfkit survey import: give the survey an --id and name one SurveyJS FILE (- for standard input)")
		return exitUsage
	}
	in, size, code := open(e, "survey import", rest[0])
	if in == nil {
		return code
	}
	defer in.Close()
	data, err := jsonlite.ReadAll(in, check.DefaultMaxBytes, size)
	var pe *problem.Error
	switch {
	case errors.As(err, &pe):
		printProblems(e, rest[0], []*problem.Error{pe})
		return exitInvalid
	case err != nil:
		fmt.Fprintf(e.stderr, "spfkit survey import: %s: %v\n", rest[0], err)
		return exitUsage
	}
	def, notes, err := surveyjs.ImportSurveyJSNotes(data, *id, *version)
	if err != nil {
		errs := problem.All(err)
		printProblems(e, rest[0], errs)
		fmt.Fprintf(e.stderr, "spfkit survey import: %s cannot be imported as it stands (%d %s)\n", rest[0], len(errs), plural(len(errs), "problem"))
		return exitInvalid
	}
	// Notes go to standard error, located like problems but marked as
	// notes: the import succeeded.
	for _, n := range notes {
		n.File = rest[0]
		fmt.Fprintln(e.stderr, "note: "+formatText(n))
	}
	if err := def.WriteJSON(e.stdout); err != nil {
		fmt.Fprintf(e.stderr, "spfkit survey import: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func rootPtr(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

// rejectPrinter prints the problems of rejected records as spfkit
// validate prints problems, up to a limit, and counts the rest.
type rejectPrinter struct {
	e       env
	file    string
	max     int
	printed int
	more    int
	from    int // the line of the first problem left out
}

func (rp *rejectPrinter) reject(r score.Rejection) {
	if rp.max > 0 && rp.printed+len(r.Problems) > rp.max {
		if rp.more == 0 {
			rp.from = max(r.Line, 1)
		}
		rp.more += len(r.Problems)
		return
	}
	rp.printed += len(r.Problems)
	printProblems(rp.e, rp.file, r.Problems)
}

// progressReader shows on a progress line how much of a file has been
// read.
type progressReader struct {
	r    io.Reader
	line *progress.Line
	name string
	n    atomic.Int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n.Add(int64(n))
	p.line.Show(func() string { return fmt.Sprintf("%s: %.1f MB read", p.name, float64(p.n.Load())/1e6) })
	return n, err
}

// scoreFiles tallies every file (- is standard input) into one tally.
// It returns the tally or, when a file cannot be read as a whole, nil and
// the exit status.
func scoreFiles(e env, cmd string, sc score.Scorer, files []string, maxErrors int) (*score.Tally, int) {
	var total *score.Tally
	for _, name := range files {
		in, _, code := open(e, cmd, name)
		if in == nil {
			return nil, code
		}
		defer in.Close()
		var r io.Reader = in
		fe := e // what this file's messages go to
		pl := e.progressLine()
		if pl != nil {
			fe.stderr = pl
			r = &progressReader{r: in, line: pl, name: name}
		}
		rp := &rejectPrinter{e: fe, file: name, max: maxErrors}
		sc.OnReject = rp.reject
		t, err := sc.Score(r, name)
		pl.Clear()
		var pe *problem.Error
		if errors.As(err, &pe) {
			printProblems(e, name, []*problem.Error{pe})
			fmt.Fprintf(e.stderr, "spfkit %s: nothing in %s is counted\n", cmd, name)
			return nil, exitInvalid
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit %s: %s: %v\n", cmd, name, err)
			return nil, exitUsage
		}
		if rp.more > 0 {
			fmt.Fprintf(e.stderr, "%s:%d: %d more %s not shown from here; raise --max-errors to see them\n", name, rp.from, rp.more, plural(rp.more, "problem"))
		}
		if total == nil {
			total = t
		} else if err := total.Merge(t); err != nil {
			fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
			return nil, exitUsage
		}
	}
	return total, exitOK
}

func cmdScore(e env, args []string) int {
	fs := newFlagSet(e, "score", "spfkit score --survey ID|FILE [--by QUESTION] [--min-group N] [--format json|csv|md|html] FILE...")
	surveyArg := fs.String("survey", "", "the survey the responses answer: a built-in id or a definition file (required)")
	by := fs.String("by", "", "break results down by this choice question's answers")
	minGroup := fs.Int("min-group", score.DefaultMinGroup, "withhold any statistic whose base n is below this (at least 5)")
	minText := fs.Int("min-text", score.DefaultMinText, "publish comments only when at least this many answered (at least 5)")
	invited := fs.Int("invited", 0, "the number invited, for the response rate and the finite-population correction")
	comments := fs.Bool("comments", false, "keep free text so comments can be published (memory then grows with the comments)")
	withholdUnanimous := fs.Bool("withhold-unanimous", false, "withhold every figure where everyone gave the same answer, and any that would give such a figure away")
	ledgerFile := fs.String("ledger", "", "check the report against this release ledger and record it there; refuse it if, with earlier releases, it would single out fewer than --min-group people (the file is made when missing)")
	label := fs.String("label", "", "with --ledger: what this release is, e.g. \"forum papers, March\"")
	filter := fs.String("filter", "", "with --ledger: how the responses were chosen, when they are a subset")
	format := fs.String("format", "md", "json (a survey-report document), csv, md or html")
	input := fs.String("input-format", "", "json, ndjson, csv or surveyjs (SurveyJS's result data); by default json, ndjson or csv, decided from each file's content and name")
	maxErrors := fs.Int("max-errors", 100, "print at most N problems per file (0: no limit); all are counted")
	workers := fs.Int("workers", 0, "NDJSON decoding goroutines (0: one per CPU)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *surveyArg == "" || len(files) == 0 {
		fmt.Fprintln(e.stderr, "spfkit score: name the survey with --survey and at least one FILE of responses (- for standard input)")
		return exitUsage
	}
	switch *format {
	case "json", "csv", "md", "html":
	default:
		fmt.Fprintf(e.stderr, "spfkit score: unknown format %q; use json, csv, md or html\n", *format)
		return exitUsage
	}
	opts := score.ReportOptions{MinGroup: *minGroup, MinText: *minText, Invited: *invited, WithholdUnanimous: *withholdUnanimous}
	if *minGroup < score.MinAllowedGroup || *minText < score.MinAllowedGroup {
		fmt.Fprintf(e.stderr, "spfkit score: --min-group and --min-text cannot be below %d\n", score.MinAllowedGroup)
		return exitUsage
	}
	def, code := loadDefinition(e, "score", *surveyArg)
	if def == nil {
		return code
	}
	if *by != "" {
		q := def.Question(survey.QuestionID(*by))
		if q == nil || !q.Type.IsChoice() {
			var choices []string
			for _, c := range def.Questions {
				if c.Type.IsChoice() {
					choices = append(choices, string(c.ID))
				}
			}
			what := "has no question with that id"
			if q != nil {
				what = "asks it as a " + strings.ReplaceAll(string(q.Type), "_", " ") + " question, and a breakdown needs a choice question"
			}
			choices = choices[:0]
			for _, c := range def.Questions {
				if c.Type.IsChoice() && !c.PersonalData {
					choices = append(choices, string(c.ID))
				}
			}
			fmt.Fprintf(e.stderr, "spfkit score: --by %s: %s %s; its choice questions are: %s\n", *by, def.ID, what, strings.Join(choices, ", "))
			return exitUsage
		}
		if q.PersonalData {
			fmt.Fprintf(e.stderr, "spfkit score: --by %s: its answers are personal data, which is never published, so it cannot split a report\n", *by)
			return exitUsage
		}
	}
	var ledger *release.Ledger
	if *ledgerFile != "" {
		var code int
		if ledger, code = openLedger(e, *ledgerFile); ledger == nil {
			return code
		}
	} else if *label != "" || *filter != "" {
		fmt.Fprintln(e.stderr, "spfkit score: --label and --filter describe a release in a ledger; name the ledger with --ledger")
		return exitUsage
	}
	tuneGC()
	to := score.TallyOptions{By: survey.QuestionID(*by), KeepText: *comments}
	if ledger != nil {
		to.LedgerKey = ledger.Key
	}
	sc := score.Scorer{Definition: def, Options: to, Format: score.Format(*input), Workers: *workers}
	t, code := scoreFiles(e, "score", sc, files, *maxErrors)
	if t == nil {
		return code
	}
	rep, err := t.Report(opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit score: %v\n", err)
		return exitUsage
	}
	if ledger != nil {
		if code := recordRelease(e, ledger, *ledgerFile, rep, release.Info{Label: *label, Filter: *filter, Released: e.clock()}); code != exitOK {
			return code
		}
	}
	switch *format {
	case "json":
		err = rep.WriteJSON(e.stdout)
	case "csv":
		err = report.WriteCSV(e.stdout, rep)
	case "md":
		err = report.WriteMarkdown(e.stdout, rep)
	case "html":
		err = report.WriteHTML(e.stdout, rep)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit score: %v\n", err)
		return exitUsage
	}
	if t.Rejected > 0 {
		fmt.Fprintf(e.stderr, "spfkit score: counted %d %s; rejected %d (see above)\n", t.Respondents(), plural(t.Respondents(), "response"), t.Rejected)
		return exitInvalid
	}
	if t.Respondents() == 0 {
		fmt.Fprintln(e.stderr, "spfkit score: the input holds no responses, so the report is empty; check that the right file was named")
	}
	return exitOK
}

func cmdCompare(e env, args []string) int {
	fs := newFlagSet(e, "compare", "spfkit compare --survey ID|FILE [--format json|md] WAVE_A WAVE_B  (each wave a file of responses or a survey-report JSON)")
	surveyArg := fs.String("survey", "", "the survey both waves answer: a built-in id or a definition file (required)")
	minGroup := fs.Int("min-group", score.DefaultMinGroup, "report insufficient n for a statement with fewer answers than this in either wave (at least 5)")
	format := fs.String("format", "md", "json (a survey-comparison document) or md")
	input := fs.String("input-format", "", "json, ndjson, csv or surveyjs (SurveyJS's result data); by default json, ndjson or csv, decided from each file's content and name")
	maxErrors := fs.Int("max-errors", 100, "print at most N problems per file (0: no limit); all are counted")
	files, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *surveyArg == "" || len(files) != 2 {
		fmt.Fprintln(e.stderr, "spfkit compare: name the survey with --survey and two files of responses: WAVE_A WAVE_B (A is compared against B)")
		return exitUsage
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(e.stderr, "spfkit compare: unknown format %q; use json or md\n", *format)
		return exitUsage
	}
	if *minGroup < score.MinAllowedGroup {
		fmt.Fprintf(e.stderr, "spfkit compare: --min-group cannot be below %d\n", score.MinAllowedGroup)
		return exitUsage
	}
	def, code := loadDefinition(e, "compare", *surveyArg)
	if def == nil {
		return code
	}
	tuneGC()
	sc := score.Scorer{Definition: def, Format: score.Format(*input)}
	// Each side is a file of responses, or a published survey-report
	// document (last year's responses are often gone).
	var reps [2]*score.Report
	var tallies [2]*score.Tally
	for i, name := range files {
		rep, isReport, code := readReport(e, name)
		if code != exitOK {
			return code
		}
		if isReport {
			reps[i] = rep
			continue
		}
		t, code := scoreFiles(e, "compare", sc, files[i:i+1], *maxErrors)
		if t == nil {
			return code
		}
		tallies[i] = t
	}
	var c *score.Comparison
	if reps[0] == nil && reps[1] == nil {
		c, err = score.Compare(tallies[0], tallies[1], score.CompareOptions{MinGroup: *minGroup})
	} else {
		for i := range reps {
			if reps[i] == nil {
				// The side given as responses is reported with the same
				// threshold, so both sides are judged alike.
				if reps[i], err = tallies[i].Report(score.ReportOptions{MinGroup: *minGroup}); err != nil {
					break
				}
			}
		}
		if err == nil {
			c, err = score.CompareReports(def, reps[0], reps[1], score.CompareOptions{MinGroup: *minGroup})
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit compare: %v\n", err)
		return exitUsage
	}
	rejected := 0
	for _, t := range tallies {
		if t != nil {
			rejected += t.Rejected
		}
	}
	if *format == "json" {
		err = c.WriteJSON(e.stdout)
	} else {
		err = report.WriteComparisonMarkdown(e.stdout, c)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit compare: %v\n", err)
		return exitUsage
	}
	if rejected > 0 {
		fmt.Fprintf(e.stderr, "spfkit compare: rejected %d %s (see above)\n", rejected, plural(rejected, "response"))
		return exitInvalid
	}
	return exitOK
}

// readReport reads name as a survey-report document when it is one (its
// first few kilobytes name the survey-report schema); otherwise it says it
// is not, and the caller reads the file as responses, streamed. A report
// with problems is refused, located.
func readReport(e env, name string) (*score.Report, bool, int) {
	if name == "-" {
		return nil, false, exitOK
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, false, exitOK // scoreFiles reports it
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if !bytes.Contains(head[:n], []byte(survey.ReportSchemaURL)) {
		return nil, false, exitOK
	}
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit compare: %v\n", err)
		return nil, true, exitUsage
	}
	rep, err := score.ParseReport(data)
	if err != nil {
		if errs := problem.All(err); len(errs) > 0 {
			printProblems(e, name, errs)
		} else {
			fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		}
		fmt.Fprintf(e.stderr, "spfkit compare: %s is not a survey report spfkit can compare\n", name)
		return nil, true, exitInvalid
	}
	return rep, true, exitOK
}
