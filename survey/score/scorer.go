package score

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/jsonloc"
	"github.com/spfkit/spfkit/internal/ndjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

// Format is how a file of responses is laid out.
type Format string

// The response file formats Scorer reads.
const (
	FormatAuto   Format = ""       // decide from the content and the file name
	FormatJSON   Format = "json"   // one JSON array of responses, or a single response
	FormatNDJSON Format = "ndjson" // one response per line, streamed
	FormatCSV    Format = "csv"    // a header row of question ids, then a response per row
)

// Rejection is a response that was not counted, or (with Record 0) a
// problem with the file's CSV header that affects every row.
type Rejection struct {
	// The 1-based line the record starts on.
	Line int
	// The 1-based column of a syntax error, or 0.
	Column int
	// The 1-based number of the record among the file's records; 0 for a header problem.
	Record int
	// Problems found in a readable record; each Path is a JSON Pointer into the record.
	Problems []*problem.Error
	// Why a record could not be read at all (malformed JSON, a CSV row with the wrong number of cells), or nil.
	Err error
}

// Scorer reads files of responses into a Tally. Invalid records are
// rejected, reported to OnReject and counted in Tally.Rejected; the valid
// ones are still counted, so nothing is dropped silently.
//
// NDJSON is streamed: memory stays the same however long the file is, and
// lines are decoded and validated on Workers goroutines. A JSON array is
// read whole; CSV is read row by row.
type Scorer struct {
	// The survey the responses answer.
	Definition *survey.Definition
	// How to tally.
	Options TallyOptions
	// The file format; FormatAuto sniffs it: "[" starts a JSON array, a
	// ".csv" name means CSV, a ".json" name a single response or array,
	// anything else NDJSON.
	Format Format
	// Workers decode NDJSON in parallel; 0 means GOMAXPROCS.
	Workers int
	// OnReject, if set, receives each rejection in input order.
	OnReject func(Rejection)
	// MaxRecord is the longest NDJSON line read; 0 means 8 MiB.
	MaxRecord int
}

// Score reads responses from in and returns their tally. name is used
// only to choose a format. The error is for input that cannot be read as
// a whole (an I/O error, a JSON array that is not closed, an empty CSV);
// bad records are rejections, not errors.
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
	default:
		err = errors.New("survey: unknown response format " + strconv.Quote(string(format)) + " (use json, ndjson or csv)")
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

// worker decodes and counts records into its own tally.
type worker struct {
	t    *Tally
	resp survey.Response
}

// record decodes, validates and counts one JSON record, returning its
// rejection or nil, and for a syntax error its byte offset in data.
func (w *worker) record(data []byte, line, rec int) (*Rejection, int) {
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		return &Rejection{Line: line, Record: rec, Err: errors.New("the record starts with a byte order mark; save the file as UTF-8 without a BOM")}, 0
	}
	probs, err := survey.DecodeResponseInto(data, &w.resp)
	if err != nil {
		off := 0
		var de *survey.DecodeError
		if errors.As(err, &de) {
			off = int(de.Offset)
			err = de.Err
		}
		return &Rejection{Line: line, Record: rec, Err: err}, off
	}
	if len(probs) == 0 {
		probs = w.t.validate.Check(w.t.def, &w.resp)
	}
	if len(probs) > 0 {
		return &Rejection{Line: line, Record: rec, Problems: probs}, 0
	}
	w.t.add(&w.resp)
	return nil, 0
}

func utf8Column(data []byte, off int) int {
	col := 1
	for _, c := range data[:min(off, len(data))] {
		if c&0xC0 != 0x80 {
			col++
		}
	}
	return col
}

// Batches bound memory: a batch closes at batchLines lines or batchBytes
// bytes, and at most 2×workers batches are in flight.
const (
	batchLines = 1024
	batchBytes = 1 << 20
)

type batch struct {
	seq     int
	lines   [][]byte
	lineNos []int
	recNos  []int
	tooLong []*ndjson.TooLongError
}

type batchResult struct {
	seq        int
	rejections []Rejection
}

