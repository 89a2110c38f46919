package spf

import (
	"slices"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/jsonptr"
)

// DocumentKind is what sort of document a body made, agreed or relies on.
type DocumentKind string

// The kinds of document.
const (
	TermsOfReference DocumentKind = "terms_of_reference" // a body's own remit and ways of working
	GuidanceDoc      DocumentKind = "guidance"           // advice on how to do something
	FrameworkDoc     DocumentKind = "framework"          // a framework others work within
	PlanDoc          DocumentKind = "plan"               // a plan of action, such as the NHS People Plan
	PolicyDoc        DocumentKind = "policy"             // a model policy for employers to adopt
	ServiceDoc       DocumentKind = "service"            // a service run in partnership, described by its page
	LetterDoc        DocumentKind = "letter"             // a letter a body sent
	QuestionsDoc     DocumentKind = "faq"                // answers to frequently asked questions
	GlossaryDoc      DocumentKind = "glossary"           // a jargon buster
	OtherDoc         DocumentKind = "other"
)

// DocumentKinds lists every valid DocumentKind.
var DocumentKinds = []DocumentKind{TermsOfReference, GuidanceDoc, FrameworkDoc, PlanDoc, PolicyDoc, ServiceDoc, LetterDoc, QuestionsDoc, GlossaryDoc, OtherDoc}

// Valid reports whether k is one of DocumentKinds.
func (k DocumentKind) Valid() bool { return slices.Contains(DocumentKinds, k) }

// MarshalText implements encoding.TextMarshaler.
func (k DocumentKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *DocumentKind) UnmarshalText(b []byte) (err error) {
	*k, err = parseEnum("document kind", DocumentKinds, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (DocumentKind) Enum() []string { return enumStrings(DocumentKinds) }

// Document is an entry in a register of the documents bodies made, agreed
// or work to: terms of reference, guidance, frameworks, plans, model
// policies, letters. Titles are the sources' own, shortened where long;
// what a document is for is said in our own words.
type Document struct {
	// The document's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The title as its source gives it, or its main part where it runs long.
	Title string `json:"title" jsonschema:"minLength=1"`
	// What sort of document it is.
	Kind DocumentKind `json:"kind"`
	// The day, month or year it was published, when the sources say.
	Published date.Date `json:"published,omitzero"`
	// The day, month or year it was last updated, when the sources say.
	Updated date.Date `json:"updated,omitzero"`
	// The organisation that published it.
	PublisherID OrgID `json:"publisher_id,omitempty"`
	// The bodies that made, agreed or own it.
	BodyIDs []OrgID `json:"body_ids,omitempty"`
	// What it is for, in a sentence or two.
	Summary string `json:"summary,omitempty"`
	// Remarks on the record.
	Notes []string `json:"notes,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}

// documents checks the register: ids unique, a title and a known kind,
// the publisher and bodies in the directory, and an update no earlier than
// the publication.
func (v *validator) documents() {
	ids := map[string]int{}
	for i, doc := range v.d.Documents {
		p := jsonptr.Join("/documents", i)
		dup(v, ids, doc.ID, i, jsonptr.Join(p, "id"))
		if doc.Title == "" {
			v.add(jsonptr.Join(p, "title"), CodeMissingValue, "document %s has no title", doc.ID)
		}
		if !doc.Kind.Valid() {
			v.add(jsonptr.Join(p, "kind"), CodeInvalidValue, "unknown document kind %q", doc.Kind)
		}
		v.org(jsonptr.Join(p, "publisher_id"), doc.PublisherID, true)
		for j, id := range doc.BodyIDs {
			v.org(jsonptr.Join(p, "body_ids", j), id, false)
		}
		if !doc.Updated.IsZero() && !doc.Published.IsZero() && doc.Updated.Before(doc.Published) {
			v.add(jsonptr.Join(p, "updated"), CodeInvalidValue, "document %s was updated on %s, before it was published on %s", doc.ID, doc.Updated, doc.Published)
		}
	}
}
