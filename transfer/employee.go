package transfer

import "github.com/spfkit/spfkit/date"

// Terms are the national terms an employee is on.
type Terms string

// The terms.
const (
	AgendaForChange Terms = "agenda_for_change"
	MedicalDental   Terms = "medical_dental"
	BoardLevel      Terms = "board_level" // very senior managers and board members
)

// TermsValues lists every Terms.
var TermsValues = []Terms{AgendaForChange, MedicalDental, BoardLevel}

// Valid reports whether t is one of TermsValues.
func (t Terms) Valid() bool { return validEnum(TermsValues, t) }

// Enum lists the wire values; the schema generator reads it.
func (Terms) Enum() []string { return enumStrings(TermsValues) }

// MarshalText implements encoding.TextMarshaler.
func (t Terms) MarshalText() ([]byte, error) { return []byte(t), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside TermsValues.
func (t *Terms) UnmarshalText(b []byte) error { return unmarshalEnum(t, "terms", TermsValues, b) }

// ContractStatus is the state of an employee's contract.
type ContractStatus string

// The contract statuses.
const (
	Permanent ContractStatus = "permanent"
	FixedTerm ContractStatus = "fixed_term"
	Bank      ContractStatus = "bank"
	Secondee  ContractStatus = "secondee"
	OnLeave   ContractStatus = "on_leave" // maternity, sick, career break or suspended
)

// ContractStatuses lists every ContractStatus.
var ContractStatuses = []ContractStatus{Permanent, FixedTerm, Bank, Secondee, OnLeave}

// Valid reports whether s is one of ContractStatuses.
func (s ContractStatus) Valid() bool { return validEnum(ContractStatuses, s) }

// Enum lists the wire values; the schema generator reads it.
func (ContractStatus) Enum() []string { return enumStrings(ContractStatuses) }

// MarshalText implements encoding.TextMarshaler.
func (s ContractStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside ContractStatuses.
func (s *ContractStatus) UnmarshalText(b []byte) error {
	return unmarshalEnum(s, "contract status", ContractStatuses, b)
}

// PensionStatus is an employee's standing in the NHS Pension Scheme.
type PensionStatus string

// The pension statuses.
const (
	NHSPSActive         PensionStatus = "nhsps_active"
	NHSPSEligible       PensionStatus = "nhsps_eligible"  // eligible, not a member
	NHSPSOptedOut       PensionStatus = "nhsps_opted_out" // opted out
	ProtectedTransferee PensionStatus = "protected_transferee"
	BroadlyComparable   PensionStatus = "broadly_comparable" // left the NHS under the old Fair Deal into a broadly comparable scheme
	OtherScheme         PensionStatus = "other_scheme"
)

// PensionStatuses lists every PensionStatus.
var PensionStatuses = []PensionStatus{NHSPSActive, NHSPSEligible, NHSPSOptedOut, ProtectedTransferee, BroadlyComparable, OtherScheme}

// Valid reports whether s is one of PensionStatuses.
func (s PensionStatus) Valid() bool { return validEnum(PensionStatuses, s) }

// Enum lists the wire values; the schema generator reads it.
func (PensionStatus) Enum() []string { return enumStrings(PensionStatuses) }

// MarshalText implements encoding.TextMarshaler.
func (s PensionStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside PensionStatuses.
func (s *PensionStatus) UnmarshalText(b []byte) error {
	return unmarshalEnum(s, "pension status", PensionStatuses, b)
}

// EmploymentStatus is whether the person works under a contract of
// employment or as a worker: unfair dismissal, contractual redundancy and
// Agenda for Change leave and sick pay are an employee's, and whether
// TUPE moves a worker is not settled.
type EmploymentStatus string

// The employment statuses.
const (
	StatusEmployee EmploymentStatus = "employee" // a contract of employment
	StatusWorker   EmploymentStatus = "worker"   // a worker's contract, as bank staff often have
)

// EmploymentStatuses lists every EmploymentStatus.
var EmploymentStatuses = []EmploymentStatus{StatusEmployee, StatusWorker}

// Valid reports whether s is one of EmploymentStatuses.
func (s EmploymentStatus) Valid() bool { return validEnum(EmploymentStatuses, s) }

// Enum lists the wire values; the schema generator reads it.
func (EmploymentStatus) Enum() []string { return enumStrings(EmploymentStatuses) }

// MarshalText implements encoding.TextMarshaler.
func (s EmploymentStatus) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside EmploymentStatuses.
func (s *EmploymentStatus) UnmarshalText(b []byte) error {
	return unmarshalEnum(s, "employment status", EmploymentStatuses, b)
}

// Employee is the member of staff whose transfer is assessed.
type Employee struct {
	// The national terms the employee is on.
	Terms Terms `json:"terms"`
	// The employee's contract status.
	Contract ContractStatus `json:"contract"`
	// Whether the person is an employee (a contract of employment) or a worker; when not given, an employee is assumed, except that bank staff are told they may be either.
	EmploymentStatus EmploymentStatus `json:"employment_status,omitempty"`
	// The employee's standing in the NHS Pension Scheme.
	Pension PensionStatus `json:"pension"`
	// The start of the employee's continuous employment with the transferring employer.
	ContinuousServiceStart date.Date `json:"continuous_service_start" jsonschema:"format=date"`
	// The start of the employee's reckonable NHS service, when different.
	NHSServiceStart date.Date `json:"nhs_service_start,omitzero" jsonschema:"format=date"`
	// Whether the employee is assigned (not temporarily) to the group that transfers.
	Assigned bool `json:"assigned"`
	// Whether the employee has told the employer they object to transferring.
	Objects bool `json:"objects,omitempty"`
	// Whether the transfer brings a substantial change in working conditions to the employee's material detriment (a distant relocation, say).
	MaterialDetriment bool `json:"material_detriment,omitempty"`
	// The day the employee's employment ended or ends, when they are or will be dismissed (YYYY-MM-DD): unfair dismissal rights turn on it, not on the transfer date.
	TerminationDate date.Date `json:"termination_date,omitzero" jsonschema:"format=date"`
	// A move the employee made or makes after the transfer, within the new employer: compulsory or voluntary.
	LaterMove LaterMove `json:"later_move,omitempty"`
}

// LaterMove is a move the employee makes after the transfer, within the
// new employer.
type LaterMove string

// The later moves.
const (
	LaterCompulsory LaterMove = "compulsory" // the employer moves them, on the same terms
	LaterVoluntary  LaterMove = "voluntary"  // they choose a different role or terms
)

// LaterMoves lists every LaterMove.
var LaterMoves = []LaterMove{LaterCompulsory, LaterVoluntary}

// Valid reports whether m is one of LaterMoves.
func (m LaterMove) Valid() bool { return validEnum(LaterMoves, m) }

// Enum lists the wire values; the schema generator reads it.
func (LaterMove) Enum() []string { return enumStrings(LaterMoves) }

// MarshalText implements encoding.TextMarshaler.
func (m LaterMove) MarshalText() ([]byte, error) { return []byte(m), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside LaterMoves.
func (m *LaterMove) UnmarshalText(b []byte) error {
	return unmarshalEnum(m, "later move", LaterMoves, b)
}
