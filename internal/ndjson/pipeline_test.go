package ndjson

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// collect runs a pipeline whose work is to copy each line, and returns
// what emit saw.
func collect(t *testing.T, p Pipeline, in string) ([]Line, int, error) {
	t.Helper()
	var out []Line
	n, err := Run(p, strings.NewReader(in), func() func(Line) Line {
		return func(l Line) Line {
			l.Data = bytes.Clone(l.Data)
			return l
		}
	}, func(l Line) { out = append(out, l) })
	return out, n, err
}

func TestRunKeepsOrderAndLineNumbers(t *testing.T) {
	in := "{\"a\":1}\n\n   \r\n" + strings.Repeat("x", 40) + "\n{\"b\":2}\r\n{\"c\":3}"
	want := []Line{
		{No: 1, Data: []byte(`{"a":1}`)},
		{No: 4, TooLong: true},
		{No: 5, Data: []byte(`{"b":2}`)},
		{No: 6, Data: []byte(`{"c":3}`)},
	}
	for _, p := range []Pipeline{
		{Workers: 1, MaxRecord: 30},
		{Workers: 3, ChunkBytes: 1, MaxRecord: 30},
		{Workers: 2, ChunkBytes: 8, MaxRecord: 30},
		{Workers: 2, ChunkBytes: 12, MaxRecord: 30},
	} {
		got, n, err := collect(t, p, in)
		if err != nil {
			t.Fatal(err)
		}
		if n != 4 {
			t.Errorf("%+v: %d records, want 4", p, n)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%+v (-want +got)\n%s", p, diff)
		}
	}
}

func TestRunEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", " \r\n\t\n"} {
		got, n, err := collect(t, Pipeline{}, in)
		if err != nil || n != 0 || len(got) != 0 {
			t.Errorf("%q: %d records, %v emitted, err %v; want none", in, n, got, err)
		}
	}
}

func FuzzRun(f *testing.F) {
	f.Add([]byte("{}\n\n{\"a\":1}\r\n{"), uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, workers, chunk uint8) {
		p := Pipeline{Workers: int(workers%4) + 1, ChunkBytes: int(chunk % 40), MaxRecord: 16}
		got, n, err := collect(t, p, string(data))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != n {
			t.Fatalf("%d emitted, %d records", len(got), n)
		}
		lines := strings.Split(string(data), "\n")
		prev := 0
		for i, l := range got {
			if l.No <= prev || l.No > len(lines) {
				t.Fatalf("record %d: %+v after line %d", i+1, l, prev)
			}
			prev = l.No
			text := strings.TrimRight(lines[l.No-1], "\r")
			if long := len(lines[l.No-1]) > p.MaxRecord+1; l.TooLong != long {
				t.Fatalf("line %d: too long %v, want %v", l.No, l.TooLong, long)
			}
			if !l.TooLong && string(l.Data) != text {
				t.Fatalf("line %d: %q, want %q", l.No, l.Data, text)
			}
		}
	})
}

// failingReader returns its data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(b []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(b, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestRunReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	for _, size := range []int{0, 4, 9} {
		var got []string
		n, err := Run(Pipeline{Workers: 2, ChunkBytes: size}, &failingReader{data: "{\"a\":1}\n{\"b\":2}\n{\"c\"", err: boom},
			func() func(Line) string { return func(l Line) string { return string(l.Data) } },
			func(s string) { got = append(got, s) })
		if !errors.Is(err, boom) {
			t.Errorf("chunk %d: err %v, want %v", size, err, boom)
		}
		// The line the error cut short is not a record.
		if diff := cmp.Diff([]string{`{"a":1}`, `{"b":2}`}, got); diff != "" || n != 2 {
			t.Errorf("chunk %d: %d records (-want +got)\n%s", size, n, diff)
		}
	}
}
