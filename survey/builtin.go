package survey

import "github.com/spfkit/spfkit/problem"

// The ids of the built-in definitions.
const (
	HeatCheck2022Members     = "heatcheck-2022-members"
	HeatCheck2022PolicyLeads = "heatcheck-2022-policy-leads"
)

// BuiltinIDs lists the built-in definitions: the SPF heat check 2022
// survey of national SPF members and its survey of policy leads.
func BuiltinIDs() []string {
	ids := make([]string, len(builtins))
	for i, d := range builtins {
		ids[i] = d.ID
	}
	return ids
}

// Builtin returns a fresh copy of a built-in definition, which the caller
// may change. The editable documents are survey/data/*.json;
// builtin_gen.go holds them as Go values, so nothing is decoded at run
// time (and the widget needs no decoder or embed for them).
func Builtin(id string) (*Definition, bool) {
	d, ok := SharedBuiltin(id)
	if !ok {
		return nil, false
	}
	c := cloneDefinition(*d)
	return &c, true
}

// SharedBuiltin returns a built-in definition itself, shared by every
// caller, without copying it: for code that only reads it. The survey
// widget uses it, as the copying code would cost its bundle 1.7 KB with
// brotli. Changing what it returns changes it for everyone; call Builtin
// for a copy to change.
func SharedBuiltin(id string) (*Definition, bool) {
	for _, d := range builtins {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}

// BuiltinHash is the content hash (Definition.Hash) of a built-in
// definition, computed when spfkit was built, or "" for an unknown id.
// The widget identifies a built-in form by it without the encoder and
// SHA-256 that computing it would add to its bundle.
func BuiltinHash(id string) string {
	for i, d := range builtins {
		if d.ID == id {
			return builtinHashes[i]
		}
	}
	return ""
}

// MustBuiltin is Builtin for ids known to exist, such as
// HeatCheck2022Members; it panics on an unknown id.
func MustBuiltin(id string) *Definition {
	d, ok := Builtin(id)
	if !ok {
		panic("survey: no built-in definition " + problem.Quote(id))
	}
	return d
}
