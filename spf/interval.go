package spf

import "github.com/spfkit/spfkit/date"

// Interval is a half-open span of dates [Start, End): it includes its
// start and excludes its end, so a body dissolved on 2022-07-01 and its
// successor founded on 2022-07-01 never overlap. A zero Start is open
// towards the past and a zero End means ongoing.
type Interval struct {
	Start date.Date
	End   date.Date
}

// Contains reports whether on lies in the interval.
func (iv Interval) Contains(on date.Date) bool {
	if !iv.Start.IsZero() && on.Before(iv.Start) {
		return false
	}
	if !iv.End.IsZero() && !on.Before(iv.End) {
		return false
	}
	return true
}

// Overlaps reports whether the two intervals share at least one day.
func (iv Interval) Overlaps(o Interval) bool {
	// Each must start before the other ends.
	startsBeforeEnd := func(a, b Interval) bool {
		return a.Start.IsZero() || b.End.IsZero() || a.Start.Before(b.End)
	}
	return startsBeforeEnd(iv, o) && startsBeforeEnd(o, iv)
}

// Within reports whether the known dates of iv lie inside outer: iv does
// not start before outer starts, and it ends by the time outer ends. An
// unknown start of iv is given the benefit of the doubt; an ongoing iv does
// not fit an outer that ends.
func (iv Interval) Within(outer Interval) bool {
	if !outer.Start.IsZero() && !iv.Start.IsZero() && iv.Start.Before(outer.Start) {
		return false
	}
	if !outer.End.IsZero() && (iv.End.IsZero() || iv.End.After(outer.End)) {
		return false
	}
	return true
}

// Valid reports whether the interval ends after it starts (an open side is
// always valid).
func (iv Interval) Valid() bool {
	return iv.Start.IsZero() || iv.End.IsZero() || iv.Start.Before(iv.End)
}
