package spf

// Classification is the one kind an Organization is, as Popolo asks
// ("choose a unique classification scheme"). The set is closed: it changes
// only through code review.
type Classification string

// The kinds of organisation spfkit knows. The four forum kinds and the
// subgroup are partnership bodies (W3C ORG collaborations); the rest are
// the organisations that take part in them.
const (
	NationalForum         Classification = "national_forum"         // the national Social Partnership Forum
	RegionalForum         Classification = "regional_forum"         // a regional SPF such as the London SPF
	SystemForum           Classification = "system_forum"           // an integrated care system's partnership forum
	OrganisationForum     Classification = "organisation_forum"     // a trust's or ICB's joint negotiating or partnership forum
	Subgroup              Classification = "subgroup"               // a group set up by a forum for an area of work
	PartnerOrganisation   Classification = "partner_organisation"   // a partner that fits none of the kinds below
	EmployersOrganisation Classification = "employers_organisation" // speaks for employers, e.g. NHS Employers
	Employer              Classification = "employer"               // an NHS trust, foundation trust or ICB
	Commissioner          Classification = "commissioner"           // a commissioning body such as a CCG or a CSU
	TradeUnion            Classification = "trade_union"            // a single trade union
	TradeUnionSide        Classification = "trade_union_side"       // unions acting together, e.g. NHS trade unions
	GovernmentBody        Classification = "government_body"        // a government department such as DHSC
	ArmsLengthBody        Classification = "arms_length_body"       // e.g. NHS England, HEE, NHS Improvement
	LocalGovernment       Classification = "local_government"       // a local authority
	OtherOrganisation     Classification = "other"                  // any other organisation, e.g. an independent reviewer
)

// Classifications lists every valid Classification in display order.
var Classifications = []Classification{
	NationalForum, RegionalForum, SystemForum, OrganisationForum, Subgroup,
	PartnerOrganisation, EmployersOrganisation, Employer, Commissioner,
	TradeUnion, TradeUnionSide, GovernmentBody, ArmsLengthBody, LocalGovernment,
	OtherOrganisation,
}

// Valid reports whether c is one of Classifications.
func (c Classification) Valid() bool {
	_, err := parseEnum("classification", Classifications, []byte(c))
	return err == nil
}

// IsForum reports whether c is one of the four forum kinds.
func (c Classification) IsForum() bool {
	switch c {
	case NationalForum, RegionalForum, SystemForum, OrganisationForum:
		return true
	}
	return false
}

// IsPartnershipBody reports whether c is a forum or a subgroup: a body in
// which employers and staff side work in partnership.
func (c Classification) IsPartnershipBody() bool { return c.IsForum() || c == Subgroup }

// MarshalText implements encoding.TextMarshaler.
func (c Classification) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects values
// outside the closed set.
func (c *Classification) UnmarshalText(b []byte) (err error) {
	*c, err = parseEnum("classification", Classifications, b)
	return err
}

// Enum lists the wire values; the schema generator reads it.
func (Classification) Enum() []string { return enumStrings(Classifications) }
