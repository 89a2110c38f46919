package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
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
		err = writeJSON(e.stdout, def)
	case "md":
		err = report.WriteDefinitionMarkdown(e.stdout, def)
	case "surveyjs":
		out, xerr := surveyjs.ExportSurveyJS(def)
		if errs := problem.All(xerr); len(errs) > 0 {
			for _, fe := range errs {
				fmt.Fprintln(e.stderr, "spfkit survey show: "+located(rest[0], 0, fe))
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
// whose problems are reported located. On failure it returns the exit
// status.
func loadDefinition(e env, cmd, arg string) (*survey.Definition, int) {
	if d, ok := survey.Builtin(arg); ok {
		return d, exitOK
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(arg, "./\\") {
			fmt.Fprintf(e.stderr, "spfkit %s: %q is neither a built-in survey (%s) nor a file\n", cmd, arg, strings.Join(survey.BuiltinIDs(), ", "))
		} else {
			fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
		}
		return nil, exitUsage
	}
	if p := jsonloc.Check(data, jsonloc.DefaultMaxDepth); p != nil {
		fmt.Fprintf(e.stderr, "%s:%d: %s; %s\n", arg, p.Line, p.Message, p.Hint)
		return nil, exitInvalid
	}
	def, err := survey.ParseDefinition(data)
	if err != nil {
		var de *survey.DecodeError
		if errors.As(err, &de) {
			fmt.Fprintf(e.stderr, "%s:%d:%d: %v\n", arg, de.Line, de.Column, de.Err)
			return nil, exitInvalid
		}
		errs := problem.All(err)
		printLocated(e, arg, data, errs)
		fmt.Fprintf(e.stderr, "spfkit %s: %s is not a valid survey definition (%d %s)\n", cmd, arg, len(errs), plural(len(errs), "problem"))
		return nil, exitInvalid
	}
	return def, exitOK
}

// printLocated prints problems in data as FILE:LINE: POINTER: message; hint.
func printLocated(e env, file string, data []byte, errs []*problem.Error) {
	ptrs := make([]string, len(errs))
	for i, fe := range errs {
		ptrs[i] = fe.Pointer
	}
	lines := jsonloc.Nearest(data, ptrs)
	for _, fe := range errs {
		fmt.Fprintln(e.stderr, located(file, lines[fe.Pointer], fe))
	}
}

// located formats one problem; a line of 0 is left out.
func located(file string, line int, fe *problem.Error) string {
	msg := file + ": "
	if line > 0 {
		msg = fmt.Sprintf("%s:%d: ", file, line)
	}
	msg += rootPtr(fe.Pointer) + ": " + fe.Message
	if fe.Hint != "" {
		msg += "; " + fe.Hint
	}
	return msg
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
	var data []byte
	if rest[0] == "-" {
		data, err = io.ReadAll(e.stdin)
	} else {
		data, err = os.ReadFile(rest[0])
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit survey import: %v\n", err)
		return exitUsage
	}
	if p := jsonloc.Check(data, jsonloc.DefaultMaxDepth); p != nil {
		fmt.Fprintf(e.stderr, "%s:%d: %s; %s\n", rest[0], p.Line, p.Message, p.Hint)
		return exitInvalid
	}
	def, err := surveyjs.ImportSurveyJS(data, *id, *version)
	if err != nil {
		var de *survey.DecodeError
		if errors.As(err, &de) {
			fmt.Fprintf(e.stderr, "%s:%d:%d: %v\n", rest[0], de.Line, de.Column, de.Err)
			return exitInvalid
		}
		errs := problem.All(err)
		printLocated(e, rest[0], data, errs)
		fmt.Fprintf(e.stderr, "spfkit survey import: %s cannot be imported as it stands (%d %s)\n", rest[0], len(errs), plural(len(errs), "problem"))
		return exitInvalid
	}
	if err := writeJSON(e.stdout, def); err != nil {
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

// rejectPrinter prints rejected records as FILE:LINE: POINTER: message,
// up to a limit, and counts the rest.
type rejectPrinter struct {
	e       env
	file    string
	max     int
	printed int
	more    int
}

func (rp *rejectPrinter) reject(r score.Rejection) {
	lines := 1
	if r.Err == nil {
		lines = len(r.Problems)
	}
	if rp.max > 0 && rp.printed+lines > rp.max {
		rp.more += lines
		return
	}
	rp.printed += lines
	where := "record"
	if r.Record == 0 {
		where = "header"
	}
	if r.Err != nil {
		pos := fmt.Sprintf("%s:%d", rp.file, r.Line)
		if r.Column > 0 {
			pos += fmt.Sprintf(":%d", r.Column)
		}
		fmt.Fprintf(rp.e.stderr, "%s: %s; the %s is not counted\n", pos, r.Err, where)
		return
	}
	for _, p := range r.Problems {
		msg := fmt.Sprintf("%s:%d: %s: %s", rp.file, r.Line, rootPtr(p.Pointer), p.Message)
		if p.Hint != "" {
			msg += "; " + p.Hint
		}
		fmt.Fprintln(rp.e.stderr, msg)
	}
}

// scoreFiles tallies every file (- is standard input) into one tally.
// It returns the tally, the number of rejected records and, when a file
// cannot be read at all, the exit status.
func scoreFiles(e env, cmd string, sc score.Scorer, files []string, maxErrors int) (*score.Tally, int) {
	var total *score.Tally
	for _, name := range files {
		var in io.Reader = e.stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
				return nil, exitUsage
			}
			defer f.Close()
			in = f
		}
		fe := e // what this file's messages go to
		var pl *progressLine
		if e.progress {
			pl = &progressLine{w: e.stderr}
			fe.stderr = pl
			in = &progressReader{r: in, line: pl, name: name, last: time.Now()}
		}
		rp := &rejectPrinter{e: fe, file: name, max: maxErrors}
		sc.OnReject = rp.reject
		t, err := sc.Score(in, name)
		if pl != nil {
			pl.clear()
		}
		if err != nil {
			var de *survey.DecodeError
			if errors.As(err, &de) && de.Line > 0 {
				fmt.Fprintf(e.stderr, "%s:%d:%d: %v; nothing in the file is counted\n", name, de.Line, de.Column, de.Err)
				return nil, exitInvalid
			}
			fmt.Fprintf(e.stderr, "spfkit %s: %s: %v\n", cmd, name, err)
			return nil, exitUsage
		}
		if rp.more > 0 {
			fmt.Fprintf(e.stderr, "%s: %d more %s not shown (raise --max-errors to see them)\n", name, rp.more, plural(rp.more, "problem"))
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
	format := fs.String("format", "md", "json (a survey-report document), csv, md or html")
	input := fs.String("input-format", "", "json, ndjson or csv; by default decided from each file's content and name")
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
	opts := score.ReportOptions{MinGroup: *minGroup, MinText: *minText, Invited: *invited}
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
			fmt.Fprintf(e.stderr, "spfkit score: --by %s: %s %s; its choice questions are: %s\n", *by, def.ID, what, strings.Join(choices, ", "))
			return exitUsage
		}
	}
	tuneGC()
	sc := score.Scorer{Definition: def, Options: score.TallyOptions{By: survey.QuestionID(*by), KeepText: *comments}, Format: score.Format(*input), Workers: *workers}
	t, code := scoreFiles(e, "score", sc, files, *maxErrors)
	if t == nil {
		return code
	}
	rep, err := t.Report(opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit score: %v\n", err)
		return exitUsage
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
	fs := newFlagSet(e, "compare", "spfkit compare --survey ID|FILE [--format json|md] WAVE_A WAVE_B")
	surveyArg := fs.String("survey", "", "the survey both waves answer: a built-in id or a definition file (required)")
	minGroup := fs.Int("min-group", score.DefaultMinGroup, "report insufficient n for a statement with fewer answers than this in either wave (at least 5)")
	format := fs.String("format", "md", "json (a survey-comparison document) or md")
	input := fs.String("input-format", "", "json, ndjson or csv; by default decided from each file's content and name")
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
	a, code := scoreFiles(e, "compare", sc, files[:1], *maxErrors)
	if a == nil {
		return code
	}
	b, code := scoreFiles(e, "compare", sc, files[1:], *maxErrors)
	if b == nil {
		return code
	}
	c, err := score.Compare(a, b, score.CompareOptions{MinGroup: *minGroup})
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit compare: %v\n", err)
		return exitUsage
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
	if a.Rejected+b.Rejected > 0 {
		fmt.Fprintf(e.stderr, "spfkit compare: rejected %d %s in wave A and %d in wave B (see above)\n", a.Rejected, plural(a.Rejected, "response"), b.Rejected)
		return exitInvalid
	}
	return exitOK
}

// progressLine is standard error with a progress line at its foot: each
// write first clears the line, so messages and progress never share one.
// It is safe for concurrent use, as rejections and reading happen on
// different goroutines.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	shown bool
}

func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	return p.w.Write(b)
}

func (p *progressLine) show(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	io.WriteString(p.w, "\r"+text)
	p.shown = true
}

func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
}

func (p *progressLine) clearLocked() {
	if p.shown {
		io.WriteString(p.w, "\r\033[K")
		p.shown = false
	}
}

// progressReader shows, at most four times a second, how much of a file
// has been read.
type progressReader struct {
	r    io.Reader
	line *progressLine
	name string
	n    int64
	last time.Time
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if time.Since(p.last) > 250*time.Millisecond {
		p.line.show(fmt.Sprintf("%s: %.1f MB read", p.name, float64(p.n)/1e6))
		p.last = time.Now()
	}
	return n, err
}
