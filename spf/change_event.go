package spf

import (
	"github.com/spfkit/spfkit/date"
)

// ChangeKind is the kind of organisational change a ChangeEvent records.
type ChangeKind string

// The kinds of change.
const (
	// Replacement: the originals end and new bodies founded on the date take over (CCGs into ICBs).
	Replacement ChangeKind = "replacement"
	// Merger: the originals join a resulting body, which may already exist (NHS Digital into NHS England).
	Merger ChangeKind = "merger"
	// Split: one original divides into several resulting bodies.
	Split ChangeKind = "split"
	// Rename: the same body continues under a new name and identifier.
	Rename ChangeKind = "rename"
)

// ChangeKinds lists every valid ChangeKind.
var ChangeKinds = []ChangeKind{Replacement, Merger, Split, Rename}

// Valid reports whether k is one of ChangeKinds.
func (k ChangeKind) Valid() bool {
	_, err := parseEnum("change kind", ChangeKinds, []byte(k))
	return err == nil
}

// MarshalText implements encoding.TextMarshaler.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ChangeKind) UnmarshalText(b []byte) (err error) {
	*k, err = parseEnum("change kind", ChangeKinds, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (ChangeKind) Enum() []string { return enumStrings(ChangeKinds) }

// ChangeEvent records an organisational change, such as CCGs replaced by
// ICBs on 2022-07-01 (W3C ORG org:ChangeEvent). The event does not end the
// originals by itself: a dissolution is recorded on each Organization, so
// an original may live on (as NHS England did after the mergers into it).
type ChangeEvent struct {
	// The event's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The kind of change.
	Kind ChangeKind `json:"kind"`
	// The date the change took effect.
	Date date.Date `json:"date"`
	// The bodies that existed before the change.
	OriginalIDs []OrgID `json:"original_organization_ids" jsonschema:"minItems=1"`
	// The bodies that exist after it.
	ResultingIDs []OrgID `json:"resulting_organization_ids" jsonschema:"minItems=1"`
	// What happened, in a sentence or two.
	Description string `json:"description,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}
