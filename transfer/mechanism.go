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

// ChangeReason is the reason for a change to a transferring employee's
// terms, as a fact: whether the change stands is worked out from it and the
// change's other facts (agreement, the contract, a collective agreement,
// its date), never given.
type ChangeReason string

// The reasons for a change to terms.
const (
	ReasonNone        ChangeReason = "none"
	ReasonTransfer    ChangeReason = "transfer"    // the transfer itself, such as bringing terms into line with the new employer's staff
	ReasonETO         ChangeReason = "eto_reason"  // an economic, technical or organisational reason entailing changes in the workforce (from 31 January 2014 including a change of workplace)
	ReasonUnconnected ChangeReason = "unconnected" // a reason that has nothing to do with the transfer
)

// ChangeReasons lists every ChangeReason.
var ChangeReasons = []ChangeReason{ReasonNone, ReasonTransfer, ReasonETO, ReasonUnconnected}

// Valid reports whether r is one of ChangeReasons.
func (r ChangeReason) Valid() bool { return validEnum(ChangeReasons, r) }

// Enum lists the wire values; the schema generator reads it.
func (ChangeReason) Enum() []string { return enumStrings(ChangeReasons) }

// MarshalText implements encoding.TextMarshaler.
func (r ChangeReason) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it refuses values
// outside ChangeReasons.
func (r *ChangeReason) UnmarshalText(b []byte) error {
	return unmarshalEnum(r, "reason for a change to terms", ChangeReasons, b)
}
