package check

import (
	"bytes"
	"errors"
	"io"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/ndjson"
	"github.com/spfkit/spfkit/problem"
)

// DefaultMaxRecord is the longest NDJSON record Stream reads unless
// StreamOptions says otherwise.
const DefaultMaxRecord = 8 << 20

// Record is one record of an NDJSON stream, checked.
type Record struct {
	// Line is the record's line in the stream, from 1.
	Line int
	Result
}

// StreamOptions configure Stream. The zero value uses the defaults.
type StreamOptions struct {
	// Workers is how many records are checked at once; 0 means one per
	// CPU.
	Workers int
	// MaxRecord is the longest line read; a longer one is reported and
	// skipped without being held in memory. 0 means DefaultMaxRecord.
	MaxRecord int
	// ReuseValues decodes each record into the value of the record the
	// same goroutine checked before, keeping its maps, which saves an
	// allocation or more per record. A record's Value is then valid only
	// until its work function returns: set it only for Process, with
	// work that keeps nothing of the value (a scorer that counts it).
	ReuseValues bool
}

// Stats count what a stream held.
type Stats struct {
	// Records is the number of records (lines that are not blank).
	Records int
	// Invalid is the number of records with problems.
	Invalid int
}

// Stream checks each line of r as a document of its own, on several
// goroutines in bounded memory, and calls emit with each record in input
// order, on the calling goroutine. Blank lines are not records. A stream
// with no records is reported as a record of its own, invalid, on line
// 1, with the problem CodeNoRecords. The error is for input that cannot
// be read, after every record read before it.
func (c *Checker) Stream(r io.Reader, o StreamOptions, emit func(Record)) (Stats, error) {
	same := func(r Record) Record { return r }
	st, err := Process(c, r, o, func() func(Record) Record { return same }, emit)
	var empty *problem.Error
	if errors.As(err, &empty) && empty.Code == CodeNoRecords {
		emit(Record{Line: 1, Result: c.result(c.Kind, []*problem.Error{empty}, nil)})
		return st, nil
	}
	return st, err
}

// Process is Stream with work of the caller's done in parallel too:
// newWork is called once on each goroutine that checks records, and the
// function it returns is called with each record that goroutine checks,
// as soon as it is checked (so a worker can keep state of its own, such
// as a tally). What work returns is passed to emit in input order, on the
// calling goroutine. spfkit transfer --ndjson assesses and encodes each
// case this way, and the scorer counts each response. A stream with no
// records is an error: a *problem.Error on line 1 with the code
// CodeNoRecords.
func Process[T any](c *Checker, r io.Reader, o StreamOptions, newWork func() func(Record) T, emit func(T)) (Stats, error) {
	return ProcessLines(c, r, o, func(check func([]byte, int) Result) func([]byte, int) (T, bool) {
		work := newWork()
		return func(data []byte, line int) (T, bool) {
			rec := Record{Line: line, Result: check(data, line)}
			return work(rec), rec.Valid()
		}
	}, emit)
}

// ProcessLines is Process for work that judges the commonest records
// faster itself, and leaves the rest to the checker: work is called with
// each record's line (data, which is valid only during the call) and its
// number, and calls check for any record it does not judge itself; check
// gives the result Process would have given. work returns its output and
// whether the record was valid. A line too long to read has nil data,
// which check reports. spfkit score reads the usual response this way.
func ProcessLines[T any](c *Checker, r io.Reader, o StreamOptions, newWork func(check func(data []byte, line int) Result) func(data []byte, line int) (T, bool), emit func(T)) (Stats, error) {
	var st Stats
	maxRecord := o.MaxRecord
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecord
	}
	type done struct {
		valid bool
		out   T
	}
	pl := ndjson.Pipeline{Workers: o.Workers, MaxRecord: maxRecord}
	n, err := ndjson.Run(pl, r, func() func(ndjson.Line) done {
		var (
			p jsonlite.Parser
			s *scratch
		)
		if o.ReuseValues {
			s = newScratch()
		}
		check := func(data []byte, line int) Result {
			if data == nil {
				e := &problem.Error{Line: line, Column: 1, Code: CodeTooLong, Message: "the record is longer than " + jsonlite.SizeText(int64(maxRecord))}
				e.Hint = "write one record per line; split the record or check the line endings"
				return c.result(c.Kind, []*problem.Error{e}, nil)
			}
			return c.check(&p, data, line, s)
		}
		work := newWork(check)
		return func(l ndjson.Line) done {
			out, valid := work(l.Data, l.No)
			return done{valid, out}
		}
	}, func(d done) {
		if !d.valid {
			st.Invalid++
		}
		emit(d.out)
	})
	st.Records = n
	if n == 0 && err == nil {
		e := &problem.Error{Kind: string(c.Kind), Line: 1, Column: 1, Code: CodeNoRecords, Message: "the file holds no records"}
		e.Hint = "an NDJSON file holds one JSON document per line"
		return st, e
	}
	return st, err
}

// Elements checks each element of a JSON array (a file of responses
// exported as one array, say) as a document of its own, of the checker's
// kind, and calls emit with each in order; positions are those in data. A
// problem with the array itself (it is not one, or not closed) ends the
// reading with an error holding that problem; the elements before it
// have been emitted.
func (c *Checker) Elements(data []byte, emit func(Record)) error {
	var p jsonlite.Parser
	fail := func(off int, msg string) error {
		line, col := jsonlite.Position(data, off)
		return &problem.Error{Line: line, Column: col, Code: jsonlite.CodeSyntax, Message: msg, Hint: "a file of records read whole is one JSON array: [record, record, ...]"}
	}
	if int64(len(data)) > c.maxBytes() {
		return jsonlite.TooLarge(c.maxBytes())
	}
	pos := jsonlite.SkipSpace(data, 0)
	if pos == len(data) {
		return &problem.Error{Line: 1, Column: 1, Code: jsonlite.CodeEmpty, Message: "the file is empty", Hint: "it should hold a JSON array of records"}
	}
	if data[pos] != '[' {
		return fail(pos, "expected a JSON array")
	}
	pos = jsonlite.SkipSpace(data, pos+1)
	line, counted := 1, 0 // the line of data[counted]
	if pos < len(data) && data[pos] == ']' {
		pos++
	} else {
		for {
			line += bytes.Count(data[counted:pos], []byte{'\n'})
			counted = pos
			doc, end, err := p.ParseAt(data, pos, jsonlite.Options{})
			if err != nil {
				// The element is not JSON: the array cannot be read on.
				return err
			}
			emit(Record{Line: line, Result: c.checkDoc(doc, line, nil)})
			pos = jsonlite.SkipSpace(data, end)
			if pos >= len(data) {
				return fail(pos, "the array is not closed")
			}
			if data[pos] == ']' {
				pos++
				break
			}
			if data[pos] != ',' {
				return fail(pos, "expected ',' or ']' between the array's elements")
			}
			pos = jsonlite.SkipSpace(data, pos+1)
		}
	}
	if pos = jsonlite.SkipSpace(data, pos); pos != len(data) {
		return fail(pos, "unexpected data after the end of the array")
	}
	return nil
}
