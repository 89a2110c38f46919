package transfer

import (
	"time"
)

// Date is a calendar day, written YYYY-MM-DD. The zero Date is unset.
type Date struct{ t time.Time }

// DateError is a date that cannot be read: Text as written, and why.
type DateError struct{ Text, Reason string }

func (e *DateError) Error() string { return "transfer: \"" + e.Text + "\" " + e.Reason }

// minYear is the earliest year ParseDate accepts: nobody transferring
// now started work before it.
const minYear = 1900

// ParseDate parses YYYY-MM-DD, rejecting days that do not exist and
// years before 1900.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &DateError{Text: s, Reason: "is not a date: write a day that exists, as YYYY-MM-DD"}
	}
	if t.Year() < minYear {
		// Also keeps 0001-01-01, the zero time, from reading as "not given".
		return Date{}, &DateError{Text: s, Reason: "is too early for a date of employment: write a day from 1900 on"}
	}
	return Date{t}, nil
}

// MustParseDate is ParseDate for literals and tests; it panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// OnOrAfter reports whether d is e or later.
func (d Date) OnOrAfter(e Date) bool { return !d.t.Before(e.t) }

// AddDays returns the day n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns the same day n months later, clamped to the month's
// last day (31 January plus one month is 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC)}
}

// YearsSince is the number of whole years from d to e.
func (d Date) YearsSince(e Date) int {
	years := e.t.Year() - d.t.Year()
	if e.t.Month() < d.t.Month() || e.t.Month() == d.t.Month() && e.t.Day() < d.t.Day() {
		years--
	}
	return years
}

// MonthsSince is the number of whole months from d to e.
func (d Date) MonthsSince(e Date) int {
	months := (e.t.Year()-d.t.Year())*12 + int(e.t.Month()-d.t.Month())
	if e.t.Day() < d.t.Day() {
		months--
	}
	return months
}

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
