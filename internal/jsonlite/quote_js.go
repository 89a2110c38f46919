//go:build js

package jsonlite

// appendPlainQuoted leaves appendQuoted to its one careful loop in the
// widgets (see quote_fast.go).
func appendPlainQuoted(b []byte, _ string, _ bool) ([]byte, bool) { return b, false }
