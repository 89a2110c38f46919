package spf

import (
	"github.com/spfkit/spfkit/date"
)

// MeetingStatus is where a meeting stands, as Popolo events have it.
type MeetingStatus string

// The states of a meeting.
const (
	Tentative MeetingStatus = "tentative"
	Confirmed MeetingStatus = "confirmed"
	Cancelled MeetingStatus = "cancelled"
)

// MeetingStatuses lists every valid MeetingStatus.
var MeetingStatuses = []MeetingStatus{Tentative, Confirmed, Cancelled}

// Valid reports whether s is one of MeetingStatuses.
func (s MeetingStatus) Valid() bool {
	_, err := parseEnum("meeting status", MeetingStatuses, []byte(s))
	return err == nil
}

// MarshalText implements encoding.TextMarshaler.
func (s MeetingStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *MeetingStatus) UnmarshalText(b []byte) (err error) {
	*s, err = parseEnum("meeting status", MeetingStatuses, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (MeetingStatus) Enum() []string { return enumStrings(MeetingStatuses) }

// Meeting is a meeting, workshop or other event of a body (Popolo event).
type Meeting struct {
	// The meeting's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The body that holds the meeting.
	OrganizationID OrgID `json:"organization_id"`
	// The meeting's title.
	Name string `json:"name" jsonschema:"minLength=1"`
	// The day of the meeting.
	Date date.Date `json:"date"`
	// The local start time, HH:MM.
	StartTime string `json:"start_time,omitempty" jsonschema:"pattern=^([01][0-9]|2[0-3]):[0-5][0-9]$"`
	// The local end time, HH:MM.
	EndTime string `json:"end_time,omitempty" jsonschema:"pattern=^([01][0-9]|2[0-3]):[0-5][0-9]$"`
	// Where the meeting is held, or "virtual".
	Location string `json:"location,omitempty"`
	// Whether the meeting is tentative, confirmed or cancelled.
	Status MeetingStatus `json:"status"`
	// The people who attended.
	Attendees []PersonID `json:"attendee_ids,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}
