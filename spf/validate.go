package spf

import (
	"fmt"
	"slices"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/internal/multi"
	"github.com/spfkit/spfkit/problem"
)

// Validate checks the partnership rules and returns every problem at once,
// as a *multierror.Error of *problem.Error sorted by pointer, or nil. The rules:
//
//   - identifiers are unique within each list and every reference resolves;
//   - enumerations hold known values and required values are present;
//   - every interval ends after it starts;
//   - a subgroup names a parent that is a forum or subgroup, with no cycle;
//   - a time-limited body has a planned end;
//   - a body's co-chair posts name their side and cover both sides, a
//     chair or co-chair post has at most one holder on any date, and a
//     holder sits for the post's side;
//   - a membership names exactly one member, lies inside the body's (and a
//     member organisation's) lifetime and inside its post's period;
//   - meetings and decisions fall inside their body's lifetime, and a
//     decision without consensus records the divergent views;
//   - a change event's original bodies exist before its date and its
//     resulting bodies exist on it (founded on it, for a replacement or
//     split);
//   - each review cycle has one review per year, and a review not done is
//     replaced only by a review of the same cycle.
//
// Validate works on the Go values; a document that does not decode (a bad
// date, an unknown enumeration) is rejected earlier by ParseDirectory or by
// the body-directory schema.
func (d *Directory) Validate() error {
	v := validator{d: d, orgIdx: map[OrgID]int{}, personIdx: map[PersonID]int{}, postIdx: map[PostID]int{}, meetingIdx: map[string]int{}, decisionIdx: map[string]int{}}
	v.index()
	v.organizations()
	v.posts()
	v.memberships()
	v.meetings()
	v.decisionsCheck()
	v.changeEvents()
	v.charters()
	v.reviewCycles()
	v.recommendations()
	v.documents()
	return v.errs.Err()
}

type validator struct {
	d           *Directory
	errs        multi.List
	orgIdx      map[OrgID]int
	personIdx   map[PersonID]int
	postIdx     map[PostID]int
	meetingIdx  map[string]int
	decisionIdx map[string]int
}

func (v *validator) add(path, code, format string, args ...any) *problem.Error {
	return v.errs.Add(path, code, fmt.Sprintf(format, args...))
}

// index records where each identifier is defined and reports duplicates.
func (v *validator) index() {
	d := v.d
	for i, o := range d.Organizations {
		dup(v, v.orgIdx, o.ID, i, jsonptr.Join("/organizations", i, "id"))
	}
	for i, p := range d.Persons {
		dup(v, v.personIdx, p.ID, i, jsonptr.Join("/persons", i, "id"))
	}
	for i, p := range d.Posts {
		dup(v, v.postIdx, p.ID, i, jsonptr.Join("/posts", i, "id"))
	}
	for i, m := range d.Meetings {
		dup(v, v.meetingIdx, m.ID, i, jsonptr.Join("/meetings", i, "id"))
	}
	for i, x := range d.Decisions {
		dup(v, v.decisionIdx, x.ID, i, jsonptr.Join("/decisions", i, "id"))
	}
	ids := map[string]int{}
	for i, m := range d.Memberships {
		dup(v, ids, m.ID, i, jsonptr.Join("/memberships", i, "id"))
	}
	clear(ids)
	for i, e := range d.ChangeEvents {
		dup(v, ids, e.ID, i, jsonptr.Join("/change_events", i, "id"))
	}
	clear(ids)
	for i, c := range d.Charters {
		dup(v, ids, c.ID, i, jsonptr.Join("/charters", i, "id"))
	}
	clear(ids)
	for i, c := range d.ReviewCycles {
		for j, r := range c.Reviews {
			dup(v, ids, r.ID, j, jsonptr.Join("/review_cycles", i, "reviews", j, "id"))
		}
	}
}

// dup records that id is defined at index i, or reports it when it was seen before.
func dup[K ~string](v *validator, seen map[K]int, id K, i int, path string) {
	if id == "" {
		v.add(path, CodeMissingValue, "the id is empty; give every record a unique id")
		return
	}
	if _, ok := seen[id]; ok {
		v.add(path, CodeDuplicateID, "id %q is used more than once; ids must be unique", id)
		return
	}
	seen[id] = i
}

