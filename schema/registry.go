package schema

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

// Kind names a kind of document, such as "body-directory". It is the
// schema's file name without ".schema.json".
type Kind string

// The kinds this version publishes.
const (
	BodyDirectory     Kind = "body-directory"      // a directory of partnership bodies (spf.Directory)
	Membership        Kind = "membership"          // one membership record, e.g. a line of an NDJSON export (spf.Membership)
	ValidationProblem Kind = "validation-problem"  // one line of `spfkit validate --format json` (problem.Error)
	SurveyDefinition  Kind = "survey-definition"   // a survey's questions (survey.Definition)
	SurveyResponse    Kind = "survey-response"     // one respondent's answers, e.g. a line of an NDJSON export (survey.Response)
	SurveyReport      Kind = "survey-report"       // the output of `spfkit score --format json` (score.Report)
	SurveyComparison  Kind = "survey-comparison"   // the output of `spfkit compare --format json` (score.Comparison)
	HRODFramework     Kind = "hrod-framework"      // the Future of NHS HR and OD framework (hrod.Framework)
	ActionPlan        Kind = "action-plan"         // an organisation's plan against the framework (hrod.Plan)
	PlanStatus        Kind = "plan-status"         // the output of `spfkit plan status --format json` (hrod.StatusReport)
	TransferCase      Kind = "transfer-case"       // an employee's transfer between employers (transfer.Case)
	TransferAssess    Kind = "transfer-assessment" // the output of `spfkit transfer --format json` (transfer.Assessment)
	ReleaseLedger     Kind = "release-ledger"      // the record of released survey reports (release.Ledger)
	ServiceSurvey     Kind = "service-survey"      // a survey the service runs, with its status (service.Status)
)

// BaseURL is the prefix of every schema's $id.
const BaseURL = "https://spfkit.github.io/schema/v1/"

// Info describes a registered kind.
type Info struct {
	Kind        Kind   `json:"kind"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// GoType names the Go type the schema is generated from.
	GoType string `json:"go_type"`
}

var registry = []Info{
	{BodyDirectory, "Body directory", "Partnership bodies with their partners, posts, memberships, meetings, decisions, organisational changes, charters, review cycles, the recommendations of reviews and a register of documents.", "spf.Directory"},
	{Membership, "Membership", "One membership of a person or organisation in a body, as a record of an NDJSON export.", "spf.Membership"},
	{ValidationProblem, "Validation problem", "One problem reported by spfkit validate --format json.", "problem.Error"},
	{SurveyDefinition, "Survey definition", "A survey: its id, version and questions (likert, single choice with an optional Other, multiple choice, free text) with their rules.", "survey.Definition"},
	{SurveyResponse, "Survey response", "One respondent's answers to a survey, keyed by question id, with the specify text of any Other option.", "survey.Response"},
	{SurveyReport, "Survey report", "A survey's published results: statistics per question, overall and per breakdown group, with small groups suppressed.", "score.Report"},
	{SurveyComparison, "Survey comparison", "Two waves of a survey compared per likert statement: top-2 share by the Newcombe interval, means by Welch's t test.", "score.Comparison"},
	{HRODFramework, "HR and OD framework", "The Future of NHS HR and OD framework: themes with 2030 visions, the 35 actions and their items with deadlines, priorities to March 2023, key actions, next steps, theory of change, adoption curve and engagement methods.", "hrod.Framework"},
	{ActionPlan, "Action plan", "An organisation's or system's plan against the HR and OD framework: items with owner, status, due date and evidence.", "hrod.Plan"},
	{PlanStatus, "Plan status", "Progress of one or more action plans on a day, per theme and overall, with overdue and due-soon entries and readiness segments.", "hrod.StatusReport"},
	{TransferCase, "Transfer case", "An employee's move between employers: the employee's terms, contract, pension and service, and the transfer's employers, date, mechanism and what has been done so far.", "transfer.Case"},
	{ReleaseLedger, "Release ledger", "The confidential record of every survey report a forum has released: each shown cell with the fingerprints of the respondents it counted, so that a new release can be refused when, with the earlier ones, it would single out fewer than the minimum group.", "release.Ledger"},
	{ServiceSurvey, "Service survey", "A survey the spfkit service runs, as its administrator sees it: the definition asked, the window, the minimum group, the questions that may break results down, invitations; and its state, the responses and invitations counted and the releases made.", "service.Status"},
	{TransferAssess, "Transfer assessment", "What a transfer means for an employee and the employers: regime and route, protections, duties with deadline dates, warnings and open questions, each citing its rule and source.", "transfer.Assessment"},
}

//go:embed *.schema.json
var files embed.FS

// Kinds lists every registered kind in registration order.
func Kinds() []Info { return slices.Clone(registry) }

// Lookup returns the registration of a kind.
func Lookup(k Kind) (Info, bool) {
	for _, i := range registry {
		if i.Kind == k {
			return i, true
		}
	}
	return Info{}, false
}

// Valid reports whether k is a registered kind.
func (k Kind) Valid() bool {
	_, ok := Lookup(k)
	return ok
}

// URL returns the $id of the kind's schema.
func (k Kind) URL() string { return BaseURL + string(k) + ".schema.json" }

// FileName returns the kind's schema file name.
func (k Kind) FileName() string { return string(k) + ".schema.json" }

// KindOfURL returns the kind whose schema has the given $id; it accepts the
// URL with or without a trailing "#".
func KindOfURL(url string) (Kind, bool) {
	url = strings.TrimSuffix(url, "#")
	rest, ok := strings.CutPrefix(url, BaseURL)
	if !ok {
		return "", false
	}
	k := Kind(strings.TrimSuffix(rest, ".schema.json"))
	if !strings.HasSuffix(rest, ".schema.json") || !k.Valid() {
		return "", false
	}
	return k, true
}

// Source returns the published schema document of a kind.
func Source(k Kind) ([]byte, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("schema: unknown kind %q (run `spfkit schema list`)", k)
	}
	return files.ReadFile(k.FileName())
}
