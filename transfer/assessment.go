package transfer

import "github.com/spfkit/spfkit/date"

// Regime is the legal basis a transfer runs on.
type Regime string

// The regimes.
const (
	RegimeTUPE            Regime = "tupe"             // a TUPE relevant transfer
	RegimeStatutoryScheme Regime = "statutory_scheme" // a transfer scheme or order, on TUPE-equivalent terms
	RegimeCOSOP           Regime = "cosop"            // COSOP: TUPE's principles followed between public bodies
	RegimeNone            Regime = "none"             // no transfer: a voluntary move to a new job
)

// Regimes lists every Regime.
var Regimes = []Regime{RegimeTUPE, RegimeStatutoryScheme, RegimeCOSOP, RegimeNone}

// Valid reports whether r is one of Regimes.
func (r Regime) Valid() bool { return validEnum(Regimes, r) }

// Enum lists the wire values; the schema generator reads it.
func (Regime) Enum() []string { return enumStrings(Regimes) }

// MarshalText implements encoding.TextMarshaler.
func (r Regime) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside Regimes.
func (r *Regime) UnmarshalText(b []byte) error { return unmarshalEnum(r, "regime", Regimes, b) }

// Route is the SPF staff transfer guide's route for a move out of the NHS
// or within it.
type Route string

// The routes.
const (
	Red    Route = "red"    // NHS to NHS
	Green  Route = "green"  // NHS to local authority
	Blue   Route = "blue"   // NHS to independent provider
	Orange Route = "orange" // NHS to GP practice or primary medical care provider
)

// Routes lists every Route.
var Routes = []Route{Red, Green, Blue, Orange}

// Valid reports whether r is one of Routes.
func (r Route) Valid() bool { return validEnum(Routes, r) }

// Enum lists the wire values; the schema generator reads it.
func (Route) Enum() []string { return enumStrings(Routes) }

// MarshalText implements encoding.TextMarshaler.
func (r Route) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside Routes.
func (r *Route) UnmarshalText(b []byte) error { return unmarshalEnum(r, "route", Routes, b) }

// LineKind says what a line of an assessment is.
type LineKind string

// The kinds of line.
const (
	KindRegime       LineKind = "regime"        // the legal basis of the move
	KindProtection   LineKind = "protection"    // something the employee keeps or is owed
	KindDuty         LineKind = "duty"          // something an employer must do, often by a date
	KindWarning      LineKind = "warning"       // a fact of the case that breaks a rule
	KindOpenQuestion LineKind = "open_question" // a point the sources disagree on or leave open
)

// LineKinds lists every LineKind.
var LineKinds = []LineKind{KindRegime, KindProtection, KindDuty, KindWarning, KindOpenQuestion}

// Valid reports whether k is one of LineKinds.
func (k LineKind) Valid() bool { return validEnum(LineKinds, k) }

// Enum lists the wire values; the schema generator reads it.
func (LineKind) Enum() []string { return enumStrings(LineKinds) }

// MarshalText implements encoding.TextMarshaler.
func (k LineKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside LineKinds.
func (k *LineKind) UnmarshalText(b []byte) error { return unmarshalEnum(k, "line kind", LineKinds, b) }

// Topic says what a line of an assessment concerns; the staff member's
// Markdown has a section for each.
type Topic string

// The topics, in the order the Markdown shows them.
const (
	TopicTransfer Topic = "transfer"
	TopicPay      Topic = "pay"
	TopicPension  Topic = "pension"
	TopicTerms    Topic = "terms"
	TopicService  Topic = "service"
	TopicDuties   Topic = "employer_duties"
)

// Topics lists every Topic.
var Topics = []Topic{TopicTransfer, TopicPay, TopicPension, TopicTerms, TopicService, TopicDuties}

// Valid reports whether t is one of Topics.
func (t Topic) Valid() bool { return validEnum(Topics, t) }

// Enum lists the wire values; the schema generator reads it.
func (Topic) Enum() []string { return enumStrings(Topics) }

// MarshalText implements encoding.TextMarshaler.
func (t Topic) MarshalText() ([]byte, error) { return []byte(t), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside Topics.
func (t *Topic) UnmarshalText(b []byte) error { return unmarshalEnum(t, "topic", Topics, b) }

// DutyStatus says whether a duty whose performance the case records was
// met in time, or, on a case assessed as at a day, whether its deadline
// passed with nothing recorded.
type DutyStatus string

// The statuses of a duty.
const (
	Met     DutyStatus = "met"
	Late    DutyStatus = "late"
	Overdue DutyStatus = "overdue" // the deadline passed before the case's as_at day, and the case does not say it was done
	Missed  DutyStatus = "missed"  // the case says it was never done
)

// DutyStatuses lists every DutyStatus.
var DutyStatuses = []DutyStatus{Met, Late, Overdue, Missed}

// Valid reports whether s is one of DutyStatuses.
func (s DutyStatus) Valid() bool { return validEnum(DutyStatuses, s) }

// Enum lists the wire values; the schema generator reads it.
func (DutyStatus) Enum() []string { return enumStrings(DutyStatuses) }

// MarshalText implements encoding.TextMarshaler.
func (s DutyStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside DutyStatuses.
func (s *DutyStatus) UnmarshalText(b []byte) error {
	return unmarshalEnum(s, "duty status", DutyStatuses, b)
}

// Assessment is what a transfer means for the employee and the employers,
// line by line, each line citing its rule and source and naming the facts
// that triggered it.
type Assessment struct {
	// The URL of the transfer-assessment schema.
	Schema string `json:"$schema,omitempty"`
	// The case's id.
	CaseID string `json:"case_id,omitempty"`
	// The legal basis: tupe, statutory_scheme, cosop or none.
	Regime Regime `json:"regime"`
	// The SPF staff transfer guide route (red, green, blue or orange), or empty for a move into the NHS or between non-NHS employers.
	Route Route `json:"route,omitempty"`
	// The transfer date: the law is applied as it stood on it.
	Date date.Date `json:"date,omitzero" jsonschema:"format=date"`
	// The lines of the assessment, in topic order.
	Lines []Line `json:"lines"`
}

// Line is one conclusion of an assessment.
type Line struct {
	// regime, protection, duty, warning or open_question.
	Kind LineKind `json:"kind"`
	// What it concerns: transfer, pay, pension, terms, service or employer_duties.
	Topic Topic `json:"topic"`
	// The rule applied, e.g. "T11".
	Rule string `json:"rule" jsonschema:"pattern=^[TCPAESQ][0-9]+$"`
	// The rule's source.
	Source string `json:"source"`
	// The conclusion, in plain words.
	Text string `json:"text"`
	// The facts of the case that triggered the rule.
	Facts []string `json:"facts"`
	// For a duty: the last day it can be met on; for a window: the last day of it.
	Deadline date.Date `json:"deadline,omitzero" jsonschema:"format=date"`
	// For a duty whose performance the case records: met or late.
	Status DutyStatus `json:"status,omitempty"`
}
