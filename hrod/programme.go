package hrod

import "github.com/spfkit/spfkit/date"

// Priority is one of the report's priorities for ICSs and organisations to
// March 2023, with the framework items spfkit reads it as covering.
type Priority struct {
	// The slug of the priority's theme.
	Theme string `json:"theme"`
	// The priority as the report writes it.
	Text string `json:"text" jsonschema:"minLength=1"`
	// The items it covers: all of an action's items when it restates the action's lead sentence, one item when it restates a bullet.
	Items []ItemID `json:"items" jsonschema:"minItems=1"`
	// The date the priority falls due.
	Due date.Date `json:"due" jsonschema:"format=date"`
}

// KeyAction is one of the report's key actions for a theme at national or
// regional level, or at ICS or organisation level.
type KeyAction struct {
	// The slug of the key action's theme.
	Theme string `json:"theme"`
	// national (national and regional) or local (ICS and organisation).
	Level Level `json:"level"`
	// The key action as the report writes it.
	Text string `json:"text" jsonschema:"minLength=1"`
	// The appendix items that give the same action: their action's actor states the level. Without them the level is inferred from the summary slides' two columns, which the extracted text lays out ambiguously.
	Items []ItemID `json:"items,omitempty"`
}

// LevelStated reports whether the key action's level is stated by the
// actor of an appendix action (Items), not inferred from the slides'
// layout.
func (k KeyAction) LevelStated() bool { return len(k.Items) > 0 }

// NextStep lists what the report asks one audience to do next.
type NextStep struct {
	// The audience's identifier, e.g. "trust-boards".
	Audience string `json:"audience" jsonschema:"pattern=^[a-z][a-z-]*$"`
	// The audience as the report names it.
	Name string `json:"name" jsonschema:"minLength=1"`
	// The steps, as the report writes them.
	Steps []string `json:"steps" jsonschema:"minItems=1"`
}

// Principle is one principle of the programme's theory of change.
type Principle struct {
	// The principle's heading, as the report writes it.
	Principle string `json:"principle" jsonschema:"minLength=1"`
	// What the principle means in practice, paraphrased.
	Points []string `json:"points" jsonschema:"minItems=1"`
}

// Segment is a segment of the innovation adoption curve.
type Segment struct {
	// The segment's identifier: innovators, early-adopters, early-majority, late-majority or laggards.
	Segment string `json:"segment" jsonschema:"enum=innovators,enum=early-adopters,enum=early-majority,enum=late-majority,enum=laggards"`
	// The segment's name.
	Name string `json:"name" jsonschema:"minLength=1"`
	// How the report describes the segment, paraphrased.
	Description string `json:"description" jsonschema:"minLength=1"`
	// The segment's share of adopters in Rogers' model, in percent.
	SharePct float64 `json:"share_pct" jsonschema:"minimum=0,maximum=100"`
}

// EngagementMethod is one way the programme engages its stakeholders.
type EngagementMethod struct {
	// The method as the report names it.
	Method string `json:"method" jsonschema:"minLength=1"`
	// What the method is for, paraphrased.
	Focus []string `json:"focus" jsonschema:"minItems=1"`
	// Who it engages.
	Audience []string `json:"audience" jsonschema:"minItems=1"`
}

// Source names a document the framework data is taken from.
type Source struct {
	// The document's title.
	Title string `json:"title" jsonschema:"minLength=1"`
	// Its address, when it has a stable one.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// How it was used.
	Note string `json:"note,omitempty"`
}

// Programme is what the report says about the programme behind it: its
// aims, how the report was developed, who oversees delivery and is
// accountable for what, the national team's priorities, and the facts of
// the foreword. Figures are the report's; the wording is ours.
type Programme struct {
	// The programme's aims, in order.
	Aims []string `json:"aims" jsonschema:"minItems=1"`
	// How the report was developed: the engagement and its figures.
	Development []Figure `json:"development"`
	// Who oversees the programme or is accountable for its delivery, and for what.
	Oversight []Accountability `json:"oversight"`
	// The national HR development and OD function's strategic priorities.
	NationalPriorities []string `json:"national_priorities"`
	// The foreword's facts.
	Foreword Foreword `json:"foreword"`
	// How the extracted text was read where it is unclear.
	Notes []string `json:"notes,omitempty"`
}

// Figure is one figure of how the report was developed.
type Figure struct {
	// What was counted, e.g. "individual contributions".
	What string `json:"what" jsonschema:"minLength=1"`
	// The number.
	Count int `json:"count" jsonschema:"minimum=1"`
	// Whether the report gives the number as a floor ("8,000+").
	AtLeast bool `json:"at_least,omitempty"`
	// When, as the report gives it (e.g. "Feb – Mar 2021"), if it does.
	When string `json:"when,omitempty"`
}

// Accountability is who oversees the programme, or is accountable for
// part of its delivery, and what for.
type Accountability struct {
	// Who, e.g. "ICSs" or "People Plan Delivery Board".
	Who string `json:"who" jsonschema:"minLength=1"`
	// What they are accountable for or oversee.
	Role string `json:"role" jsonschema:"minLength=1"`
}

// Foreword is the facts of the report's foreword.
type Foreword struct {
	// Who signed it.
	SignedBy string `json:"signed_by" jsonschema:"minLength=1"`
	// The signatory's role.
	Role string `json:"role" jsonschema:"minLength=1"`
	// How many members of the people profession the foreword counts.
	PeopleProfessionals int `json:"people_professionals,omitempty" jsonschema:"minimum=0"`
	// The national plans and commitments the foreword ties the report to.
	LinkedTo []string `json:"linked_to,omitempty"`
	// What the foreword says, in a few sentences of our own.
	Summary string `json:"summary,omitempty"`
}
