package survey

import (
	"embed"
	"slices"
	"strings"
)

//go:embed data/*.json
var builtinFiles embed.FS

// The ids of the built-in definitions.
const (
	HeatCheck2022Members     = "heatcheck-2022-members"
	HeatCheck2022PolicyLeads = "heatcheck-2022-policy-leads"
)

// BuiltinIDs lists the built-in definitions: the SPF heat check 2022
// survey of national SPF members and its survey of policy leads.
func BuiltinIDs() []string {
	entries, _ := builtinFiles.ReadDir("data")
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".json"))
	}
	slices.Sort(ids)
	return ids
}

// BuiltinJSON returns a built-in definition's document as embedded.
func BuiltinJSON(id string) ([]byte, bool) {
	if strings.ContainsAny(id, "/\\.") {
		return nil, false
	}
	b, err := builtinFiles.ReadFile("data/" + id + ".json")
	return b, err == nil
}

// Builtin returns a fresh copy of a built-in definition, which the caller
// may change.
func Builtin(id string) (*Definition, bool) {
	b, ok := BuiltinJSON(id)
	if !ok {
		return nil, false
	}
	d, err := ParseDefinition(b)
	if err != nil { // the data is checked by the package's tests
		panic("survey: built-in definition " + id + ": " + err.Error())
	}
	return d, true
}

// MustBuiltin is Builtin for ids known to exist, such as
// HeatCheck2022Members; it panics on an unknown id.
func MustBuiltin(id string) *Definition {
	d, ok := Builtin(id)
	if !ok {
		panic("survey: no built-in definition " + quote(id))
	}
	return d
}
