// Package hrodjson reads spfkit's documents into Go values: its decoders are
// generated from the Go types by internal/jsongen.
package hrodjson
