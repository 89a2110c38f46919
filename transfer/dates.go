package transfer

import (
	"strconv"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/numfmt"
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// words writes a day as a person reads it, "3 September 2025", for the
// text of a line; facts and JSON fields keep YYYY-MM-DD.
func words(d date.Date) string {
	if d.Precision() != date.PrecisionDay {
		return d.String()
	}
	return strconv.Itoa(d.Day()) + " " + monthNames[d.Month()-1] + " " + strconv.Itoa(d.Year())
}

// pounds writes a sum of money as "£12,500".
func pounds(n int) string { return "£" + numfmt.Thousands(n) }

// weeksPay says what 13 weeks' pay for each of n employees comes to, in
// weeks: the pay itself is not in the case.
func weeksPay(n int) string {
	return numfmt.Thousands(13*n) + " weeks' pay in all"
}

// yearAfter is the same day a year on (28 February for 29 February).
func yearAfter(d date.Date) date.Date {
	if y, ok := date.Of(d.Year()+1, d.Month(), d.Day()); ok {
		return y
	}
	y, _ := date.Of(d.Year()+1, d.Month(), d.Day()-1)
	return y
}
