package spf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"
)

// enumSchema describes a closed enumeration on the wire.
func enumSchema[T ~string](description string, values []T) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string", Description: description}
	for _, v := range values {
		s.Enum = append(s.Enum, string(v))
	}
	return s
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
