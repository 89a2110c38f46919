package transfer

import "github.com/spfkit/spfkit/date"

// EmployerKind is the kind of organisation an employer is. The set is
// closed; it decides whether the employer is an NHS employer under Agenda
// for Change, whether it is a public body bound by COSOP, and which route
// of the SPF staff transfer guide a move to it follows.
type EmployerKind string

// The employer kinds.
const (
	NHSTrust                 EmployerKind = "nhs_trust"
	FoundationTrust          EmployerKind = "foundation_trust"
	ICB                      EmployerKind = "icb"                      // integrated care board, from 1 July 2022
	CCG                      EmployerKind = "ccg"                      // clinical commissioning group, abolished 1 July 2022
	NHSEngland               EmployerKind = "nhs_england"              // NHS England
	NHSImprovement           EmployerKind = "nhs_improvement"          // Monitor and the NHS TDA, abolished 1 July 2022
	HEE                      EmployerKind = "hee"                      // Health Education England, merged into NHS England 1 April 2023
	NHSDigital               EmployerKind = "nhs_digital"              // merged into NHS England 1 February 2023
	SpecialHealthAuthority   EmployerKind = "special_health_authority" // e.g. NHSBSA
	DHSC                     EmployerKind = "dhsc"                     // the Department of Health and Social Care (civil service)
	LocalAuthority           EmployerKind = "local_authority"
	GPPractice               EmployerKind = "gp_practice"                // a GMS or PMS contractor
	APMSContractor           EmployerKind = "apms_contractor"            // an APMS contract holder
	PrivateProvider          EmployerKind = "private_provider"           // an independent provider: a company
	CharityProvider          EmployerKind = "charity_provider"           // an independent provider: a charity
	SocialEnterprise         EmployerKind = "social_enterprise"          // an independent provider: a social enterprise or not-for-profit
	PrimaryCareTrust         EmployerKind = "primary_care_trust"         // abolished 1 April 2013 (Health and Social Care Act 2012)
	StrategicHealthAuthority EmployerKind = "strategic_health_authority" // abolished 1 April 2013 (Health and Social Care Act 2012)
	CSU                      EmployerKind = "commissioning_support_unit" // hosted by NHS England, which employs its staff, from 1 April 2013 (open question Q8)
	WhollyOwnedSubsidiary    EmployerKind = "wholly_owned_subsidiary"    // a company wholly owned by an NHS trust or foundation trust (open question Q8)
)

// EmployerKinds lists every valid EmployerKind.
var EmployerKinds = []EmployerKind{NHSTrust, FoundationTrust, ICB, CCG, NHSEngland, NHSImprovement, HEE, NHSDigital,
	SpecialHealthAuthority, DHSC, LocalAuthority, GPPractice, APMSContractor, PrivateProvider, CharityProvider, SocialEnterprise,
	PrimaryCareTrust, StrategicHealthAuthority, CSU, WhollyOwnedSubsidiary}

// Valid reports whether k is one of EmployerKinds.
func (k EmployerKind) Valid() bool { return validEnum(EmployerKinds, k) }

// Enum lists the wire values; the schema generator reads it.
func (EmployerKind) Enum() []string { return enumStrings(EmployerKinds) }

