package spf

// Role is what a member or a post does in a body.
type Role string

// The roles spfkit knows.
const (
	CoChair     Role = "co_chair"    // jointly chairs the body for one side
	Chair       Role = "chair"       // chairs alone
	Secretariat Role = "secretariat" // runs the body's business
	Member      Role = "member"      // an ordinary member
	Observer    Role = "observer"    // attends without being a member
)

// Roles lists every valid Role.
var Roles = []Role{CoChair, Chair, Secretariat, Member, Observer}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	_, err := parseEnum("role", Roles, []byte(r))
	return err == nil
}

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) (err error) {
	*r, err = parseEnum("role", Roles, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (Role) Enum() []string { return enumStrings(Roles) }
