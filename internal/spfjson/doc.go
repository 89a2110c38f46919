// Package spfjson reads spfkit's documents into Go values: its decoders are
// generated from the Go types by internal/jsongen.
package spfjson
