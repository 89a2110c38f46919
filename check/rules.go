package check

import (
	"sync"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/hrodjson"
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/internal/spfjson"
	"github.com/spfkit/spfkit/internal/surveyjson"
	"github.com/spfkit/spfkit/internal/transferjson"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/transfer"
)

// kindRules are what a kind adds to its schema: its decoder and the rules
// a schema cannot express.
type kindRules struct {
	decode func(jsonlite.Value) (any, []*problem.Error)
	// into decodes into the value decoded before (when it is of the same
	// type), reusing its maps.
	into  func(s *scratch, v jsonlite.Value) (any, []*problem.Error)
	check func(c *Checker, value any) []*problem.Error
	// lenient rules also run when the schema has found faults, on what
	// could be read.
	lenient bool
	// sufficient, when set, reports whether a value read without
	// problems passes rules that imply the schema's verdict, so the
	// schema need not run (TestFastAndSlowAgree and FuzzFastAndSlowAgree
	// hold the two ways to the same results).
	sufficient func(c *Checker, value any) bool
}

func decoder[T any](decode func(jsonlite.Value) (*T, []*problem.Error)) func(jsonlite.Value) (any, []*problem.Error) {
	return func(v jsonlite.Value) (any, []*problem.Error) { return decode(v) }
}

func reuser[T any](decode func(*jsonlite.Decoder, jsonlite.Value, *T) []*problem.Error) func(*scratch, jsonlite.Value) (any, []*problem.Error) {
	return func(s *scratch, v jsonlite.Value) (any, []*problem.Error) {
		x, ok := s.value.(*T)
		if !ok {
			x = new(T)
			s.value = x
		}
		return x, decode(&s.d, v, x)
	}
}

// scratch is what a goroutine checking a stream of records keeps from one
// record to the next: the value decoded last, whose maps are reused, and
// a decoder that keeps the map keys it has met.
type scratch struct {
	value any
	d     jsonlite.Decoder
	kind  schema.Kind // the kind looked up last, and its rules
	rules *kindRules
}

func newScratch() *scratch {
	s := new(scratch)
	s.d.KeepNames()
	return s
}

var rules = map[schema.Kind]kindRules{
	schema.BodyDirectory: {
		decode: decoder(spfjson.DecodeDirectory),
		into:   reuser(spfjson.DecodeDirectoryInto),
		check:  func(_ *Checker, x any) []*problem.Error { return problem.All(x.(*spf.Directory).Validate()) },
	},
	schema.Membership: {
		decode: decoder(spfjson.DecodeMembership),
		into:   reuser(spfjson.DecodeMembershipInto),
		check:  func(_ *Checker, x any) []*problem.Error { return problem.All(x.(*spf.Membership).Validate()) },
	},
	schema.SurveyDefinition: {
		decode: decoder(surveyjson.DecodeDefinition),
		into:   reuser(surveyjson.DecodeDefinitionInto),
		check:  func(_ *Checker, x any) []*problem.Error { return x.(*survey.Definition).Check() },
	},
	// A response is judged against its survey when the checker knows it;
	// otherwise the schema is all that applies.
	schema.SurveyResponse: {
		decode: decoder(surveyjson.DecodeResponse),
		into:   reuser(surveyjson.DecodeResponseInto),
		check: func(c *Checker, x any) []*problem.Error {
			r := x.(*survey.Response)
			if def := c.answers(r); def != nil {
				return survey.Validator{}.Check(def, r)
			}
			return nil
		},
		lenient: true,
		// The decoder refuses every shape the schema does (a member not
		// in it, a missing survey or answers, a string that is not one),
		// and the validator every answer that is not a number, a string,
		// a list of strings or null, and an empty survey id; so a
		// response they both accept, the schema accepts too.
		sufficient: func(c *Checker, x any) bool {
			r := x.(*survey.Response)
			def := c.answers(r)
			return def != nil && len(survey.Validator{}.Check(def, r)) == 0
		},
	},
	schema.HRODFramework: {
		decode: decoder(hrodjson.DecodeFramework),
		into:   reuser(hrodjson.DecodeFrameworkInto),
		check:  func(_ *Checker, x any) []*problem.Error { return x.(*hrod.Framework).Check() },
	},
	// A plan is checked against the framework: unknown items, items of the
	// other level, items listed twice, completed entries without evidence.
	schema.ActionPlan: {
		decode:  decoder(hrodjson.DecodePlan),
		into:    reuser(hrodjson.DecodePlanInto),
		check:   func(c *Checker, x any) []*problem.Error { return c.framework().CheckPlan(x.(*hrod.Plan)) },
		lenient: true,
	},
	// A transfer case must be one the rules can answer: no employer on
	// both sides, no body after its abolition, no transfer before the
	// employee started.
	schema.TransferCase: {
		decode: decoder(transferjson.DecodeCase),
		into:   reuser(transferjson.DecodeCaseInto),
		check:  func(_ *Checker, x any) []*problem.Error { return problem.All(x.(*transfer.Case).Validate()) },
	},
}

// answers returns the survey a response is judged against, if the
// checker knows one: Survey, or the one the response names.
func (c *Checker) answers(r *survey.Response) *survey.Definition {
	if c.Survey != nil {
		return c.Survey
	}
	id := r.Survey
	for _, d := range c.Definitions {
		if d.ID == id {
			return d
		}
	}
	if d, ok := builtinDefinitions()[id]; ok {
		return d
	}
	return nil
}

// builtinDefinitions are the built-in surveys, shared: the checker only
// reads them.
var builtinDefinitions = sync.OnceValue(func() map[string]*survey.Definition {
	out := map[string]*survey.Definition{}
	for _, id := range survey.BuiltinIDs() {
		out[id], _ = survey.SharedBuiltin(id)
	}
	return out
})

// builtinFramework is the built-in framework, shared: the checker only
// reads it.
var builtinFramework = hrod.SharedBuiltin

func (c *Checker) framework() *hrod.Framework {
	if c.Framework != nil {
		return c.Framework
	}
	return builtinFramework()
}
