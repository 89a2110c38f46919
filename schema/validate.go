package schema

import (
	"errors"
	"fmt"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/multi"
	"github.com/spfkit/spfkit/internal/schemaengine"
	"github.com/spfkit/spfkit/problem"
)

// DefaultMaxErrors is the number of errors a Validator keeps when
// MaxErrors is zero.
const DefaultMaxErrors = 100

// CodeTooMany is the code of the last error when more were found than
// MaxErrors allows; its message says how many were left out.
const CodeTooMany = "too_many_errors"

// Validator checks documents against the embedded schemas. The zero value
// is ready to use and safe for concurrent use.
//
// It applies the schema alone. To apply a kind's own rules as well (the
// partnership rules of a directory, a plan's items against the
// framework), as spfkit validate does, use package check.
type Validator struct {
	// MaxErrors caps the errors returned for one document; 0 means
	// DefaultMaxErrors and a negative value means no cap.
	MaxErrors int
}

// The published schemas, compiled once and shared with package check.
func init() { schemaengine.Publish(sources) }

func sources() []schemaengine.Source {
	var out []schemaengine.Source
	for _, info := range registry {
		text, err := files.ReadFile(info.Kind.FileName())
		if err != nil {
			panic(fmt.Sprintf("schema: %s is not embedded: %v", info.Kind, err)) // a build without the files
		}
		out = append(out, schemaengine.Source{Kind: string(info.Kind), URL: info.Kind.URL(), Text: text})
	}
	return out
}

var engine = schemaengine.Published

// Validate checks a document already decoded into Go values: any value
// made of map[string]any, []any, json.Number, float64, string, bool and
// nil. It returns nil when the document is valid, a *multierror.Error of
// *problem.Error sorted by pointer when it is not, and a plain error when
// the kind is unknown. The problems have pointers but no lines; prefer
// ValidateJSON, which locates them.
func (v Validator) Validate(k Kind, doc any) error {
	set, err := engine()
	if err != nil {
		return err
	}
	if !set.Has(string(k)) {
		return fmt.Errorf("schema: unknown kind %q (run `spfkit schema list`)", k)
	}
	errs, err := set.Validate(string(k), doc)
	if err != nil {
		return err
	}
	return v.result(errs)
}

// ValidateJSON validates one JSON document against the schema of kind k.
// The document is read as every spfkit reader reads one: text that is not
// JSON, is empty, is not UTF-8, starts with a byte order mark, nests too
// deeply or gives a key twice is refused, located. Every problem comes
// back as a *problem.Error with its line, column and JSON Pointer, in a
// *multierror.Error.
func (v Validator) ValidateJSON(k Kind, data []byte) error {
	_, err := v.CheckJSON(k, data)
	return err
}

// ErrNoKind is CheckJSON's error for a document that names no kind.
var ErrNoKind = errors.New(`schema: the document does not say what kind it is; name the kind, or add a "$schema" property with the kind's URL`)

// CheckJSON is ValidateJSON for a document whose kind may be unknown: when
// k is "", the document's "$schema" property names it (ErrNoKind when it
// names none). It returns the kind it checked against.
func (v Validator) CheckJSON(k Kind, data []byte) (Kind, error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return k, v.result(problem.All(err))
	}
	set, err := engine()
	if err != nil {
		return k, err
	}
	if k == "" {
		named, ok := set.KindOf(doc.Root())
		if !ok {
			return "", ErrNoKind
		}
		k = Kind(named)
	}
	if !set.Has(string(k)) {
		return k, fmt.Errorf("schema: unknown kind %q (run `spfkit schema list`)", k)
	}
	errs, err := set.Check(string(k), doc)
	if err != nil {
		return k, err
	}
	return k, v.result(errs)
}

// result caps and sorts problems into the validator's error.
func (v Validator) result(errs []*problem.Error) error {
	if len(errs) == 0 {
		return nil
	}
	problem.Sort(errs)
	limit := v.MaxErrors
	if limit == 0 {
		limit = DefaultMaxErrors
	}
	if limit > 0 && len(errs) > limit {
		more := problem.New("", CodeTooMany, MoreNotShown(len(errs)-limit))
		more.Hint = "fix these first, or raise the limit"
		errs = append(errs[:limit:limit], more)
	}
	return multi.Ordered(errs)
}

// MoreNotShown is the message of a problem that stands for n more.
func MoreNotShown(n int) string {
	if n == 1 {
		return "1 more problem not shown"
	}
	return fmt.Sprintf("%d more problems not shown", n)
}

// Validate checks a decoded document with the zero Validator.
func Validate(k Kind, doc any) error { return Validator{}.Validate(k, doc) }

// Decode reads one JSON document as every spfkit reader reads one (see
// ValidateJSON) into Go values for Validate: maps, slices, strings,
// booleans, nil and json.Number, which keeps numbers exact. A document
// that cannot be read gives its problems, located, in a
// *multierror.Error.
func Decode(data []byte) (any, error) {
	doc, err := jsonlite.Parse(data, jsonlite.Options{})
	if err != nil {
		return nil, multi.Join(problem.All(err))
	}
	return schemaengine.ToAny(doc.Root()), nil
}

// KindOf returns the kind a decoded document names in its "$schema"
// property.
func KindOf(doc any) (Kind, bool) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return "", false
	}
	url, ok := obj["$schema"].(string)
	if !ok {
		return "", false
	}
	return KindOfURL(url)
}
