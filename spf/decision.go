package spf

import (
	"github.com/spfkit/spfkit/date"
)

// Outcome is how a body reached a decision.
type Outcome string

// The outcomes of a decision. Partners strive for consensus; where none is
// reached but a recommendation must still be made, the divergence of views
// is noted (the SPF members' handbook). Where the source says a decision
// was made but not how it was reached, the outcome is not recorded, rather
// than assumed.
const (
	Consensus   Outcome = "consensus"
	NoConsensus Outcome = "no_consensus"
	NotRecorded Outcome = "not_recorded" // the source does not say how the decision was reached
)

// Outcomes lists every valid Outcome.
var Outcomes = []Outcome{Consensus, NoConsensus, NotRecorded}

// Valid reports whether o is one of Outcomes.
func (o Outcome) Valid() bool { return o == Consensus || o == NoConsensus || o == NotRecorded }

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) (err error) {
	*o, err = parseEnum("outcome", Outcomes, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (Outcome) Enum() []string { return enumStrings(Outcomes) }

// View is one party's position on a decision that was not reached by
// consensus.
type View struct {
	// The side that holds the view, if it is a side's view.
	Side Side `json:"side,omitempty"`
	// The partner organisation that holds the view, if it is one partner's view.
	OrganizationID OrgID `json:"organization_id,omitempty"`
	// The view, in a sentence or two.
	Summary string `json:"summary" jsonschema:"minLength=1"`
}

// Decision is something a body or its co-chairs decided.
type Decision struct {
	// The decision's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The body that decided.
	OrganizationID OrgID `json:"organization_id"`
	// The meeting at which it was decided, if any.
	MeetingID string `json:"meeting_id,omitempty"`
	// The date of the decision.
	Date date.Date `json:"date"`
	// Who decided, when not the whole body, e.g. "the co-chairs".
	DecidedBy string `json:"decided_by,omitempty"`
	// What was decided.
	Summary string `json:"summary" jsonschema:"minLength=1"`
	// Whether the decision was reached by consensus: consensus, no_consensus, or not_recorded when the source does not say.
	Outcome Outcome `json:"outcome"`
	// The divergent views, required when there was no consensus.
	DivergentViews []View `json:"divergent_views,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}
