package spf

// Side is the party someone sits for in a partnership: the employer side
// (management) or the staff side (trade unions). National bodies such as
// DHSC and NHS England are partners that sit on neither side; their Side
// is the zero value "".
type Side string

// The two sides of a partnership.
const (
	EmployerSide Side = "employer"
	StaffSide    Side = "staff"
)

// Sides lists every valid Side.
var Sides = []Side{EmployerSide, StaffSide}

// Valid reports whether s is one of Sides.
func (s Side) Valid() bool { return s == EmployerSide || s == StaffSide }

// MarshalText implements encoding.TextMarshaler.
func (s Side) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Side) UnmarshalText(b []byte) (err error) {
	*s, err = parseEnum("side", Sides, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (Side) Enum() []string { return enumStrings(Sides) }
