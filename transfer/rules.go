package transfer

import "github.com/spfkit/spfkit/date"

// Rule is one rule of the transfer rules table, with the source it comes
// from. IDs follow the research note: T for TUPE 2006, C for COSOP and
// statutory schemes, P for pensions, A for Agenda for Change, E for the
// ICS employment commitment, S for the SPF staff transfer guide, Q for
// open questions where the sources disagree or were not checked.
type Rule struct {
	// ID names the rule, e.g. "T11"; every assessment line cites one.
	ID string
	// Source is where the rule comes from, as a line cites it.
	Source string
	// Verified is false for rules the sources checked did not confirm
	// (marked U in the research); their lines say so.
	Verified bool
	// From is the first transfer date the rule applies to; the zero Date
	// means every date the rules cover (from CoveredFrom). Assess never
	// cites a rule on a transfer before it, as a test checks.
	From date.Date
	// Until is the first transfer date the rule no longer applies to (a
	// code withdrawn, a one-off scheme done); the zero Date means it still
	// applies. Assess never cites a rule on a transfer from it on.
	Until date.Date
}

// InForce reports whether the rule applies to a transfer on d.
func (r Rule) InForce(d date.Date) bool {
	return (r.From.IsZero() || !d.Before(r.From)) && (r.Until.IsZero() || d.Before(r.Until))
}

// twoTierWithdrawn is the day the two-tier code on workforce matters was
// withdrawn: S4 speaks of transfers before it, S3 of those from it.
var twoTierWithdrawn = date.MustParse("2010-12-13")

