package hrod

// ItemID names an item: its action's number, a dot and the item's place
// among the action's bullets, e.g. "12.4".
type ItemID string

// Action is one of the framework's 35 numbered actions.
type Action struct {
	// The action's number, "01" to "35".
	Number string `json:"number" jsonschema:"pattern=^[0-3][0-9]$"`
	// The slug of the action's theme.
	Theme string `json:"theme" jsonschema:"pattern=^[a-z][a-z-]*$"`
	// Who the action is addressed to, as the report writes it, e.g. "Organisation and ICS CPOs".
	Actor string `json:"actor" jsonschema:"minLength=1"`
	// national or local.
	Level Level `json:"level"`
	// A short summary of the action, paraphrased.
	Summary string `json:"summary" jsonschema:"minLength=1"`
	// Every bullet of the action, in order.
	Items []Item `json:"items" jsonschema:"minItems=1"`
	// How an ambiguity in the report's text was resolved for this action.
	Note string `json:"note,omitempty"`
}

// Item is one bullet of an action.
type Item struct {
	// The item's id, e.g. "12.4".
	ID ItemID `json:"id" jsonschema:"pattern=^[0-3][0-9]\\.[1-9][0-9]*$"`
	// The bullet as the report writes it, without its deadline.
	Text string `json:"text" jsonschema:"minLength=1"`
	// The item's deadline, or null when the report gives none.
	Deadline *Deadline `json:"deadline" jsonschema:"nullable"`
}
