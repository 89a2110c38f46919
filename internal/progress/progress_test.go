package progress

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// clock is a fake clock moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time            { return c.t }
func (c *clock) advance(d time.Duration)   { c.t = c.t.Add(d) }
func text(s string) func() string          { return func() string { return s } }
func calls(n *int, s string) func() string { return func() string { *n++; return s } }

var _ = fmt.Sprint

func TestLineDrawsOnlyWhenTheIntervalHasPassed(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(1000, 0)}
	p := &Line{W: &out, Now: c.now, Interval: time.Second}
	n := 0
	p.Show(calls(&n, "0 records")) // starts the clock, draws nothing
	c.advance(999 * time.Millisecond)
	p.Show(calls(&n, "1 record"))
	c.advance(time.Millisecond)
	p.Show(calls(&n, "2 records"))
	c.advance(10 * time.Millisecond)
	p.Show(calls(&n, "3 records"))
	fmt.Fprintln(p, "a problem")
	p.Write([]byte("another\n"))
	c.advance(2 * time.Second)
	p.Show(text("4 records"))
	p.Clear()
	p.Clear()
	want := "\r\x1b[K2 records\r\x1b[Ka problem\nanother\n\r\x1b[K4 records\r\x1b[K"
	if got := out.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if n != 1 {
		t.Errorf("the text was made %d times, want 1: only when drawn", n)
	}
}

func TestZeroLineWritesNothing(t *testing.T) {
	var p *Line
	p.Show(text("x"))
	p.Clear()
	if n, err := p.Write([]byte("abc")); n != 3 || err != nil {
		t.Errorf("Write = %d, %v", n, err)
	}
	var q Line
	q.Show(text("x"))
	q.Write([]byte("x"))
}
