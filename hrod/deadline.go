package hrod

import (
	"strconv"

	"github.com/spfkit/spfkit/date"
)

// DeadlineKind says how a deadline's year reads: "by 2023" or "from 2022".
type DeadlineKind string

// The kinds of deadline the report uses.
const (
	By   DeadlineKind = "by"   // done by the end of the year
	From DeadlineKind = "from" // starting in the year
)

// Valid reports whether k is By or From.
func (k DeadlineKind) Valid() bool { return k == By || k == From }

// MarshalText implements encoding.TextMarshaler.
func (k DeadlineKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *DeadlineKind) UnmarshalText(b []byte) error {
	v := DeadlineKind(b)
	if !v.Valid() {
		return &enumError{"deadline kind", string(b), "by, from"}
	}
	*k = v
	return nil
}

// Enum lists the wire values; the schema generator reads it.
func (DeadlineKind) Enum() []string { return []string{string(By), string(From)} }

// Deadline is the timing the report gives an item, as written: "by 2023"
// or "from 2022".
//
// The rule for the date it means: "by YYYY" is due on 31 December YYYY,
// the last day of the year named (the report counts in calendar years, and
// its near-term priorities carry their own date, 31 March 2023); "from
// YYYY" has no due date but starts on 1 January YYYY.
type Deadline struct {
	// by or from.
	Kind DeadlineKind `json:"kind"`
	// The year named.
	Year int `json:"year" jsonschema:"minimum=2021,maximum=2030"`
}

// Due is the date a "by" deadline falls due; ok is false for "from".
func (d Deadline) Due() (due date.Date, ok bool) {
	if d.Kind != By {
		return date.Date(0), false
	}
	due, _ = date.Of(d.Year, 12, 31)
	return due, true
}

// Starts is the date a "from" deadline starts; ok is false for "by".
func (d Deadline) Starts() (start date.Date, ok bool) {
	if d.Kind != From {
		return date.Date(0), false
	}
	start, _ = date.Of(d.Year, 1, 1)
	return start, true
}

// String returns the deadline as the report writes it, e.g. "by 2023".
func (d Deadline) String() string { return string(d.Kind) + " " + strconv.Itoa(d.Year) }