// org checks an organisation reference; an empty id is allowed only when
// optional is true. It returns the organisation when it resolves.
func (v *validator) org(path string, id OrgID, optional bool) (Organization, bool) {
	if id == "" {
		if !optional {
			v.add(path, CodeMissingValue, "an organisation id is required")
		}
		return Organization{}, false
	}
	if _, ok := v.orgIdx[id]; !ok {
		v.add(path, CodeUnknownReference, "no organisation has id %q", id).Hint = "add the organisation to /organizations or correct the id"
		return Organization{}, false
	}
	return v.d.Organization(id)
}

func (v *validator) interval(path string, iv Interval, startName, endName string) {
	if !iv.Valid() {
		v.add(jsonptr.Join(path, endName), CodeInvalidInterval, "%s %s is not after %s %s; intervals are [start, end)", endName, iv.End, startName, iv.Start)
	}
}

func (v *validator) organizations() {
	for i, o := range v.d.Organizations {
		p := jsonptr.Join("/organizations", i)
		if !o.Classification.Valid() {
			v.add(jsonptr.Join(p, "classification"), CodeInvalidValue, "unknown classification %q", o.Classification)
		}
		if o.Name == "" {
			v.add(jsonptr.Join(p, "name"), CodeMissingValue, "the name is empty")
		}
		if o.MeetingFrequency != "" && !o.MeetingFrequency.Valid() {
			v.add(jsonptr.Join(p, "meeting_frequency"), CodeInvalidValue, "unknown meeting frequency %q", o.MeetingFrequency)
		}
		v.interval(p, o.Lifetime(), "founding_date", "dissolution_date")
		if !o.PlannedEndDate.IsZero() && !o.FoundingDate.IsZero() && !o.FoundingDate.Before(o.PlannedEndDate) {
			v.add(jsonptr.Join(p, "planned_end_date"), CodeInvalidInterval, "planned_end_date %s is not after founding_date %s", o.PlannedEndDate, o.FoundingDate)
		}
		if o.TimeLimited && o.PlannedEndDate.IsZero() {
			v.add(jsonptr.Join(p, "planned_end_date"), CodeMissingPlannedEnd, "%s is time-limited but has no planned_end_date", o.ID).Hint = "record the date the group is planned to end, or set time_limited to false"
		}
		for j, n := range o.OtherNames {
			v.interval(jsonptr.Join(p, "other_names", j), Interval{n.StartDate, n.EndDate}, "start_date", "end_date")
		}
		v.parent(i, o)
	}
}

func (v *validator) parent(i int, o Organization) {
	p := jsonptr.Join("/organizations", i, "parent_id")
	if o.ParentID == "" {
		if o.Classification == Subgroup {
			v.add(p, CodeMissingParent, "subgroup %s has no parent_id", o.ID).Hint = "name the forum or group the subgroup reports to"
		}
		return
	}
	parent, ok := v.org(p, o.ParentID, false)
	if !ok {
		return
	}
	if o.Classification == Subgroup && !parent.Classification.IsPartnershipBody() {
		v.add(p, CodeParentNotBody, "subgroup %s has parent %s, which is a %s, not a forum or subgroup", o.ID, parent.ID, parent.Classification)
	}
	// Walk up; a cycle returns to o.
	seen := map[OrgID]bool{o.ID: true}
	for cur := parent; cur.ParentID != ""; {
		if seen[cur.ParentID] {
			if cur.ParentID == o.ID {
				v.add(p, CodeParentCycle, "parent_id of %s leads back to itself", o.ID)
			}
			return
		}
		seen[cur.ParentID] = true
		next, ok := v.d.Organization(cur.ParentID)
		if !ok {
			return
		}
		cur = next
	}
}

func (v *validator) posts() {
	covered := map[OrgID]map[Side]bool{}
	lastCoChair := map[OrgID]int{}
	for i, post := range v.d.Posts {
		p := jsonptr.Join("/posts", i)
		v.org(jsonptr.Join(p, "organization_id"), post.OrganizationID, false)
		if !post.Role.Valid() {
			v.add(jsonptr.Join(p, "role"), CodeInvalidValue, "unknown role %q", post.Role)
		}
		if post.Side != "" && !post.Side.Valid() {
			v.add(jsonptr.Join(p, "side"), CodeInvalidValue, "unknown side %q", post.Side)
		}
		v.interval(p, post.Period(), "start_date", "end_date")
		if post.Role != CoChair {
			continue
		}
		if post.Side == "" {
			v.add(jsonptr.Join(p, "side"), CodeCoChairSideMissing, "co-chair post %s does not say which side it is for", post.ID).Hint = `set side to "employer" or "staff"`
			continue
		}
		if covered[post.OrganizationID] == nil {
			covered[post.OrganizationID] = map[Side]bool{}
		}
		covered[post.OrganizationID][post.Side] = true
		lastCoChair[post.OrganizationID] = i
	}
	for body, sides := range covered {
		if sides[EmployerSide] && sides[StaffSide] {
			continue
		}
		i := lastCoChair[body]
		only := v.d.Posts[i].Side
		other := StaffSide
		if only == StaffSide {
			other = EmployerSide
		}
		v.add(jsonptr.Join("/posts", i, "side"), CodeCoChairsOneSided,
			"the co-chair posts of %s are all for the %s side; a partnership body is co-chaired from both sides", body, only).Hint =
			fmt.Sprintf("give one co-chair post side %q", other)
	}
}

