// Package transfer models staff transfers between employers in the NHS in
// England, and assesses what a transfer means for a member of staff and for
// the employers: the regime it runs on (TUPE, a statutory transfer scheme,
// COSOP, or none for a voluntary move) and the SPF staff transfer guide's
// route (red, green, blue or orange); each protection of pay, pension,
// terms and service; each duty of the employers with its deadline as a
// date; warnings where a fact breaks a rule; and open questions where the
// sources disagree.
//
// A Case describes the employee (terms, contract, pension, service dates)
// and the transfer (the two employers, date, mechanism, numbers, what has
// been done so far). Case.Validate rejects cases the rules cannot answer,
// each problem at its JSON Pointer: the same employer on both sides, an
// employer that did not exist on the date (a CCG after 1 July 2022, an ICB
// before it), a transfer before the employee started. Assess applies the
// rules table (Rules, RuleByID): every line carries its rule id (T for
// TUPE, C for COSOP and schemes, P for pensions, A for Agenda for Change, E
// for the ICS employment commitment, S for the SPF guide, Q for open
// questions), the rule's source and the facts that triggered it.
//
// Law that changed is applied as it stood on the transfer date: employee
// liability information 14 days before transfers before 1 May 2014 and 28
// days from then; direct consultation by small employers from 31 July 2014
// (fewer than 10 employees) and from 1 July 2024 (fewer than 50, or fewer
// than 10 transferring); New Fair Deal from 7 October 2013; the unfair
// dismissal qualifying period of 6 months, not 2 years, from 1 January 2027
// (taking the transfer date for the dismissal date, and saying on earlier
// transfers, to someone who will still be short of 2 years on 1 January
// 2027, that a dismissal from then needs 6 months); Agenda for Change
// redundancy terms from 1 April 2015; CCGs until and ICBs from 1 July 2022;
// and regulation 4's rules on changing terms as SI 2014/16 rewrote them for
// transfers from 31 January 2014 (a change the contract permits, a change
// of workplace as a change in the workforce, and collective terms varied
// with effect more than a year after the transfer leaving the package no
// less favourable), and as made before that.
//
// A change to terms is given as facts, never as a conclusion: its reason
// (the transfer itself, an economic, technical or organisational reason
// entailing changes in the workforce, or one unconnected with the
// transfer), its date, whether the employee agreed, whether the contract
// permits it, whether the terms came from a collective agreement and
// whether the package after it is no less favourable. Assess works out
// whether it stands; facts about a change without its reason are refused.
//
// Agenda for Change entitlements (A4 annual leave, A5 sick pay, A6
// redundancy) are stated for staff on Agenda for Change leaving an NHS
// employer's contract, by whole years of reckonable service on the transfer
// date: from the NHS service start when given, else from the continuous
// service start. They go with the contract whoever the new employer is; for
// staff coming into the NHS, A2 says how earlier service counts instead.
//
// Assess works out first whether the person's own employment moves: it does
// for staff assigned to the transferring group who do not object (and on a
// voluntary move, which the person chooses); it does not for staff not
// assigned (T4), who stay on their terms, nor for an objector (T5), whose
// employment ends on the transfer date, or who, with a substantial change
// to their material detriment, may treat the contract as ended by dismissal
// (reg 4(9)). Only a person who moves is told about pay, pension, service
// and entitlements with the new employer. A move under COSOP's principles
// (an offer, or an administrative reorganisation) gets COSOP's lines, never
// TUPE's alone (a contract moving by law, automatic unfairness, the
// tribunal, TUPE's rule on void changes to terms); an offer out of the NHS
// (to DHSC, say) is a new contract to compare with current terms, so it
// gets no frozen NHS terms and no Agenda for Change entitlements. The
// contract status adds its own line: a worker (employment_status) is told
// that whether TUPE moves them is not settled, and gets none of an
// employee's rights (unfair dismissal, Agenda for Change leave, sick pay
// and redundancy pay); bank staff of unstated status may be workers rather
// than employees; a fixed-term contract moves with its end date; leave does
// not stop the move; a secondee's assignment decides.
// Assessment.Contradictions finds any line that could not stand beside
// another (a line presuming the person moves beside one that says they do
// not, a TUPE-only line on a move under COSOP, old terms protected on a
// voluntary move, an employee's right given to a worker, a rule not in
// force on the date, a change to terms both allowed and forbidden); the
// tests run it on every combination of mechanism, direction, assignment,
// objection, detriment and contract status, and the fuzz test on every case
// it makes.
//
// Each rule carries the period of transfer dates it applies to (Rule.From
// and Rule.Until, Rule.InForce): New Fair Deal from 7 October 2013, Agenda
// for Change redundancy terms from 1 April 2015, the ICS commitment and
// scheme on 1 July 2022 only, the two-tier code on workforce matters until
// its withdrawal on 13 December 2010 (S4) and the principles that replaced
// it from then (S3), and so on. The assessment gives the transfer date it
// applied the law as at, and Assessment.Contradictions reports any line
// whose rule was not in force on it; a test also checks every mechanism,
// direction and pension status across the boundary days from 2006 on.
//
// Case.Validate refuses a transfer dated before 6 April 2006 (CoveredFrom),
// when TUPE 2006 came into force, rather than apply later law to it, and a
// business transfer or service provision change marked voluntary: TUPE
// moves staff by law, and a move staff choose is a voluntary_move.
//
// Choices made where the sources are silent:
//   - Informing and consulting representatives has no fixed day count; the
//     deadline given is the day before the transfer, the last possible day,
//     and the text says it must be long enough before to allow
//     consultation.
//   - "More than one year after the date of the transfer" (reg 4(5B)) is
//     read strictly: a change taking effect on the anniversary is too
//     soon, and the earliest day is the one after it.
//   - A change to collective terms with no date given is treated as void
//     until a date is given, and the line says why.
//   - The complaint window is the 3 months beginning with the transfer
//     date: it ends the day before the corresponding day, or on the last
//     day of the month when there is none (31 January runs to 30 April).
//   - With redundancies envisaged but no first dismissal date, collective
//     consultation is dated from the transfer date.
//   - ICBs are treated as NHS employers under Agenda for Change, as the
//     CCGs' successors.
//   - A commissioning support unit (from 1 April 2013) is treated as NHS
//     England, which hosts it and employs its staff; an NHS trust's wholly
//     owned subsidiary as an independent provider, being a company and not
//     an NHS body. The sources read did not confirm either status, so
//     every assessment involving one carries open question Q8 saying so.
//   - Duties are stated for statutory schemes and COSOP transfers too,
//     as TUPE's principles those regimes follow.
package transfer
