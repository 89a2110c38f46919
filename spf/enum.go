package spf

import (
	"fmt"
	"slices"
	"strings"
)

// enumStrings lists an enumeration's values as strings.
func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// parseEnum checks text against the closed set of values of an
// enumeration called name.
func parseEnum[T ~string](name string, values []T, text []byte) (T, error) {
	v := T(text)
	if slices.Contains(values, v) {
		return v, nil
	}
	names := make([]string, len(values))
	for i, x := range values {
		names[i] = string(x)
	}
	return "", fmt.Errorf("spf: unknown %s %q (use one of %s)", name, text, strings.Join(names, ", "))
}
