package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/spfkit/spfkit/internal/ndjson"
	"github.com/spfkit/spfkit/problem"
)

// maxRecord is the longest NDJSON line validate accepts; a longer line is
// reported and skipped without being held in memory.
const maxRecord = ndjson.DefaultMaxRecord

// Batches bound memory: a batch closes at batchLines lines or batchBytes
// bytes, and at most 2×workers batches are in flight.
const (
	batchLines = 512
	batchBytes = 1 << 20
)

type ndStats struct{ records, invalid int }

type ndBatch struct {
	seq   int
	first int      // line number of lines[0]
	lines [][]byte // nil entries are lines reported before checking
	early [][]*problem.Error
}

type ndResult struct {
	seq      int
	records  int
	invalid  int
	problems []*problem.Error
}

// streamNDJSON checks every line of in as its own document, in parallel,
// and reports problems in line order. Blank lines are skipped.
func streamNDJSON(e env, c *checker, in io.Reader, name string, o validateOpts, rep *reporter) (ndStats, error) {
	tuneGC()
	workers := o.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *ndBatch, workers*2)
	results := make(chan ndResult, workers*2)
	var readErr error
	go func() {
		defer close(jobs)
		readErr = readBatches(in, jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				results <- checkBatch(c, b)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var stats ndStats
	lastProgress := time.Now()
	ndjson.InOrder(results, func(r ndResult) int { return r.seq }, func(r ndResult) {
		stats.records += r.records
		stats.invalid += r.invalid
		rep.report(r.problems)
	}, func() {
		if e.progress && time.Since(lastProgress) > 250*time.Millisecond {
			fmt.Fprintf(e.stderr, "\r%s: %d records, %d invalid", name, stats.records, stats.invalid)
			lastProgress = time.Now()
		}
	})
	if e.progress {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	return stats, readErr
}

// gcMemoryLimit is the heap size the garbage collector aims to stay under
// while streaming. Streaming keeps little alive, so collecting only as the
// heap nears this limit (rather than each time it doubles) halves the time
// spent on garbage and keeps peak memory well inside the 64 MB budget.
const gcMemoryLimit = 40 << 20

var gcOnce sync.Once

// tuneGC switches the collector to the memory limit, unless the user has
// set GOGC or GOMEMLIMIT.
func tuneGC() {
	gcOnce.Do(func() {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		debug.SetMemoryLimit(gcMemoryLimit)
		debug.SetGCPercent(-1)
	})
}

// readBatches splits the input into batches of lines. A line longer than
// maxRecord is skipped and reported in its place.
func readBatches(in io.Reader, jobs chan<- *ndBatch) error {
	r := ndjson.NewReader(in)
	r.MaxRecord = maxRecord
	seq := 0
	b := &ndBatch{seq: seq, first: 1}
	size := 0
	flush := func() {
		if len(b.lines) > 0 {
			jobs <- b
			seq++
		}
		b = &ndBatch{seq: seq, first: r.Line() + 1}
		size = 0
	}
	for {
		rec, err := r.Next()
		var tooLong *ndjson.TooLongError
		switch {
		case errors.Is(err, io.EOF):
			flush()
			return nil
		case errors.As(err, &tooLong):
			b.lines = append(b.lines, nil)
			b.early = append(b.early, []*problem.Error{{Line: tooLong.Line, Code: "too_long", Message: fmt.Sprintf("the record is longer than %d MiB", maxRecord>>20), Hint: "one record per line; split the record or check the line endings"}})
		case err != nil:
			flush()
			return err
		default:
			b.lines = append(b.lines, rec)
			b.early = append(b.early, nil)
			size += len(rec)
		}
		if len(b.lines) >= batchLines || size >= batchBytes {
			flush()
		}
	}
}
func checkBatch(c *checker, b *ndBatch) ndResult {
	r := ndResult{seq: b.seq}
	for i, rec := range b.lines {
		line := b.first + i
		if b.early[i] != nil {
			r.records++
			r.invalid++
			r.problems = append(r.problems, b.early[i]...)
			continue
		}
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		r.records++
		_, ps := c.check(rec, line)
		if len(ps) > 0 {
			r.invalid++
			r.problems = append(r.problems, ps...)
		}
	}
	return r
}
