package spf

// Frequency is how often a body has agreed to meet.
type Frequency string

// The meeting frequencies spfkit knows.
const (
	Monthly    Frequency = "monthly"
	Bimonthly  Frequency = "bimonthly" // every two months
	Quarterly  Frequency = "quarterly"
	TwiceYear  Frequency = "twice_yearly"
	Annually   Frequency = "annually"
	AsRequired Frequency = "as_required"
)

// Frequencies lists every valid Frequency.
var Frequencies = []Frequency{Monthly, Bimonthly, Quarterly, TwiceYear, Annually, AsRequired}

// Valid reports whether f is one of Frequencies.
func (f Frequency) Valid() bool {
	_, err := parseEnum("meeting frequency", Frequencies, []byte(f))
	return err == nil
}

// Months returns the longest gap in months the rule allows between two
// meetings, or 0 when the body meets as required.
func (f Frequency) Months() int {
	switch f {
	case Monthly:
		return 1
	case Bimonthly:
		return 2
	case Quarterly:
		return 3
	case TwiceYear:
		return 6
	case Annually:
		return 12
	}
	return 0
}

// MarshalText implements encoding.TextMarshaler.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Frequency) UnmarshalText(b []byte) (err error) {
	*f, err = parseEnum("meeting frequency", Frequencies, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (Frequency) Enum() []string { return enumStrings(Frequencies) }
