package spf

// PersonID identifies a Person within a Directory.
type PersonID string

// Person is someone who holds a post or a membership, as in Popolo. Only
// what the published sources say is recorded: a name, nothing private.
type Person struct {
	// The person's identifier in this directory.
	ID PersonID `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The person's name as published.
	Name string `json:"name" jsonschema:"minLength=1"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}