func (s *Scorer) ndjson(t *Tally, in io.Reader) error {
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		return s.ndjsonSerial(t, in)
	}
	jobs := make(chan *batch, workers*2)
	results := make(chan batchResult, workers*2)
	var readErr error
	go func() {
		defer close(jobs)
		readErr = s.readBatches(in, jobs)
	}()
	tallies := make([]*Tally, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wt, _ := NewTally(t.def, t.opts) // t.def was validated by NewTally
		tallies[i] = wt
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &worker{t: wt}
			for b := range jobs {
				res := batchResult{seq: b.seq}
				for j, line := range b.lines {
					if tl := b.tooLong[j]; tl != nil {
						res.rejections = append(res.rejections, tooLongRejection(tl, b.recNos[j]))
						continue
					}
					if r, off := w.record(line, b.lineNos[j], b.recNos[j]); r != nil {
						if r.Err != nil {
							r.Column = utf8Column(line, off)
						}
						res.rejections = append(res.rejections, *r)
					}
				}
				results <- res
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	ndjson.InOrder(results, func(r batchResult) int { return r.seq }, func(r batchResult) {
		for _, rj := range r.rejections {
			s.reject(t, rj)
		}
	}, nil)
	for _, wt := range tallies {
		if err := t.Merge(wt); err != nil {
			return err
		}
	}
	return readErr
}

// ndjsonSerial reads NDJSON on the calling goroutine, with the same
// results as the parallel path.
func (s *Scorer) ndjsonSerial(t *Tally, in io.Reader) error {
	r := ndjson.NewReader(in)
	if s.MaxRecord > 0 {
		r.MaxRecord = s.MaxRecord
	}
	w := &worker{t: t}
	rec := 0
	for {
		line, err := r.Next()
		var tooLong *ndjson.TooLongError
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case errors.As(err, &tooLong):
			rec++
			s.reject(t, tooLongRejection(tooLong, rec))
		case err != nil:
			return err
		case len(bytes.TrimSpace(line)) == 0:
		default:
			rec++
			if rj, off := w.record(line, r.Line(), rec); rj != nil {
				if rj.Err != nil {
					rj.Column = utf8Column(line, off)
				}
				s.reject(t, *rj)
			}
		}
	}
}

func tooLongRejection(e *ndjson.TooLongError, rec int) Rejection {
	return Rejection{Line: e.Line, Record: rec, Err: errors.New("the record is longer than " + strconv.Itoa(e.Limit>>20) + " MiB; write one response per line")}
}

func (s *Scorer) readBatches(in io.Reader, jobs chan<- *batch) error {
	r := ndjson.NewReader(in)
	if s.MaxRecord > 0 {
		r.MaxRecord = s.MaxRecord
	}
	seq, size, rec := 0, 0, 0
	b := &batch{}
	flush := func() {
		if len(b.lines) > 0 {
			b.seq = seq
			jobs <- b
			seq++
		}
		b = &batch{}
		size = 0
	}
	for {
		line, err := r.Next()
		var tooLong *ndjson.TooLongError
		switch {
		case errors.Is(err, io.EOF):
			flush()
			return nil
		case errors.As(err, &tooLong):
			rec++
			b.lines = append(b.lines, nil)
			b.lineNos = append(b.lineNos, tooLong.Line)
			b.recNos = append(b.recNos, rec)
			b.tooLong = append(b.tooLong, tooLong)
		case err != nil:
			flush()
			return err
		default:
			if len(bytes.TrimSpace(line)) == 0 {
				continue // a blank line is not a record
			}
			rec++
			b.lines = append(b.lines, line)
			b.lineNos = append(b.lineNos, r.Line())
			b.recNos = append(b.recNos, rec)
			b.tooLong = append(b.tooLong, nil)
			size += len(line)
		}
		if len(b.lines) >= batchLines || size >= batchBytes {
			flush()
		}
	}
}

