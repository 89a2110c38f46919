package spf

import (
	"slices"

	"github.com/spfkit/spfkit/date"
)

// SchemaURL is the $id of the body-directory schema; a directory document
// names it in "$schema" so tools can tell what it is.
const SchemaURL = "https://spfkit.github.io/schema/v1/body-directory.schema.json"

// Directory holds partnership bodies and everything recorded about them:
// the organisations, people, posts, memberships, meetings, decisions,
// changes, charters and review cycles. It is a plain value: build one in
// Go, decode one with ParseDirectory, or start from Builtin. Call Validate
// before trusting the queries on data from outside.
type Directory struct {
	// The URL of the schema this document follows.
	Schema string `json:"$schema,omitempty"`
	// The bodies and organisations.
	Organizations []Organization `json:"organizations" jsonschema:"minItems=1"`
	// The people who hold posts or memberships.
	Persons []Person `json:"persons,omitempty"`
	// The posts of the bodies, such as co-chairs.
	Posts []Post `json:"posts,omitempty"`
	// Who belongs to which body, and who holds which post, when.
	Memberships []Membership `json:"memberships,omitempty"`
	// Meetings and other events of the bodies.
	Meetings []Meeting `json:"meetings,omitempty"`
	// Decisions of the bodies.
	Decisions []Decision `json:"decisions,omitempty"`
	// Organisational changes such as mergers.
	ChangeEvents []ChangeEvent `json:"change_events,omitempty"`
	// Aims, principles, behaviours and duties the bodies have agreed.
	Charters []Charter `json:"charters,omitempty"`
	// The bodies' rules for reviewing themselves, and their history.
	ReviewCycles []ReviewCycle `json:"review_cycles,omitempty"`
	// What the reviews recommend, with owners, status and updates, for the secretariat to track.
	Recommendations []Recommendation `json:"recommendations,omitempty"`
	// A register of the documents the bodies made, agreed or work to.
	Documents []Document `json:"documents,omitempty"`
}

// Organization returns the organisation with the given id.
func (d *Directory) Organization(id OrgID) (Organization, bool) {
	for _, o := range d.Organizations {
		if o.ID == id {
			return o, true
		}
	}
	return Organization{}, false
}

// Person returns the person with the given id.
func (d *Directory) Person(id PersonID) (Person, bool) {
	for _, p := range d.Persons {
		if p.ID == id {
			return p, true
		}
	}
	return Person{}, false
}

// Post returns the post with the given id.
func (d *Directory) Post(id PostID) (Post, bool) {
	for _, p := range d.Posts {
		if p.ID == id {
			return p, true
		}
	}
	return Post{}, false
}

// Members returns the memberships of body that are active on the given
// date, in directory order. With sides given, only members sitting for one
// of them are returned. A body that does not exist on that date has no
// members, whatever its membership records say (Popolo: memberships end
// when the body dissolves).
func (d *Directory) Members(body OrgID, on date.Date, sides ...Side) []Membership {
	if o, ok := d.Organization(body); !ok || !o.ExistsOn(on) {
		return nil
	}
	var out []Membership
	for _, m := range d.Memberships {
		if m.OrganizationID != body || !m.ActiveOn(on) {
			continue
		}
		if len(sides) > 0 && !slices.Contains(sides, m.Side) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// Holders returns the memberships through which the post is held on the
// given date. A valid directory has at most one holder of a chair or
// co-chair post on any date.
func (d *Directory) Holders(post PostID, on date.Date) []Membership {
	p, ok := d.Post(post)
	if !ok || !p.Period().Contains(on) {
		return nil
	}
	var out []Membership
	for _, m := range d.Memberships {
		if m.PostID == post && m.ActiveOn(on) {
			out = append(out, m)
		}
	}
	return out
}

// CoChairs returns the co-chair posts of a body, employer side first.
func (d *Directory) CoChairs(body OrgID) []Post {
	var out []Post
	for _, p := range d.Posts {
		if p.OrganizationID == body && p.Role == CoChair {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Post) int { return sideOrder(a.Side) - sideOrder(b.Side) })
	return out
}

func sideOrder(s Side) int {
	switch s {
	case EmployerSide:
		return 0
	case StaffSide:
		return 1
	}
	return 2
}

// Subgroups returns the bodies whose parent is id, in directory order.
func (d *Directory) Subgroups(id OrgID) []Organization {
	var out []Organization
	for _, o := range d.Organizations {
		if o.ParentID == id && o.ID != id {
			out = append(out, o)
		}
	}
	return out
}

// Successors returns the bodies that took over from id through change
// events, nearest first and following chains (a body that merged into one
// that later merged again has both as successors). Each appears once.
func (d *Directory) Successors(id OrgID) []OrgID {
	events := slices.Clone(d.ChangeEvents)
	slices.SortStableFunc(events, func(a, b ChangeEvent) int { return a.Date.Compare(b.Date) })
	seen := map[OrgID]bool{id: true}
	queue := []OrgID{id}
	var out []OrgID
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range events {
			if !slices.Contains(e.OriginalIDs, cur) {
				continue
			}
			for _, r := range e.ResultingIDs {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
					queue = append(queue, r)
				}
			}
		}
	}
	return out
}

