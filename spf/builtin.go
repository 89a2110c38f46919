package spf

// Builtin returns a fresh copy of the built-in directory: the national
// Social Partnership Forum with its partners, subgroups, charters and review
// history; the London SPF with its aims, principles, membership, co-chairs
// and subgroups; and the organisational changes of 2022–2023 (CCGs into
// ICBs, NHS Improvement, NHS Digital and HEE into NHS England). The data
// were read from the SPF's published pages; each record names its sources
// and notes where they disagree. It passes Validate and the body-directory
// schema (both are tested).
//
// The editable document is spf/data/directory.json; builtin_gen.go holds
// it as a Go value, so nothing is decoded at run time.
func Builtin() *Directory {
	d := cloneDirectory(*builtinDirectory)
	return &d
}
