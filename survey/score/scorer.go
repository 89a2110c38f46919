package score

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/ndjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/surveyjs"
)

// Format is how a file of responses is laid out.
type Format string

// The response file formats Scorer reads.
const (
	FormatAuto   Format = ""       // decide from the content and the file name
	FormatJSON   Format = "json"   // one JSON array of responses, or a single response
	FormatNDJSON Format = "ndjson" // one response per line, streamed
	FormatCSV    Format = "csv"    // a header row of question ids, then a response per row
	// SurveyJS's own result data: one data object, an array of them, or
	// one per line, with Other texts under NAME-Comment and numeric
	// values as numbers (see surveyjs.ResponseFromData). Never sniffed.
	FormatSurveyJS Format = "surveyjs"
)

// Rejection is a response that was not counted, or (with Record 0) a
// problem with the file's CSV header that affects every row.
type Rejection struct {
	// Line is the line the record starts on, from 1.
	Line int
	// Record is the record's number among the file's records, from 1;
	// 0 for a problem with the CSV header.
	Record int
	// Problems are what is wrong with the record, each with its line and
	// column in the file and, where it concerns one answer, the JSON
	// Pointer of that answer in the record (/answers/q1). A record that
	// cannot be read at all (malformed JSON, a CSV row with the wrong
	// number of cells) has one problem with no pointer.
	Problems []*problem.Error
}

// Scorer reads files of responses into a Tally. Every JSON record goes
// through the checker that spfkit validate uses (check.Checker: the
// encoding, duplicate keys, the survey-response schema and the survey's
// own rules), and every CSV row through the survey's rules. Invalid
// records are rejected, reported to OnReject and counted in
// Tally.Rejected; the valid ones are still counted, so nothing is dropped
// silently.
//
// NDJSON is streamed: memory stays the same however long the file is, and
// lines are checked and counted on Workers goroutines. A JSON array is
// read whole, up to MaxBytes; CSV is read row by row.
type Scorer struct {
	// The survey the responses answer.
	Definition *survey.Definition
	// How to tally.
	Options TallyOptions
	// The file format; FormatAuto sniffs it: "[" starts a JSON array, a
	// ".csv" name means CSV, a ".json" name a single response or array,
	// anything else NDJSON.
	Format Format
	// Workers check NDJSON in parallel; 0 means one per CPU.
	Workers int
	// OnReject, if set, receives each rejection in input order.
	OnReject func(Rejection)
	// MaxRecord is the longest NDJSON line read; 0 means
	// check.DefaultMaxRecord.
	MaxRecord int
	// MaxBytes bounds a JSON file read whole; 0 means
	// check.DefaultMaxBytes.
	MaxBytes int64
}

// Score reads responses from in and returns their tally. name is used
// only to choose a format. The error is for input that cannot be read as
// a whole: a *problem.Error, located, for a file that is not what its
// format needs (an empty file, a JSON array that is not closed, a CSV
// header naming no question), or the reader's own error. Bad records are
// rejections, not errors.
func (s *Scorer) Score(in io.Reader, name string) (*Tally, error) {
	t, err := NewTally(s.Definition, s.Options)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(in, 64<<10)
	format := s.Format
	if format == FormatAuto {
		format = sniff(br, name)
	}
	switch format {
	case FormatNDJSON:
		err = s.ndjson(t, br)
	case FormatJSON:
		err = s.json(t, br)
	case FormatCSV:
		err = s.csv(t, br)
	case FormatSurveyJS:
		err = s.surveyJS(t, br)
	default:
		err = errors.New("survey: unknown response format " + strconv.Quote(string(format)) + " (use json, ndjson, csv or surveyjs)")
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

func sniff(br *bufio.Reader, name string) Format {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".csv") {
		return FormatCSV
	}
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) > 0 && head[0] == '[' || strings.HasSuffix(lower, ".json") {
		return FormatJSON
	}
	return FormatNDJSON
}

func (s *Scorer) reject(t *Tally, r Rejection) {
	if r.Record > 0 {
		t.Rejected++
	}
	if s.OnReject != nil {
		s.OnReject(r)
	}
}