// MeetingDue returns the date by which a body's next meeting is due under
// its meeting rule: its latest recorded meeting that was not cancelled,
// plus the longest gap the rule allows (a quarterly forum that met on
// 2020-12-03 is due to meet by 2021-03-03). It reports false when the body
// has no rule, meets as required, or has no meeting on record.
func (d *Directory) MeetingDue(body OrgID) (date.Date, bool) {
	o, ok := d.Organization(body)
	if !ok || o.MeetingFrequency.Months() == 0 {
		return date.Date(0), false
	}
	var last date.Date
	for _, m := range d.Meetings {
		if m.OrganizationID == body && m.Status != Cancelled && m.Date.After(last) {
			last = m.Date
		}
	}
	if last.IsZero() {
		return date.Date(0), false
	}
	return last.AddMonths(o.MeetingFrequency.Months()), true
}

// ReviewCycle returns the review cycle of a body.
func (d *Directory) ReviewCycle(body OrgID) (ReviewCycle, bool) {
	for _, c := range d.ReviewCycles {
		if c.OrganizationID == body {
			return c, true
		}
	}
	return ReviewCycle{}, false
}

// On returns a copy of the directory as it stood on the given date: the
// organisations that existed, the posts that were open and the memberships
// that were active. Meetings, decisions, change events, charters and review
// cycles are history and are kept when every body they name existed on
// that date, so the copy still passes Validate.
func (d *Directory) On(on date.Date) *Directory {
	out := *d
	exists := map[OrgID]bool{}
	out.Organizations = keep(d.Organizations, func(o Organization) bool {
		if o.ExistsOn(on) {
			exists[o.ID] = true
			return true
		}
		return false
	})
	// A subgroup whose parent had gone is dropped with it.
	for changed := true; changed; {
		changed = false
		out.Organizations = keep(out.Organizations, func(o Organization) bool {
			if o.ParentID != "" && !exists[o.ParentID] {
				delete(exists, o.ID)
				changed = true
				return false
			}
			return true
		})
	}
	all := func(ids ...OrgID) bool {
		for _, id := range ids {
			if id != "" && !exists[id] {
				return false
			}
		}
		return true
	}
	out.Posts = keep(d.Posts, func(p Post) bool { return all(p.OrganizationID) && p.Period().Contains(on) })
	open := map[PostID]bool{}
	for _, p := range out.Posts {
		open[p.ID] = true
	}
	out.Memberships = keep(d.Memberships, func(m Membership) bool {
		return all(m.OrganizationID, m.MemberOrganizationID, m.OnBehalfOfID) && m.ActiveOn(on) && (m.PostID == "" || open[m.PostID])
	})
	out.Meetings = keep(d.Meetings, func(m Meeting) bool { return all(m.OrganizationID) })
	meetings := map[string]bool{}
	for _, m := range out.Meetings {
		meetings[m.ID] = true
	}
	out.Decisions = keep(d.Decisions, func(x Decision) bool {
		for _, v := range x.DivergentViews {
			if !all(v.OrganizationID) {
				return false
			}
		}
		return all(x.OrganizationID) && (x.MeetingID == "" || meetings[x.MeetingID])
	})
	out.ChangeEvents = keep(d.ChangeEvents, func(e ChangeEvent) bool {
		return all(e.OriginalIDs...) && all(e.ResultingIDs...)
	})
	out.Charters = keep(d.Charters, func(c Charter) bool { return all(c.OrganizationID) })
	decisions := map[string]bool{}
	for _, x := range out.Decisions {
		decisions[x.ID] = true
	}
	out.ReviewCycles = keep(d.ReviewCycles, func(c ReviewCycle) bool {
		if !all(c.OrganizationID) {
			return false
		}
		for _, r := range c.Reviews {
			if !all(r.ConductedByID) || (r.DecisionID != "" && !decisions[r.DecisionID]) {
				return false
			}
		}
		return true
	})
	reviews := map[string]bool{}
	for _, c := range out.ReviewCycles {
		for _, r := range c.Reviews {
			reviews[r.ID] = true
		}
	}
	out.Recommendations = keep(d.Recommendations, func(r Recommendation) bool {
		return reviews[r.ReviewID] && all(r.OwnerIDs...)
	})
	out.Documents = keep(d.Documents, func(x Document) bool {
		return all(x.PublisherID) && all(x.BodyIDs...) && (x.Published.IsZero() || !x.Published.After(on))
	})
	return &out
}

// keep returns the elements of s for which f is true, in a new slice that
// is nil when none are kept.
func keep[T any](s []T, f func(T) bool) []T {
	var out []T
	for _, v := range s {
		if f(v) {
			out = append(out, v)
		}
	}
	return out
}
