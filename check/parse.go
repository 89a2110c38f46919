package check

import (
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/transfer"
)

// parse checks data as a document of kind and returns its value, or
// every problem in one error.
func parse[T any](c *Checker, kind schema.Kind, data []byte) (*T, error) {
	k := *c
	k.Kind = kind
	r := k.Check(data)
	if !r.Valid() {
		return nil, r.Err()
	}
	return r.Value.(*T), nil
}

// ParseDirectory reads a body-directory document: its schema, then the
// partnership rules (spf.Directory.Validate). The error holds every
// problem, located.
func ParseDirectory(data []byte) (*spf.Directory, error) {
	return parse[spf.Directory](&Checker{}, schema.BodyDirectory, data)
}

// ParseMembership reads one membership record, as a line of an NDJSON
// export holds it, and checks it (spf.Membership.Validate).
func ParseMembership(data []byte) (*spf.Membership, error) {
	return parse[spf.Membership](&Checker{}, schema.Membership, data)
}

// ParseDefinition reads a survey-definition document and checks its
// integrity (survey.Definition.Check).
func ParseDefinition(data []byte) (*survey.Definition, error) {
	return parse[survey.Definition](&Checker{}, schema.SurveyDefinition, data)
}

// ParseResponse reads one survey response and validates it against def,
// or, when def is nil, against the built-in survey it names (a response
// to another survey gets its schema alone).
func ParseResponse(data []byte, def *survey.Definition) (*survey.Response, error) {
	return parse[survey.Response](&Checker{Survey: def}, schema.SurveyResponse, data)
}

// ParseFramework reads an hrod-framework document and checks its
// integrity (hrod.Framework.Check).
func ParseFramework(data []byte) (*hrod.Framework, error) {
	return parse[hrod.Framework](&Checker{}, schema.HRODFramework, data)
}

// ParsePlan reads an action-plan document and checks it against the
// built-in framework (hrod.Framework.CheckPlan).
func ParsePlan(data []byte) (*hrod.Plan, error) {
	return parse[hrod.Plan](&Checker{}, schema.ActionPlan, data)
}

// ParseCase reads a transfer-case document and refuses a case the rules
// cannot answer (transfer.Case.Validate).
func ParseCase(data []byte) (*transfer.Case, error) {
	return parse[transfer.Case](&Checker{}, schema.TransferCase, data)
}