// json reads a JSON array of responses, or a single response document. A
// document that is neither (several objects, one per line) is read as
// NDJSON.
func (s *Scorer) json(t *Tally, in io.Reader) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		return &survey.DecodeError{Line: 1, Column: 1, Err: errors.New("the file starts with a byte order mark; save it as UTF-8 without a BOM")}
	}
	pos := jsonlite.SkipSpace(data, 0)
	if pos == len(data) {
		return &survey.DecodeError{Line: 1, Column: 1, Err: errors.New("the file is empty; it should hold a JSON array of responses")}
	}
	w := &worker{t: t}
	if data[pos] != '[' {
		if end, err := jsonlite.Skip(data, pos); err == nil && jsonlite.SkipSpace(data, end) == len(data) { // one response
			r, off := w.record(data[pos:end], lineAt(data, pos), 1)
			s.rejectAt(t, data, pos, r, off)
			return nil
		}
		return s.ndjson(t, bytes.NewReader(data))
	}
	pos++
	rec := 0
	line, lineOff := 1, 0
	for {
		pos = jsonlite.SkipSpace(data, pos)
		if pos < len(data) && data[pos] == ']' && rec == 0 {
			pos++
			break
		}
		start := pos
		end, err := jsonlite.Skip(data, pos)
		if err != nil {
			var se *jsonlite.SyntaxError
			if errors.As(err, &se) {
				return located(data, se.Offset, se.Msg)
			}
			return err
		}
		pos = end
		rec++
		line += bytes.Count(data[lineOff:start], []byte{'\n'})
		lineOff = start
		r, off := w.record(data[start:pos], line, rec)
		s.rejectAt(t, data, start, r, off)
		pos = jsonlite.SkipSpace(data, pos)
		if pos >= len(data) {
			return located(data, pos, "the array is not closed")
		}
		if data[pos] == ']' {
			pos++
			break
		}
		if data[pos] != ',' {
			return located(data, pos, "expected ',' or ']' between responses")
		}
		pos++
	}
	if pos = jsonlite.SkipSpace(data, pos); pos != len(data) {
		return located(data, pos, "unexpected data after the end of the array")
	}
	return nil
}

// located is a DecodeError at a byte offset of a whole document.
func located(data []byte, off int, msg string) *survey.DecodeError {
	line, col := jsonloc.Position(data, int64(off))
	return &survey.DecodeError{Offset: int64(off), Line: line, Column: col, Err: errors.New(msg)}
}

func lineAt(data []byte, off int) int { return 1 + bytes.Count(data[:off], []byte{'\n'}) }

// rejectAt reports a rejection of the record at offset start of a whole
// document, placing a syntax error on its own line and column.
func (s *Scorer) rejectAt(t *Tally, data []byte, start int, r *Rejection, off int) {
	if r == nil {
		return
	}
	if r.Err != nil {
		abs := start + off
		ls := bytes.LastIndexByte(data[:abs], '\n') + 1
		r.Line = lineAt(data, abs)
		r.Column = utf8Column(data[ls:], abs-ls)
	}
	s.reject(t, *r)
}

func (s *Scorer) csv(t *Tally, in io.Reader) error {
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return &survey.DecodeError{Line: 1, Column: 1, Err: errors.New("the CSV file is empty; it needs a header row of question ids")}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &survey.DecodeError{Line: pe.Line, Column: pe.Column, Err: pe.Err}
		}
		return err
	}
	cols, probs := csvHeader(t.def, header)
	if len(probs) > 0 {
		s.reject(t, Rejection{Line: 1, Problems: probs})
	}
	w := &worker{t: t}
	rec := 0
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		rec++
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s.reject(t, Rejection{Line: pe.Line, Column: pe.Column, Record: rec, Err: pe.Err})
			continue
		}
		if err != nil {
			return err
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(cols) {
			s.reject(t, Rejection{Line: line, Record: rec, Err: errors.New("the row has " + cells(len(row)) + " but the header has " + strconv.Itoa(len(cols)) + "; check for a missing or extra comma")})
			continue
		}
		csvResponse(t.def, cols, row, &w.resp)
		if errs := t.validate.Check(t.def, &w.resp); len(errs) > 0 {
			s.reject(t, Rejection{Line: line, Record: rec, Problems: errs})
			continue
		}
		t.add(&w.resp)
	}
}

func cells(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return strconv.Itoa(n) + " cells"
}