func (v *validator) memberships() {
	type held struct {
		i  int
		iv Interval
	}
	holders := map[PostID][]held{}
	for i, m := range v.d.Memberships {
		p := jsonptr.Join("/memberships", i)
		body, bodyOK := v.org(jsonptr.Join(p, "organization_id"), m.OrganizationID, false)
		membershipSelf(&v.errs, p, m)
		if m.PersonID != "" {
			if _, ok := v.personIdx[m.PersonID]; !ok {
				v.add(jsonptr.Join(p, "person_id"), CodeUnknownReference, "no person has id %q", m.PersonID).Hint = "add the person to /persons or correct the id"
			}
		}
		member, memberOK := v.org(jsonptr.Join(p, "member_organization_id"), m.MemberOrganizationID, true)
		v.org(jsonptr.Join(p, "on_behalf_of_id"), m.OnBehalfOfID, true)
		iv := m.Period()
		if !iv.Valid() {
			continue
		}
		if bodyOK && !iv.Within(body.Lifetime()) {
			v.outside(p, iv, body.Lifetime(), "membership "+m.ID, "the lifetime of "+string(body.ID))
		}
		if memberOK && !iv.Within(member.Lifetime()) {
			v.outside(p, iv, member.Lifetime(), "membership "+m.ID, "the lifetime of its member "+string(member.ID))
		}
		if m.PostID == "" {
			continue
		}
		j, ok := v.postIdx[m.PostID]
		if !ok {
			v.add(jsonptr.Join(p, "post_id"), CodeUnknownReference, "no post has id %q", m.PostID).Hint = "add the post to /posts or correct the id"
			continue
		}
		post := v.d.Posts[j]
		if post.OrganizationID != m.OrganizationID {
			v.add(jsonptr.Join(p, "post_id"), CodePostBodyMismatch, "post %s belongs to %s, not to %s", post.ID, post.OrganizationID, m.OrganizationID)
		}
		if post.Side != "" && m.Side != "" && post.Side != m.Side {
			v.add(jsonptr.Join(p, "side"), CodeSideMismatch, "%s sits for the %s side but holds %s, a post for the %s side", m.ID, m.Side, post.ID, post.Side).Hint =
				fmt.Sprintf("set side to %q or hold the other side's post", post.Side)
		}
		if !iv.Within(post.Period()) {
			v.outside(p, iv, post.Period(), "membership "+m.ID, "the period of post "+string(post.ID))
		}
		if post.Role != CoChair && post.Role != Chair {
			continue
		}
		for _, h := range holders[m.PostID] {
			if h.iv.Overlaps(iv) {
				v.add(p, CodePostHolderOverlap, "%s holds %s while %s also holds it; a chair post has one holder at a time",
					m.ID, post.ID, v.d.Memberships[h.i].ID).Hint = "end the earlier holder's membership on the day the next one starts"
				break
			}
		}
		holders[m.PostID] = append(holders[m.PostID], held{i, iv})
	}
}

// outside reports a record whose period is not inside an enclosing one,
// pointing at the date that breaks it.
func (v *validator) outside(p string, iv, outer Interval, what, where string) {
	at := "end_date"
	if !outer.Start.IsZero() && !iv.Start.IsZero() && iv.Start.Before(outer.Start) {
		at = "start_date"
	}
	span := fmt.Sprintf("[%s, %s)", dateOr(outer.Start, "…"), dateOr(outer.End, "…"))
	e := v.add(jsonptr.Join(p, at), CodeOutsideLifetime, "%s [%s, %s) is not inside %s %s", what, dateOr(iv.Start, "…"), dateOr(iv.End, "ongoing"), where, span)
	if at == "end_date" {
		e.Hint = "set end_date on or before " + outer.End.String()
	}
}

