package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/invopop/jsonschema"
	orderedmap "github.com/pb33f/ordered-map/v2"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/spf"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
	"github.com/spfkit/spfkit/transfer"
)

var update = flag.Bool("update", false, "rewrite the committed *.schema.json files from the Go types")

// generators maps each kind to the Go value its schema is reflected from
// and the source folders whose doc comments become descriptions.
var generators = map[schema.Kind]struct {
	value any
	dirs  []string
}{
	schema.BodyDirectory:     {&spf.Directory{}, []string{"../spf"}},
	schema.Membership:        {&spf.Membership{}, []string{"../spf"}},
	schema.ValidationProblem: {&problem.Error{}, []string{"../problem"}},
	schema.SurveyDefinition:  {&survey.Definition{}, []string{"../survey"}},
	schema.SurveyResponse:    {&survey.Response{}, []string{"../survey"}},
	schema.SurveyReport:      {&score.Report{}, []string{"../survey"}},
	schema.SurveyComparison:  {&score.Comparison{}, []string{"../survey"}},
	schema.HRODFramework:     {&hrod.Framework{}, []string{"../hrod"}},
	schema.ActionPlan:        {&hrod.Plan{}, []string{"../hrod"}},
	schema.PlanStatus:        {&hrod.StatusReport{}, []string{"../hrod"}},
	schema.TransferCase:      {&transfer.Case{}, []string{"../transfer"}},
	schema.TransferAssess:    {&transfer.Assessment{}, []string{"../transfer"}},
	schema.ReleaseLedger:     {&release.Ledger{}, []string{"../survey"}},
	schema.ServiceSurvey:     {&service.Status{}, []string{"../service"}},
}

// generation reflects the schema of one kind.
type generation struct {
	r *jsonschema.Reflector
	// defs are the definitions mapType has referred to, added to the
	// schema after reflection.
	defs map[string]*jsonschema.Schema
}

// comment is a type's doc comment as AddGoComments read it: its first
// sentence, which becomes the description of the type's definition,
// unless the type was published with other wording.
func (g *generation) comment(t reflect.Type) string {
	return g.r.CommentMap[t.PkgPath()+"."+t.Name()]
}

// The v1 schemas are published: their text changes only with a new
// version. These definitions were published with descriptions written
// for the schema (by the types' JSONSchema methods, which left spf with
// invopop), and the schemas of the validation problem and the survey
// results name the Go types they were first generated from, before the
// types moved to package problem and survey/score.
var (
	publishedDescriptions = map[reflect.Type]string{
		reflect.TypeFor[spf.ChangeKind]():     "The kind of organisational change.",
		reflect.TypeFor[spf.CharterKind]():    "What a charter lists.",
		reflect.TypeFor[spf.Classification](): "The one kind an organisation is.",
		reflect.TypeFor[date.Date]():          "A possibly partial calendar date: YYYY, YYYY-MM or YYYY-MM-DD.",
		reflect.TypeFor[spf.Frequency]():      "How often a body has agreed to meet.",
		reflect.TypeFor[spf.MeetingStatus]():  "Where a meeting stands.",
		reflect.TypeFor[spf.Outcome]():        "How a body reached a decision.",
		reflect.TypeFor[spf.ReviewKind]():     "The kind of review a forum makes of itself.",
		reflect.TypeFor[spf.ReviewStatus]():   "What became of the review due in a year.",
		reflect.TypeFor[spf.Role]():           "What a member or a post does in a body.",
		reflect.TypeFor[spf.Side]():           "The party in a partnership: employer (management) or staff (trade unions).",
		reflect.TypeFor[problem.Error]():      "Problem is one problem in a checked file, as `spfkit validate --format json` prints it: one JSON object per line.",
	}
	publishedGoTypes = map[schema.Kind]string{
		schema.ValidationProblem: "schema.Problem",
		schema.SurveyReport:      "survey.Report",
		schema.SurveyComparison:  "survey.Comparison",
	}
)

