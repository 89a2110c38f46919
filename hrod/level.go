package hrod

// Level says who carries an action out: the national team and national
// bodies (national), or organisations and integrated care systems (local).
type Level string

// The levels.
const (
	National Level = "national" // the national team, national organisations, national and regional teams
	Local    Level = "local"    // organisation and ICS boards and chief people officers
)

// Valid reports whether l is National or Local.
func (l Level) Valid() bool { return l == National || l == Local }

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) { return []byte(l), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown levels.
func (l *Level) UnmarshalText(b []byte) error {
	v := Level(b)
	if !v.Valid() {
		return &enumError{"level", string(b), "national, local"}
	}
	*l = v
	return nil
}

// Enum lists the wire values; the schema generator reads it.
func (Level) Enum() []string { return []string{string(National), string(Local)} }

type enumError struct{ name, value, values string }

func (e *enumError) Error() string {
	return "hrod: unknown " + e.name + " \"" + e.value + "\" (use one of " + e.values + ")"
}
