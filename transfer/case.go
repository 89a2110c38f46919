package transfer

import (
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/multi"
)

// Terms are the national terms an employee is on.
type Terms string

// The terms.
const (
	AgendaForChange Terms = "agenda_for_change"
	MedicalDental   Terms = "medical_dental"
	BoardLevel      Terms = "board_level" // very senior managers and board members
)

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

// Mechanism is how a transfer happens.
type Mechanism string

// The mechanisms.
const (
	BusinessTransfer        Mechanism = "tupe_business_transfer"
	ServiceProvisionChange  Mechanism = "tupe_service_provision_change"
	StatutoryScheme         Mechanism = "statutory_transfer_scheme"
	COSOPOffer              Mechanism = "cosop_offer"
	VoluntaryMove           Mechanism = "voluntary_move"
	AdministrativeReorg     Mechanism = "administrative_reorganisation"
	SPCOutsourcing                    = "outsourcing"
	SPCRetender                       = "retender"
	SPCInsourcing                     = "insourcing"
	ChangeNone                        = "none"
	ChangeHarmonisation               = "harmonisation"
	ChangeETO                         = "eto_reason"
	ChangeContractPermits             = "contract_permits"
	ChangeCollectiveAfterYr           = "collective_agreement_after_a_year"
)

// Employee is the member of staff whose transfer is assessed.
type Employee struct {
	// The national terms the employee is on.
	Terms Terms `json:"terms" jsonschema:"enum=agenda_for_change,enum=medical_dental,enum=board_level"`
	// The employee's contract status.
	Contract ContractStatus `json:"contract" jsonschema:"enum=permanent,enum=fixed_term,enum=bank,enum=secondee,enum=on_leave"`
	// The employee's standing in the NHS Pension Scheme.
	Pension PensionStatus `json:"pension" jsonschema:"enum=nhsps_active,enum=nhsps_eligible,enum=nhsps_opted_out,enum=protected_transferee,enum=broadly_comparable,enum=other_scheme"`
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
}

// Transfer describes the move of a service and its staff.
type Transfer struct {
	// The employer the staff leave.
	From Employer `json:"from"`
	// The employer the staff join.
	To Employer `json:"to"`
	// The day the transfer takes effect.
	Date date.Date `json:"date" jsonschema:"format=date"`
	// How the transfer happens.
	Mechanism Mechanism `json:"mechanism" jsonschema:"enum=tupe_business_transfer,enum=tupe_service_provision_change,enum=statutory_transfer_scheme,enum=cosop_offer,enum=voluntary_move,enum=administrative_reorganisation"`
	// For a service provision change: outsourcing, retender or insourcing.
	SPCKind string `json:"spc_kind,omitempty" jsonschema:"enum=outsourcing,enum=retender,enum=insourcing"`
	// Whether staff must move (true) or choose to (false).
	Compulsory bool `json:"compulsory"`
	// For an administrative reorganisation: whether the activity is economic (a market for it exists).
	EconomicActivity bool `json:"economic_activity,omitempty"`
	// How many employees transfer.
	Transferring int `json:"transferring" jsonschema:"minimum=1"`
	// Whether either employer envisages measures (changes) affecting the staff.
	MeasuresEnvisaged bool `json:"measures_envisaged,omitempty"`
	// Redundancies the new employer proposes at one establishment within 90 days.
	RedundanciesEnvisaged int `json:"redundancies_envisaged,omitempty" jsonschema:"minimum=0"`
	// The day of the first proposed dismissal, when redundancies are envisaged.
	FirstDismissal date.Date `json:"first_dismissal,omitzero" jsonschema:"format=date"`
	// A change to terms made or planned because of the transfer: none, harmonisation, eto_reason, contract_permits or collective_agreement_after_a_year.
	TermsChange string `json:"terms_change,omitempty" jsonschema:"enum=none,enum=harmonisation,enum=eto_reason,enum=contract_permits,enum=collective_agreement_after_a_year"`
	// The day employee liability information was sent to the new employer, if it has been.
	LiabilityInformationSent date.Date `json:"liability_information_sent,omitzero" jsonschema:"format=date"`
	// The day the representatives were informed, if they have been.
	RepresentativesInformed date.Date `json:"representatives_informed,omitzero" jsonschema:"format=date"`
	// The day consultation on the measures envisaged began, if it has.
	ConsultationStarted date.Date `json:"consultation_started,omitzero" jsonschema:"format=date"`
}

// Case is an employee's transfer, to be assessed.
type Case struct {
	// The URL of the transfer-case schema.
	Schema string `json:"$schema,omitempty"`
	// An identifier for the case, echoed in its assessment.
	ID string `json:"id,omitempty"`
	// The employee.
	Employee Employee `json:"employee"`
	// The transfer.
	Transfer Transfer `json:"transfer"`
}