// MarshalText implements encoding.TextMarshaler.
func (k EmployerKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside EmployerKinds.
func (k *EmployerKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(k, "employer kind", EmployerKinds, b)
}

// IsNHS reports whether k is an NHS employer for Agenda for Change (the
// Handbook's Annex 1 and its predecessor and successor bodies; ICBs, as
// CCGs' successors, are taken to be included: open question Q6). A
// commissioning support unit counts as NHS England, its host and its
// staff's employer (open question Q8).
func (k EmployerKind) IsNHS() bool {
	switch k {
	case NHSTrust, FoundationTrust, ICB, CCG, NHSEngland, NHSImprovement, HEE, NHSDigital, SpecialHealthAuthority, PrimaryCareTrust, StrategicHealthAuthority, CSU:
		return true
	}
	return false
}

// IsContractor reports whether k provides services under contract to
// the NHS: an independent provider, a GP practice or an APMS contractor.
func (k EmployerKind) IsContractor() bool {
	return k.IsIndependent() || k == GPPractice || k == APMSContractor
}

// IsPublic reports whether k is a public body to which COSOP applies: the
// NHS, central government and (for transfers to and from it) local
// government.
func (k EmployerKind) IsPublic() bool {
	return k.IsNHS() || k == DHSC || k == LocalAuthority
}

// IsIndependent reports whether k is an independent provider. An NHS
// trust's wholly owned subsidiary is one: a company, not an NHS body,
// though its owner is (open question Q8).
func (k EmployerKind) IsIndependent() bool {
	return k == PrivateProvider || k == CharityProvider || k == SocialEnterprise || k == WhollyOwnedSubsidiary
}

// Lifetime returns when employers of kind k began and ceased to exist
// (zero for no limit): primary care trusts and strategic health
// authorities until 1 April 2013, when CCGs and commissioning support
// units began (Health and Social Care Act 2012); ICBs from 1 July 2022; CCGs and NHS Improvement's bodies
// until 1 July 2022; NHS Digital until 1 February 2023; HEE until 1 April
// 2023 (rule C6). The end date is the first day the body no longer
// existed; a transfer on that day out of it is the statutory transfer
// itself.
func (k EmployerKind) Lifetime() (from, until date.Date) {
	switch k {
	case ICB:
		return date.MustParse("2022-07-01"), date.Date(0)
	case CCG:
		return date.MustParse("2013-04-01"), date.MustParse("2022-07-01")
	case NHSImprovement:
		return date.Date(0), date.MustParse("2022-07-01")
	case PrimaryCareTrust, StrategicHealthAuthority:
		return date.Date(0), date.MustParse("2013-04-01")
	case CSU:
		return date.MustParse("2013-04-01"), date.Date(0)
	case NHSDigital:
		return date.Date(0), date.MustParse("2023-02-01")
	case HEE:
		return date.Date(0), date.MustParse("2023-04-01")
	}
	return date.Date(0), date.Date(0)
}

// PensionAccess is whether an independent provider can offer the NHS
// Pension Scheme as an employing authority.
type PensionAccess string

// The kinds of access.
const (
	AccessOpen   PensionAccess = "open"   // open to new joiners
	AccessClosed PensionAccess = "closed" // only for staff who had it when they transferred
	AccessNone   PensionAccess = "none"
)

// PensionAccesses lists every PensionAccess.
var PensionAccesses = []PensionAccess{AccessOpen, AccessClosed, AccessNone}

// Valid reports whether a is one of PensionAccesses.
func (a PensionAccess) Valid() bool { return validEnum(PensionAccesses, a) }

// Enum lists the wire values; the schema generator reads it.
func (PensionAccess) Enum() []string { return enumStrings(PensionAccesses) }

// MarshalText implements encoding.TextMarshaler.
func (a PensionAccess) MarshalText() ([]byte, error) { return []byte(a), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside PensionAccesses.
func (a *PensionAccess) UnmarshalText(b []byte) error {
	return unmarshalEnum(a, "pension access", PensionAccesses, b)
}

// Employer is one side of a transfer.
type Employer struct {
	// The employer's name, e.g. "Example NHS Foundation Trust".
	Name string `json:"name" jsonschema:"minLength=1"`
	// The kind of employer.
	Kind EmployerKind `json:"kind"`
	// Whether the employer recognises a trade union for the staff concerned.
	RecognisedUnion bool `json:"recognised_union,omitempty"`
	// Whether, with no recognised union, the employer has existing employee representatives (elected for another purpose) it may inform and consult.
	ExistingRepresentatives bool `json:"existing_representatives,omitempty"`
	// The number of people the employer employs, when known (it decides who may be informed and consulted directly).
	Headcount int `json:"headcount,omitempty" jsonschema:"minimum=0"`
	// For an independent provider: whether it holds NHS Pension Scheme access as an employing authority (open or closed), or none.
	PensionAccess PensionAccess `json:"pension_access,omitempty"`
}
