package spf

import "github.com/spfkit/spfkit/date"

// Membership says that a person or an organisation is a member of a body,
// or holds one of its posts, for a period (Popolo membership, W3C ORG
// org:Membership). Exactly one of PersonID and MemberOrganizationID is set.
//
// The period is half-open, [StartDate, EndDate): a zero StartDate is
// unknown and a zero EndDate means ongoing.
type Membership struct {
	// The membership's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The body the member belongs to.
	OrganizationID OrgID `json:"organization_id"`
	// The member, when it is a person.
	PersonID PersonID `json:"person_id,omitempty"`
	// The member, when it is an organisation.
	MemberOrganizationID OrgID `json:"member_organization_id,omitempty"`
	// The post the member holds, if any.
	PostID PostID `json:"post_id,omitempty"`
	// The partner organisation the member represents.
	OnBehalfOfID OrgID `json:"on_behalf_of_id,omitempty"`
	// What the member does in the body; for a post holder, the post's role.
	Role Role `json:"role,omitempty"`
	// The side the member sits for; national partners sit on neither.
	Side Side `json:"side,omitempty"`
	// A category of membership the body recognises, in its own words.
	Category string `json:"category,omitempty"`
	// How the member is described, e.g. a job title.
	Label string `json:"label,omitempty"`
	// The date the membership began.
	StartDate date.Date `json:"start_date,omitzero"`
	// The date the membership ended; the member was no longer one on that day.
	EndDate date.Date `json:"end_date,omitzero"`
	// Remarks on the record, e.g. where the sources disagree.
	Notes []string `json:"notes,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}

// Period returns [StartDate, EndDate).
func (m Membership) Period() Interval { return Interval{Start: m.StartDate, End: m.EndDate} }

// ActiveOn reports whether the membership is current on the given date:
// StartDate <= on < EndDate, with unknown ends open.
func (m Membership) ActiveOn(on date.Date) bool { return m.Period().Contains(on) }