func (s *Scorer) checker() *check.Checker {
	return &check.Checker{Kind: schema.SurveyResponse, Survey: s.Definition, MaxBytes: s.MaxBytes}
}

// useSlots is whether the NDJSON reader tries the slot reader first;
// tests turn it off to compare the two ways.
var useSlots = true

// ndjson checks and counts each line on the pipeline's workers, each
// into a tally of its own; the tallies are merged at the end.
func (s *Scorer) ndjson(t *Tally, in io.Reader) error {
	var (
		mu      sync.Mutex
		tallies []*Tally
	)
	// What a worker hands on for each record: nothing for one counted
	// (most of them), or the problems of one rejected.
	type rejected struct {
		line     int
		problems []*problem.Error
	}
	rec := 0
	plan := newSlotPlan(t.def, t.opts)
	o := check.StreamOptions{Workers: s.Workers, MaxRecord: s.MaxRecord, ReuseValues: true}
	_, err := check.ProcessLines(s.checker(), in, o, func(checkLine func([]byte, int) check.Result) func([]byte, int) (*rejected, bool) {
		wt, _ := NewTally(t.def, t.opts) // t.def was validated by NewTally
		mu.Lock()
		tallies = append(tallies, wt)
		mu.Unlock()
		var slots *slotReader
		if plan != nil && useSlots {
			slots = plan.reader()
		}
		return func(data []byte, line int) (*rejected, bool) {
			if slots != nil && slots.read(data) {
				wt.addSlots(slots)
				return nil, true
			}
			r := checkLine(data, line)
			if r.Valid() {
				wt.add(r.Value.(*survey.Response))
				return nil, true
			}
			return &rejected{line: line, problems: r.Problems}, false
		}
	}, func(o *rejected) {
		rec++
		if o != nil {
			s.reject(t, Rejection{Line: o.line, Record: rec, Problems: o.problems})
		}
	})
	for _, wt := range tallies {
		if merr := t.Merge(wt); merr != nil {
			return merr
		}
	}
	return err
}

// json reads a JSON array of responses, or a single response document. A
// document that is neither (several objects, one per line) is read as
// NDJSON.
func (s *Scorer) json(t *Tally, in io.Reader) error {
	c := s.checker()
	data, err := s.readWhole(in)
	if err != nil {
		return err
	}
	pos := jsonlite.SkipSpace(data, 0)
	switch {
	case bytes.HasPrefix(data, []byte("\ufeff")):
		return &problem.Error{Line: 1, Column: 1, Code: jsonlite.CodeBOM, Message: "the file starts with a byte order mark", Hint: "save it as UTF-8 without a BOM"}
	case pos == len(data):
		return &problem.Error{Line: 1, Column: 1, Code: jsonlite.CodeEmpty, Message: "the file is empty", Hint: "it should hold a JSON array of responses"}
	case data[pos] != '[':
		if oneValue(data, pos) {
			s.count(t, c.Check(data), 1, 1)
			return nil
		}
		return s.ndjson(t, bytes.NewReader(data))
	}
	rec := 0
	return c.Elements(data, func(r check.Record) {
		rec++
		s.count(t, r.Result, r.Line, rec)
	})
}

// oneValue reports whether data holds one JSON value from pos and nothing
// after it but white space.
func oneValue(data []byte, pos int) bool {
	var p jsonlite.Parser
	_, end, err := p.ParseAt(data, pos, jsonlite.Options{})
	return err == nil && jsonlite.SkipSpace(data, end) == len(data)
}

// count adds a checked record to t, or rejects it.
func (s *Scorer) count(t *Tally, r check.Result, line, rec int) {
	if r.Valid() {
		t.add(r.Value.(*survey.Response))
		return
	}
	s.reject(t, Rejection{Line: line, Record: rec, Problems: r.Problems})
}

