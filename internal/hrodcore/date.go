package hrodcore

import "github.com/spfkit/spfkit/internal/jsonlite"

// Date is a calendar day, written YYYY-MM-DD. The zero Date is unset.
// Parsing rejects days that do not exist, such as 2023-02-30. It counts
// days itself rather than using package time, which the WebAssembly
// checklist would pay for.
type Date struct {
	days int32 // days since 0001-01-01, plus one; 0 means unset
}

// DateFromYMD returns the given day, or false when it does not exist.
func DateFromYMD(y, m, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, false
	}
	return Date{int32(civilDays(y, m, d)) + 1}, true
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	bad := &dateError{s}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	y, ok1 := jsonlite.Atoi(s[:4])
	m, ok2 := jsonlite.Atoi(s[5:7])
	d, ok3 := jsonlite.Atoi(s[8:])
	if !ok1 || !ok2 || !ok3 || s[0] < '0' || s[5] < '0' || s[8] < '0' {
		return Date{}, bad
	}
	v, ok := DateFromYMD(y, m, d)
	if !ok {
		return Date{}, bad
	}
	return v, nil
}

type dateError struct{ s string }

func (e *dateError) Error() string {
	return "hrod: \"" + e.s + "\" is not a date: write a day that exists, as YYYY-MM-DD"
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
func (d Date) IsZero() bool { return d.days == 0 }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// AddDays returns the day n days after d.
func (d Date) AddDays(n int) Date { return Date{d.days + int32(n)} }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.days - d.days) }

// YMD returns the year, month and day.
func (d Date) YMD() (y, m, day int) { return fromDays(int(d.days - 1)) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
	return string(b)
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

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDays counts days from 0001-01-01 to y-m-d (proleptic Gregorian).
func civilDays(y, m, d int) int {
	y--
	n := y*365 + y/4 - y/100 + y/400
	for i := 1; i < m; i++ {
		n += daysIn(y+1, i)
	}
	return n + d - 1
}

// fromDays inverts civilDays.
func fromDays(n int) (y, m, d int) {
	y = n/366 + 1
	for civilDays(y+1, 1, 1) <= n {
		y++
	}
	n -= civilDays(y, 1, 1)
	m = 1
	for n >= daysIn(y, m) {
		n -= daysIn(y, m)
		m++
	}
	return y, m, n + 1
}

func quote(s string) string { return "\"" + s + "\"" }

// Today is the current day; package hrod sets it from the clock, and the
// widget from the browser's. Until then it is unset.
var Today = func() Date { return Date{} }
