package transfer

// Mechanism is how a transfer happens.
type Mechanism string

// The mechanisms.
const (
	BusinessTransfer       Mechanism = "tupe_business_transfer"
	ServiceProvisionChange Mechanism = "tupe_service_provision_change"
	StatutoryScheme        Mechanism = "statutory_transfer_scheme"
	COSOPOffer             Mechanism = "cosop_offer"
	VoluntaryMove          Mechanism = "voluntary_move"
	AdministrativeReorg    Mechanism = "administrative_reorganisation"
)

// Mechanisms lists every Mechanism.
var Mechanisms = []Mechanism{BusinessTransfer, ServiceProvisionChange, StatutoryScheme, COSOPOffer, VoluntaryMove, AdministrativeReorg}

// Valid reports whether m is one of Mechanisms.
func (m Mechanism) Valid() bool { return validEnum(Mechanisms, m) }

// Enum lists the wire values; the schema generator reads it.
func (Mechanism) Enum() []string { return enumStrings(Mechanisms) }

// MarshalText implements encoding.TextMarshaler.
func (m Mechanism) MarshalText() ([]byte, error) { return []byte(m), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside Mechanisms.
func (m *Mechanism) UnmarshalText(b []byte) error {
	return unmarshalEnum(m, "mechanism", Mechanisms, b)
}

// SPCKind is the kind of a service provision change: a service contracted
// out, re-tendered to another contractor, or brought back in house.
type SPCKind string

// The kinds of service provision change.
const (
	SPCOutsourcing SPCKind = "outsourcing"
	SPCRetender    SPCKind = "retender"
	SPCInsourcing  SPCKind = "insourcing"
)

// SPCKinds lists every SPCKind.
var SPCKinds = []SPCKind{SPCOutsourcing, SPCRetender, SPCInsourcing}

// Valid reports whether k is one of SPCKinds.
func (k SPCKind) Valid() bool { return validEnum(SPCKinds, k) }

// Enum lists the wire values; the schema generator reads it.
func (SPCKind) Enum() []string { return enumStrings(SPCKinds) }

// MarshalText implements encoding.TextMarshaler.
func (k SPCKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside SPCKinds.
func (k *SPCKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(k, "service provision change kind", SPCKinds, b)
}

// TermsChange is a change to terms made or planned because of a transfer,
// and the ground it rests on.
type TermsChange string

// The changes to terms.
const (
	ChangeNone              TermsChange = "none"
	ChangeHarmonisation     TermsChange = "harmonisation"                     // terms brought into line with the new employer's, for no other reason
	ChangeETO               TermsChange = "eto_reason"                        // for an economic, technical or organisational reason entailing changes in the workforce
	ChangeContractPermits   TermsChange = "contract_permits"                  // a change the contract itself allows
	ChangeCollectiveAfterYr TermsChange = "collective_agreement_after_a_year" // terms from a collective agreement, changed more than a year after the transfer
)

// TermsChanges lists every TermsChange.
var TermsChanges = []TermsChange{ChangeNone, ChangeHarmonisation, ChangeETO, ChangeContractPermits, ChangeCollectiveAfterYr}

// Valid reports whether c is one of TermsChanges.
func (c TermsChange) Valid() bool { return validEnum(TermsChanges, c) }

// Enum lists the wire values; the schema generator reads it.
func (TermsChange) Enum() []string { return enumStrings(TermsChanges) }

// MarshalText implements encoding.TextMarshaler.
func (c TermsChange) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside TermsChanges.
func (c *TermsChange) UnmarshalText(b []byte) error {
	return unmarshalEnum(c, "change to terms", TermsChanges, b)
}
