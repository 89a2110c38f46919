// Command floor measures the floor under spfkit's streaming commands on
// this machine, for one NDJSON file on one goroutine: reading the file and
// cutting it into lines, and that plus a minimal hand-written JSON
// tokenizer over every line (no checking, no values: it only finds the
// tokens). bench/run-score.sh and bench/run.sh print it beside their
// figures.
//
//	go run ./bench/floor FILE
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor FILE")
		os.Exit(2)
	}
	for _, tokenize := range []bool{false, true} {
		start := time.Now()
		lines, tokens, err := scan(os.Args[1], tokenize)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		what := "read and cut into lines"
		if tokenize {
			what = "read, cut and tokenized"
		}
		fmt.Printf("floor: %-24s %6.3f s (%d lines, %d tokens)\n", what, time.Since(start).Seconds(), lines, tokens)
	}
}

// scan reads the file in 1 MiB buffers and counts its lines and, when
// tokenize is set, the JSON tokens in them.
func scan(name string, tokenize bool) (lines, tokens int, err error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		n, err := io.ReadFull(f, buf[carry:])
		n += carry
		end := bytes.LastIndexByte(buf[:n], '\n') + 1
		if err != nil { // the end: the last line needs no newline
			end = n
		}
		data := buf[:end]
		for len(data) > 0 {
			i := bytes.IndexByte(data, '\n')
			line := data
			if i >= 0 {
				line, data = data[:i], data[i+1:]
			} else {
				data = nil
			}
			lines++
			if tokenize {
				tokens += count(line)
			}
		}
		if err != nil {
			return lines, tokens, nil
		}
		carry = copy(buf, buf[end:n])
	}
}

// count counts the tokens of one line of JSON: strings (skipping
// escapes), numbers, literals and punctuation.
func count(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '"':
			i++
			for i < len(b) && b[i] != '"' {
				if b[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case c == '-' || c >= '0' && c <= '9':
			for i < len(b) && (b[i] == '-' || b[i] == '+' || b[i] == '.' || b[i] == 'e' || b[i] == 'E' || b[i] >= '0' && b[i] <= '9') {
				i++
			}
		case c >= 'a' && c <= 'z':
			for i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
				i++
			}
		default:
			i++
		}
		n++
	}
	return n
}
