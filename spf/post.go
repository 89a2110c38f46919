package spf

import "github.com/spfkit/spfkit/date"

// PostID identifies a Post within a Directory.
type PostID string

// Post is a position that exists independently of whoever holds it, such as
// "Co-chair (staff side)" of a forum (Popolo post, W3C ORG org:Post). People
// hold a post through a Membership that names it.
type Post struct {
	// The post's identifier in this directory.
	ID PostID `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The body the post belongs to.
	OrganizationID OrgID `json:"organization_id"`
	// The post's name as it would be printed.
	Label string `json:"label" jsonschema:"minLength=1"`
	// What the post holder does.
	Role Role `json:"role"`
	// The side the post is for; required for co-chairs.
	Side Side `json:"side,omitempty"`
	// The date the post was created.
	StartDate date.Date `json:"start_date,omitzero"`
	// The date the post was abolished.
	EndDate date.Date `json:"end_date,omitzero"`
}

// Period returns [StartDate, EndDate).
func (p Post) Period() Interval { return Interval{Start: p.StartDate, End: p.EndDate} }
