// Package treehook lets spfkit's packages share a document parsed once by
// internal/jsonlite, without putting jsonlite's types into their public
// APIs. Each hook is set by its package's init; a nil hook means the
// package is not linked in, and callers then take their ordinary path.
//
// The command-line checker is the user: for each record of a large NDJSON
// file it parses once, asks schema whether the tree is certainly valid,
// and hands the same tree to the kind's decoder.
package treehook

import "github.com/spfkit/spfkit/internal/jsonlite"

var (
	// SchemaValid reports whether tree is certainly a valid document of
	// the schema kind named; false means "ask the schema engine" (set by
	// package schema).
	SchemaValid func(kind string, tree *jsonlite.Value) bool

	// Membership decodes one membership record from its tree, as
	// spf.ParseMembership does from its bytes (set by package spf; the
	// result is an spf.Membership).
	Membership func(data []byte, tree *jsonlite.Value) (any, error)
)
