package hrod

import (
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonptr"
	"github.com/spfkit/spfkit/problem"
)

// PlanSchemaURL is the $id of the action-plan schema.
const PlanSchemaURL = "https://spfkit.github.io/schema/v1/action-plan.schema.json"

// Plan is an organisation's (or an ICS's, or the national team's) plan
// against the framework: the items it has taken on, each with an owner, a
// status, a due date and evidence.
type Plan struct {
	// The URL of the action-plan schema.
	Schema string `json:"$schema,omitempty"`
	// The organisation or system whose plan this is.
	Organization string `json:"organization" jsonschema:"minLength=1"`
	// local (an organisation or ICS) or national (the national team): a plan holds only items of its level.
	Level Level `json:"level"`
	// Whether a completed entry must link to evidence.
	RequireEvidence bool `json:"require_evidence,omitempty"`
	// The items taken on.
	Entries []Entry `json:"entries"`
}

// Entry is one framework item in a plan.
type Entry struct {
	// The framework item, e.g. "13.2".
	Item ItemID `json:"item" jsonschema:"pattern=^[0-3][0-9]\\.[1-9][0-9]*$"`
	// Who is responsible.
	Owner string `json:"owner,omitempty"`
	// Where the entry stands.
	Status Status `json:"status"`
	// When it is due (YYYY-MM-DD); new plans default it from the item's deadline.
	Due date.Date `json:"due,omitzero" jsonschema:"format=date"`
	// Links to evidence that the work is done.
	Evidence []Link `json:"evidence,omitempty"`
	// Anything else worth recording.
	Notes string `json:"notes,omitempty"`
}

// Link points to a piece of evidence.
type Link struct {
	// What the evidence is.
	Title string `json:"title" jsonschema:"minLength=1"`
	// Where it is.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
}

// NewPlan starts a plan for an organisation at a level with every item of
// that level, not yet started, each due on its deadline's date (31
// December of a "by" year; none for "from" or no deadline).
func (f *Framework) NewPlan(organization string, level Level) *Plan {
	p := &Plan{Schema: PlanSchemaURL, Organization: organization, Level: level, Entries: []Entry{}}
	for _, a := range f.Actions {
		if a.Level != level {
			continue
		}
		for _, it := range a.Items {
			e := Entry{Item: it.ID, Status: NotYetStarted}
			if it.Deadline != nil {
				e.Due, _ = it.Deadline.Due()
			}
			p.Entries = append(p.Entries, e)
		}
	}
	return p
}

// NewPriorityPlan starts a local plan with only the items of the priorities
// to March 2023, each due on its priority's date.
func (f *Framework) NewPriorityPlan(organization string) *Plan {
	p := &Plan{Schema: PlanSchemaURL, Organization: organization, Level: Local, Entries: []Entry{}}
	seen := map[ItemID]bool{}
	for _, pr := range f.Priorities {
		for _, id := range pr.Items {
			if !seen[id] {
				seen[id] = true
				p.Entries = append(p.Entries, Entry{Item: id, Status: NotYetStarted, Due: pr.Due})
			}
		}
	}
	for i := 1; i < len(p.Entries); i++ { // insertion sort, stable
		for j := i; j > 0 && compareItems(p.Entries[j].Item, p.Entries[j-1].Item) < 0; j-- {
			p.Entries[j], p.Entries[j-1] = p.Entries[j-1], p.Entries[j]
		}
	}
	return p
}

// The codes CheckPlan uses.
const (
	CodeMissingValue    = "missing_value"
	CodeInvalidValue    = "invalid_value"
	CodeUnknownItem     = "unknown_item"
	CodeLevelMismatch   = "level_mismatch"
	CodeDuplicateItem   = "duplicate_item"
	CodeMissingEvidence = "missing_evidence"
)

// ValidatePlan is CheckPlan as an error holding every problem, or nil.
func (f *Framework) ValidatePlan(p *Plan) error { return problem.Join(f.CheckPlan(p)) }

// CheckPlan returns every problem with a plan at once, each located by a
// JSON Pointer: no organisation, an unknown level or status, an item the
// framework does not have, an item of the other level (a national item in
// a local plan), an item listed twice, and a completed entry without
// evidence when the plan requires it.
func (f *Framework) CheckPlan(p *Plan) []*problem.Error {
	var l list
	if p.Organization == "" {
		l.Add("/organization", CodeMissingValue, "the plan does not say whose it is").Hint = "set organization to the organisation's or system's name"
	}
	if !p.Level.Valid() {
		l.Add("/level", CodeInvalidValue, "unknown level "+problem.Quote(string(p.Level))).Hint = "use local or national"
	}
	seen := map[ItemID]int{}
	for i, e := range p.Entries {
		at := jsonptr.Join("/entries", i)
		it, a := f.Item(e.Item)
		switch {
		case it == nil:
			l.Add(at+"/item", CodeUnknownItem, "the framework has no item "+problem.Quote(string(e.Item))).Hint = "items are an action number and a bullet number, e.g. 13.2 (see spfkit framework)"
		case p.Level.Valid() && a.Level != p.Level:
			l.Add(at+"/item", CodeLevelMismatch, "item "+string(e.Item)+" is for the "+string(a.Level)+" level, but this is a "+string(p.Level)+" plan").Hint = "remove it; action " + a.Number + " is addressed to " + a.Actor
		}
		if j, dup := seen[e.Item]; dup {
			l.Add(at+"/item", CodeDuplicateItem, "item "+string(e.Item)+" is already entry "+jsonptr.Join("/entries", j)).Hint = "keep one entry per item"
		} else {
			seen[e.Item] = i
		}
		if !e.Status.Valid() {
			l.Add(at+"/status", CodeInvalidValue, "unknown status "+problem.Quote(string(e.Status))).Hint = "use not_yet_started, in_progress, completed, cannot_start_yet or has_problem"
		}
		if p.RequireEvidence && e.Status == Completed && len(e.Evidence) == 0 {
			l.Add(at+"/evidence", CodeMissingEvidence, "item "+string(e.Item)+" is completed without evidence, which this plan requires").Hint = "link to the evidence, or set the status back to in_progress"
		}
		for j, ev := range e.Evidence {
			if ev.Title == "" {
				l.Add(jsonptr.Join(at+"/evidence", j, "title"), CodeMissingValue, "the evidence has no title")
			}
		}
	}
	return l
}

// compareItems orders item ids by action and then bullet number.
func compareItems(a, b ItemID) int {
	na, ka := splitItem(a)
	nb, kb := splitItem(b)
	if na != nb {
		return na - nb
	}
	return ka - kb
}

func splitItem(id ItemID) (action, bullet int) {
	n := 0
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == '.' {
			action, n = n, 0
			continue
		}
		n = n*10 + int(c-'0')
	}
	return action, n
}