func dateOr(d date.Date, s string) string {
	if d.IsZero() {
		return s
	}
	return d.String()
}

func (v *validator) meetings() {
	for i, m := range v.d.Meetings {
		p := jsonptr.Join("/meetings", i)
		body, ok := v.org(jsonptr.Join(p, "organization_id"), m.OrganizationID, false)
		if m.Date.IsZero() {
			v.add(jsonptr.Join(p, "date"), CodeMissingValue, "meeting %s has no date", m.ID)
		} else if ok && !body.ExistsOn(m.Date) {
			v.add(jsonptr.Join(p, "date"), CodeOutsideLifetime, "meeting %s on %s is outside the lifetime of %s", m.ID, m.Date, body.ID)
		}
		if !m.Status.Valid() {
			v.add(jsonptr.Join(p, "status"), CodeInvalidValue, "unknown meeting status %q", m.Status)
		}
		if m.StartTime != "" && m.EndTime != "" && m.EndTime <= m.StartTime {
			v.add(jsonptr.Join(p, "end_time"), CodeInvalidInterval, "end_time %s is not after start_time %s", m.EndTime, m.StartTime)
		}
		for j, a := range m.Attendees {
			if _, ok := v.personIdx[a]; !ok {
				v.add(jsonptr.Join(p, "attendee_ids", j), CodeUnknownReference, "no person has id %q", a)
			}
		}
	}
}

func (v *validator) decisionsCheck() {
	for i, x := range v.d.Decisions {
		p := jsonptr.Join("/decisions", i)
		body, ok := v.org(jsonptr.Join(p, "organization_id"), x.OrganizationID, false)
		if x.Date.IsZero() {
			v.add(jsonptr.Join(p, "date"), CodeMissingValue, "decision %s has no date", x.ID)
		} else if ok && !body.ExistsOn(x.Date) {
			v.add(jsonptr.Join(p, "date"), CodeOutsideLifetime, "decision %s on %s is outside the lifetime of %s", x.ID, x.Date, body.ID)
		}
		if x.MeetingID != "" {
			if j, ok := v.meetingIdx[x.MeetingID]; !ok {
				v.add(jsonptr.Join(p, "meeting_id"), CodeUnknownReference, "no meeting has id %q", x.MeetingID)
			} else if mt := v.d.Meetings[j]; mt.OrganizationID != x.OrganizationID {
				v.add(jsonptr.Join(p, "meeting_id"), CodePostBodyMismatch, "meeting %s is a meeting of %s, not of %s", mt.ID, mt.OrganizationID, x.OrganizationID)
			}
		}
		switch x.Outcome {
		case NoConsensus:
			if len(x.DivergentViews) == 0 {
				v.add(jsonptr.Join(p, "divergent_views"), CodeMissingDivergence, "decision %s was made without consensus but records no divergent views", x.ID).Hint =
					"record each side's or partner's view in divergent_views, as the members' handbook asks"
			}
		case Consensus, NotRecorded:
			if len(x.DivergentViews) > 0 {
				v.add(jsonptr.Join(p, "divergent_views"), CodeUnexpectedDivergence, "decision %s is recorded as %s but records divergent views", x.ID, x.Outcome).Hint = `set outcome to "no_consensus" or remove the views`
			}
		default:
			v.add(jsonptr.Join(p, "outcome"), CodeInvalidValue, "unknown outcome %q", x.Outcome)
		}
		for j, view := range x.DivergentViews {
			vp := jsonptr.Join(p, "divergent_views", j)
			v.org(jsonptr.Join(vp, "organization_id"), view.OrganizationID, true)
			if view.Side != "" && !view.Side.Valid() {
				v.add(jsonptr.Join(vp, "side"), CodeInvalidValue, "unknown side %q", view.Side)
			}
			if view.Side == "" && view.OrganizationID == "" {
				v.add(vp, CodeMissingValue, "a divergent view must say whose it is").Hint = "set side or organization_id"
			}
		}
	}
}

