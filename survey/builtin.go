package survey

// The ids of the built-in definitions.
const (
	HeatCheck2022Members     = "heatcheck-2022-members"
	HeatCheck2022PolicyLeads = "heatcheck-2022-policy-leads"
)

// BuiltinIDs lists the built-in definitions: the SPF heat check 2022
// survey of national SPF members and its survey of policy leads.
func BuiltinIDs() []string { return append([]string(nil), builtinIDs...) }

// BuiltinJSON returns a built-in definition's document. The documents are
// compiled in as constants (builtin_gen.go, generated from survey/data)
// rather than embedded, which keeps embed and its dependencies out of the
// WebAssembly widget.
func BuiltinJSON(id string) ([]byte, bool) {
	s, ok := builtinSource(id)
	if !ok {
		return nil, false
	}
	return []byte(s), true
}

// Builtin returns a fresh copy of a built-in definition, which the caller
// may change.
func Builtin(id string) (*Definition, bool) {
	b, ok := BuiltinJSON(id)
	if !ok {
		return nil, false
	}
	d, probs, err := DecodeDefinition(b)
	if err != nil || len(probs) > 0 { // the data is checked by the tests
		panic("survey: built-in definition " + id + " is invalid")
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
