package transfer

import (
	"slices"
	"strconv"
	"strings"
)

// The closed enumerations of this package (Terms, Mechanism, Regime and
// the others) are named strings with the same methods: Valid reports
// whether a value is one of the set, Enum lists the wire values for the
// schemas, and UnmarshalText refuses a value outside the set, so a
// misspelt value in a case is an error rather than a silently different
// assessment.

// validEnum reports whether v is one of values.
func validEnum[T ~string](values []T, v T) bool { return slices.Contains(values, v) }

// enumStrings lists values as strings.
func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// unmarshalEnum sets *dst from text, refusing anything outside values.
func unmarshalEnum[T ~string](dst *T, name string, values []T, text []byte) error {
	v := T(text)
	if !validEnum(values, v) {
		return &EnumError{Name: name, Value: string(text), Values: enumStrings(values)}
	}
	*dst = v
	return nil
}

// EnumError is a value outside one of the package's closed enumerations.
type EnumError struct {
	// Name names the enumeration, e.g. "pension status".
	Name string
	// Value is the value given.
	Value string
	// Values lists the values allowed.
	Values []string
}

func (e *EnumError) Error() string {
	return "transfer: unknown " + e.Name + " " + strconv.Quote(e.Value) + " (use one of " + strings.Join(e.Values, ", ") + ")"
}