// mapType gives the schemas of types whose JSON is not their Go shape.
// The domain packages keep invopop out of their imports (no reflection
// at run time, and the widget compiles survey and hrod), so an
// enumeration says its values with an Enum method, which the schema
// inlines; spf's enumerations are published as definitions of their own,
// described by their doc comments.
func (g *generation) mapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[survey.Answer]():
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
			{Type: "number", Description: "a likert point"},
			{Type: "string", Description: "a single choice's option value, free text, or dont_know"},
			{Type: "array", Items: &jsonschema.Schema{Type: "string"}, Description: "a multiple choice's option values"},
			{Type: "null", Description: "no answer"},
		}}
	case reflect.TypeFor[survey.QuestionID]():
		return &jsonschema.Schema{Type: "string", Pattern: "^[a-z][a-z0-9_]{0,63}$"}
	case reflect.TypeFor[date.Date]():
		// A reference to the partial date's definition; fields tagged
		// format=date become whole days in placeDates.
		return &jsonschema.Schema{Type: "string", Ref: dateRef}
	case reflect.TypeFor[json.RawMessage]():
		return &jsonschema.Schema{Type: "object", Description: "a survey-definition document"}
	case reflect.TypeFor[hrod.ItemID]():
		return &jsonschema.Schema{Type: "string", Pattern: `^[0-3][0-9]\.[1-9][0-9]*$`}
	}
	if e, ok := reflect.Zero(t).Interface().(interface{ Enum() []string }); ok {
		s := &jsonschema.Schema{Type: "string"}
		for _, v := range e.Enum() {
			s.Enum = append(s.Enum, v)
		}
		if t.PkgPath() != reflect.TypeFor[spf.Directory]().PkgPath() {
			return s
		}
		s.Description = g.comment(t)
		g.defs[t.Name()] = s
		return &jsonschema.Schema{Ref: "#/$defs/" + t.Name()}
	}
	return nil
}

// defName names a type's definition: its Go name, except that the
// validation-problem document calls its one definition Problem, as it did
// before the type moved to package problem.
func defName(t reflect.Type) string {
	if t == reflect.TypeFor[problem.Error]() {
		return "Problem"
	}
	return t.Name()
}

// dateRef is the reference to the partial date's definition.
const dateRef = "#/$defs/Date"

// placeDates settles each date property: one whose field is tagged
// format=date is a whole day, written inline as {type: string, format:
// date}; any other refers to the Date definition (a possibly partial
// date), which is added when something refers to it.
func (g *generation) placeDates(s *jsonschema.Schema) {
	used := false
	var walk func(*jsonschema.Schema)
	walk = func(n *jsonschema.Schema) {
		if n == nil {
			return
		}
		if n.Ref == dateRef {
			if n.Format == "date" {
				n.Ref = ""
			} else {
				n.Type = ""
				used = true
			}
		}
		if n.Properties != nil {
			for p := n.Properties.Oldest(); p != nil; p = p.Next() {
				walk(p.Value)
			}
		}
		walk(n.Items)
		walk(n.AdditionalProperties)
		for _, l := range [][]*jsonschema.Schema{n.OneOf, n.AnyOf, n.AllOf} {
			for _, c := range l {
				walk(c)
			}
		}
		for _, d := range n.Definitions {
			walk(d)
		}
	}
	walk(s)
	if used {
		g.defs["Date"] = &jsonschema.Schema{Type: "string", Pattern: date.Pattern, Description: g.comment(reflect.TypeFor[date.Date]())}
	}
}

// fixups adjust a reflected schema where Go types cannot say enough.
var fixups = map[schema.Kind]func(s *jsonschema.Schema){
	// A suppressed question result carries no statistics at all; one that
	// is shown carries every statistic, null where it does not apply.
	// A suppressed result (of a question or a theme) carries no statistics
	// at all; one that is shown carries every statistic, null where it
	// does not apply. A question asked on a condition says so either way.
	schema.SurveyReport: func(s *jsonschema.Schema) {
		split := func(def string, keep []string, most uint64) {
			qr := s.Definitions[def]
			stats := qr.Required
			qr.Required = keep
			qr.If = &jsonschema.Schema{Properties: props("suppressed", &jsonschema.Schema{Const: true, Description: "A suppressed result."})}
			// Each branch names the properties it requires, as ajv's strict
			// mode asks; their schemas are in the parent's properties.
			qr.Then = &jsonschema.Schema{Properties: props("reason", jsonschema.TrueSchema), Required: []string{"reason"}, MaxProperties: &most}
			qr.Else = &jsonschema.Schema{Properties: orderedmap.New[string, *jsonschema.Schema]()}
			for _, r := range stats {
				if !slices.Contains(keep, r) {
					qr.Else.Required = append(qr.Else.Required, r)
					qr.Else.Properties.Set(r, jsonschema.TrueSchema)
				}
			}
		}
		split("QuestionResult", []string{"id", "type", "suppressed"}, 5)
		split("ThemeResult", []string{"id", "title", "statements", "suppressed"}, 5)
	},
}