func (v *validator) changeEvents() {
	for i, e := range v.d.ChangeEvents {
		p := jsonptr.Join("/change_events", i)
		if !e.Kind.Valid() {
			v.add(jsonptr.Join(p, "kind"), CodeInvalidValue, "unknown change kind %q", e.Kind)
		}
		if e.Date.IsZero() {
			v.add(jsonptr.Join(p, "date"), CodeMissingValue, "change event %s has no date", e.ID)
		}
		if len(e.OriginalIDs) == 0 {
			v.add(jsonptr.Join(p, "original_organization_ids"), CodeMissingValue, "change event %s names no original body", e.ID)
		}
		if len(e.ResultingIDs) == 0 {
			v.add(jsonptr.Join(p, "resulting_organization_ids"), CodeMissingValue, "change event %s names no resulting body", e.ID)
		}
		for j, id := range e.OriginalIDs {
			q := jsonptr.Join(p, "original_organization_ids", j)
			o, ok := v.org(q, id, false)
			if slices.Contains(e.ResultingIDs, id) {
				v.add(q, CodeChangeSameBody, "%s is both an original and a resulting body of %s", id, e.ID)
			}
			if !ok || e.Date.IsZero() {
				continue
			}
			if !o.FoundingDate.IsZero() && !o.FoundingDate.Before(e.Date) {
				v.add(q, CodeChangeOriginal, "%s was founded on %s, not before the change on %s", id, o.FoundingDate, e.Date)
			} else if !o.DissolutionDate.IsZero() && o.DissolutionDate.Before(e.Date) {
				v.add(q, CodeChangeOriginal, "%s was dissolved on %s, before the change on %s", id, o.DissolutionDate, e.Date)
			}
		}
		for j, id := range e.ResultingIDs {
			q := jsonptr.Join(p, "resulting_organization_ids", j)
			o, ok := v.org(q, id, false)
			if !ok || e.Date.IsZero() {
				continue
			}
			if !o.ExistsOn(e.Date) {
				v.add(q, CodeChangeResulting, "%s does not exist on %s, the date of %s", id, e.Date, e.ID)
			} else if (e.Kind == Replacement || e.Kind == Split) && !o.FoundingDate.IsZero() && o.FoundingDate != e.Date {
				v.add(q, CodeChangeResulting, "%s was founded on %s, but a %s founds its resulting bodies on its date, %s", id, o.FoundingDate, e.Kind, e.Date)
			}
		}
	}
}

func (v *validator) charters() {
	for i, c := range v.d.Charters {
		p := jsonptr.Join("/charters", i)
		v.org(jsonptr.Join(p, "organization_id"), c.OrganizationID, false)
		if !c.Kind.Valid() {
			v.add(jsonptr.Join(p, "kind"), CodeInvalidValue, "unknown charter kind %q", c.Kind)
		}
		if len(c.Items) == 0 {
			v.add(jsonptr.Join(p, "items"), CodeMissingValue, "charter %s has no items", c.ID)
		}
	}
}

func (v *validator) reviewCycles() {
	for i, c := range v.d.ReviewCycles {
		p := jsonptr.Join("/review_cycles", i)
		v.org(jsonptr.Join(p, "organization_id"), c.OrganizationID, false)
		if c.IntervalYears < 1 {
			v.add(jsonptr.Join(p, "interval_years"), CodeInvalidValue, "interval_years must be at least 1")
		}
		years := map[int]int{}
		ids := map[string]int{}
		for j, r := range c.Reviews {
			ids[r.ID] = j
			rp := jsonptr.Join(p, "reviews", j)
			if prev, ok := years[r.Year]; ok {
				v.add(jsonptr.Join(rp, "year"), CodeReviewYear, "year %d already has review %s; record one review per year of the cycle", r.Year, c.Reviews[prev].ID)
			}
			years[r.Year] = j
			if !r.Kind.Valid() {
				v.add(jsonptr.Join(rp, "kind"), CodeInvalidValue, "unknown review kind %q", r.Kind)
			}
			if !r.Status.Valid() {
				v.add(jsonptr.Join(rp, "status"), CodeInvalidValue, "unknown review status %q", r.Status)
			}
			v.org(jsonptr.Join(rp, "conducted_by_id"), r.ConductedByID, true)
			v.reviewSurveys(rp, r)
			v.interval(rp, Interval{r.CoversStart, r.CoversEnd}, "covers_start", "covers_end")
			if r.DecisionID != "" {
				if _, ok := v.decisionIdx[r.DecisionID]; !ok {
					v.add(jsonptr.Join(rp, "decision_id"), CodeUnknownReference, "no decision has id %q", r.DecisionID)
				}
			}
		}
		for j, r := range c.Reviews {
			if r.ReplacedByID == "" {
				continue
			}
			rp := jsonptr.Join(p, "reviews", j, "replaced_by_id")
			k, ok := ids[r.ReplacedByID]
			switch {
			case !ok:
				v.add(rp, CodeUnknownReference, "no review of this cycle has id %q", r.ReplacedByID)
			case r.Status != ReviewNotDone:
				v.add(rp, CodeReviewReplacement, "review %s is %s; only a review not done can be replaced", r.ID, r.Status)
			case k == j:
				v.add(rp, CodeReviewReplacement, "review %s cannot replace itself", r.ID)
			}
		}
	}
}

