package hrod

// Status is where a plan entry stands, in the GOV.UK and NHS.UK task list
// set. Display labels belong to the interface; these are the wire values.
type Status string

// The statuses.
const (
	NotYetStarted  Status = "not_yet_started"  // the default for a new entry
	InProgress     Status = "in_progress"      // work has started
	Completed      Status = "completed"        // done; a plan may require evidence
	CannotStartYet Status = "cannot_start_yet" // waiting on something else
	HasProblem     Status = "has_problem"      // blocked by a problem that needs attention
)

// Statuses lists every Status in task-list order.
var Statuses = []Status{NotYetStarted, InProgress, Completed, CannotStartYet, HasProblem}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the status as a task list shows it.
func (s Status) Label() string {
	switch s {
	case NotYetStarted:
		return "Not yet started"
	case InProgress:
		return "In progress"
	case Completed:
		return "Completed"
	case CannotStartYet:
		return "Cannot start yet"
	case HasProblem:
		return "There is a problem"
	}
	return string(s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *Status) UnmarshalText(b []byte) error {
	v := Status(b)
	if !v.Valid() {
		return &enumError{"status", string(b), "not_yet_started, in_progress, completed, cannot_start_yet, has_problem"}
	}
	*s = v
	return nil
}

// Enum lists the wire values; the schema generator reads it.
func (Status) Enum() []string {
	out := make([]string, len(Statuses))
	for i, s := range Statuses {
		out[i] = string(s)
	}
	return out
}
