package ndjson

import (
	"errors"
	"io"
	"runtime"
	"sync"
)

// Line is one record of the input: a line that is not blank.
type Line struct {
	// No is the line's number in the input, from 1.
	No int
	// Record counts the records, from 1; blank lines are not records.
	Record int
	// Data is the line without its ending; nil when TooLong.
	Data []byte
	// TooLong is set for a line longer than the pipeline's MaxRecord,
	// which was skipped without being held in memory.
	TooLong bool
}

// Pipeline processes the records of newline-delimited JSON on several
// goroutines and hands the results back in input order, in bounded
// memory: lines are read in batches of BatchLines lines or BatchBytes
// bytes, and at most two batches per worker are in flight. A line of
// nothing but white space is not a record: it is skipped, and line
// numbers stay true. The zero Pipeline uses the defaults.
type Pipeline struct {
	// Workers is how many goroutines process records; 0 means one per
	// CPU.
	Workers int
	// BatchLines and BatchBytes close a batch; 0 means 1,024 lines and
	// 1 MiB.
	BatchLines, BatchBytes int
	// MaxRecord is the longest line read; 0 means DefaultMaxRecord.
	MaxRecord int
}

type batch[R any] struct {
	seq     int
	lines   []Line
	results []R
}

// Run reads in and calls process on a worker goroutine for each record,
// then emit with each result on the calling goroutine, in input order.
// newWorker is called once on each worker goroutine and returns that
// worker's process function, so a worker can keep state of its own (a
// parser to reuse, a tally to merge). Run returns the number of records
// read and the error that stopped reading, if any, after emitting every
// record read before it.
func Run[R any](p Pipeline, in io.Reader, newWorker func() func(Line) R, emit func(R)) (int, error) {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxLines, maxBytes := p.BatchLines, p.BatchBytes
	if maxLines <= 0 {
		maxLines = 1024
	}
	if maxBytes <= 0 {
		maxBytes = 1 << 20
	}
	jobs := make(chan *batch[R], workers*2)
	done := make(chan *batch[R], workers*2)
	var readErr error
	records := 0
	go func() {
		defer close(jobs)
		r := NewReader(in)
		r.MaxRecord = p.MaxRecord
		b := &batch[R]{}
		size := 0
		flush := func() {
			if len(b.lines) > 0 {
				jobs <- b
				b = &batch[R]{seq: b.seq + 1}
			}
			size = 0
		}
		var tooLong *TooLongError
		for {
			data, err := r.Next()
			switch {
			case errors.Is(err, io.EOF):
				flush()
				return
			case errors.As(err, &tooLong):
				records++
				b.lines = append(b.lines, Line{No: tooLong.Line, Record: records, TooLong: true})
			case err != nil:
				readErr = err
				flush()
				return
			case blank(data):
				continue
			default:
				records++
				b.lines = append(b.lines, Line{No: r.Line(), Record: records, Data: data})
				size += len(data)
			}
			if len(b.lines) >= maxLines || size >= maxBytes {
				flush()
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process := newWorker()
			for b := range jobs {
				b.results = make([]R, len(b.lines))
				for i, l := range b.lines {
					b.results[i] = process(l)
				}
				b.lines = nil
				done <- b
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	InOrder(done, func(b *batch[R]) int { return b.seq }, func(b *batch[R]) {
		for _, r := range b.results {
			emit(r)
		}
	}, nil)
	return records, readErr
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
