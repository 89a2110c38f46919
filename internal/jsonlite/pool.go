//go:build !(js && wasm)

package jsonlite

import "sync"

// parsers keeps parsers, and so their scratch stacks, between calls: a
// server or command parsing millions of records then allocates little but
// the trees themselves.
var parsers sync.Pool

func getParser() *parser {
	if p, ok := parsers.Get().(*parser); ok {
		return p
	}
	return new(parser)
}

func putParser(p *parser) {
	p.data = nil
	parsers.Put(p)
}
