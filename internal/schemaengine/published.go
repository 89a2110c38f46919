package schemaengine

import (
	"errors"
	"strings"
	"sync"

	"github.com/spfkit/spfkit/internal/jsonlite"
)

// publishedSources gives spfkit's published schemas; package schema sets
// it when it is initialised (Publish), as it holds the files.
var publishedSources func() []Source

var published = sync.OnceValues(func() (*Set, error) {
	if publishedSources == nil {
		return nil, errors.New("schema: the published schemas are not registered (import package schema)")
	}
	return Compile(publishedSources())
})

// Publish registers the source of spfkit's published schemas. Package
// schema calls it once, from init; whoever uses Published imports schema,
// so the schemas are there before they are asked for.
func Publish(sources func() []Source) { publishedSources = sources }

// Published returns the published schemas, compiled on first use, once
// for the whole process: package schema's Validator and package check
// share them.
func Published() (*Set, error) { return published() }

// KindOf returns the kind whose schema a document names in its "$schema"
// member: the schema's $id, with or without a trailing "#".
func (s *Set) KindOf(root jsonlite.Value) (string, bool) {
	v, ok := root.Get("$schema")
	if !ok || v.Kind() != jsonlite.String {
		return "", false
	}
	k, ok := s.byURL[strings.TrimSuffix(v.Str(), "#")]
	return k, ok
}