func (s *Scorer) csv(t *Tally, in io.Reader) error {
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return &problem.Error{Line: 1, Column: 1, Code: jsonlite.CodeEmpty, Message: "the CSV file is empty", Hint: "it needs a header row of question ids"}
	}
	if err != nil {
		return csvError(err)
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			_, col := cr.FieldPos(i)
			return &problem.Error{Line: 1, Column: col, Pointer: "/" + strconv.Itoa(i), Code: jsonlite.CodeEncoding, Message: "the header is not UTF-8 text", Hint: "save the file as UTF-8 (in Excel: CSV UTF-8)"}
		}
	}
	cols, probs := csvHeader(t.def, header)
	if !anyQuestion(cols) {
		return &problem.Error{Line: 1, Column: 1, Code: survey.CodeUnknownQuestion, Message: "the header names no question of survey " + strconv.Quote(t.def.ID), Hint: "head each column with a question id (see spfkit survey show " + t.def.ID + "), or check that this is the right file"}
	}
	if len(probs) > 0 {
		for _, p := range probs {
			p.Line, p.Column = 1, 1
			if i, err := strconv.Atoi(strings.TrimPrefix(p.Pointer, "/")); err == nil && p.Pointer != "" {
				_, p.Column = cr.FieldPos(i)
			}
		}
		s.reject(t, Rejection{Line: 1, Problems: probs})
	}
	var resp survey.Response
	rec := 0
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		rec++
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p := csvError(pe).(*problem.Error)
			s.reject(t, Rejection{Line: p.Line, Record: rec, Problems: []*problem.Error{p}})
			continue
		}
		if err != nil {
			return err
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(cols) {
			p := &problem.Error{Line: line, Column: 1, Code: CodeCellCount, Message: "the row has " + cells(len(row)) + " but the header has " + strconv.Itoa(len(cols)), Hint: "check for a missing or extra comma"}
			s.reject(t, Rejection{Line: line, Record: rec, Problems: []*problem.Error{p}})
			continue
		}
		if bad := notUTF8(row); bad >= 0 {
			_, col := cr.FieldPos(bad)
			p := &problem.Error{Line: line, Column: col, Code: jsonlite.CodeEncoding, Message: "the cell under " + strconv.Quote(cols[bad].name) + " is not UTF-8 text", Hint: "save the file as UTF-8 (in Excel: CSV UTF-8)"}
			s.reject(t, Rejection{Line: line, Record: rec, Problems: []*problem.Error{p}})
			continue
		}
		csvResponse(t.def, cols, row, &resp)
		if errs := t.validate.Check(t.def, &resp); len(errs) > 0 {
			for _, p := range errs {
				p.Line, p.Column = line, 1
				if i := cellOf(cols, p.Pointer); i >= 0 {
					p.Line, p.Column = cr.FieldPos(i)
				}
			}
			s.reject(t, Rejection{Line: line, Record: rec, Problems: errs})
			continue
		}
		t.add(&resp)
	}
}

// CodeCellCount is the code of a CSV row with more or fewer cells than
// its header.
const CodeCellCount = "cell_count"

// csvError turns an encoding/csv error into a located problem. A quoted
// cell that is never closed is reported on the line it opens, where
// encoding/csv reports the end of the file.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	p := &problem.Error{Line: pe.StartLine, Column: 1, Code: jsonlite.CodeSyntax, Message: pe.Err.Error()}
	if pe.Line == pe.StartLine {
		p.Column = pe.Column
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine:
		p.Message = "a quoted cell in this row is never closed, so the rows after it cannot be read"
		p.Hint = "close the quote, or double a quote inside a quoted cell (\"\")"
	case errors.Is(pe.Err, csv.ErrQuote):
		p.Message = "a quote in a quoted cell is not doubled"
		p.Hint = "write a quote inside a quoted cell as two (\"\")"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.Message = "a quote inside a cell that is not quoted"
		p.Hint = "quote the whole cell and double the quote inside it"
	}
	return p
}

func anyQuestion(cols []csvColumn) bool {
	for _, c := range cols {
		if c.q != nil {
			return true
		}
	}
	return false
}

