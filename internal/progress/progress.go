package progress

import (
	"io"
	"sync"
	"time"
)

// DefaultInterval is how often a Line is redrawn unless told otherwise.
const DefaultInterval = 250 * time.Millisecond

// Line is a writer (for messages) with a progress line at its foot. The
// zero Line writes nothing; set W. It is safe for concurrent use.
type Line struct {
	// W is where messages and the progress line go, such as standard
	// error; nil writes nothing.
	W io.Writer
	// Now is the clock; nil means time.Now. Tests give their own, so
	// that when the line is drawn never depends on the machine's speed.
	Now func() time.Time
	// Interval is the least time between two drawings; 0 means
	// DefaultInterval.
	Interval time.Duration

	mu    sync.Mutex
	shown bool
	last  time.Time
}

func (p *Line) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// Show draws the progress line, if the interval has passed since it was
// last drawn; text is called only then.
func (p *Line) Show(text func() string) {
	if p == nil || p.W == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	interval := p.Interval
	if interval == 0 {
		interval = DefaultInterval
	}
	now := p.now()
	if !p.last.IsZero() && now.Sub(p.last) < interval {
		return
	}
	if p.last.IsZero() {
		// The first call starts the clock: a run that ends within one
		// interval shows no line at all.
		p.last = now
		return
	}
	p.last = now
	io.WriteString(p.W, "\r\033[K"+text())
	p.shown = true
}

// Write writes a message, clearing the progress line first.
func (p *Line) Write(b []byte) (int, error) {
	if p == nil || p.W == nil {
		return len(b), nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
	return p.W.Write(b)
}

// Clear removes the progress line, when one is shown.
func (p *Line) Clear() {
	if p == nil || p.W == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clearLocked()
}

func (p *Line) clearLocked() {
	if p.shown {
		io.WriteString(p.W, "\r\033[K")
		p.shown = false
	}
}
