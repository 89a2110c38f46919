package transfer

import (
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/internal/multi"
)

// Transfer describes the move of a service and its staff.
type Transfer struct {
	// The employer the staff leave.
	From Employer `json:"from"`
	// The employer the staff join.
	To Employer `json:"to"`
	// The day the transfer takes effect.
	Date date.Date `json:"date" jsonschema:"format=date"`
	// How the transfer happens.
	Mechanism Mechanism `json:"mechanism"`
	// For a service provision change: outsourcing, retender or insourcing.
	SPCKind SPCKind `json:"spc_kind,omitempty"`
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
	// The reason for a change to the employee's terms made or planned around the transfer, when there is one: transfer (the transfer itself, such as harmonising with the new employer's staff), eto_reason (an economic, technical or organisational reason entailing changes in the workforce) or unconnected.
	TermsChangeReason ChangeReason `json:"terms_change_reason,omitempty"`
	// The day the change to terms took or takes effect.
	TermsChangeDate date.Date `json:"terms_change_date,omitzero" jsonschema:"format=date"`
	// Whether the employee agreed to the change to terms.
	TermsChangeAgreed bool `json:"terms_change_agreed,omitempty"`
	// Whether the employee's contract itself lets the employer make this change.
	TermsChangeContractPermits bool `json:"terms_change_contract_permits,omitempty"`
	// Whether the terms changed came from a collective agreement.
	TermsChangeFromCollectiveAgreement bool `json:"terms_change_from_collective_agreement,omitempty"`
	// Whether, after the change, the employee's rights and duties taken together are no less favourable than before.
	TermsChangeNoLessFavourable bool `json:"terms_change_no_less_favourable,omitempty"`
	// The day employee liability information was sent to the new employer, if it has been.
	LiabilityInformationSent date.Date `json:"liability_information_sent,omitzero" jsonschema:"format=date"`
	// The day the representatives were informed, if they have been.
	RepresentativesInformed date.Date `json:"representatives_informed,omitzero" jsonschema:"format=date"`
	// The day consultation on the measures envisaged began, if it has.
	ConsultationStarted date.Date `json:"consultation_started,omitzero" jsonschema:"format=date"`
	// Agency workers the transferring employer uses in the group: they do not transfer, but the information given to representatives must cover them.
	AgencyWorkers int `json:"agency_workers,omitempty" jsonschema:"minimum=0"`
	// Employees affected by the transfer who do not transfer (colleagues whose work changes, say): each employer's duty to inform and consult covers them too.
	AffectedNotTransferring int `json:"affected_not_transferring,omitempty" jsonschema:"minimum=0"`
	// Whether the representatives were never informed: the transfer happened without it.
	RepresentativesNeverInformed bool `json:"representatives_never_informed,omitempty"`
	// The day a complaint that the employers failed to inform or consult was presented to an employment tribunal, if one was: the assessment says whether it was in time.
	ComplaintPresented date.Date `json:"complaint_presented,omitzero" jsonschema:"format=date"`
	// Whether the transferring employer says special circumstances made it not reasonably practicable to send employee liability information in time.
	SpecialCircumstances bool `json:"special_circumstances,omitempty"`
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
	// The day the case is assessed as at (YYYY-MM-DD), to say which duties are overdue; without it, none is judged.
	AsAt date.Date `json:"as_at,omitzero" jsonschema:"format=date"`
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
		if t.Date.Before(CoveredFrom) {
			l.Add("/transfer/date", "before_covered", "spfkit covers transfers from "+CoveredFrom.String()+", when TUPE 2006 came into force; a transfer on "+t.Date.String()+" fell under earlier law, which it does not apply").Hint = "check the date; for an earlier transfer, take advice on the law of its day"
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
		{"/as_at", c.AsAt},
		{"/employee/termination_date", c.Employee.TerminationDate},
		{"/transfer/terms_change_date", t.TermsChangeDate},
		{"/transfer/complaint_presented", t.ComplaintPresented},
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
	if (t.Mechanism == BusinessTransfer || t.Mechanism == ServiceProvisionChange) && !t.Compulsory {
		l.Add("/transfer/compulsory", "invalid_value", "under TUPE staff move by law, so a "+string(t.Mechanism)+" is compulsory").Hint = "set compulsory to true, or describe a move the staff choose as a voluntary_move"
	}
	if t.RepresentativesNeverInformed && !t.RepresentativesInformed.IsZero() {
		l.Add("/transfer/representatives_never_informed", "invalid_value", "the representatives cannot have been informed on "+t.RepresentativesInformed.String()+" and never").Hint = "keep one of representatives_informed and representatives_never_informed"
	}
	if !c.Employee.TerminationDate.IsZero() && c.Employee.TerminationDate.Before(c.Employee.ContinuousServiceStart) {
		l.Add("/employee/termination_date", "invalid_value", "employment cannot end before it started")
	}
	if c.Employee.EmploymentStatus != "" && !c.Employee.EmploymentStatus.Valid() {
		l.Add("/employee/employment_status", "invalid_value", "unknown employment status \""+string(c.Employee.EmploymentStatus)+"\"").Hint = "use employee or worker"
	}
	if c.Employee.LaterMove != "" && !c.Employee.LaterMove.Valid() {
		l.Add("/employee/later_move", "invalid_value", "unknown later move \""+string(c.Employee.LaterMove)+"\"").Hint = "use compulsory or voluntary"
	}
	if t.TermsChangeReason != "" && !t.TermsChangeReason.Valid() {
		l.Add("/transfer/terms_change_reason", "invalid_value", "unknown reason for a change to terms \""+string(t.TermsChangeReason)+"\"").Hint = "use transfer, eto_reason, unconnected or none"
	} else if (t.TermsChangeReason == "" || t.TermsChangeReason == ReasonNone) && (!t.TermsChangeDate.IsZero() || t.TermsChangeAgreed || t.TermsChangeContractPermits || t.TermsChangeFromCollectiveAgreement || t.TermsChangeNoLessFavourable) {
		l.Add("/transfer/terms_change_reason", "missing_value", "the case gives facts about a change to terms but not the change's reason, which decides whether it stands").Hint = "set terms_change_reason to transfer, eto_reason or unconnected, or remove the terms_change_ facts"
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

// CoveredFrom is the first transfer date the rules cover: TUPE 2006 came
// into force on 6 April 2006. The rules never apply later law to an
// earlier transfer; Case.Validate refuses one.
var CoveredFrom = date.MustParse("2006-04-06")
