package check

import (
	"io"

	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/problem"
)

// WriteProblem writes a problem as one line of JSON, a validation-problem
// document, as `spfkit validate --format json` prints it.
func WriteProblem(w io.Writer, p *problem.Error) error {
	var jw jsonlite.Writer
	appendError(&jw, p)
	_, err := jw.WriteTo(w)
	return err
}

// WriteProblems writes problems as one JSON object, {"problems": [...]},
// each a validation-problem document: what a service answers a document
// it refuses with (spfkit demo's collection endpoint does).
func WriteProblems(w io.Writer, ps []*problem.Error) error {
	var jw jsonlite.Writer
	jw.BeginObject()
	jw.Key("problems")
	jw.BeginArray()
	for _, p := range ps {
		appendError(&jw, p)
	}
	jw.EndArray()
	jw.EndObject()
	_, err := jw.WriteTo(w)
	return err
}