// Validate checks a membership on its own, without the directory it
// belongs to: it names exactly one member, its role and side are known
// values and it ends after it starts. Paths are relative to the
// membership ("/end_date"). Directory.Validate applies the same checks and
// the ones that need the directory.
func (m Membership) Validate() error {
	var l multi.List
	if m.ID == "" {
		l.Add("/id", CodeMissingValue, "the id is empty; give every record a unique id")
	}
	if m.OrganizationID == "" {
		l.Add("/organization_id", CodeMissingValue, "an organisation id is required")
	}
	membershipSelf(&l, "", m)
	return l.Err()
}

func membershipSelf(l *multi.List, p string, m Membership) {
	add := func(path, code, format string, args ...any) *problem.Error {
		return l.Add(path, code, fmt.Sprintf(format, args...))
	}
	switch {
	case m.PersonID == "" && m.MemberOrganizationID == "":
		add(p, CodeMemberRequired, "membership %s names no member", m.ID).Hint = "set person_id or member_organization_id"
	case m.PersonID != "" && m.MemberOrganizationID != "":
		add(jsonptr.Join(p, "member_organization_id"), CodeMemberRequired, "membership %s names both a person and an organisation", m.ID).Hint = "keep one of person_id and member_organization_id"
	}
	if m.Role != "" && !m.Role.Valid() {
		add(jsonptr.Join(p, "role"), CodeInvalidValue, "unknown role %q", m.Role)
	}
	if m.Side != "" && !m.Side.Valid() {
		add(jsonptr.Join(p, "side"), CodeInvalidValue, "unknown side %q", m.Side)
	}
	if iv := m.Period(); !iv.Valid() {
		add(jsonptr.Join(p, "end_date"), CodeInvalidInterval, "end_date %s is not after start_date %s; intervals are [start, end)", iv.End, iv.Start)
	}
}

// reviewSurveys checks the surveys a review drew on: audiences exist, the
// deadline and its extension run forward from the day sent, no more
// answered than were asked, and the groups add up to the respondents.
func (v *validator) reviewSurveys(rp string, r Review) {
	for k, sv := range r.Surveys {
		sp := jsonptr.Join(rp, "surveys", k)
		if sv.Name == "" {
			v.add(jsonptr.Join(sp, "name"), CodeMissingValue, "the survey has no name")
		}
		for j, id := range sv.AudienceIDs {
			v.org(jsonptr.Join(sp, "audience_ids", j), id, false)
		}
		if !sv.Sent.IsZero() && !sv.Deadline.IsZero() && sv.Deadline.Before(sv.Sent) {
			v.add(jsonptr.Join(sp, "deadline"), CodeInvalidValue, "the deadline %s is before the survey was sent on %s", sv.Deadline, sv.Sent)
		}
		if !sv.ExtendedTo.IsZero() && (sv.Deadline.IsZero() || !sv.ExtendedTo.After(sv.Deadline)) {
			v.add(jsonptr.Join(sp, "extended_to"), CodeInvalidValue, "an extension must come after the deadline it extends").Hint = "give the original deadline in deadline and the later day in extended_to"
		}
		if sv.Invited > 0 && sv.Respondents > sv.Invited {
			v.add(jsonptr.Join(sp, "respondents"), CodeInvalidValue, "%d answered, but only %d were asked", sv.Respondents, sv.Invited)
		}
		if len(sv.ByGroup) > 0 {
			sum := 0
			for j, g := range sv.ByGroup {
				sum += g.Count
				v.org(jsonptr.Join(sp, "by_group", j, "organization_id"), g.OrganizationID, true)
			}
			if sum != sv.Respondents {
				v.add(jsonptr.Join(sp, "by_group"), CodeInvalidValue, "the groups add up to %d respondents, not %d", sum, sv.Respondents).Hint = "make the groups' counts add up to respondents, or leave out by_group"
			}
		}
	}
}
