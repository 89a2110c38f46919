package hrod

// Theme is one of the framework's eight themes, with its 2030 vision.
type Theme struct {
	// A stable identifier, e.g. "health-and-wellbeing".
	Slug string `json:"slug" jsonschema:"pattern=^[a-z][a-z-]*$"`
	// The theme's name as the report's vision gives it.
	Name string `json:"name" jsonschema:"minLength=1"`
	// The theme's 2030 vision statement, paraphrased.
	Vision string `json:"vision" jsonschema:"minLength=1"`
	// Other wordings of the name in the report, such as the appendix headings.
	OtherNames []string `json:"other_names,omitempty"`
}
