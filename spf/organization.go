package spf

import "github.com/spfkit/spfkit/date"

// OrgID identifies an Organization within a Directory. IDs are lower-case
// slugs such as "spf-national"; the zero OrgID means none.
type OrgID string

// OtherName is another name an organisation is or was known by, as in
// Popolo: an abbreviation, an operating name or a former name.
type OtherName struct {
	// The other name.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Why the name is used, e.g. "abbreviation" or "former name".
	Note string `json:"note,omitempty"`
	// The date from which the name was used.
	StartDate date.Date `json:"start_date,omitzero"`
	// The date from which the name was no longer used.
	EndDate date.Date `json:"end_date,omitzero"`
}

// Identifier is an identifier issued by another scheme, such as an ODS code.
type Identifier struct {
	// The identifier.
	Identifier string `json:"identifier" jsonschema:"minLength=1"`
	// The scheme that issued it, e.g. "ods".
	Scheme string `json:"scheme" jsonschema:"minLength=1"`
}

// Organization is a body or an organisation: a partnership forum, a
// subgroup, or one of the partners that take part in them. It follows
// Popolo's organization and W3C ORG: a forum is an
// org:OrganizationalCollaboration and a subgroup names its parent.
//
// Its lifetime is the half-open interval [FoundingDate, DissolutionDate).
// DissolutionDate records what happened; PlannedEndDate is the sunset a
// time-limited group was set up with.
type Organization struct {
	// The organisation's identifier in this directory.
	ID OrgID `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The organisation's name.
	Name string `json:"name" jsonschema:"minLength=1"`
	// Abbreviations, operating names and former names.
	OtherNames []OtherName `json:"other_names,omitempty"`
	// Identifiers issued by other schemes.
	Identifiers []Identifier `json:"identifiers,omitempty"`
	// The one kind the organisation is.
	Classification Classification `json:"classification"`
	// The body this one is a subgroup or part of (org:subOrganizationOf).
	ParentID OrgID `json:"parent_id,omitempty"`
	// The area it covers, e.g. an NHS England region such as "london".
	AreaID string `json:"area_id,omitempty"`
	// What the body is for (org:purpose), in a sentence or two.
	Purpose string `json:"purpose,omitempty"`
	// The date the organisation came into being.
	FoundingDate date.Date `json:"founding_date,omitzero"`
	// The date the organisation ceased to exist; it did not exist on that day.
	DissolutionDate date.Date `json:"dissolution_date,omitzero"`
	// Whether the body was set up for a limited time; such a body needs a planned end.
	TimeLimited bool `json:"time_limited,omitempty"`
	// The date a time-limited body is planned to end.
	PlannedEndDate date.Date `json:"planned_end_date,omitzero"`
	// How often the body meets, when it has a rule for that.
	MeetingFrequency Frequency `json:"meeting_frequency,omitempty"`
	// Remarks on the record: how it was read from the sources and where they disagree.
	Notes []string `json:"notes,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}

// Lifetime returns [FoundingDate, DissolutionDate).
func (o Organization) Lifetime() Interval {
	return Interval{Start: o.FoundingDate, End: o.DissolutionDate}
}

// ExistsOn reports whether the organisation existed on the given date. An
// unknown founding date is taken as "always existed".
func (o Organization) ExistsOn(on date.Date) bool { return o.Lifetime().Contains(on) }
