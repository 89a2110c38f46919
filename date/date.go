package date

import (
	"strconv"

	"github.com/spfkit/spfkit/problem"
)

// Precision says how much of a Date is known.
type Precision uint8

// The precisions of a date, from least to most precise.
const (
	PrecisionNone  Precision = iota // the zero Date: unknown
	PrecisionYear                   // YYYY
	PrecisionMonth                  // YYYY-MM
	PrecisionDay                    // YYYY-MM-DD
)

// Pattern is a date's form on the wire, as the published schemas give it:
// YYYY, YYYY-MM or YYYY-MM-DD, with month and day ranges. Whether the day
// exists in its month (2023-02-30) is checked by Parse, not by the
// pattern.
const Pattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// Date is a possibly partial calendar date: YYYY, YYYY-MM or YYYY-MM-DD.
// The zero Date is unknown; IsZero reports it.
//
// Its value is the number YYYYMMDD, with 00 for a month or day that is not
// known: 2022-07-01 is Date(20220701) and 2022-07 is Date(20220700). So a
// date can be written as a constant (the built-in data are), and dates are
// comparable with == (2021-04 and 2021-04-01 are different values that
// Compare calls equal) and work as map keys. Make dates with Parse or Of
// and move them with the methods: arithmetic on the number is not
// arithmetic on the date.
//
// For ordering and arithmetic a partial date stands for its first day.
type Date uint32

// ParseError says which text is not a date, and why.
type ParseError struct {
	// Text is the text that was parsed.
	Text string
	// Reason is what is wrong with it.
	Reason string
}

func (e *ParseError) Error() string {
	return "date: " + problem.Quote(e.Text) + " is not a date: " + e.Reason
}

// Parse parses YYYY, YYYY-MM or YYYY-MM-DD. The year runs from 0001 to
// 9999 and the day must exist in its month.
func Parse(s string) (Date, error) {
	bad := func(reason string) (Date, error) { return 0, &ParseError{Text: s, Reason: reason} }
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("write YYYY, YYYY-MM or YYYY-MM-DD")
	}
	y, ok := digits(s[:4])
	if !ok {
		return bad("the year is not four digits")
	}
	if y < 1 {
		return bad("there is no year 0000")
	}
	d := Date(y * 10000)
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
	d += Date(m * 100)
	if len(s) == 7 {
		return d, nil
	}
	if s[7] != '-' {
		return bad("expected '-' after the month")
	}
	day, ok := digits(s[8:10])
	if last := daysIn(y, m); !ok || day < 1 || day > last {
		return bad("the day is not 01 to " + strconv.Itoa(last))
	}
	return d + Date(day), nil
}

// ParseDay parses a whole day, YYYY-MM-DD, as Parse does; a year or a
// month alone is an error.
func ParseDay(s string) (Date, error) {
	d, err := Parse(s)
	if err == nil && d.Precision() != PrecisionDay {
		return 0, &ParseError{Text: s, Reason: "write a whole day, as YYYY-MM-DD"}
	}
	return d, err
}

// MustParse is like Parse but panics on error. It is intended for tests
// and package-level variables with hard-coded dates.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Of returns the day year-month-day, or false when there is no such day.
func Of(year, month, day int) (Date, bool) {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return 0, false
	}
	return ymd(year, month, day), true
}

func ymd(y, m, d int) Date { return Date(y*10000 + m*100 + d) }

func digits(t string) (int, bool) {
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

// IsZero reports whether d is the zero (unknown) Date.
func (d Date) IsZero() bool { return d == 0 }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year() == 0:
		return PrecisionNone
	case d.Month() == 0:
		return PrecisionYear
	case d.Day() == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// Year returns the year, or 0 for the zero Date.
func (d Date) Year() int { return int(d / 10000) }

// Month returns the month from 1 to 12, or 0 when it is not known.
func (d Date) Month() int { return int(d / 100 % 100) }

// Day returns the day of the month, or 0 when it is not known.
func (d Date) Day() int { return int(d % 100) }

// First returns the first day d stands for: d itself when it is a day,
// else the first day of its month or year. The zero Date gives the zero
// Date.
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	return ymd(d.Year(), max(d.Month(), 1), max(d.Day(), 1))
}

// Compare returns -1, 0 or +1 as d is before, the same day as or after e,
// each taken as its first day (so 2021-04 equals 2021-04-01). The zero
// Date sorts before every known date.
func (d Date) Compare(e Date) int {
	a, b := d.First(), e.First()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e (see Compare).
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e (see Compare).
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the day n days after d's first day (before it for
// negative n). The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return fromDays(d.First().days() + n)
}

// AddMonths returns the same day n months after d's first day (before it
// for negative n), clamped to the last day of the month it lands in:
// 31 January plus one month is 28 or 29 February. The zero Date stays
// zero.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	f := d.First()
	m := f.Year()*12 + f.Month() - 1 + n
	y, mon := m/12, m%12+1
	switch { // past the calendar's ends, the end
	case y < 1:
		return ymd(1, 1, 1)
	case y > 9999:
		return ymd(9999, 12, 31)
	}
	return ymd(y, mon, min(f.Day(), daysIn(y, mon)))
}

// DaysUntil is the number of days from d to e, each taken as its first
// day: negative when e is earlier.
func (d Date) DaysUntil(e Date) int { return e.First().days() - d.First().days() }

// MonthsUntil is the number of whole months from d to e: 2020-01-31 to
// 2020-02-29 is 0 months, and to 2020-03-31 is 2.
func (d Date) MonthsUntil(e Date) int {
	a, b := d.First(), e.First()
	months := (b.Year()-a.Year())*12 + b.Month() - a.Month()
	if b.Day() < a.Day() {
		months--
	}
	return months
}

// YearsUntil is the number of whole years from d to e, as an age is
// counted.
func (d Date) YearsUntil(e Date) int {
	a, b := d.First(), e.First()
	years := b.Year() - a.Year()
	if b.Month() < a.Month() || b.Month() == a.Month() && b.Day() < a.Day() {
		years--
	}
	return years
}

// String returns YYYY, YYYY-MM or YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Year(), d.Month(), d.Day()
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if m > 0 {
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
	}
	if day > 0 {
		b = append(b, '-', byte('0'+day/10), byte('0'+day%10))
	}
	return string(b)
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// quote writes s in double quotes, escaping quotes and backslashes: what
// strconv.Quote does for the text of dates, without its printability
// tables, which would weigh on the WebAssembly widgets.
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

// days counts the days from 0001-01-01 to a full date, with the civil
// calendar algorithm of Howard Hinnant (days from civil).
func (d Date) days() int {
	y, m, day := d.Year(), d.Month(), d.Day()
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306 // 0001-01-01 is day 0
}

// fromDays inverts days, clamping to the calendar's range.
func fromDays(n int) Date {
	n = min(max(n, 0), 3652058) // 0001-01-01 to 9999-12-31
	z := n + 306
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return ymd(y, m, day)
}
