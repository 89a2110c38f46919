package ndjson

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type got struct {
	Line int
	Rec  string
	Err  string
}

func readAll(t *testing.T, in string, max int) []got {
	t.Helper()
	r := NewReader(strings.NewReader(in))
	r.MaxRecord = max
	var out []got
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		g := got{Line: r.Line(), Rec: string(rec)}
		if err != nil {
			g.Err = err.Error()
		}
		out = append(out, g)
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want []got
	}{
		{"empty", "", 0, nil},
		{"one line without newline", `{"a":1}`, 0, []got{{1, `{"a":1}`, ""}}},
		{"crlf and blank lines", "{}\r\n\n{\"b\":2}\n", 0, []got{{1, "{}", ""}, {2, "", ""}, {3, `{"b":2}`, ""}}},
		{"overlong line is skipped", "{}\n" + strings.Repeat("x", 100) + "\n{}\n", 10, []got{{1, "{}", ""}, {2, "", "line 2: the record is longer than 0 MiB"}, {3, "{}", ""}}},
		{"long line beyond the buffer", strings.Repeat("y", 200000) + "\n", 0, []got{{1, strings.Repeat("y", 200000), ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readAll(t, tt.in, tt.max)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("{}\n\n{\"a\":1}\r\n{"), 5)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		r := NewReader(strings.NewReader(string(data)))
		r.MaxRecord = max % 64
		lines := 0
		for {
			_, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			lines++
			if r.Line() != lines {
				t.Fatalf("line %d after %d records", r.Line(), lines)
			}
		}
		if want := strings.Count(string(data), "\n"); lines < want || lines > want+1 {
			t.Fatalf("%d lines from %d newlines", lines, want)
		}
	})
}
