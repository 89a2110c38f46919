// Package transferjson reads spfkit's documents into Go values: its decoders are
// generated from the Go types by internal/jsongen.
package transferjson
