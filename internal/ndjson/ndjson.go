package ndjson

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// DefaultMaxRecord is the longest line a Reader accepts when MaxRecord is
// zero.
const DefaultMaxRecord = 8 << 20

// TooLongError is returned by Next for a line longer than MaxRecord. The
// line has been skipped; reading can go on.
type TooLongError struct {
	Line  int
	Limit int
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("line %d: the record is longer than %d MiB", e.Line, e.Limit>>20)
}

// Reader returns the lines of an NDJSON stream. Line endings (\n or \r\n)
// are removed; blank lines are returned as empty records so that line
// numbers stay true, and callers skip them.
type Reader struct {
	// MaxRecord is the longest line accepted; 0 means DefaultMaxRecord.
	MaxRecord int

	br    *bufio.Reader
	line  int
	done  bool
	chunk []byte // where short lines are copied, many to an allocation
}

// chunkSize is the size of the allocations short lines share; a line up
// to a sixteenth of it goes in one.
const chunkSize = 256 << 10

// NewReader reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10)}
}

// Line is the number of the line Next returned last (1-based).
func (r *Reader) Line() int { return r.line }

// Next returns a copy of the next line. It returns io.EOF after the last
// line, and a *TooLongError (after skipping the line) for an overlong one.
func (r *Reader) Next() ([]byte, error) {
	if r.done {
		return nil, io.EOF
	}
	limit := r.MaxRecord
	if limit <= 0 {
		limit = DefaultMaxRecord
	}
	var rec []byte
	tooLong, whole := false, true
	for {
		frag, err := r.br.ReadSlice('\n')
		switch {
		case tooLong:
		case len(rec)+len(frag) > limit+2: // +2 for a \r\n ending
			tooLong, rec = true, nil
		case whole && err == nil:
			rec = frag // the whole line, in the reader's buffer until the next read
		default:
			if whole {
				rec = append([]byte(nil), rec...)
			}
			rec, whole = append(rec, frag...), false
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if errors.Is(err, io.EOF) {
			r.done = true
			if len(frag) == 0 && len(rec) == 0 && !tooLong {
				return nil, io.EOF
			}
		}
		r.line++
		if tooLong {
			return nil, &TooLongError{Line: r.line, Limit: limit}
		}
		for len(rec) > 0 && (rec[len(rec)-1] == '\n' || rec[len(rec)-1] == '\r') {
			rec = rec[:len(rec)-1]
		}
		if !whole {
			return rec, nil // already a copy
		}
		return r.copy(rec), nil
	}
}

// copy returns a copy of a short line in the current chunk, or of a long
// one in an allocation of its own.
func (r *Reader) copy(line []byte) []byte {
	if len(line) > chunkSize/16 {
		return append([]byte(nil), line...)
	}
	if cap(r.chunk)-len(r.chunk) < len(line) {
		r.chunk = make([]byte, 0, chunkSize)
	}
	start := len(r.chunk)
	r.chunk = append(r.chunk, line...)
	return r.chunk[start:len(r.chunk):len(r.chunk)]
}
