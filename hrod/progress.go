package hrod

import "github.com/spfkit/spfkit/date"

// StatusSchemaURL is the $id of the plan-status schema.
const StatusSchemaURL = "https://spfkit.github.io/schema/v1/plan-status.schema.json"

// DefaultDueSoonDays is how far ahead an entry counts as due soon unless
// ProgressOptions says otherwise.
const DefaultDueSoonDays = 30

// ProgressOptions configure Progress.
type ProgressOptions struct {
	// On is the day progress is measured on, such as today. With the
	// zero Date nothing is overdue or due soon: the package has no clock
	// (the widgets compile it without package time), so callers say what
	// day it is.
	On date.Date
	// DueSoonDays is the window for "due soon": an entry not completed and
	// due from On to On+DueSoonDays−1 inclusive. Zero means
	// DefaultDueSoonDays.
	DueSoonDays int
}

// Progress is where one plan stands on a day.
type Progress struct {
	// The plan's organisation.
	Organization string `json:"organization"`
	// The plan's level.
	Level Level `json:"level"`
	// Counts over every entry.
	Overall Counts `json:"overall"`
	// Counts per theme, in the framework's theme order; themes without entries are left out.
	Themes []ThemeProgress `json:"themes"`
	// Entries not completed whose due date has passed, most overdue first.
	Overdue []DueEntry `json:"overdue"`
	// Entries not completed that fall due within the due-soon window, soonest first.
	DueSoon []DueEntry `json:"due_soon"`
}

// Counts tallies entries by status.
type Counts struct {
	// The number of entries.
	Total int `json:"total"`
	// The number of entries in each status; every status is present.
	ByStatus map[Status]int `json:"by_status"`
	// Completed entries as a percentage of all entries (0 when there are none).
	CompletedPct float64 `json:"completed_pct"`
}

// ThemeProgress is the progress of a plan's entries in one theme.
type ThemeProgress struct {
	// The theme's slug.
	Theme string `json:"theme"`
	// The theme's name.
	Name string `json:"name"`
	Counts
}

// DueEntry is an entry that is overdue or due soon.
type DueEntry struct {
	// The framework item.
	Item ItemID `json:"item"`
	// The item's text.
	Text string `json:"text"`
	// Who is responsible.
	Owner string `json:"owner,omitempty"`
	// The entry's status.
	Status Status `json:"status"`
	// The due date.
	Due date.Date `json:"due" jsonschema:"format=date"`
	// Days from the measuring day to the due date: negative when overdue, 0 when due that day.
	DaysLeft int `json:"days_left"`
}

func newCounts() Counts {
	c := Counts{ByStatus: map[Status]int{}}
	for _, s := range Statuses {
		c.ByStatus[s] = 0
	}
	return c
}

func (c *Counts) add(s Status) {
	c.Total++
	c.ByStatus[s]++
	c.CompletedPct = 100 * float64(c.ByStatus[Completed]) / float64(c.Total)
}

// Progress measures a plan on a day: counts and the completed percentage
// per theme and overall, the overdue entries and those due soon. An entry
// is overdue from the day after its due date: on the due date itself it
// is due soon (0 days left), not overdue. Completed entries are never
// overdue. Entries for items the framework lacks are counted overall but
// in no theme; check the plan first with ValidatePlan.
func (f *Framework) Progress(p *Plan, opts ProgressOptions) Progress {
	on := opts.On
	window := opts.DueSoonDays
	if window <= 0 {
		window = DefaultDueSoonDays
	}
	pr := Progress{Organization: p.Organization, Level: p.Level, Overall: newCounts(), Themes: []ThemeProgress{}, Overdue: []DueEntry{}, DueSoon: []DueEntry{}}
	byTheme := map[string]*ThemeProgress{}
	for _, e := range p.Entries {
		pr.Overall.add(e.Status)
		it, a := f.Item(e.Item)
		if a != nil {
			tp := byTheme[a.Theme]
			if tp == nil {
				name := a.Theme
				if t := f.Theme(a.Theme); t != nil {
					name = t.Name
				}
				tp = &ThemeProgress{Theme: a.Theme, Name: name, Counts: newCounts()}
				byTheme[a.Theme] = tp
			}
			tp.add(e.Status)
		}
		if e.Status == Completed || e.Due.IsZero() || on.IsZero() {
			continue
		}
		d := DueEntry{Item: e.Item, Owner: e.Owner, Status: e.Status, Due: e.Due, DaysLeft: on.DaysUntil(e.Due)}
		if it != nil {
			d.Text = it.Text
		}
		switch {
		case d.DaysLeft < 0:
			pr.Overdue = append(pr.Overdue, d)
		case d.DaysLeft < window:
			pr.DueSoon = append(pr.DueSoon, d)
		}
	}
	for _, t := range f.Themes {
		if tp := byTheme[t.Slug]; tp != nil {
			pr.Themes = append(pr.Themes, *tp)
		}
	}
	sortDue(pr.Overdue)
	sortDue(pr.DueSoon)
	return pr
}

// sortDue orders entries by days left, then item: an insertion sort, which
// is stable and keeps generic sorting out of the widget.
func sortDue(es []DueEntry) {
	less := func(a, b DueEntry) bool {
		if a.DaysLeft != b.DaysLeft {
			return a.DaysLeft < b.DaysLeft
		}
		return compareItems(a.Item, b.Item) < 0
	}
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && less(es[j], es[j-1]); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}
