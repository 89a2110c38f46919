package spf

// CharterKind says what a Charter lists.
type CharterKind string

// The kinds of charter.
const (
	Aims                 CharterKind = "aims"                  // what the body sets out to do
	Principles           CharterKind = "principles"            // how partners commit to deal with each other
	SharedApproach       CharterKind = "shared_approach"       // the values a partnership agreement rests on
	Behaviours           CharterKind = "behaviours"            // ground rules for members in meetings
	Duties               CharterKind = "duties"                // what representatives should do
	MembershipCategories CharterKind = "membership_categories" // who the members are drawn from
)

// CharterKinds lists every valid CharterKind.
var CharterKinds = []CharterKind{Aims, Principles, SharedApproach, Behaviours, Duties, MembershipCategories}

// Valid reports whether k is one of CharterKinds.
func (k CharterKind) Valid() bool {
	_, err := parseEnum("charter kind", CharterKinds, []byte(k))
	return err == nil
}

// MarshalText implements encoding.TextMarshaler.
func (k CharterKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *CharterKind) UnmarshalText(b []byte) (err error) {
	*k, err = parseEnum("charter kind", CharterKinds, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (CharterKind) Enum() []string { return enumStrings(CharterKinds) }

// Charter is a list a body has agreed: its aims, its partnership principles,
// the behaviours expected of members or the duties of representatives.
// Items are paraphrased from the source unless they are short labels.
type Charter struct {
	// The charter's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The body that agreed it.
	OrganizationID OrgID `json:"organization_id"`
	// What the charter lists.
	Kind CharterKind `json:"kind"`
	// The charter's title.
	Title string `json:"title" jsonschema:"minLength=1"`
	// The items, in the source's order.
	Items []string `json:"items" jsonschema:"minItems=1"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}