// CaseSchemaURL and AssessmentSchemaURL are the $id of the schemas.
const (
	CaseSchemaURL       = "https://spfkit.github.io/schema/v1/transfer-case.schema.json"
	AssessmentSchemaURL = "https://spfkit.github.io/schema/v1/transfer-assessment.schema.json"
)

// Validate reports cases that are contradictory or impossible, each at
// its JSON Pointer: the same employer on both sides, an employer that did
// not exist on the transfer date (a CCG receiving staff after 30 June
// 2022, an ICB before 1 July 2022), a transfer before the employee started,
// a service provision change without its kind, and first dismissals before
// the transfer. The error is a *multierror.Error of *problem.Error, or nil.
func (c *Case) Validate() error {
	var l multi.List
	t := &c.Transfer
	if !t.From.Kind.Valid() {
		l.Add("/transfer/from/kind", "invalid_value", "unknown employer kind \""+string(t.From.Kind)+"\"")
	}
	if !t.To.Kind.Valid() {
		l.Add("/transfer/to/kind", "invalid_value", "unknown employer kind \""+string(t.To.Kind)+"\"")
	}
	if t.From.Name != "" && t.From.Name == t.To.Name && t.From.Kind == t.To.Kind {
		l.Add("/transfer/to", "same_employer", "the staff would transfer from "+t.From.Name+" to itself").Hint = "a move within one employer is not a transfer"
	}
	if t.Date.IsZero() {
		l.Add("/transfer/date", "missing_value", "the transfer has no date")
	} else {
		for _, side := range []struct {
			e    Employer
			at   string
			role string
		}{{t.From, "/transfer/from", "send"}, {t.To, "/transfer/to", "receive"}} {
			from, until := side.e.Kind.Lifetime()
			if !from.IsZero() && t.Date.Before(from) {
				l.Add(side.at+"/kind", "employer_not_existing", "a "+string(side.e.Kind)+" cannot "+side.role+" staff on "+t.Date.String()+": it was established on "+from.String()).Hint = "check the date or the employer"
			}
			if !until.IsZero() {
				// A body's staff leave it on the day it is abolished; it can
				// receive staff only while it exists.
				if side.role == "receive" && !t.Date.Before(until) || side.role == "send" && until.Before(t.Date) {
					l.Add(side.at+"/kind", "employer_not_existing", "a "+string(side.e.Kind)+" cannot "+side.role+" staff on "+t.Date.String()+": it ceased to exist on "+until.String()).Hint = "check the date or the employer"
				}
			}
		}
		if !c.Employee.ContinuousServiceStart.IsZero() && t.Date.Before(c.Employee.ContinuousServiceStart) {
			l.Add("/transfer/date", "before_employment", "the transfer date "+t.Date.String()+" is before the employee started on "+c.Employee.ContinuousServiceStart.String())
		}
		if !t.FirstDismissal.IsZero() && t.FirstDismissal.Before(t.Date) && t.RedundanciesEnvisaged > 0 {
			l.Add("/transfer/first_dismissal", "invalid_value", "the first dismissal is before the transfer; the new employer cannot dismiss staff it does not yet employ")
		}
	}
	for _, f := range []struct {
		at string
		d  date.Date
	}{
		{"/employee/continuous_service_start", c.Employee.ContinuousServiceStart},
		{"/employee/nhs_service_start", c.Employee.NHSServiceStart},
		{"/transfer/date", t.Date},
		{"/transfer/first_dismissal", t.FirstDismissal},
		{"/transfer/liability_information_sent", t.LiabilityInformationSent},
		{"/transfer/representatives_informed", t.RepresentativesInformed},
		{"/transfer/consultation_started", t.ConsultationStarted},
	} {
		switch {
		case f.d.IsZero():
		case f.d.Precision() != date.PrecisionDay:
			l.Add(f.at, "date", "\""+f.d.String()+"\" is not a whole day").Hint = "write the day, as YYYY-MM-DD"
		case f.d.Year() < minYear:
			// Also keeps 0001-01-01 from reading as a real date.
			l.Add(f.at, "date", "\""+f.d.String()+"\" is too early for a date of employment").Hint = "write a day from 1900 on"
		}
	}
	if c.Employee.ContinuousServiceStart.IsZero() {
		l.Add("/employee/continuous_service_start", "missing_value", "the employee's continuous service start is not given")
	}
	if t.Mechanism == ServiceProvisionChange && t.SPCKind == "" {
		l.Add("/transfer/spc_kind", "missing_value", "a service provision change needs its kind: outsourcing, retender or insourcing")
	}
	if !c.Employee.NHSServiceStart.IsZero() && c.Employee.ContinuousServiceStart.Before(c.Employee.NHSServiceStart) {
		l.Add("/employee/nhs_service_start", "invalid_value", "NHS service cannot start after the continuous service it includes")
	}
	return l.Err()
}

// minYear is the earliest year a case's dates may fall in: nobody
// transferring now started work before it.
const minYear = 1900
