package spf

import (
	_ "embed"
	"fmt"
)

//go:embed data/directory.json
var builtinJSON []byte

// BuiltinJSON returns the embedded directory document as published.
func BuiltinJSON() []byte { return append([]byte(nil), builtinJSON...) }

// Builtin returns a fresh copy of the built-in directory: the national
// Social Partnership Forum with its partners, subgroups, charters and review
// history; the London SPF with its aims, principles, membership, co-chairs
// and subgroups; and the organisational changes of 2022–2023 (CCGs into
// ICBs, NHS Improvement, NHS Digital and HEE into NHS England). The data
// were read from the SPF's published pages; each record names its sources
// and notes where they disagree. It passes Validate and the body-directory
// schema (both are tested).
func Builtin() *Directory {
	d, err := ParseDirectory(builtinJSON)
	if err != nil {
		panic(fmt.Sprintf("spf: the built-in directory does not decode: %v", err))
	}
	return d
}
