package schema_test

import (
	"testing"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
)

// TestBuiltinDataValidates checks the data each package embeds against its
// own published schema.
func TestBuiltinDataValidates(t *testing.T) {
	docs := map[string]struct {
		kind schema.Kind
		data []byte
	}{
		"hrod framework": {schema.HRODFramework, hrod.FrameworkJSON()},
	}
	for _, id := range survey.BuiltinIDs() {
		b, _ := survey.BuiltinJSON(id)
		docs["survey "+id] = struct {
			kind schema.Kind
			data []byte
		}{schema.SurveyDefinition, b}
	}
	for name, d := range docs {
		if err := (schema.Validator{MaxErrors: -1}).ValidateJSON(d.kind, d.data); err != nil {
			t.Errorf("%s is not a valid %s:\n%v", name, d.kind, err)
		}
	}
}
