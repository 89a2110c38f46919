package spf

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
)

// WriteMarkdown writes the directory as a Markdown page for people: each
// forum with its purpose, co-chairs and members on the given date, its
// subgroups and charters and its review cycle, then the partner
// organisations and the organisational changes. A zero date shows every
// membership and post holder on record.
func (d *Directory) WriteMarkdown(w io.Writer, on date.Date) error {
	mw := &mdWriter{w: w}
	title := "Partnership bodies"
	if !on.IsZero() {
		title += " on " + on.String()
	}
	mw.printf("# %s\n\n", title)
	var forums []Organization
	for _, o := range d.Organizations {
		if o.Classification.IsForum() {
			forums = append(forums, o)
		}
	}
	for _, f := range forums {
		d.writeBody(mw, f, on, 2)
	}
	d.writePartners(mw)
	d.writeChanges(mw)
	d.writeRecommendations(mw)
	d.writeDocuments(mw)
	return mw.err
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func displayName(o Organization) string {
	for _, n := range o.OtherNames {
		if n.Note == "abbreviation" {
			return fmt.Sprintf("%s (%s)", o.Name, n.Name)
		}
	}
	return o.Name
}

func lifetimeText(o Organization) string {
	var parts []string
	if !o.FoundingDate.IsZero() {
		parts = append(parts, "founded "+o.FoundingDate.String())
	}
	if !o.DissolutionDate.IsZero() {
		parts = append(parts, "dissolved "+o.DissolutionDate.String())
	}
	if o.TimeLimited {
		parts = append(parts, "time-limited, planned end "+dateOr(o.PlannedEndDate, "not set"))
	}
	return strings.Join(parts, "; ")
}

var classificationLabels = map[Classification]string{
	NationalForum: "national forum", RegionalForum: "regional forum", SystemForum: "system forum",
	OrganisationForum: "organisation forum", Subgroup: "subgroup", PartnerOrganisation: "partner organisation",
	EmployersOrganisation: "employers' organisation", Employer: "employer", Commissioner: "commissioner",
	TradeUnion: "trade union", TradeUnionSide: "trade unions (staff side)", GovernmentBody: "government body",
	ArmsLengthBody: "arm's length body", LocalGovernment: "local government", OtherOrganisation: "other",
}

// Label returns the classification as words, e.g. "regional forum".
func (c Classification) Label() string {
	if l, ok := classificationLabels[c]; ok {
		return l
	}
	return string(c)
}

func (d *Directory) activeOn(m Membership, on date.Date) bool { return on.IsZero() || m.ActiveOn(on) }

func (d *Directory) writeBody(mw *mdWriter, o Organization, on date.Date, level int) {
	h := strings.Repeat("#", min(level, 6))
	mw.printf("%s %s\n\n", h, displayName(o))
	facts := []string{o.Classification.Label()}
	if lt := lifetimeText(o); lt != "" {
		facts = append(facts, lt)
	}
	if o.MeetingFrequency != "" {
		facts = append(facts, "meets "+strings.ReplaceAll(string(o.MeetingFrequency), "_", " "))
	}
	mw.printf("*%s*\n\n", strings.Join(facts, " · "))
	if o.Purpose != "" {
		mw.printf("%s\n\n", o.Purpose)
	}
	if posts := d.CoChairs(o.ID); len(posts) > 0 {
		mw.printf("| Post | Holder | Side | Period |\n|---|---|---|---|\n")
		for _, p := range posts {
			var holders []Membership
			for _, m := range d.Memberships {
				if m.PostID == p.ID && d.activeOn(m, on) {
					holders = append(holders, m)
				}
			}
			if len(holders) == 0 {
				mw.printf("| %s | not recorded | %s | |\n", cell(p.Label), p.Side)
			}
			for _, m := range holders {
				mw.printf("| %s | %s | %s | %s |\n", cell(p.Label), cell(d.memberName(m)), m.Side, periodText(m.Period()))
			}
		}
		mw.printf("\n")
	}
	var members []Membership
	for _, m := range d.Memberships {
		if m.OrganizationID == o.ID && m.PostID == "" && d.activeOn(m, on) {
			members = append(members, m)
		}
	}
	if len(members) > 0 {
		mw.printf("Members:\n\n")
		for _, m := range members {
			side := "national partner"
			if m.Side != "" {
				side = string(m.Side) + " side"
			}
			extra := ""
			if p := periodText(m.Period()); p != "" {
				extra = ", " + p
			}
			mw.printf("- %s (%s%s)\n", d.memberName(m), side, extra)
		}
		mw.printf("\n")
	}
	for _, c := range d.Charters {
		if c.OrganizationID != o.ID {
			continue
		}
		mw.printf("**%s**\n\n", c.Title)
		for _, it := range c.Items {
			mw.printf("- %s\n", it)
		}
		mw.printf("\n")
	}
	for i, n := range o.Notes {
		if i > 0 {
			mw.printf(">\n")
		}
		mw.printf("> Note: %s\n", n)
	}
	if len(o.Notes) > 0 {
		mw.printf("\n")
	}
	if c, ok := d.ReviewCycle(o.ID); ok {
		d.writeCycle(mw, c, on, h+"#")
	}
	if due, ok := d.MeetingDue(o.ID); ok {
		mw.printf("- Next meeting due by %s under its %s meeting rule\n", due, strings.ReplaceAll(string(o.MeetingFrequency), "_", " "))
	}
	for _, m := range d.Meetings {
		if m.OrganizationID == o.ID {
			mw.printf("- Meeting: %s, %s %s\n", m.Name, m.Date, strings.TrimSpace(m.StartTime+" "+m.Location))
		}
	}
	for _, x := range d.Decisions {
		if x.OrganizationID == o.ID {
			mw.printf("- Decision (%s): %s\n", x.Date, x.Summary)
		}
	}
	for _, sub := range d.Subgroups(o.ID) {
		mw.printf("\n")
		d.writeBody(mw, sub, on, level+1)
	}
}

func periodText(iv Interval) string {
	switch {
	case iv.Start.IsZero() && iv.End.IsZero():
		return ""
	case iv.End.IsZero():
		return "from " + iv.Start.String()
	case iv.Start.IsZero():
		return "until " + iv.End.String()
	}
	return iv.Start.String() + " to " + iv.End.String()
}

func (d *Directory) memberName(m Membership) string {
	name := string(m.PersonID)
	if p, ok := d.Person(m.PersonID); ok {
		name = p.Name
	}
	if m.MemberOrganizationID != "" {
		name = string(m.MemberOrganizationID)
		if o, ok := d.Organization(m.MemberOrganizationID); ok {
			name = o.Name
		}
	}
	if m.Label != "" {
		name += ", " + m.Label
	}
	return name
}

func (d *Directory) writeCycle(mw *mdWriter, c ReviewCycle, on date.Date, h string) {
	mw.printf("%s Reviews\n\n| Year | Review | Status | Notes |\n|---|---|---|---|\n", h)
	for _, r := range c.Reviews {
		note := ""
		if r.ConductedByID != "" {
			if o, ok := d.Organization(r.ConductedByID); ok {
				note = "by " + o.Name
			}
		}
		if r.ReplacedByID != "" {
			note = strings.TrimSpace(note + " replaced by " + r.ReplacedByID)
		}
		if !r.PublishedDate.IsZero() {
			note = strings.TrimSpace(note + " published " + r.PublishedDate.String())
		}
		for _, sv := range r.Surveys {
			part := fmt.Sprintf("%s: %d answered", sv.Name, sv.Respondents)
			if sv.Invited > 0 {
				part += fmt.Sprintf(" of %d asked", sv.Invited)
			}
			var groups []string
			for _, g := range sv.ByGroup {
				groups = append(groups, fmt.Sprintf("%d %s", g.Count, g.Group))
			}
			if len(groups) > 0 {
				part += " (" + strings.Join(groups, ", ") + ")"
			}
			note = strings.TrimSpace(note + "; " + part)
			note = strings.TrimPrefix(note, "; ")
		}
		mw.printf("| %d | %s | %s | %s |\n", r.Year, strings.ReplaceAll(string(r.Kind), "_", " "), strings.ReplaceAll(string(r.Status), "_", " "), cell(note))
	}
	mw.printf("\n")
	if due, err := c.Due(on); err == nil {
		state := ""
		if due.Overdue {
			state = " (overdue: no later review is recorded)"
		}
		basis := strings.ReplaceAll(due.Basis, "_", " ")
		mw.printf("Next review due: **%s in %d**%s. %s%s.\n\n", strings.ReplaceAll(string(due.Kind), "_", " "), due.Year, state, strings.ToUpper(basis[:1]), basis[1:])
	}
}

func (d *Directory) writePartners(mw *mdWriter) {
	mw.printf("\n## Partner organisations\n\n| Organisation | Kind | Lifetime | Successors |\n|---|---|---|---|\n")
	for _, o := range d.Organizations {
		if o.Classification.IsPartnershipBody() {
			continue
		}
		var succ []string
		for _, s := range d.Successors(o.ID) {
			if so, ok := d.Organization(s); ok {
				succ = append(succ, so.Name)
			}
		}
		mw.printf("| %s | %s | %s | %s |\n", cell(displayName(o)), o.Classification.Label(), lifetimeText(o), cell(strings.Join(succ, ", ")))
	}
	mw.printf("\n")
}

func (d *Directory) writeChanges(mw *mdWriter) {
	if len(d.ChangeEvents) == 0 {
		return
	}
	events := slices.Clone(d.ChangeEvents)
	slices.SortStableFunc(events, func(a, b ChangeEvent) int { return a.Date.Compare(b.Date) })
	mw.printf("## Organisational changes\n\n| Date | Change | From | To |\n|---|---|---|---|\n")
	name := func(ids []OrgID) string {
		var out []string
		for _, id := range ids {
			if o, ok := d.Organization(id); ok {
				out = append(out, o.Name)
			} else {
				out = append(out, string(id))
			}
		}
		return strings.Join(out, ", ")
	}
	for _, e := range events {
		mw.printf("| %s | %s | %s | %s |\n", e.Date, e.Kind, cell(name(e.OriginalIDs)), cell(name(e.ResultingIDs)))
	}
}

// writeRecommendations lists what each review recommends, with owner,
// status and the latest update.
func (d *Directory) writeRecommendations(mw *mdWriter) {
	if len(d.Recommendations) == 0 {
		return
	}
	mw.printf("\n## Recommendations of reviews\n")
	for _, g := range d.RollUp("review") {
		title := g.Key
		for _, c := range d.ReviewCycles {
			for _, r := range c.Reviews {
				if r.ID == g.Key {
					title = fmt.Sprintf("%s (%s, %d)", r.ID, strings.ReplaceAll(string(r.Kind), "_", " "), r.Year)
				}
			}
		}
		mw.printf("\n### Review %s\n\n", title)
		var counts []string
		for _, st := range append(statusOrder(), NotRecordedStatus) {
			if n := g.ByStatus[st]; n > 0 {
				counts = append(counts, fmt.Sprintf("%d %s", n, statusWords(st)))
			}
		}
		mw.printf("%d recommendations; status: %s.\n\n", g.Total, strings.Join(counts, ", "))
		for _, r := range d.Recommendations {
			if r.ReviewID != g.Key {
				continue
			}
			num := "-"
			if r.Number > 0 {
				num = fmt.Sprintf("%d.", r.Number)
			}
			line := fmt.Sprintf("%s %s *Owner:* %s. *Status:* %s.", num, r.Text, r.Owner, statusWords(string(r.Status)))
			if !r.Due.IsZero() {
				line += " *Due:* " + r.Due.String() + "."
			}
			if n := len(r.Updates); n > 0 {
				u := r.Updates[n-1]
				line += " *Latest update (" + u.Date.String() + "):* " + u.Text
			}
			mw.printf("%s\n", line)
		}
	}
}

func statusOrder() []string {
	var out []string
	for _, s := range hrod.Statuses {
		out = append(out, string(s))
	}
	return out
}

// statusLabel is a recommendation's status as a task list shows it.
func statusLabel(s string) string {
	if s == "" || s == NotRecordedStatus {
		return "Not recorded"
	}
	return hrod.Status(s).Label()
}

// statusWords is the status within a sentence.
func statusWords(s string) string { return strings.ToLower(statusLabel(s)) }

// WriteRollUpMarkdown writes recommendations grouped as RollUp groups
// them (by "review" or "owner"): a table of counts by status, then each
// group's recommendations.
func WriteRollUpMarkdown(w io.Writer, d *Directory, by string, groups []RecommendationGroup) error {
	mw := &mdWriter{w: w}
	head := "Review"
	if by == "owner" {
		head = "Owner"
	}
	mw.printf("# Recommendations by %s\n\n", strings.ToLower(head))
	if len(groups) == 0 {
		mw.printf("The directory records no recommendations.\n")
		return mw.err
	}
	cols := append(statusOrder(), NotRecordedStatus)
	mw.printf("| %s | Total |", head)
	for _, c := range cols {
		mw.printf(" %s |", statusLabel(c))
	}
	mw.printf("\n|---|---:|%s\n", strings.Repeat("---:|", len(cols)))
	for _, g := range groups {
		mw.printf("| %s | %d |", cell(g.Key), g.Total)
		for _, c := range cols {
			mw.printf(" %d |", g.ByStatus[c])
		}
		mw.printf("\n")
	}
	byID := map[string]Recommendation{}
	for _, r := range d.Recommendations {
		byID[r.ID] = r
	}
	for _, g := range groups {
		mw.printf("\n## %s\n\n", g.Key)
		for _, id := range g.IDs {
			r := byID[id]
			other := r.Owner
			if by == "owner" {
				other = "review " + r.ReviewID
			}
			mw.printf("- **%s** %s (%s; %s)\n", r.ID, r.Text, other, statusWords(string(r.Status)))
		}
	}
	return mw.err
}

// writeDocuments lists the register of documents, newest first where
// dated, undated last in directory order.
func (d *Directory) writeDocuments(mw *mdWriter) {
	if len(d.Documents) == 0 {
		return
	}
	docs := slices.Clone(d.Documents)
	when := func(x Document) date.Date {
		if !x.Updated.IsZero() {
			return x.Updated
		}
		return x.Published
	}
	slices.SortStableFunc(docs, func(a, b Document) int { return when(b).Compare(when(a)) })
	mw.printf("\n## Documents\n\n| Date | Title | Kind | Bodies | What it is |\n|---|---|---|---|---|\n")
	for _, x := range docs {
		day := "undated"
		switch {
		case !x.Updated.IsZero():
			day = "updated " + x.Updated.String()
		case !x.Published.IsZero():
			day = x.Published.String()
		}
		var bodies []string
		for _, id := range x.BodyIDs {
			if o, ok := d.Organization(id); ok {
				bodies = append(bodies, o.Name)
			}
		}
		mw.printf("| %s | %s | %s | %s | %s |\n", day, cell(x.Title), strings.ReplaceAll(string(x.Kind), "_", " "), cell(strings.Join(bodies, ", ")), cell(x.Summary))
	}
}