func props(name string, s *jsonschema.Schema) *orderedmap.OrderedMap[string, *jsonschema.Schema] {
	m := orderedmap.New[string, *jsonschema.Schema]()
	m.Set(name, s)
	return m
}

// liftNullableDescriptions moves the description of a property that the
// "nullable" tag wrapped in oneOf up to the property, where readers (and
// TestEveryFieldDescribed) look for it.
func liftNullableDescriptions(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			v := p.Value
			if v.Description == "" && len(v.OneOf) == 2 && v.OneOf[1].Type == "null" {
				v.Description, v.OneOf[0].Description = v.OneOf[0].Description, ""
			}
			liftNullableDescriptions(v)
		}
	}
	for _, d := range s.Definitions {
		liftNullableDescriptions(d)
	}
	liftNullableDescriptions(s.Items)
}

// render reflects a kind's schema exactly as it is published.
func render(t *testing.T, k schema.Kind) []byte {
	t.Helper()
	g, ok := generators[k]
	require.True(t, ok, "kind %s has no generator in generate_test.go", k)
	gen := &generation{r: &jsonschema.Reflector{Namer: defName}, defs: map[string]*jsonschema.Schema{}}
	gen.r.Mapper = gen.mapType
	for _, dir := range append(g.dirs, "../date") {
		// AddGoComments keys comments by base joined with the walked
		// path, so the base is this package's import path.
		require.NoError(t, gen.r.AddGoComments("github.com/spfkit/spfkit/schema", dir))
	}
	for t, d := range publishedDescriptions {
		gen.r.CommentMap[t.PkgPath()+"."+t.Name()] = d
	}
	s := gen.r.Reflect(g.value)
	gen.placeDates(s)
	for name, d := range gen.defs {
		s.Definitions[name] = d
	}
	liftNullableDescriptions(s)
	if fix, ok := fixups[k]; ok {
		fix(s)
	}
	s.ID = jsonschema.ID(k.URL())
	info, _ := schema.Lookup(k)
	s.Title = info.Title
	s.Description = info.Description
	goType := info.GoType
	if p, ok := publishedGoTypes[k]; ok {
		goType = p
	}
	s.Comments = "Generated from " + goType + " by invopop/jsonschema v0.14.0; do not edit. Run go generate ./schema."
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(s))
	return buf.Bytes()
}

func TestSchemasUpToDate(t *testing.T) {
	for _, info := range schema.Kinds() {
		t.Run(string(info.Kind), func(t *testing.T) {
			want := render(t, info.Kind)
			if *update {
				require.NoError(t, os.WriteFile(info.Kind.FileName(), want, 0o644))
				return
			}
			got, err := schema.Source(info.Kind)
			require.NoError(t, err)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s is out of date with the Go types; run `go generate ./schema` (-generated +committed):\n%s", info.Kind.FileName(), diff)
			}
		})
	}
}

// TestEveryFieldDescribed fails when an exported field or a type has no
// doc comment, since comments become the schemas' descriptions.
func TestEveryFieldDescribed(t *testing.T) {
	for _, info := range schema.Kinds() {
		var doc map[string]any
		require.NoError(t, json.Unmarshal(render(t, info.Kind), &doc))
		walkDescriptions(t, string(info.Kind), doc)
	}
}

func walkDescriptions(t *testing.T, at string, node any) {
	switch n := node.(type) {
	case map[string]any:
		if props, ok := n["properties"].(map[string]any); ok {
			for name, p := range props {
				pm, _ := p.(map[string]any)
				if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" && pm["$ref"] == nil {
					t.Errorf("%s: property %q has no description; add a doc comment to its Go field", at, name)
				}
			}
		}
		for key, v := range n {
			if key == "if" || key == "then" || key == "else" {
				continue // conditions name properties described where they are defined
			}
			walkDescriptions(t, at+"/"+key, v)
		}
	case []any:
		for _, v := range n {
			walkDescriptions(t, at, v)
		}
	}
}

// TestGeneratorsCoverRegistry keeps the registry and the generators in step.
func TestGeneratorsCoverRegistry(t *testing.T) {
	var kinds []string
	for _, info := range schema.Kinds() {
		kinds = append(kinds, string(info.Kind))
		if _, ok := generators[info.Kind]; !ok {
			t.Errorf("registered kind %s has no generator", info.Kind)
		}
	}
	if len(generators) != len(kinds) {
		t.Errorf("generators has %d kinds, the registry %d", len(generators), len(kinds))
	}
}
