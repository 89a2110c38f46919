package spf

import (
	"errors"
	"fmt"
	"time"

	"github.com/invopop/jsonschema"
)

// Precision says how much of a Date is known.
type Precision uint8

// The precisions of a partial date, from least to most precise.
const (
	PrecisionNone  Precision = iota // the zero Date: unknown
	PrecisionYear                   // YYYY
	PrecisionMonth                  // YYYY-MM
	PrecisionDay                    // YYYY-MM-DD
)

// DatePattern is the pattern of a partial date on the wire: Popolo's
// YYYY(-MM(-DD)) with month and day ranges. Whether the day exists in its
// month (2023-02-30) is checked by ParseDate, not by the pattern.
const DatePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// Date is a possibly partial calendar date: a year (2021), a month
// (2021-04) or a day (2021-04-01), as Popolo writes founding and membership
// dates. The zero Date is unknown; IsZero reports it, and an unknown start
// or end of an interval is open.
//
// For ordering, a partial date stands for its first day: 2021-04 is
// compared as 2021-04-01 and 2021 as 2021-01-01. Dates are comparable with
// == and work as map keys.
type Date struct {
	year  uint16
	month uint8
	day   uint8
}

// ErrDate is matched (with errors.Is) by every error ParseDate returns.
var ErrDate = errors.New("spf: invalid date")

// DateError says which text failed to parse as a Date and why. It matches
// ErrDate with errors.Is.
type DateError struct {
	Text   string // the text that was parsed
	Reason string // what is wrong with it
}

func (e *DateError) Error() string {
	return fmt.Sprintf("spf: invalid date %q: %s (write YYYY, YYYY-MM or YYYY-MM-DD)", e.Text, e.Reason)
}

// Is reports whether target is ErrDate.
func (e *DateError) Is(target error) bool { return target == ErrDate }

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD. The year must be 1000 or
// later and the day must exist in its month.
func ParseDate(s string) (Date, error) {
	bad := func(reason string) (Date, error) { return Date{}, &DateError{s, reason} }
	digits := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("wrong length")
	}
	y, ok := digits(s[:4])
	if !ok {
		return bad("the year is not four digits")
	}
	if y < 1000 {
		return bad("the year is before 1000")
	}
	d := Date{year: uint16(y)}
	if len(s) == 4 {
		return d, nil
	}
	if s[4] != '-' {
		return bad("expected '-' after the year")
	}
	m, ok := digits(s[5:7])
	if !ok || m < 1 || m > 12 {
		return bad("the month is not 01 to 12")
	}
	d.month = uint8(m)
	if len(s) == 7 {
		return d, nil
	}
	if s[7] != '-' {
		return bad("expected '-' after the month")
	}
	day, ok := digits(s[8:10])
	if !ok || day < 1 || day > daysIn(y, m) {
		return bad(fmt.Sprintf("the day is not 01 to %02d", daysIn(y, m)))
	}
	d.day = uint8(day)
	return d, nil
}

// MustParseDate is like ParseDate but panics on error. It is intended for
// tests and package-level variables with hard-coded dates.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the day of t (in t's location) as a Date.
func DateOf(t time.Time) Date {
	return Date{year: uint16(t.Year()), month: uint8(t.Month()), day: uint8(t.Day())}
}

// Day returns the full date year-month-day. It does not check the values;
// use ParseDate for input.
func Day(year int, month time.Month, day int) Date {
	return Date{year: uint16(year), month: uint8(month), day: uint8(day)}
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero (unknown) Date.
func (d Date) IsZero() bool { return d == Date{} }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.year == 0:
		return PrecisionNone
	case d.month == 0:
		return PrecisionYear
	case d.day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// Year returns the year, or 0 for the zero Date.
func (d Date) Year() int { return int(d.year) }

// First returns the first day that d stands for, at midnight UTC. The
// zero Date gives the zero time.Time.
func (d Date) First() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := max(d.month, 1), max(d.day, 1)
	return time.Date(int(d.year), time.Month(m), int(day), 0, 0, 0, 0, time.UTC)
}

// Compare returns -1, 0 or +1 as d is before, the same as or after e, each
// taken as its first day (so 2021-04 equals 2021-04-01). The zero Date
// sorts before every known date.
func (d Date) Compare(e Date) int {
	a, b := d.key(), e.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) key() uint32 {
	if d.IsZero() {
		return 0
	}
	return uint32(d.year)<<16 | uint32(max(d.month, 1))<<8 | uint32(max(d.day, 1))
}

// Before reports whether d is before e (see Compare).
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e (see Compare).
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns YYYY, YYYY-MM or YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.year, d.month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// JSONSchema describes a Date on the wire.
func (Date) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:        "string",
		Pattern:     DatePattern,
		Description: "A possibly partial calendar date: YYYY, YYYY-MM or YYYY-MM-DD.",
	}
}

// Interval is a half-open span of dates [Start, End): it includes its
// start and excludes its end, so a body dissolved on 2022-07-01 and its
// successor founded on 2022-07-01 never overlap. A zero Start is open
// towards the past and a zero End means ongoing.
type Interval struct {
	Start Date
	End   Date
}

// Contains reports whether on lies in the interval.
func (iv Interval) Contains(on Date) bool {
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
