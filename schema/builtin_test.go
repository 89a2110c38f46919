package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
)

// TestBuiltinDataValidates checks the data each package compiles in, as
// it encodes, against its own published schema.
func TestBuiltinDataValidates(t *testing.T) {
	docs := map[string]struct {
		kind  schema.Kind
		value any
	}{
		"hrod framework":    {schema.HRODFramework, hrod.Builtin()},
		"the SPF directory": {schema.BodyDirectory, spf.Builtin()},
	}
	for _, id := range survey.BuiltinIDs() {
		docs["survey "+id] = struct {
			kind  schema.Kind
			value any
		}{schema.SurveyDefinition, survey.MustBuiltin(id)}
	}
	for name, d := range docs {
		data, err := json.Marshal(d.value)
		if err != nil {
			t.Fatal(err)
		}
		if err := (schema.Validator{MaxErrors: -1}).ValidateJSON(d.kind, data); err != nil {
			t.Errorf("%s is not a valid %s:\n%v", name, d.kind, err)
		}
	}
}