// rules is the table every assessment line cites, in the research note's
// order. It is data: RuleByID and Rules read it, and nothing changes it.
var rules = []Rule{
	{ID: "T1", Source: "TUPE 2006 (SI 2006/246) reg 3(1), 3(2A), 3(3)", Verified: true},
	{ID: "T2", Source: "TUPE 2006 reg 3(5); Nicholls v London Borough of Croydon (EAT, 2018)", Verified: true},
	{ID: "T3", Source: "TUPE 2006 reg 2, 4(1)-(2), 4(6); Acas, what transfers under TUPE", Verified: true},
	{ID: "T4", Source: "TUPE 2006 reg 4(3)", Verified: true},
	{ID: "T5", Source: "TUPE 2006 reg 4(7)-(9); De Marchi [2024] EAT 191", Verified: true},
	{ID: "T6", Source: "TUPE 2006 reg 4(4)-(5B)", Verified: true},
	{ID: "T7", Source: "TUPE 2006 reg 7; Employment Rights Act 2025 s25 (qualifying period from 1 January 2027)", Verified: true},
	{ID: "T8", Source: "TUPE 2006 reg 4A, 5, 6", Verified: true},
	{ID: "T9", Source: "TUPE 2006 reg 10; Beckmann (C-164/00); Martin (C-4/01)", Verified: true},
	{ID: "T10", Source: "Pensions Act 2004 s257-258; Transfer of Employment (Pension Protection) Regulations 2005", Verified: true},
	{ID: "T11", Source: "TUPE 2006 reg 11-12 (28 days from 1 May 2014, SI 2014/16)", Verified: true},
	{ID: "T12", Source: "TUPE 2006 reg 13(2), 13(4)", Verified: true},
	{ID: "T13", Source: "TUPE 2006 reg 13(6)-(8)", Verified: true},
	{ID: "T14", Source: "TUPE 2006 reg 13(3), 14", Verified: true},
	{ID: "T15", Source: "TUPE 2006 reg 13A, as amended by SI 2014/16 and SI 2023/1426", Verified: true, From: date.MustParse("2014-07-31")},
	{ID: "T16", Source: "TUPE 2006 reg 15-16", Verified: true},
	{ID: "T17", Source: "TULRCA 1992 s188, s193, s198A-B", Verified: true},
	{ID: "C1", Source: "Cabinet Office, Staff Transfers in the Public Sector (COSOP), 2000, revised 2013; SPF staff transfer guide, red route", Verified: true},
	{ID: "C2", Source: "Law Society v Secretary of State for Justice [2010] EWHC 352", Verified: true},
	{ID: "C3", Source: "COSOP principles on re-tenders and services returning to the public sector (summaries of the 1999 consultation)", Verified: true},
	{ID: "C4", Source: "NHS Act 2006 s14Z28 (inserted by the Health and Care Act 2022)", Verified: true, From: date.MustParse("2022-07-01")},
	{ID: "C5", Source: "Health and Care Act 2022 Sch 13; Nicholls v London Borough of Croydon", Verified: true},
	{ID: "C6", Source: "Health and Care Act 2022; NHS England merger regulations 2023", Verified: true, From: date.MustParse("2023-02-01")},
	{ID: "P1", Source: "SPF staff transfer guide, red route: pensions; NHSBSA", Verified: true},
	{ID: "P2", Source: "HM Treasury, New Fair Deal (October 2013); NHS Standard Contract Schedule 7; SPF blue route", Verified: true, From: date.MustParse("2013-10-07")},
	{ID: "P3", Source: "New Fair Deal on re-tenders (Bevan Brittan; Mills & Reeve summaries)", Verified: true, From: date.MustParse("2013-10-07")},
	{ID: "P4", Source: "NHS Pension Scheme (Amendment) Regulations 2014 (SI 2014/570)", Verified: true},
	{ID: "P5", Source: "SPF staff transfer guide, orange route", Verified: true},
	{ID: "P6", Source: "SPF staff transfer guide, green route; DH/LGA letters on the 2013 public health transfer", Verified: true},
	{ID: "P7", Source: "Government Actuary's Department, staff transfer guidance (COSOP pension terms); Civil Service Pension Scheme club transfers", Verified: true},
	{ID: "A2", Source: "NHS Terms and Conditions of Service Handbook s12 (as quoted in the SPF staff passport)", Verified: true},
	{ID: "A4", Source: "NHS Terms and Conditions of Service Handbook s13 (annual leave)", Verified: true},
	{ID: "A5", Source: "NHS Terms and Conditions of Service Handbook s14.2 (sick pay; secondary copies)", Verified: true},
	{ID: "A6", Source: "NHS Terms and Conditions of Service Handbook s16 (England, from 1 April 2015); NHS Employers", Verified: true, From: date.MustParse("2015-04-01")},
	{ID: "A7", Source: "NHS Terms and Conditions of Service Handbook s22; SPF red route", Verified: true},
	{ID: "A8", Source: "SPF staff transfer guide, blue route and FAQ", Verified: true},
	{ID: "E1", Source: "NHS England and NHS Improvement, ICS employment commitment (16 June 2021); HR framework (2021-22)", Verified: true, From: date.MustParse("2022-07-01"), Until: date.MustParse("2022-07-02")},
	{ID: "E2", Source: "ICS employment commitment guidance, appendix A (law-firm summaries)", Verified: true, From: date.MustParse("2022-07-01"), Until: date.MustParse("2022-07-02")},
	{ID: "E3", Source: "National transfer scheme for CCG staff, 1 July 2022 (CCG and MiP staff guidance)", Verified: true, From: date.MustParse("2022-07-01"), Until: date.MustParse("2022-07-02")},
	{ID: "S1", Source: "SPF staff transfer guide: the red, green, blue and orange routes", Verified: true},
	{ID: "S2", Source: "SPF staff transfer guide, green route (education and training); NHS Constitution; NHS Standard Contract", Verified: true},
	{ID: "S3", Source: "Code of Practice on Workforce Matters, withdrawn 13 December 2010; Employment Rights Act 2025", Verified: true, From: twoTierWithdrawn},
	{ID: "S4", Source: "Code of Practice on Workforce Matters (the two-tier code), in force until 13 December 2010; SPF FAQ", Verified: true, Until: twoTierWithdrawn},
	{ID: "Q1", Source: "Open question: the legal basis of the CCG to ICB transfer", Verified: false},
	{ID: "Q2", Source: "Open question: the wording of the New Fair Deal test", Verified: false},
	{ID: "Q3", Source: "Open question: Agenda for Change 12.3 and TUPE continuity for returners", Verified: false},
	{ID: "Q4", Source: "Open question: the first-year row of the sick pay table", Verified: false},
	{ID: "Q5", Source: "Open question: the 'as at' date of employee liability information", Verified: false},
	{ID: "Q7", Source: "Open question: employment commitments after 2022", Verified: false},
	{ID: "Q8", Source: "Open question: the status of commissioning support units and NHS wholly owned subsidiaries", Verified: false},
}

// ruleIndex finds a rule's place in the table by its id.
var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.ID] = i
	}
	return m
}()

// RuleByID returns the rule with the given id, such as "T11".
func RuleByID(id string) (Rule, bool) {
	i, ok := ruleIndex[id]
	if !ok {
		return Rule{}, false
	}
	return rules[i], true
}

// Rules returns a copy of the rules table, in order.
func Rules() []Rule { return append([]Rule(nil), rules...) }