// notUTF8 returns the first cell of row that is not UTF-8, or -1.
func notUTF8(row []string) int {
	for i, c := range row {
		if !utf8.ValidString(c) {
			return i
		}
	}
	return -1
}

// cellOf returns the column a problem's pointer (/answers/ID, /other/ID
// or below) is about, or -1.
func cellOf(cols []csvColumn, ptr string) int {
	var other bool
	switch {
	case strings.HasPrefix(ptr, "/answers/"):
		ptr = ptr[len("/answers/"):]
	case strings.HasPrefix(ptr, "/other/"):
		ptr, other = ptr[len("/other/"):], true
	default:
		return -1
	}
	if i := strings.IndexByte(ptr, '/'); i >= 0 {
		ptr = ptr[:i]
	}
	id := strings.NewReplacer("~1", "/", "~0", "~").Replace(ptr)
	for i, c := range cols {
		if c.q != nil && string(c.q.ID) == id && c.other == other || c.q == nil && c.meta == "" && c.name == id && !other {
			return i
		}
	}
	return -1
}

func cells(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return strconv.Itoa(n) + " cells"
}

// surveyJS reads SurveyJS's result data: one object, an array of them,
// or one object per line. Each record is read by
// surveyjs.ResponseFromData, located in the file.
func (s *Scorer) surveyJS(t *Tally, in io.Reader) error {
	data, err := s.readWhole(in)
	if err != nil {
		return err
	}
	pos := jsonlite.SkipSpace(data, 0)
	if pos == len(data) {
		return &problem.Error{Line: 1, Column: 1, Code: jsonlite.CodeEmpty, Message: "the file is empty", Hint: "it should hold SurveyJS's result data: an object, an array of objects, or one object per line"}
	}
	rec := 0
	// one reads a record; before is the number of lines before the
	// document it is in (a line of its own, or 0 for the whole file).
	one := func(v jsonlite.Value, before int) {
		rec++
		r, errs := surveyjs.ResponseFromData(s.Definition, v)
		if len(errs) == 0 {
			t.add(r)
			return
		}
		for _, e := range errs {
			e.Line += before
		}
		line, _ := v.Position()
		s.reject(t, Rejection{Line: line + before, Record: rec, Problems: errs})
	}
	if data[pos] == '[' || oneValue(data, pos) {
		doc, err := jsonlite.Parse(data, jsonlite.Options{})
		if err != nil {
			return err
		}
		root := doc.Root()
		if root.Kind() == jsonlite.Array {
			for _, v := range root.Elements() {
				one(v, 0)
			}
		} else {
			one(root, 0)
		}
		return nil
	}
	// One object per line: each line is its own document, so a bad line
	// is rejected alone.
	lines := ndjson.NewReader(bytes.NewReader(data))
	lines.MaxRecord = s.MaxRecord
	for {
		line, err := lines.Next()
		n := lines.Line()
		var tooLong *ndjson.TooLongError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &tooLong):
			rec++
			s.reject(t, Rejection{Line: n, Record: rec, Problems: []*problem.Error{{Line: n, Column: 1, Code: check.CodeTooLong, Message: "the record is longer than " + jsonlite.SizeText(int64(tooLong.Limit)), Hint: "write one record per line; split the record or check the line endings"}}})
		case err != nil:
			return err
		case len(bytes.TrimSpace(line)) == 0:
		default:
			doc, perr := jsonlite.Parse(line, jsonlite.Options{})
			if perr == nil {
				one(doc.Root(), n-1)
				continue
			}
			rec++
			pe := &problem.Error{Line: 1, Column: 1, Code: "syntax", Message: perr.Error()}
			errors.As(perr, &pe)
			pe.Line = n
			s.reject(t, Rejection{Line: n, Record: rec, Problems: []*problem.Error{pe}})
		}
	}
}

// readWhole reads a file that is read whole, up to MaxBytes.
func (s *Scorer) readWhole(in io.Reader) ([]byte, error) {
	limit := s.MaxBytes
	if limit <= 0 {
		limit = check.DefaultMaxBytes
	}
	return jsonlite.ReadAll(in, limit, 0)
}
