package transfer

// Rule is one rule of the transfer rules table, with the source it comes
// from. IDs follow the research note: T for TUPE 2006, C for COSOP and
// statutory schemes, P for pensions, A for Agenda for Change, E for the
// ICS employment commitment, S for the SPF staff transfer guide, Q for
// open questions where the sources disagree or were not checked.
type Rule struct {
	ID     string
	Source string
	// Verified is false for rules the sources checked did not confirm
	// (marked U in the research); their lines say so.
	Verified bool
}

// Rules is the table every assessment line cites.
var Rules = map[string]Rule{
	"T1":  {"T1", "TUPE 2006 (SI 2006/246) reg 3(1), 3(2A), 3(3)", true},
	"T2":  {"T2", "TUPE 2006 reg 3(5); Nicholls v London Borough of Croydon (EAT, 2018)", true},
	"T3":  {"T3", "TUPE 2006 reg 2, 4(1)-(2), 4(6); Acas, what transfers under TUPE", true},
	"T4":  {"T4", "TUPE 2006 reg 4(3)", true},
	"T5":  {"T5", "TUPE 2006 reg 4(7)-(9); De Marchi [2024] EAT 191", true},
	"T6":  {"T6", "TUPE 2006 reg 4(4)-(5B)", true},
	"T7":  {"T7", "TUPE 2006 reg 7; Employment Rights Act 2025 s25 (qualifying period from 1 January 2027)", true},
	"T8":  {"T8", "TUPE 2006 reg 4A, 5, 6", true},
	"T9":  {"T9", "TUPE 2006 reg 10; Beckmann (C-164/00); Martin (C-4/01)", true},
	"T10": {"T10", "Pensions Act 2004 s257-258; Transfer of Employment (Pension Protection) Regulations 2005", true},
	"T11": {"T11", "TUPE 2006 reg 11-12 (28 days from 1 May 2014, SI 2014/16)", true},
	"T12": {"T12", "TUPE 2006 reg 13(2), 13(4)", true},
	"T13": {"T13", "TUPE 2006 reg 13(6)-(8)", true},
	"T14": {"T14", "TUPE 2006 reg 13(3), 14", true},
	"T15": {"T15", "TUPE 2006 reg 13A, as amended by SI 2014/16 and SI 2023/1426", true},
	"T16": {"T16", "TUPE 2006 reg 15-16", true},
	"T17": {"T17", "TULRCA 1992 s188, s193, s198A-B", true},
	"C1":  {"C1", "Cabinet Office, Staff Transfers in the Public Sector (COSOP), 2000, revised 2013; SPF staff transfer guide, red route", true},
	"C2":  {"C2", "Law Society v Secretary of State for Justice [2010] EWHC 352", true},
	"C3":  {"C3", "COSOP principles on re-tenders and services returning to the public sector (summaries of the 1999 consultation)", true},
	"C4":  {"C4", "NHS Act 2006 s14Z28 (inserted by the Health and Care Act 2022)", true},
	"C5":  {"C5", "Health and Care Act 2022 Sch 13; Nicholls v London Borough of Croydon", true},
	"C6":  {"C6", "Health and Care Act 2022; NHS England merger regulations 2023", true},
	"P1":  {"P1", "SPF staff transfer guide, red route: pensions; NHSBSA", true},
	"P2":  {"P2", "HM Treasury, New Fair Deal (October 2013); NHS Standard Contract Schedule 7; SPF blue route", true},
	"P3":  {"P3", "New Fair Deal on re-tenders (Bevan Brittan; Mills & Reeve summaries)", true},
	"P4":  {"P4", "NHS Pension Scheme (Amendment) Regulations 2014 (SI 2014/570)", true},
	"P5":  {"P5", "SPF staff transfer guide, orange route", true},
	"P6":  {"P6", "SPF staff transfer guide, green route; DH/LGA letters on the 2013 public health transfer", true},
	"P7":  {"P7", "Government Actuary's Department, staff transfer guidance (COSOP pension terms); Civil Service Pension Scheme club transfers", true},
	"A2":  {"A2", "NHS Terms and Conditions of Service Handbook s12 (as quoted in the SPF staff passport)", true},
	"A4":  {"A4", "NHS Terms and Conditions of Service Handbook s13 (annual leave)", true},
	"A5":  {"A5", "NHS Terms and Conditions of Service Handbook s14.2 (sick pay; secondary copies)", true},
	"A6":  {"A6", "NHS Terms and Conditions of Service Handbook s16 (England, from 1 April 2015); NHS Employers", true},
	"A7":  {"A7", "NHS Terms and Conditions of Service Handbook s22; SPF red route", true},
	"A8":  {"A8", "SPF staff transfer guide, blue route and FAQ", true},
	"E1":  {"E1", "NHS England and NHS Improvement, ICS employment commitment (16 June 2021); HR framework (2021-22)", true},
	"E2":  {"E2", "ICS employment commitment guidance, appendix A (law-firm summaries)", true},
	"E3":  {"E3", "National transfer scheme for CCG staff, 1 July 2022 (CCG and MiP staff guidance)", true},
	"S1":  {"S1", "SPF staff transfer guide: the red, green, blue and orange routes", true},
	"S2":  {"S2", "SPF staff transfer guide, green route (education and training); NHS Constitution; NHS Standard Contract", true},
	"S3":  {"S3", "Code of Practice on Workforce Matters, withdrawn 13 December 2010; Employment Rights Act 2025", true},
	"Q1":  {"Q1", "Open question: the legal basis of the CCG to ICB transfer", false},
	"Q2":  {"Q2", "Open question: the wording of the New Fair Deal test", false},
	"Q3":  {"Q3", "Open question: Agenda for Change 12.3 and TUPE continuity for returners", false},
	"Q4":  {"Q4", "Open question: the first-year row of the sick pay table", false},
	"Q5":  {"Q5", "Open question: the 'as at' date of employee liability information", false},
	"Q7":  {"Q7", "Open question: employment commitments after 2022", false},
}
