package service

import (
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// Survey is a survey the service collects answers for, as an
// administrator opens it (POST /admin/surveys).
type Survey struct {
	// The survey's id in the service's addresses: lower-case letters, digits and hyphens, e.g. "heatcheck-2026".
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$,maxLength=63"`
	// The built-in definition asked, e.g. "heatcheck-2022-members"; leave it out to give a definition.
	Builtin string `json:"builtin,omitempty"`
	// The definition asked, a survey-definition document; the service stores it whole, built in or not.
	Definition json.RawMessage `json:"definition,omitempty"`
	// When submissions open (RFC 3339).
	Opens time.Time `json:"opens"`
	// When submissions close (RFC 3339); the results are released then.
	Closes time.Time `json:"closes"`
	// The minimum group size k: no published count is from 1 to k−1 (default 10).
	MinGroup int `json:"min_group,omitempty" jsonschema:"minimum=5"`
	// The questions that may break the results down, each a choice question that is not personal data.
	By []survey.QuestionID `json:"by,omitempty"`
	// The number of people invited, for the response rate, when invitations are off.
	Invited int `json:"invited,omitempty" jsonschema:"minimum=0"`
	// Whether each response needs a one-time invitation token (POST /admin/surveys/{id}/invitations makes them).
	Invitations bool `json:"invitations,omitempty"`
	// Whether a submission that answers no question is counted.
	AllowBlank bool `json:"allow_blank,omitempty"`
	// What happened to the release at close, which the service sets: "released", or why the release ledger refused it.
	AtClose string `json:"at_close,omitempty"`
}

var surveyID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// prepare checks an administrator's survey and resolves its definition,
// so what is stored holds the definition whole; every problem is located
// by JSON Pointer.
func (s *Survey) prepare() (*survey.Definition, []*problem.Error) {
	var probs []*problem.Error
	add := func(ptr, code, msg, hint string) {
		p := problem.New(ptr, code, msg)
		p.Hint = hint
		probs = append(probs, p)
	}
	if !surveyID.MatchString(s.ID) {
		add("/id", "pattern", "the id must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit", `for example "heatcheck-2026"`)
	}
	var def *survey.Definition
	switch {
	case s.Builtin != "" && len(s.Definition) > 0:
		add("/definition", "one_of", "give a built-in survey or a definition, not both", "")
	case s.Builtin != "":
		d, ok := survey.Builtin(s.Builtin)
		if !ok {
			add("/builtin", "enum", fmt.Sprintf("%s is not a built-in survey", problem.Quote(s.Builtin)), fmt.Sprintf("the built-in surveys are %v", survey.BuiltinIDs()))
			break
		}
		def = d
		s.Definition, _ = d.MarshalJSON()
	case len(s.Definition) > 0:
		r := (&check.Checker{Kind: schema.SurveyDefinition}).Check(s.Definition)
		for _, p := range r.Problems {
			p.Pointer = "/definition" + p.Pointer
			probs = append(probs, p)
		}
		if r.Valid() {
			def = r.Value.(*survey.Definition)
		}
	default:
		add("/builtin", "required", "name a built-in survey (builtin) or give a definition (definition)", "")
	}
	if s.Closes.IsZero() {
		add("/closes", "required", "give the time submissions close (RFC 3339)", "")
	} else if !s.Closes.After(s.Opens) {
		add("/closes", "order", "the survey must close after it opens", "")
	}
	if s.MinGroup == 0 {
		s.MinGroup = score.DefaultMinGroup
	}
	if s.MinGroup < score.MinAllowedGroup {
		add("/min_group", "minimum", fmt.Sprintf("the minimum group size must be at least %d", score.MinAllowedGroup), "")
	}
	if s.Invited < 0 {
		add("/invited", "minimum", "the number invited cannot be negative", "")
	}
	if s.Invitations && s.Invited > 0 {
		add("/invited", "invitations", "with invitations on, the number invited is the number of invitations issued; leave invited out", "")
	}
	if def != nil {
		for i, id := range s.By {
			q := def.Question(id)
			ptr := fmt.Sprintf("/by/%d", i)
			switch {
			case q == nil:
				add(ptr, "unknown_question", fmt.Sprintf("the survey has no question %s", problem.Quote(string(id))), "")
			case !q.Type.IsChoice():
				add(ptr, "not_choice", fmt.Sprintf("question %s is not a choice question, so it cannot break results down", problem.Quote(string(id))), "")
			case q.PersonalData:
				add(ptr, "personal_data", fmt.Sprintf("the answers to %s are personal data, which is never published, so it cannot break results down", problem.Quote(string(id))), "")
			}
		}
	}
	problem.Sort(probs)
	return def, probs
}

// state is where a survey is in its life at a moment.
func (s *Survey) state(now time.Time) string {
	switch {
	case now.Before(s.Opens):
		return "not_open"
	case !now.Before(s.Closes):
		return "closed"
	}
	return "open"
}

// when writes a moment for a message: "on 2 December 2026 at 17:00 UTC".
func when(t time.Time) string {
	return t.UTC().Format("on 2 January 2006 at 15:04 UTC")
}
