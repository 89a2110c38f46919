package ndjson

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"
)

// Line is one record of the input: a line that is not blank.
type Line struct {
	// No is the line's number in the input, from 1.
	No int
	// Data is the line without its ending, in a buffer that is reused
	// once the worker has processed it: copy what must outlive the call.
	// nil when TooLong.
	Data []byte
	// TooLong is set for a line longer than the pipeline's MaxRecord,
	// which was skipped without being held in memory.
	TooLong bool
}

// Pipeline processes the records of newline-delimited JSON on several
// goroutines and hands the results back in input order, in bounded
// memory. One goroutine reads the input into a few reused buffers of
// ChunkBytes, cutting each at its last newline, and counts the lines in
// it; each worker takes whole chunks and finds the lines itself, so the
// reader does no per-line work and copies nothing but the one unfinished
// line at a buffer's end. At most two chunks per worker (and two more) are
// in flight, results included. A line of nothing but white space is not a
// record: it is skipped, and line numbers stay true. The zero Pipeline
// uses the defaults.
type Pipeline struct {
	// Workers is how many goroutines process records; 0 means one per
	// CPU.
	Workers int
	// ChunkBytes is the size of the buffers the input is read in; 0
	// means 1 MiB. A buffer grows to hold a longer line (up to
	// MaxRecord) and is replaced by one of the usual size once that line
	// is done.
	ChunkBytes int
	// MaxRecord is the longest line read; 0 means DefaultMaxRecord.
	MaxRecord int
}

// chunk is a run of whole lines and, once a worker has processed them,
// their results. Chunks are reused: the reader takes one from the free
// list and emit gives it back, so the number of chunks bounds memory.
type chunk[R any] struct {
	seq     int
	first   int    // the number of data's first line
	data    []byte // whole lines; the last may lack its '\n' at the end of the input
	tooLong int    // when above 0, the chunk is this one line, skipped as too long
	buf     []byte // the buffer data is in
	results []R
	records int
}

// Run reads in and calls process on a worker goroutine for each record,
// then emit with each result on the calling goroutine, in input order.
// newWorker is called once on each worker goroutine and returns that
// worker's process function, so a worker can keep state of its own (a
// parser to reuse, a tally to merge). Run returns the number of records
// read and the error that stopped reading, if any, after emitting every
// record read before it (a line cut short by the error is not a record).
func Run[R any](p Pipeline, in io.Reader, newWorker func() func(Line) R, emit func(R)) (int, error) {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := p.ChunkBytes
	if size <= 0 {
		size = 1 << 20
	}
	limit := p.MaxRecord
	if limit <= 0 {
		limit = DefaultMaxRecord
	}
	n := workers*2 + 2
	free := make(chan *chunk[R], n)
	for range n {
		free <- new(chunk[R])
	}
	jobs := make(chan *chunk[R], n)
	done := make(chan *chunk[R], n)
	var readErr error
	go func() {
		defer close(jobs)
		readErr = split(in, size, limit, free, jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process := newWorker()
			for c := range jobs {
				c.results, c.records = c.results[:0], 0
				if c.tooLong > 0 {
					c.results = append(c.results, process(Line{No: c.tooLong, TooLong: true}))
					c.records = 1
				} else {
					c.lines(limit, func(l Line) {
						c.results = append(c.results, process(l))
					})
					c.records = len(c.results)
				}
				done <- c
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	records := 0
	InOrder(done, func(c *chunk[R]) int { return c.seq }, func(c *chunk[R]) {
		for _, r := range c.results {
			emit(r)
		}
		records += c.records
		clear(c.results) // let what the results held go
		if cap(c.buf) > size {
			c.buf = nil // a buffer grown for a long line: back to the usual size
		}
		c.data = nil
		free <- c
	}, nil)
	return records, readErr
}

// lines calls f with each line of the chunk that is not blank.
func (c *chunk[R]) lines(limit int, f func(Line)) {
	data, no := c.data, c.first
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		var line []byte
		if end < 0 {
			line, data = data, nil
		} else {
			line, data = data[:end], data[end+1:]
		}
		switch {
		case len(line) > limit+1: // room for a \r before the \n
			f(Line{No: no, TooLong: true})
		case !blank(line):
			for len(line) > 0 && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
			f(Line{No: no, Data: line})
		}
		no++
	}
}

// split reads in into chunks of whole lines and sends them to jobs, taking
// each chunk from free. It returns the error that stopped reading, if any.
func split[R any](in io.Reader, size, limit int, free chan *chunk[R], jobs chan<- *chunk[R]) error {
	var (
		carry []byte // the unfinished line at the end of the last buffer
		line  = 1    // the number of the line carry starts
		seq   = 0
		eof   bool
		err   error
	)
	send := func(c *chunk[R]) {
		c.seq = seq
		seq++
		jobs <- c
	}
	for !eof {
		c := <-free
		if cap(c.buf) < max(size, len(carry)) {
			// (carry, left by a skipped line, can outgrow the usual size)
			c.buf = make([]byte, max(size, len(carry)))
		}
		buf := c.buf[:cap(c.buf)]
		n := copy(buf, carry) // carry may be in this very buffer: copy moves it
		for {
			// Fill the buffer, or read to the end of the input.
			for n < len(buf) && !eof {
				var m int
				m, err = in.Read(buf[n:])
				n += m
				if err != nil {
					eof = true
				}
			}
			if errors.Is(err, io.EOF) {
				err = nil
			}
			last := bytes.LastIndexByte(buf[:n], '\n')
			if last >= 0 || eof {
				end := last + 1
				if eof && err == nil {
					end = n // the input's last line needs no '\n'
				}
				c.buf, c.data, c.first, c.tooLong = buf, buf[:end], line, 0
				line += bytes.Count(c.data, []byte{'\n'})
				carry = buf[end:n]
				if len(c.data) > 0 {
					send(c)
				} else {
					carry = nil
					free <- c // back to the list: nothing to send
				}
				break
			}
			// The buffer holds part of one line.
			if len(buf) <= limit+1 {
				grown := make([]byte, min(2*len(buf), limit+2))
				copy(grown, buf[:n])
				buf = grown
				continue
			}
			// Too long: skip to the end of the line, without keeping it.
			skipped := false
			for !skipped && !eof {
				var m int
				m, err = in.Read(buf)
				if i := bytes.IndexByte(buf[:m], '\n'); i >= 0 {
					n = copy(buf, buf[i+1:m])
					skipped = true
				}
				if err != nil {
					eof = true
				}
			}
			if errors.Is(err, io.EOF) {
				err = nil
			}
			c.buf, c.data, c.tooLong = buf, nil, line
			line++
			carry = buf[:0]
			if skipped {
				carry = buf[:n]
			}
			send(c)
			break
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// blank reports whether a line holds nothing but white space.
func blank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}
