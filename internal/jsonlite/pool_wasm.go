//go:build js && wasm

package jsonlite

// In the browser bundle a pool is not worth the sync package's weight
// (about 7 KB of brotli): a widget parses a few documents, not millions.

func getParser() *parser { return new(parser) }

func putParser(*parser) {}
