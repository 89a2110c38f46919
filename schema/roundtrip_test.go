package schema_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// emptyReport is the report of a survey nobody has answered.
func emptyReport(t *testing.T) *score.Report {
	tally, err := score.NewTally(survey.MustBuiltin(survey.HeatCheck2022Members), score.TallyOptions{By: "org_type"})
	require.NoError(t, err)
	rep, err := tally.Report(score.ReportOptions{})
	require.NoError(t, err)
	return rep
}

// TestRoundTrip marshals Go values and validates the JSON, which catches
// fields that marshal as null or as a zero the schema forbids.
func TestRoundTrip(t *testing.T) {
	minimal := &spf.Directory{Organizations: []spf.Organization{{ID: "f", Name: "F", Classification: spf.SystemForum}}}
	tests := []struct {
		name  string
		kind  schema.Kind
		value any
	}{
		{"built-in directory", schema.BodyDirectory, spf.Builtin()},
		{"built-in directory on 2023-06-01", schema.BodyDirectory, spf.Builtin().On(date.MustParse("2023-06-01"))},
		{"minimal directory", schema.BodyDirectory, minimal},
		{"membership", schema.Membership, spf.Membership{ID: "m", OrganizationID: "f", PersonID: "p"}},
		{"problem", schema.ValidationProblem, problem.Error{File: "-", Code: "syntax", Message: "m"}},
		{"built-in framework", schema.HRODFramework, hrod.Builtin()},
		{"new local plan", schema.ActionPlan, hrod.Builtin().NewPlan("T", hrod.Local)},
		{"empty plan", schema.ActionPlan, &hrod.Plan{Organization: "T", Level: hrod.National, Entries: []hrod.Entry{}}},
		{"status of no plans", schema.PlanStatus, hrod.Builtin().StatusReport(nil, hrod.ProgressOptions{On: date.MustParse("2023-01-01")})},
		{"status of a priorities plan", schema.PlanStatus, hrod.Builtin().StatusReport([]*hrod.Plan{hrod.Builtin().NewPriorityPlan("T")}, hrod.ProgressOptions{On: date.MustParse("2023-03-20")})},
		{"built-in survey", schema.SurveyDefinition, survey.MustBuiltin(survey.HeatCheck2022Members)},
		{"empty survey report", schema.SurveyReport, emptyReport(t)},
	}
	for _, zero := range []any{spf.Directory{}, spf.ChangeEvent{}, spf.Charter{}, spf.Organization{}, spf.Membership{}, spf.ReviewCycle{}, spf.Decision{}, spf.Meeting{}} {
		data, err := json.Marshal(zero)
		require.NoError(t, err)
		require.NotContains(t, string(data), "null", "%T marshals a null", zero)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.value)
			require.NoError(t, err)
			if err := (schema.Validator{}).ValidateJSON(tt.kind, data); err != nil {
				t.Errorf("marshalled %s does not validate:\n%v", tt.name, err)
			}
		})
	}
}

func TestBuiltinDocumentAsPublished(t *testing.T) {
	data, err := os.ReadFile("../spf/data/directory.json")
	require.NoError(t, err)
	doc, err := schema.Decode(data)
	require.NoError(t, err)
	k, ok := schema.KindOf(doc)
	require.True(t, ok, "the built-in directory names its schema")
	require.Equal(t, schema.BodyDirectory, k)
	if err := schema.Validate(k, doc); err != nil {
		t.Errorf("spf/data/directory.json does not validate:\n%v", err)
	}
}
