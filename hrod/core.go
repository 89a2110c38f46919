package hrod

import (
	"github.com/spfkit/spfkit/date"
	"time"

	"github.com/spfkit/spfkit/internal/hrodcore"
)

// The framework, plan and progress types live in internal/hrodcore, which
// the WebAssembly checklist compiles without this package's writers and
// clock. They are the same types; their documentation is there.
type (
	// Framework is the Future of NHS HR and OD framework.
	Framework = hrodcore.Framework
	// Theme is one of the framework's eight themes.
	Theme = hrodcore.Theme
	// Action is one of the 35 numbered actions.
	Action = hrodcore.Action
	// Item is one bullet of an action.
	Item = hrodcore.Item
	// ItemID names an item, e.g. "12.4".
	ItemID = hrodcore.ItemID
	// Level is national or local.
	Level = hrodcore.Level
	// Deadline is "by" or "from" and a year.
	Deadline = hrodcore.Deadline
	// DeadlineKind is by or from.
	DeadlineKind = hrodcore.DeadlineKind
	// Priority is a priority to March 2023.
	Priority = hrodcore.Priority
	// KeyAction is a key action at one level.
	KeyAction = hrodcore.KeyAction
	// NextStep lists what one audience is asked to do next.
	NextStep = hrodcore.NextStep
	// Principle is a principle of the theory of change.
	Principle = hrodcore.Principle
	// Segment is a segment of the adoption curve.
	Segment = hrodcore.Segment
	// EngagementMethod is one way the programme engages.
	EngagementMethod = hrodcore.EngagementMethod
	// Source names a document the data comes from.
	Source = hrodcore.Source
	// Plan is an organisation's plan against the framework.
	Plan = hrodcore.Plan
	// Entry is one item in a plan.
	Entry = hrodcore.Entry
	// Link points to evidence.
	Link = hrodcore.Link
	// Status is where an entry stands, in the task-list set.
	Status = hrodcore.Status
	// ProgressOptions configure Progress.
	ProgressOptions = hrodcore.ProgressOptions
	// Progress is where one plan stands on a day.
	Progress = hrodcore.Progress
	// Counts tallies entries by status.
	Counts = hrodcore.Counts
	// ThemeProgress is a plan's progress in one theme.
	ThemeProgress = hrodcore.ThemeProgress
	// DueEntry is an overdue or due-soon entry.
	DueEntry = hrodcore.DueEntry
	// Readiness places a plan on the adoption curve.
	Readiness = hrodcore.Readiness
	// StatusReport is the plan-status document.
	StatusReport = hrodcore.StatusReport
	// DecodeError says where a document failed to decode.
	DecodeError = hrodcore.DecodeError
)

// The levels, deadline kinds and statuses.
const (
	National       = hrodcore.National
	Local          = hrodcore.Local
	By             = hrodcore.By
	From           = hrodcore.From
	NotYetStarted  = hrodcore.NotYetStarted
	InProgress     = hrodcore.InProgress
	Completed      = hrodcore.Completed
	CannotStartYet = hrodcore.CannotStartYet
	HasProblem     = hrodcore.HasProblem
)

// Statuses lists every Status in task-list order.
var Statuses = hrodcore.Statuses

// The codes CheckPlan uses.
const (
	CodeMissingValue    = hrodcore.CodeMissingValue
	CodeInvalidValue    = hrodcore.CodeInvalidValue
	CodeUnknownItem     = hrodcore.CodeUnknownItem
	CodeLevelMismatch   = hrodcore.CodeLevelMismatch
	CodeDuplicateItem   = hrodcore.CodeDuplicateItem
	CodeMissingEvidence = hrodcore.CodeMissingEvidence
)

// The $id of the schemas, and the default due-soon window.
const (
	FrameworkSchemaURL = hrodcore.FrameworkSchemaURL
	PlanSchemaURL      = hrodcore.PlanSchemaURL
	StatusSchemaURL    = hrodcore.StatusSchemaURL
	DefaultDueSoonDays = hrodcore.DefaultDueSoonDays
)

func init() {
	// Progress measured on the zero Date means today, by the clock.
	hrodcore.Today = func() date.Date {
		y, m, d := time.Now().Date()
		day, _ := date.Of(y, int(m), d)
		return day
	}
}

// Builtin returns a fresh copy of the built-in framework.
func Builtin() *Framework { return hrodcore.Builtin() }

// FrameworkJSON returns the built-in framework document.
func FrameworkJSON() []byte { return hrodcore.FrameworkJSON() }

// ParseFramework decodes and checks an hrod-framework document.
func ParseFramework(data []byte) (*Framework, error) { return hrodcore.ParseFramework(data) }

// ParsePlan decodes an action-plan document strictly.
func ParsePlan(data []byte) (*Plan, error) { return hrodcore.ParsePlan(data) }

// EncodePlan writes a plan as an indented action-plan document.
func EncodePlan(p *Plan) []byte { return hrodcore.EncodePlan(p) }

// ReadinessSegments ranks plans by completed percentage and places each on
// the adoption curve.
func ReadinessSegments(progress []Progress) []Readiness { return hrodcore.ReadinessSegments(progress) }
