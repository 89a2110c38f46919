package spf

import (
	"fmt"

	"github.com/spfkit/spfkit/date"
)

// ReviewKind is the kind of review a forum makes of itself.
type ReviewKind string

// The kinds of review in the national SPF's cycle.
const (
	InternalStocktake ReviewKind = "internal_stocktake" // a stocktake the forum carries out itself
	ExternalStocktake ReviewKind = "external_stocktake" // a stocktake by an independent organisation
	HeatCheck         ReviewKind = "heat_check"         // the lighter internal review in the years between
)

// ReviewKinds lists every valid ReviewKind.
var ReviewKinds = []ReviewKind{InternalStocktake, ExternalStocktake, HeatCheck}

// Valid reports whether k is one of ReviewKinds.
func (k ReviewKind) Valid() bool {
	_, err := parseEnum("review kind", ReviewKinds, []byte(k))
	return err == nil
}

// IsStocktake reports whether k is an internal or external stocktake.
func (k ReviewKind) IsStocktake() bool { return k == InternalStocktake || k == ExternalStocktake }

// MarshalText implements encoding.TextMarshaler.
func (k ReviewKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ReviewKind) UnmarshalText(b []byte) (err error) {
	*k, err = parseEnum("review kind", ReviewKinds, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (ReviewKind) Enum() []string { return enumStrings(ReviewKinds) }

// ReviewStatus is what became of the review due in a year.
type ReviewStatus string

// The states of a review.
const (
	ReviewCompleted ReviewStatus = "completed" // carried out
	ReviewNotDone   ReviewStatus = "not_done"  // skipped by decision, possibly replaced by another review
	ReviewPlanned   ReviewStatus = "planned"   // agreed but not yet carried out
)

// ReviewStatuses lists every valid ReviewStatus.
var ReviewStatuses = []ReviewStatus{ReviewCompleted, ReviewNotDone, ReviewPlanned}

// Valid reports whether s is one of ReviewStatuses.
func (s ReviewStatus) Valid() bool {
	_, err := parseEnum("review status", ReviewStatuses, []byte(s))
	return err == nil
}

// MarshalText implements encoding.TextMarshaler.
func (s ReviewStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *ReviewStatus) UnmarshalText(b []byte) (err error) {
	*s, err = parseEnum("review status", ReviewStatuses, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (ReviewStatus) Enum() []string { return enumStrings(ReviewStatuses) }

// Review is one entry in a forum's review history: the review due in a
// year, and what became of it.
type Review struct {
	// The review's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The year of the cycle this review belongs to.
	Year int `json:"year" jsonschema:"minimum=1000,maximum=9999"`
	// The kind of review.
	Kind ReviewKind `json:"kind"`
	// Whether it was carried out, not done or is planned.
	Status ReviewStatus `json:"status"`
	// The independent organisation that carried out an external stocktake.
	ConductedByID OrgID `json:"conducted_by_id,omitempty"`
	// When the review was carried out.
	Date date.Date `json:"date,omitzero"`
	// The first day of the period the review covers.
	CoversStart date.Date `json:"covers_start,omitzero"`
	// The day after the period the review covers ends.
	CoversEnd date.Date `json:"covers_end,omitzero"`
	// When the review's report was published.
	PublishedDate date.Date `json:"published_date,omitzero"`
	// The review that took the place of one not done.
	ReplacedByID string `json:"replaced_by_id,omitempty"`
	// The decision that skipped, replaced or moved the review.
	DecisionID string `json:"decision_id,omitempty"`
	// The surveys the review drew on, with who answered them.
	Surveys []ReviewSurvey `json:"surveys,omitempty"`
	// Remarks on the record.
	Notes []string `json:"notes,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}

// ReviewSurvey is a survey a review drew on: who was asked, when, and
// how many answered, by group, as the review reports them.
type ReviewSurvey struct {
	// The survey as the review names it, e.g. "Members' survey".
	Name string `json:"name" jsonschema:"minLength=1"`
	// The survey's definition, when spfkit has it built in (spfkit survey list).
	SurveyID string `json:"survey_id,omitempty"`
	// The bodies whose members were asked.
	AudienceIDs []OrgID `json:"audience_ids,omitempty"`
	// The day it was sent.
	Sent date.Date `json:"sent,omitzero"`
	// The day answers were asked for by.
	Deadline date.Date `json:"deadline,omitzero"`
	// The later day the deadline was moved to, if it was.
	ExtendedTo date.Date `json:"extended_to,omitzero"`
	// How many were asked, when the review says.
	Invited int `json:"invited,omitempty" jsonschema:"minimum=0"`
	// How many answered.
	Respondents int `json:"respondents" jsonschema:"minimum=0"`
	// Who answered, by group, when the review says; the counts add up to respondents.
	ByGroup []GroupCount `json:"by_group,omitempty"`
}

// GroupCount is how many respondents came from one group.
type GroupCount struct {
	// The group as the review names it.
	Group string `json:"group" jsonschema:"minLength=1"`
	// The group's organisation in this directory, where it has one.
	OrganizationID OrgID `json:"organization_id,omitempty"`
	// How many respondents it gave.
	Count int `json:"count" jsonschema:"minimum=1"`
}

// ReviewCycle is a forum's rule for reviewing itself and its history. The
// national SPF's rule: a stocktake every IntervalYears (two) years,
// alternating internal and external, with a heat check in the years between.
type ReviewCycle struct {
	// The forum that reviews itself.
	OrganizationID OrgID `json:"organization_id"`
	// The number of years from one stocktake to the next.
	IntervalYears int `json:"interval_years" jsonschema:"minimum=1,maximum=10"`
	// The history, one entry per year of the cycle, oldest first.
	Reviews []Review `json:"reviews,omitempty"`
}

// DueReview is the review a cycle expects next.
type DueReview struct {
	// The year of the cycle the review belongs to.
	Year int `json:"year"`
	// The kind of review due.
	Kind ReviewKind `json:"kind"`
	// Whether the year has already passed on the date asked about.
	Overdue bool `json:"overdue"`
	// The review recorded as planned for that year, if any.
	Planned *Review `json:"planned,omitempty"`
	// Why this review is due, in one sentence.
	Basis string `json:"basis"`
}

// ErrNoStocktake is returned by Due when the history has no completed
// stocktake to count the cycle from.
var ErrNoStocktake = fmt.Errorf("spf: the review history has no completed stocktake to count from")

// Due works out the review expected after the recorded history, as of the
// date on. The cycle is counted from the most recent completed stocktake:
// every IntervalYears after it a stocktake is due, of the other kind
// (internal after external and the other way round), and a heat check in
// each year between. A year whose review is recorded as completed or not
// done is settled, so a skipped or replaced review is not asked for again;
// the first unsettled year after the last settled one is due. Overdue is
// true when that year ended before on.
func (c ReviewCycle) Due(on date.Date) (DueReview, error) {
	anchor, lastSettled, interval := c.anchor()
	if anchor == nil {
		return DueReview{}, ErrNoStocktake
	}
	y := lastSettled + 1
	due := DueReview{Year: y, Kind: slotKind(anchor, interval, y)}
	for i := range c.Reviews {
		if r := &c.Reviews[i]; r.Status == ReviewPlanned && r.Year == y {
			p := *r
			due.Planned = &p
		}
	}
	due.Overdue = !on.IsZero() && y < on.Year()
	if due.Kind == HeatCheck {
		due.Basis = fmt.Sprintf("%d falls between stocktakes (the last completed: %s in %d), so a heat check is due", y, anchor.Kind, anchor.Year)
	} else {
		due.Basis = fmt.Sprintf("a stocktake is due every %d years, alternating internal and external; the last completed was %s in %d", interval, anchor.Kind, anchor.Year)
	}
	return due, nil
}

// anchor finds the most recent completed stocktake and the last settled
// year of the history.
func (c ReviewCycle) anchor() (anchor *Review, lastSettled, interval int) {
	interval = c.IntervalYears
	if interval < 1 {
		interval = 2
	}
	for i := range c.Reviews {
		r := &c.Reviews[i]
		if r.Status == ReviewPlanned {
			continue
		}
		lastSettled = max(lastSettled, r.Year)
		if r.Status == ReviewCompleted && r.Kind.IsStocktake() && (anchor == nil || r.Year > anchor.Year) {
			anchor = r
		}
	}
	return anchor, lastSettled, interval
}

// slotKind is the review the cycle expects in year y, counted from anchor.
func slotKind(anchor *Review, interval, y int) ReviewKind {
	gap := y - anchor.Year
	if gap%interval != 0 {
		return HeatCheck
	}
	if (gap/interval)%2 == 0 {
		return anchor.Kind
	}
	if anchor.Kind == InternalStocktake {
		return ExternalStocktake
	}
	return InternalStocktake
}

// Schedule lists the kind of review the cycle expects in each year from
// the first unsettled year to the year to (inclusive), assuming every
// review from then on is carried out as expected. It is empty when to is
// before the first unsettled year.
func (c ReviewCycle) Schedule(to int) ([]DueReview, error) {
	first, err := c.Due(date.Date(0))
	if err != nil || to < first.Year {
		return nil, err
	}
	anchor, _, interval := c.anchor()
	out := []DueReview{first}
	for y := first.Year + 1; y <= to; y++ {
		out = append(out, DueReview{Year: y, Kind: slotKind(anchor, interval, y), Basis: "expected if every earlier review is carried out as due"})
	}
	return out, nil
}
