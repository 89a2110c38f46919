package spf

import "github.com/spfkit/spfkit/date"

// Source names the document a fact was taken from, as Popolo's sources do.
// Title is required; URL is optional because some sources (a page as it was
// captured, a members' handbook) have no stable address.
type Source struct {
	// The title of the source document or page, with its section when that matters.
	Title string `json:"title" jsonschema:"minLength=1"`
	// The address of the source, when it has a stable one.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// The date the source was published or captured.
	Date date.Date `json:"date,omitzero"`
	// What the source says that is relevant here, or how it was read.
	Note string `json:"note,omitempty"`
}
