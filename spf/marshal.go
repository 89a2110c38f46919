package spf

import "encoding/json"

// The lists a schema requires are written as [] rather than null when they
// are nil, so a Go value always marshals to JSON of the right type.

// MarshalJSON implements json.Marshaler.
func (d Directory) MarshalJSON() ([]byte, error) {
	type plain Directory
	if d.Organizations == nil {
		d.Organizations = []Organization{}
	}
	return json.Marshal(plain(d))
}

// MarshalJSON implements json.Marshaler.
func (e ChangeEvent) MarshalJSON() ([]byte, error) {
	type plain ChangeEvent
	if e.OriginalIDs == nil {
		e.OriginalIDs = []OrgID{}
	}
	if e.ResultingIDs == nil {
		e.ResultingIDs = []OrgID{}
	}
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler.
func (c Charter) MarshalJSON() ([]byte, error) {
	type plain Charter
	if c.Items == nil {
		c.Items = []string{}
	}
	return json.Marshal(plain(c))
}
