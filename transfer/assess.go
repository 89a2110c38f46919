package transfer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/date"
)

// Boundary dates of the rules that changed over time.
var (
	eliExtendedFrom     = date.MustParse("2014-05-01") // ELI 28 days (was 14)
	directConsult2014   = date.MustParse("2014-07-31") // reg 13A: micro-businesses may consult directly
	directConsult2024   = date.MustParse("2024-07-01") // reg 13A: under 50 employees, or under 10 transferring
	qualifyingShortFrom = date.MustParse("2027-01-01") // unfair dismissal: 6 months, not 2 years
	icbEstablished      = date.MustParse("2022-07-01")
	newFairDealFrom     = date.MustParse("2013-10-07")
	// SI 2014/16, for transfers from 31 January 2014: an SPC's activities
	// must be fundamentally the same, and reg 4(4)-(5B) as rewritten.
	amended2014       = date.MustParse("2014-01-31")
	afcRedundancyFrom = date.MustParse("2015-04-01") // Agenda for Change s16 redundancy terms (England)
)

type assessor struct {
	c *Case
	a *Assessment
	// moves: the person's own employment goes to the new employer. It is
	// false for staff not assigned to the transferring group and for an
	// objector, whose lines then say only what happens to them.
	moves bool
}

func (s *assessor) add(kind LineKind, topic Topic, rule, text string, facts ...string) *Line {
	r, _ := RuleByID(rule) // TestEveryLineCitesAKnownRule checks that every rule cited exists
	if facts == nil {
		facts = []string{}
	}
	s.a.Lines = append(s.a.Lines, Line{Kind: kind, Topic: topic, Rule: rule, Source: r.Source, Text: text, Facts: facts})
	return &s.a.Lines[len(s.a.Lines)-1]
}

// Assess applies the rules to a valid case (see Case.Validate): the
// regime and route, each protection of pay, pension, terms and service,
// each duty of the employers with its deadline as a date, warnings where a
// fact breaks a rule, and open questions where the sources disagree. Law
// that changed over time is applied as it stood on the transfer date.
func Assess(c *Case) *Assessment {
	return AssessInto(&Assessment{Lines: make([]Line, 0, 32)}, c)
}

// AssessInto is Assess writing into a, whose lines' storage it reuses, and
// returns a: for a stream of cases whose assessments are written out one
// at a time, where a fresh assessment for each would cost a third of
// what is allocated. Whatever a held before is replaced.
func AssessInto(a *Assessment, c *Case) *Assessment {
	*a = Assessment{Schema: AssessmentSchemaURL, CaseID: c.ID, Date: c.Transfer.Date, Lines: a.Lines[:0]}
	s := &assessor{c: c, a: a}
	t := &c.Transfer
	from, to := t.From.Kind, t.To.Kind
	fromFact, toFact := "from: "+string(from), "to: "+string(to)
	dateF := "date: " + t.Date.String()
	mechF := "mechanism: " + string(t.Mechanism)

	// The route.
	if from.IsNHS() {
		switch {
		case to.IsNHS():
			s.a.Route = Red
		case to == LocalAuthority:
			s.a.Route = Green
		case to.IsIndependent():
			s.a.Route = Blue
		case to == GPPractice || to == APMSContractor:
			s.a.Route = Orange
		}
	}

	// The regime.
	switch t.Mechanism {
	case VoluntaryMove:
		s.a.Regime = RegimeNone
		s.add(KindRegime, TopicTransfer, "T1", "This is a voluntary move to a new job, not a transfer: no TUPE protection applies, and your terms are those of your new contract.", mechF)
		s.transferOnlyFacts()
	case AdministrativeReorg:
		if from.IsPublic() && to.IsPublic() && !t.EconomicActivity {
			s.a.Regime = RegimeCOSOP
			s.add(KindRegime, TopicTransfer, "T2", "An administrative reorganisation between public bodies is not a TUPE transfer.", mechF, fromFact, toFact)
			s.add(KindRegime, TopicTransfer, "C1", "COSOP applies: staff move on terms no less favourable than if TUPE applied, by legislation where possible; anyone who declines an offer should where possible be redeployed within the old employer.", fromFact, toFact)
			s.add(KindOpenQuestion, TopicTransfer, "C2", "COSOP is policy, not law: a failure to follow it may be challenged by judicial review, not in an employment tribunal.", fromFact, toFact)
		} else {
			s.a.Regime = RegimeTUPE
			why := "economic activity: the activity is one for which a market exists"
			if !(from.IsPublic() && to.IsPublic()) {
				why = "not between two public bodies"
			}
			s.add(KindRegime, TopicTransfer, "T2", "TUPE applies despite the reorganisation, because the activity is economic or one side is not a public body.", mechF, why)
		}
	case StatutoryScheme:
		s.a.Regime = RegimeStatutoryScheme
		s.add(KindRegime, TopicTransfer, "C5", "A statutory transfer scheme moves the staff; it may give TUPE-equivalent protection, but can be narrower, so read the scheme itself.", mechF)
		if from == CCG && to == ICB || to == ICB && t.Date == icbEstablished {
			s.add(KindRegime, TopicTransfer, "C4", "NHS England's scheme under s14Z28 of the NHS Act 2006 transferred the staff to the ICB on its establishment, run in line with COSOP and TUPE.", fromFact, toFact, dateF)
			s.add(KindOpenQuestion, TopicTransfer, "Q1", "Sources describe the CCG to ICB scheme as run in line with COSOP and TUPE, but TUPE itself may have been excluded as an administrative reorganisation; spfkit treats it as a statutory scheme with TUPE-equivalent terms.", fromFact, toFact)
		} else if from.IsPublic() && to.IsPublic() {
			s.add(KindRegime, TopicTransfer, "C1", "Between public bodies COSOP also applies: the scheme should treat staff no less favourably than TUPE would.", fromFact, toFact)
		}
		if from == NHSEngland && to == DHSC {
			s.add(KindOpenQuestion, TopicTerms, "Q7", "Whether any employment commitment covers NHS England staff moving into DHSC, onto civil service terms and pension, is not known: the legislation was still to come when the sources were read.", fromFact, toFact)
		}
	case COSOPOffer:
		s.a.Regime = RegimeCOSOP
		s.add(KindRegime, TopicTransfer, "C1", "COSOP applies: the move is offered on terms overall no less favourable; anyone who declines should where possible be redeployed within the old employer.", mechF)
		s.add(KindOpenQuestion, TopicTransfer, "C2", "COSOP is policy, not law: a failure to follow it may be challenged by judicial review, not in an employment tribunal.", mechF)
	default: // the two TUPE mechanisms
		s.a.Regime = RegimeTUPE
		text := "This is a TUPE relevant transfer: a business transfer of an economic entity that keeps its identity."
		if t.Mechanism == ServiceProvisionChange {
			text = "This is a TUPE relevant transfer: a service provision change (" + string(t.SPCKind) + ")."
			if !t.Date.Before(amended2014) {
				text += " The activities after the transfer must be fundamentally the same as before."
			}
		}
		s.add(KindRegime, TopicTransfer, "T1", text, mechF, "spc_kind: "+string(t.SPCKind))
		if from.IsPublic() && to.IsPublic() {
			s.add(KindRegime, TopicTransfer, "C1", "Between public bodies COSOP also applies: staff are treated no less favourably than TUPE requires.", fromFact, toFact)
		}
		if t.SPCKind == SPCRetender || t.SPCKind == SPCInsourcing && to.IsPublic() {
			s.add(KindRegime, TopicTransfer, "C3", "On a re-tender, or when a service comes back into the public sector, the move stays on a TUPE basis: bids that would not apply TUPE are allowed only in genuinely exceptional cases.", "spc_kind: "+string(t.SPCKind), toFact)
		}
	}
	s.hostedAndOwned()
	if s.a.Route != "" {
		s.add(KindRegime, TopicTransfer, "S1", "The SPF staff transfer guide's "+string(s.a.Route)+" route applies, and expects engagement and consultation with staff and their representatives before any transfer.", fromFact, toFact)
	}
	if s.a.Route == Green || s.a.Route == Blue || s.a.Route == Orange {
		s.add(KindProtection, TopicTerms, "S2", "As a provider of NHS-funded services, the new employer is expected to keep the NHS Constitution's pledges to staff (training, development and line management support) and good-practice HR policies; the NHS Standard Contract requires adequate training and development.", toFact)
	}

	// Who moves: worked out once, so that no line presumes the person
	// moves beside one that says they do not.
	e := &c.Employee
	s.moves = s.a.Regime == RegimeNone || e.Assigned && !e.Objects
	protected := s.a.Regime != RegimeNone
	if protected {
		s.terms()
	}
	s.contract()
	if s.moves {
		s.service()
		s.entitlements()
		s.pay()
		s.pension()
		s.commitment()
	}
	if protected {
		s.duties()
		s.overdue()
	}
	return s.a
}

// overdue judges, as at the case's day, the duties whose deadline has
// passed with nothing recorded, and says so in the past tense; and the
// person's time to complain, once it has run out.
func (s *assessor) overdue() {
	at := s.c.AsAt
	if at.IsZero() {
		return
	}
	af := "as_at: " + at.String()
	n := len(s.a.Lines)
	for i := 0; i < n; i++ {
		l := &s.a.Lines[i]
		if l.Kind != KindDuty || l.Deadline.IsZero() || !l.Deadline.Before(at) || l.Status != "" {
			continue
		}
		if l.Rule == "T16" {
			s.add(KindWarning, TopicDuties, "T16", "The 3 months to complain to an employment tribunal about informing and consulting ended on "+words(l.Deadline)+".", af)
			continue
		}
		l.Status = Overdue
		l.Facts = append(l.Facts, af)
		deadline, rule := l.Deadline, l.Rule
		s.add(KindWarning, TopicDuties, rule, "This was due by "+words(deadline)+"; as at "+words(at)+" the case does not record that it was done.", af)
	}
}

// tupe reports whether TUPE itself governs the move: on a COSOP offer or
// an administrative reorganisation under COSOP, TUPE's lines (a contract
// that moves by law, automatic unfairness, the tribunal) do not apply.
func (s *assessor) tupe() bool {
	return s.a.Regime == RegimeTUPE || s.a.Regime == RegimeStatutoryScheme
}

// contract says what the person's contract status means for the move.
func (s *assessor) contract() {
	e := &s.c.Employee
	cf := "contract: " + string(e.Contract)
	rule := "T3" // the contract moves by law, or under COSOP by policy
	if !s.tupe() {
		rule = "C1"
	}
	if s.worker() {
		s.add(KindOpenQuestion, TopicTerms, rule, "As a worker rather than an employee, whether the move takes your contract with it is not settled: TUPE's own definition of an employee is wider than the usual one, but the sources read do not say it covers workers. The rights that belong to employees (unfair dismissal, contractual redundancy, Agenda for Change leave and sick pay) are not yours.", cf, "employment_status: worker")
		if e.Contract == Bank {
			return
		}
	}
	switch e.Contract {
	case Bank:
		if e.EmploymentStatus == StatusEmployee {
			if s.moves && s.a.Regime != RegimeNone {
				s.add(KindProtection, TopicTerms, rule, "As bank staff employed under a contract of employment, you move like any other employee assigned to the group.", cf, "employment_status: employee")
			}
			break
		}
		s.add(KindOpenQuestion, TopicTerms, rule, "As bank staff you may be a worker rather than an employee: the protections here are an employee's, and whether you move depends on having a contract of employment and being assigned to the group that transfers. Whether Agenda for Change contractual redundancy applies to bank staff is unclear.", cf)
	case FixedTerm:
		switch {
		case !s.moves || s.a.Regime == RegimeNone:
		case s.tupe():
			s.add(KindProtection, TopicTerms, rule, "Your fixed-term contract moves as it stands, with the same end date; the transfer does not shorten or extend it.", cf)
		default:
			s.add(KindProtection, TopicTerms, rule, "Following TUPE's principles, your fixed-term contract should be matched in the offer, with the same end date: the move should not shorten it.", cf)
		}
	case OnLeave:
		switch {
		case !s.moves || s.a.Regime == RegimeNone:
		case s.tupe():
			s.add(KindProtection, TopicTerms, rule, "Being on leave (maternity, sick leave, a career break) or suspended does not stop the move: your contract moves while you are away, and your rights on return go with it.", cf)
		default:
			s.add(KindProtection, TopicTerms, rule, "Following TUPE's principles, being on leave (maternity, sick leave, a career break) or suspended should not stop you being offered the move like your colleagues, with your rights on return.", cf)
		}
	case Secondee:
		if s.a.Regime == RegimeNone {
			break // a move the person chooses: secondment does not decide it
		}
		s.add(KindProtection, TopicTerms, "T4", "As a secondee, what decides is the group you are assigned to: if it is the one that transfers, your employment moves; if you are only seconded into it, you stay with your substantive employer, whose own changes (a new substantive employer, say) reach you instead.", cf, "assigned: "+strconv.FormatBool(e.Assigned))
	}
}

func (s *assessor) terms() {
	t := &s.c.Transfer
	e := &s.c.Employee
	if !e.Assigned {
		s.add(KindProtection, TopicTerms, "T4", "Only staff assigned to the transferring group move; as you are not assigned to it (or only temporarily), you stay with your current employer, on your current terms.", "assigned: false")
		return
	}
	if e.Objects {
		if e.MaterialDetriment && s.tupe() {
			s.add(KindProtection, TopicTerms, "T5", "You object, and the transfer would bring a substantial change in your working conditions to your material detriment: you may treat your contract as ended and be treated as dismissed by your employer (reg 4(9)), though without notice pay, and a claim that the dismissal was unfair follows the usual qualifying period.", "objects: true", "material_detriment: true")
		} else {
			s.add(KindProtection, TopicTerms, "T5", "Because you object, your employment ends on the transfer date: you do not move, and this is not a dismissal, so there is no redundancy pay or unfair dismissal claim.", "objects: true")
		}
		return
	}
	if !s.tupe() {
		// A COSOP move: an offer, or a reorganisation handled by COSOP's
		// principles; what TUPE does by law, COSOP does by policy.
		s.add(KindProtection, TopicTerms, "C1", "Your move is on terms overall no less favourable than you have now; if you decline it, your current employer should where possible redeploy you.", "regime: "+string(s.a.Regime), "mechanism: "+string(t.Mechanism))
		if r := t.TermsChangeReason; r != "" && r != ReasonNone {
			// TUPE's rule on void changes is not the test under COSOP.
			s.add(KindProtection, TopicTerms, "C1", "TUPE's rule that a change made because of the transfer is void does not govern a move under COSOP; the test is the policy's: taken together, your terms after the move are to be no less favourable than now.", "regime: "+string(s.a.Regime), "terms_change_reason: "+string(r))
		}
		return
	}
	if !s.worker() {
		s.add(KindProtection, TopicTerms, "T3", "Your contract moves to the new employer with all its rights and duties: no new contract is issued, and the new employer should confirm the change in writing.", "assigned: true")
	}
	s.add(KindProtection, TopicTerms, "T8", "Collective agreements move as they stand at the transfer (later national deals bind the new employer only if it takes part); union recognition moves if the group keeps its identity.", "regime: "+string(s.a.Regime))
	if e.MaterialDetriment {
		s.add(KindProtection, TopicTerms, "T5", "The transfer brings a substantial change in your working conditions to your material detriment: you may treat your contract as ended and be treated as dismissed by your employer (reg 4(9)), though without notice pay.", "material_detriment: true")
	}
	s.termsChange()
	if s.worker() {
		s.add(KindWarning, TopicTerms, "T7", "Protection from unfair dismissal, including a dismissal made unfair by the transfer, is an employee's: as a worker you do not have it.", "employment_status: worker")
		return
	}
	// Unfair dismissal protection for dismissals connected with the
	// transfer: the qualifying period and the service are judged on the day
	// employment ends, when the case gives it, else on the transfer date.
	end, endF, endWords := t.Date, "date: "+t.Date.String(), "on the transfer date"
	if !e.TerminationDate.IsZero() {
		end, endF, endWords = e.TerminationDate, "termination_date: "+e.TerminationDate.String(), "when your employment ends on "+words(e.TerminationDate)
	}
	months := e.ContinuousServiceStart.MonthsUntil(end)
	qualifying, label := 24, "2 years"
	if !end.Before(qualifyingShortFrom) {
		qualifying, label = 6, "6 months"
	}
	status := "have"
	if months < qualifying {
		status = "do not yet have"
	}
	text := "A dismissal whose main reason is the transfer is automatically unfair, unless there is an economic, technical or organisational reason entailing changes in the workforce. Claiming needs " + label + " of service; " + endWords + " you " + status + " it (" + strconv.Itoa(months) + " months)."
	if qualifying == 24 && e.TerminationDate.IsZero() && e.ContinuousServiceStart.MonthsUntil(qualifyingShortFrom) < 24 {
		// Only news to someone still short of 2 years when the lower
		// threshold starts: for anyone else it changes nothing.
		text += " The period falls to 6 months for a dismissal that takes effect on or after 1 January 2027."
	}
	s.add(KindProtection, TopicTerms, "T7", text,
		"continuous_service_start: "+e.ContinuousServiceStart.String(), endF)
}

func (s *assessor) service() {
	t := &s.c.Transfer
	e := &s.c.Employee
	from, to := t.From.Kind, t.To.Kind
	if s.tupe() && !s.worker() {
		s.add(KindProtection, TopicService, "T3", "Your continuous employment carries on from "+words(e.ContinuousServiceStart)+": the move does not break it.", "continuous_service_start: "+e.ContinuousServiceStart.String())
	}
	start := e.NHSServiceStart
	if start.IsZero() {
		start = e.ContinuousServiceStart
	}
	switch {
	case from.IsNHS() && to.IsNHS():
		s.add(KindProtection, TopicService, "A2", "Your continuous NHS service since "+words(start)+" keeps counting for redundancy, maternity, sick pay and annual leave.", fromF(from), toF(to))
	case !from.IsNHS() && to.IsNHS() && s.a.Regime != RegimeNone:
		if !e.NHSServiceStart.IsZero() {
			s.add(KindProtection, TopicService, "A2", "On returning to the NHS, your service with a non-NHS provider of NHS-funded services counts for sick pay, annual leave and incremental credit.", fromF(from), toF(to), "nhs_service_start: "+e.NHSServiceStart.String())
		} else {
			// The case does not say whether the employee worked in the NHS
			// before; both answers are given.
			s.add(KindProtection, TopicService, "A2", "If you worked in the NHS before moving to a non-NHS provider of NHS-funded services, that provider's service counts on your return for sick pay, annual leave and incremental credit; other non-NHS service counts towards Agenda for Change entitlements only at the new employer's discretion. TUPE keeps your continuous employment either way.", fromF(from), toF(to), "nhs_service_start: not given")
		}
		s.add(KindOpenQuestion, TopicService, "Q3", "Whether TUPE continuity also carries Agenda for Change redundancy and maternity rights on an insourcing is unresolved in the sources.", fromF(from), toF(to))
	}
}

// entitlements states the Agenda for Change annual leave and sick pay
// that go with the employee's contract, by reckonable NHS service on the
// transfer date, and the contractual redundancy terms when redundancies
// are envisaged.
func (s *assessor) entitlements() {
	t := &s.c.Transfer
	e := &s.c.Employee
	if e.Terms != AgendaForChange || !t.From.Kind.IsNHS() || !e.Assigned || s.a.Regime == RegimeNone {
		return
	}
	if s.worker() {
		s.add(KindProtection, TopicService, "A4", "Agenda for Change annual leave, sick pay and redundancy pay belong to staff employed on its terms; as a worker you have the statutory minimum holiday, or more if your own contract gives it.", "employment_status: worker")
		return
	}
	if !s.tupe() && !t.To.Kind.IsNHS() {
		// A COSOP offer out of the NHS (to DHSC, say) is a new contract on
		// the new employer's terms: Agenda for Change does not go with it.
		s.add(KindProtection, TopicService, "C1", "Your new employer's own terms will set your annual leave and sick pay, not Agenda for Change; under COSOP the offer is to be overall no less favourable, so compare them with what you have now.", fromF(t.From.Kind), toF(t.To.Kind))
		return
	}
	start := e.NHSServiceStart
	startF := "nhs_service_start: " + start.String()
	if start.IsZero() {
		start = e.ContinuousServiceStart
		startF = "continuous_service_start: " + start.String()
	}
	years := start.YearsUntil(t.Date)
	yearsText := strconv.Itoa(years) + " full years"
	if years == 1 {
		yearsText = "1 full year"
	}
	leave := 27
	switch {
	case years >= 10:
		leave = 33
	case years >= 5:
		leave = 29
	}
	s.add(KindProtection, TopicService, "A4", "With "+yearsText+" of reckonable NHS service on the transfer date, your Agenda for Change annual leave is "+strconv.Itoa(leave)+" days plus 8 bank holidays (27 on appointment, 29 after 5 years, 33 after 10).", startF, "date: "+t.Date.String())
	full, half := 6, 6
	switch {
	case years < 1:
		full, half = 1, 2
	case years < 2:
		full, half = 2, 2
	case years < 3:
		full, half = 4, 4
	case years < 5:
		full, half = 5, 5
	}
	s.add(KindProtection, TopicService, "A5", "Your Agenda for Change sick pay, by service, is "+months(full)+" on full pay and "+months(half)+" on half pay.", startF, "date: "+t.Date.String())
	if years < 1 {
		s.add(KindOpenQuestion, TopicService, "Q4", "For the first year of service most sources give 1 month on full pay and 2 on half pay, as spfkit does; one secondary source gives 1 and 1.", startF)
	}
	if t.RedundanciesEnvisaged > 0 && !t.Date.Before(afcRedundancyFrom) {
		qualifies := "so you qualify"
		if start.MonthsUntil(t.Date) < 24 {
			qualifies = "so you do not yet qualify"
		}
		s.add(KindProtection, TopicTerms, "A6", "Redundancies are envisaged. Agenda for Change contractual redundancy pay, part of your contract, needs 2 years' continuous NHS service with no break of more than a week; you have "+yearsText+" on the transfer date, "+qualifies+". It is a month's pay for each full year of reckonable service, at most 24 months, with a month's pay worked out from annual earnings of at least £23,000 and at most £80,000, and it is lost if you take suitable NHS employment within 4 weeks.",
			"redundancies_envisaged: "+strconv.Itoa(t.RedundanciesEnvisaged), startF, "date: "+t.Date.String())
	}
}

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

func fromF(k EmployerKind) string { return "from: " + string(k) }
func toF(k EmployerKind) string   { return "to: " + string(k) }

func (s *assessor) pay() {
	t := &s.c.Transfer
	e := &s.c.Employee
	from, to := t.From.Kind, t.To.Kind
	if s.a.Regime == RegimeNone {
		s.add(KindProtection, TopicPay, "T1", "Your pay is whatever the new contract offers; nothing carries over by law.", "mechanism: voluntary_move")
		return
	}
	rule := "T3"
	if !s.tupe() {
		rule = "C1" // under COSOP the terms carry over by policy, not by law
	}
	switch {
	case from.IsNHS() && to.IsNHS():
		text := "Your pay stays on the same national terms"
		if e.Terms == AgendaForChange {
			text = "Your pay stays on Agenda for Change, including its future pay awards"
		}
		s.add(KindProtection, TopicPay, rule, text+": the employer changes, the terms do not.", fromF(from), toF(to), "terms: "+string(e.Terms))
		if s.c.Employee.Assigned {
			s.add(KindProtection, TopicPay, "A7", "You keep NHS Injury Allowance while you stay on NHS terms.", fromF(from), toF(to))
		}
	case !s.tupe():
		s.add(KindProtection, TopicPay, rule, "Your pay and terms with the new employer are to be overall no less favourable than now; compare the offer with your current terms.", fromF(from), toF(to))
	case from.IsNHS() && !to.IsNHS():
		s.add(KindProtection, TopicPay, "A8", "Your pay and terms are frozen as they stood on "+words(t.Date)+", including pay deals already agreed; later NHS pay awards apply only if the new employer agrees.", fromF(from), toF(to), "date: "+t.Date.String())
		if !to.IsContractor() {
			break
		}
		if t.Date.Before(twoTierWithdrawn) {
			s.add(KindProtection, TopicPay, "S4", "On the date of this transfer the two-tier code on workforce matters was in force, so new staff recruited to work alongside transferred staff were to get fair and reasonable terms. It was withdrawn on 13 December 2010 and binds now only where a contract made before then writes it in: check whether this one does.", toF(to), "date: "+t.Date.String())
			break
		}
		s.add(KindProtection, TopicPay, "S3", "New staff recruited to work alongside transferred staff should get fair and reasonable terms; a binding two-tier code returns under the Employment Rights Act 2025.", toF(to))
	default:
		s.add(KindProtection, TopicPay, rule, "Your pay and terms move unchanged to the new employer.", fromF(from), toF(to))
	}
}

func (s *assessor) pension() {
	t := &s.c.Transfer
	e := &s.c.Employee
	from, to := t.From.Kind, t.To.Kind
	pf := "pension: " + string(e.Pension)
	nhsMember := e.Pension == NHSPSActive || e.Pension == NHSPSEligible || e.Pension == ProtectedTransferee
	switch {
	case from.IsNHS() && to.IsNHS():
		s.add(KindProtection, TopicPension, "P1", "Your pension arrangements do not change: you stay in (or eligible for) the NHS Pension Scheme, with no transfer of benefits needed.", fromF(from), toF(to), pf)
	case from.IsNHS() && to.IsIndependent():
		if t.Date.Before(newFairDealFrom) {
			if t.Compulsory && s.a.Regime != RegimeNone {
				s.add(KindProtection, TopicPension, "T10", "Before New Fair Deal (7 October 2013) the provider had to offer a broadly comparable scheme, or at least the statutory minimum pension.", "date: "+t.Date.String())
			}
			break
		}
		if !t.Compulsory || s.a.Regime == RegimeNone {
			s.add(KindProtection, TopicPension, "P2", "New Fair Deal does not cover a voluntary move: NHS Pension Scheme access depends on the provider's own status as an employing authority.", "compulsory: false", toF(to))
			break
		}
		if nhsMember {
			s.add(KindProtection, TopicPension, "P2", "Under New Fair Deal you keep NHS Pension Scheme membership (or eligibility) through the provider's closed Direction or Determination, for as long as you stay on the transferred service.", "compulsory: true", toF(to), pf)
			switch e.LaterMove {
			case LaterVoluntary:
				s.add(KindWarning, TopicPension, "P2", "You later moved by choice to a different role or terms: New Fair Deal does not follow a voluntary move, so your NHS Pension Scheme access through the provider ends with it.", "later_move: voluntary")
			case LaterCompulsory:
				s.add(KindProtection, TopicPension, "P2", "Your later move within the provider was not your choice: New Fair Deal protection is lost only by a move you choose, so your NHS Pension Scheme access carries on while the test below is met.", "later_move: compulsory")
			}
			s.add(KindOpenQuestion, TopicPension, "Q2", "The test for staying covered is worded differently by the SPF guide (wholly or mainly NHS-funded work), the NHS Standard Contract (over half of working time on the service) and HM Treasury (continuously on the outsourced service).", toF(to))
		} else {
			s.add(KindProtection, TopicPension, "T10", "The new employer must offer at least the statutory minimum pension: matched contributions up to 6% of basic pay, or a qualifying scheme.", pf, toF(to))
		}
	case !from.IsNHS() && to.IsIndependent() && e.Pension == ProtectedTransferee && t.Compulsory && s.a.Regime != RegimeNone && !t.Date.Before(newFairDealFrom):
		s.add(KindProtection, TopicPension, "P2", "As a New Fair Deal protected transferee you keep NHS Pension Scheme membership on a compulsory onward transfer: the new provider must obtain its own closed Direction or Determination.", pf, "compulsory: true", toF(to))
		s.add(KindOpenQuestion, TopicPension, "Q2", "The test for staying covered is worded differently by the SPF guide (wholly or mainly NHS-funded work), the NHS Standard Contract (over half of working time on the service) and HM Treasury (continuously on the outsourced service).", toF(to))
	case from.IsIndependent() && to.IsIndependent() && e.Pension == BroadlyComparable && !t.Date.Before(newFairDealFrom):
		s.add(KindProtection, TopicPension, "P3", "On this re-tender New Fair Deal applies: staff in a broadly comparable scheme since an old Fair Deal transfer can rejoin the NHS Pension Scheme, with an option of a bulk transfer.", pf, "spc_kind: "+string(t.SPCKind))
	case from.IsNHS() && (to == GPPractice || to == APMSContractor):
		text := "A GMS or PMS practice is an NHS Pension Scheme employer: you can stay in the scheme."
		if to == APMSContractor {
			text = "An APMS contractor may be an NHS Pension Scheme employing authority; on a sub-contract only if the head Standard Contract holder is one. Check before the transfer."
		}
		s.add(KindProtection, TopicPension, "P5", text, toF(to), pf)
	case from.IsNHS() && to == LocalAuthority:
		s.add(KindProtection, TopicPension, "P6", "You may stay in the NHS Pension Scheme while employed on the transferred service; a voluntary move to a role not funded as an NHS service ends that access.", toF(to), pf)
		switch e.LaterMove {
		case LaterCompulsory:
			s.add(KindProtection, TopicPension, "P6", "Your later move within the council was compulsory, so your NHS Pension Scheme access carries on.", "later_move: compulsory")
		case LaterVoluntary:
			s.add(KindWarning, TopicPension, "P6", "Your later move within the council was your choice: if the new role is not funded as an NHS service, your NHS Pension Scheme access ends with it.", "later_move: voluntary")
		}
	case !from.IsNHS() && to.IsNHS() && nhsMember:
		// A GMS or PMS practice, or a provider with NHS Pension Scheme
		// access, already had the employee in the scheme.
		s.add(KindProtection, TopicPension, "P1", "You are already in (or eligible for) the NHS Pension Scheme, and the new employer is an NHS employer: your membership carries on, with no transfer of benefits needed.", fromF(from), toF(to), pf)
	case !from.IsNHS() && to.IsNHS():
		s.add(KindProtection, TopicPension, "T9", "Rights in the old employer's occupational scheme to old-age, invalidity and survivors' benefits do not transfer (early-retirement and enhanced redundancy rights do); as an NHS employer, the new employer offers NHS Pension Scheme membership to eligible staff.", fromF(from), toF(to), pf)
	case from.IsPublic() && to.IsPublic() && scheme(from) != scheme(to):
		text := "Moving between public service pension schemes: under COSOP the receiving scheme is assessed for broad comparability and past service can move on bulk-transfer terms set with the Government Actuary's Department."
		if !t.Compulsory {
			text = "A voluntary move between public service schemes can use club transfer terms to carry past service across."
		}
		s.add(KindProtection, TopicPension, "P7", text, fromF(from), toF(to), "compulsory: "+strconv.FormatBool(t.Compulsory))
	case to.IsIndependent() && t.To.PensionAccess == AccessOpen:
		s.add(KindProtection, TopicPension, "P4", "The provider has open access to the NHS Pension Scheme as an employing authority, so all eligible staff can join.", "pension_access: open")
	default:
		if s.a.Regime != RegimeNone {
			s.add(KindProtection, TopicPension, "T9", "Rights to an occupational pension's old-age, invalidity and survivors' benefits do not transfer, but early-retirement and enhanced redundancy rights do; personal and group personal pension rights transfer.", fromF(from), toF(to), pf)
			if e.Pension != OtherScheme && e.Pension != NHSPSOptedOut {
				s.add(KindProtection, TopicPension, "T10", "The new employer must offer at least the statutory minimum pension: matched contributions up to 6% of basic pay, or a qualifying scheme.", pf)
			}
		}
	}
	s.laterMove()
}

// laterMove answers a later move the case gives where no pension line
// above turned on it: it matters to New Fair Deal (P2) and to a council's
// access (P6); elsewhere the assessment says so rather than pass over it.
func (s *assessor) laterMove() {
	e := &s.c.Employee
	if e.LaterMove == "" {
		return
	}
	lf := "later_move: " + string(e.LaterMove)
	var rule string
	for _, l := range s.a.Lines {
		if l.Topic != TopicPension {
			continue
		}
		if slices.Contains(l.Facts, lf) {
			return
		}
		if rule == "" && l.Kind == KindProtection {
			rule = l.Rule
		}
	}
	switch {
	case s.c.Transfer.To.Kind.IsNHS():
		s.add(KindProtection, TopicPension, "P1", "Your later move within the new employer, an NHS employer, leaves your NHS Pension Scheme membership as it is, whether you chose it or not.", lf, toF(s.c.Transfer.To.Kind))
	case rule != "":
		s.add(KindProtection, TopicPension, rule, "Your later move within the new employer does not change what is said above about your pension: only New Fair Deal and a council's NHS Pension Scheme access turn on such a move, and neither applies here.", lf)
	}
}

func (s *assessor) commitment() {
	t := &s.c.Transfer
	e := &s.c.Employee
	if t.To.Kind != ICB {
		return
	}
	atEstablishment := t.Date == icbEstablished && (t.From.Kind == CCG || t.From.Kind == NHSEngland || t.From.Kind == NHSImprovement || t.From.Kind == NHSTrust || t.From.Kind == FoundationTrust)
	if !atEstablishment {
		s.add(KindOpenQuestion, TopicTerms, "Q7", "Whether any employment commitment covers ICB changes after 2022 (clustering, running-cost reductions) is not known.", "date: "+t.Date.String())
		return
	}
	if e.Terms == BoardLevel {
		s.add(KindProtection, TopicTerms, "E1", "As a board-level member of staff you are outside the employment commitment: board-level staff were expected to move into designate or displaced roles, and contractual redundancy is possible.", "terms: board_level")
	} else {
		s.add(KindProtection, TopicTerms, "E1", "The employment commitment applies: as you are below board level, you lift and shift to the ICB.", "terms: "+string(e.Terms), fromF(t.From.Kind))
		s.add(KindProtection, TopicTerms, "E2", "Terms and conditions continue even where the law would not require it, with no significant change of role and continued employment for those who want it.", "terms: "+string(e.Terms))
	}
	s.add(KindProtection, TopicTerms, "E3", "The transfer covers permanent staff, live fixed-term contracts, staff on leave or suspended and board-level staff; a secondee's substantive employer changes; any changes (payroll, pay date) come in a measures letter.", "contract: "+string(e.Contract))
}

func (s *assessor) duties() {
	t := &s.c.Transfer
	tupe := s.a.Regime == RegimeTUPE
	by := "The transferring employer must"
	if !tupe {
		by = "Following TUPE's principles, the transferring employer should"
	}
	// Employee liability information.
	days := 28
	if t.Date.Before(eliExtendedFrom) {
		days = 14
	}
	eli := s.add(KindDuty, TopicDuties, "T11", by+" give the new employer employee liability information at least "+strconv.Itoa(days)+" days before the transfer, and update it if it changes. Failure can cost at least £500 per employee in compensation.", "date: "+t.Date.String())
	eli.Deadline = t.Date.AddDays(-days)
	if !t.LiabilityInformationSent.IsZero() {
		eli.Facts = append(eli.Facts, "liability_information_sent: "+t.LiabilityInformationSent.String())
		if t.LiabilityInformationSent.Before(eli.Deadline.AddDays(1)) {
			eli.Status = Met
		} else {
			eli.Status = Late
			w := s.add(KindWarning, TopicDuties, "T11", "The employee liability information was sent on "+words(t.LiabilityInformationSent)+", after the deadline of "+words(eli.Deadline)+": the new employer can claim compensation of at least £500 per employee, "+pounds(500*t.Transferring)+" for the "+strconv.Itoa(t.Transferring)+" transferring, unless special circumstances made earlier impossible.", "liability_information_sent: "+t.LiabilityInformationSent.String(), "transferring: "+strconv.Itoa(t.Transferring))
			if t.SpecialCircumstances {
				w.Text = "The employee liability information was sent on " + words(t.LiabilityInformationSent) + ", after the deadline of " + words(eli.Deadline) + ". The transferring employer says special circumstances made it not reasonably practicable to send it in time; if a tribunal agrees, no compensation is due, and otherwise at least £500 per employee (" + pounds(500*t.Transferring) + " for the " + strconv.Itoa(t.Transferring) + " transferring)."
				w.Facts = append(w.Facts, "special_circumstances: true")
			}
			w.Deadline = eli.Deadline
		}
	}
	s.add(KindOpenQuestion, TopicDuties, "Q5", "The date the employee liability information must be accurate as at is given as 14 days before sending in one reading of reg 11(4) and 28 days in another; spfkit does not compute it.", "date: "+t.Date.String())
	// Informing and consulting representatives.
	inform := s.add(KindDuty, TopicDuties, "T12", "Both employers must inform the appropriate representatives in writing, long enough before the transfer to allow consultation: of the transfer, its date and reasons, its legal, economic and social implications, and any measures envisaged (or that there are none). The law sets no number of days; the last possible day is the day before the transfer.", "date: "+t.Date.String())
	inform.Deadline = t.Date.AddDays(-1)
	if t.AgencyWorkers > 0 {
		inform.Text += " The transferring employer's information must also give the number of agency workers it uses in the group (" + strconv.Itoa(t.AgencyWorkers) + "), where they work and what they do; agency workers do not transfer."
		inform.Facts = append(inform.Facts, "agency_workers: "+strconv.Itoa(t.AgencyWorkers))
	}
	if t.AffectedNotTransferring > 0 {
		inform.Text += " The duty covers the " + strconv.Itoa(t.AffectedNotTransferring) + " affected employees who do not transfer, as well as those who do."
		inform.Facts = append(inform.Facts, "affected_not_transferring: "+strconv.Itoa(t.AffectedNotTransferring))
	}
	if t.RepresentativesNeverInformed {
		inform.Status = Missed
		inform.Facts = append(inform.Facts, "representatives_never_informed: true")
		affected := strconv.Itoa(t.Transferring) + " transferring"
		facts := []string{"representatives_never_informed: true", "transferring: " + strconv.Itoa(t.Transferring)}
		if t.AffectedNotTransferring > 0 {
			affected = strconv.Itoa(t.Transferring+t.AffectedNotTransferring) + " affected employees (" + strconv.Itoa(t.Transferring) + " transferring and " + strconv.Itoa(t.AffectedNotTransferring) + " who do not)"
			facts = append(facts, "affected_not_transferring: "+strconv.Itoa(t.AffectedNotTransferring))
		}
		s.add(KindWarning, TopicDuties, "T12", "The representatives were never informed: the duty to inform was broken, and a tribunal can award up to 13 weeks' pay for each affected employee, up to "+weeksPay(t.Transferring+t.AffectedNotTransferring)+" for the "+affected+".", facts...)
	}
	if !t.RepresentativesInformed.IsZero() {
		inform.Facts = append(inform.Facts, "representatives_informed: "+t.RepresentativesInformed.String())
		if t.RepresentativesInformed.Before(t.Date) {
			inform.Status = Met
		} else {
			inform.Status = Late
			s.add(KindWarning, TopicDuties, "T12", "The representatives were informed on "+words(t.RepresentativesInformed)+", not before the transfer on "+words(t.Date)+".", "representatives_informed: "+t.RepresentativesInformed.String())
		}
	}
	if t.MeasuresEnvisaged {
		c := s.add(KindDuty, TopicDuties, "T13", "An employer that envisages measures must consult the representatives with a view to agreement, consider their views and answer in writing any it rejects, before the transfer.", "measures_envisaged: true")
		c.Deadline = t.Date.AddDays(-1)
		if !t.ConsultationStarted.IsZero() {
			c.Facts = append(c.Facts, "consultation_started: "+t.ConsultationStarted.String())
			if t.ConsultationStarted.Before(t.Date) {
				c.Status = Met
			} else {
				c.Status = Late
				s.add(KindWarning, TopicDuties, "T13", "Consultation on the measures began on "+words(t.ConsultationStarted)+", not before the transfer on "+words(t.Date)+".", "consultation_started: "+t.ConsultationStarted.String())
			}
		}
	}
	s.representatives()
	// Collective redundancy consultation.
	if n := t.RedundanciesEnvisaged; n >= 20 {
		lead := 30
		if n >= 100 {
			lead = 45
		}
		first := t.FirstDismissal
		facts := []string{"redundancies_envisaged: " + strconv.Itoa(n)}
		text := "With " + strconv.Itoa(n) + " redundancies proposed at one establishment within 90 days, the new employer must start collective consultation and notify the government on form HR1 at least " + strconv.Itoa(lead) + " days before the first dismissal; it may start before the transfer with the transferor's agreement."
		if first.IsZero() {
			first = t.Date
			text += " No first dismissal date is given, so the deadline assumes dismissals could start on the transfer date."
		} else {
			facts = append(facts, "first_dismissal: "+first.String())
		}
		d := s.add(KindDuty, TopicDuties, "T17", text, facts...)
		d.Deadline = first.AddDays(-lead)
	}
	// The complaint window: a tribunal claim under TUPE's regulation 15,
	// which a move under COSOP's principles does not give (C2).
	if !s.tupe() {
		if p := t.ComplaintPresented; !p.IsZero() {
			s.add(KindWarning, TopicDuties, "C2", "The complaint presented to a tribunal on "+words(p)+" rests on TUPE's regulation 15, which a move under COSOP does not give: a failure to follow COSOP may be challenged by judicial review instead.", "complaint_presented: "+p.String(), "regime: "+string(s.a.Regime))
		}
		return
	}
	w := s.add(KindDuty, TopicDuties, "T16", "A complaint that the employers failed to inform or consult must reach an employment tribunal within 3 months of the transfer; the award is up to 13 weeks' pay per affected employee, and the two employers can be jointly liable.", "date: "+t.Date.String())
	w.Deadline = complaintWindowEnd(t.Date)
	if p := t.ComplaintPresented; !p.IsZero() {
		pf := "complaint_presented: " + p.String()
		if !w.Deadline.Before(p) {
			w.Status = Met
			s.add(KindProtection, TopicDuties, "T16", "The complaint presented on "+words(p)+" was in time: the 3 months ran until "+words(w.Deadline)+".", pf)
		} else {
			w.Status = Late
			s.add(KindWarning, TopicDuties, "T16", "The complaint was presented on "+words(p)+", after the 3 months ended on "+words(w.Deadline)+": the tribunal may hear it only if it finds that presenting it in time was not reasonably practicable, and that it came within a reasonable time after.", pf)
		}
	}
}

func (s *assessor) representatives() {
	t := &s.c.Transfer
	for _, side := range []struct {
		e    Employer
		name string
	}{{t.From, "transferring"}, {t.To, "new"}} {
		sf := side.name + " employer"
		switch {
		case side.e.RecognisedUnion:
			s.add(KindDuty, TopicDuties, "T14", "The "+sf+"'s appropriate representatives are the recognised trade union's.", "recognised_union: true")
		case side.e.ExistingRepresentatives:
			s.add(KindDuty, TopicDuties, "T14", "With no recognised union, the "+sf+"'s appropriate representatives are its existing employee representatives, where their remit lets them be informed and consulted about the transfer; otherwise it must invite staff to elect representatives.", "recognised_union: false", "existing_representatives: true")
		case !t.Date.Before(directConsult2024) && (side.e.Headcount > 0 && side.e.Headcount < 50 || t.Transferring < 10):
			s.add(KindDuty, TopicDuties, "T15", "With no recognised union or existing representatives, the "+sf+" may inform and consult employees directly, as it has fewer than 50 employees or fewer than 10 are transferring (transfers from 1 July 2024).",
				"headcount: "+strconv.Itoa(side.e.Headcount), "transferring: "+strconv.Itoa(t.Transferring), "date: "+t.Date.String())
		case !t.Date.Before(directConsult2014) && t.Date.Before(directConsult2024) && side.e.Headcount > 0 && side.e.Headcount < 10:
			s.add(KindDuty, TopicDuties, "T15", "With no recognised union or existing representatives, the "+sf+" may inform and consult employees directly, as it has fewer than 10 employees (transfers from 31 July 2014 to 30 June 2024).",
				"headcount: "+strconv.Itoa(side.e.Headcount), "date: "+t.Date.String())
		default:
			s.add(KindDuty, TopicDuties, "T14", "With no recognised union and no existing employee representatives, the "+sf+" must invite staff to elect representatives; if staff do not elect, it informs each employee individually.", "recognised_union: false", "existing_representatives: false", "headcount: "+strconv.Itoa(side.e.Headcount))
		}
	}
}

// complaintWindowEnd is the last day of the 3 months beginning with the
// transfer date: the day before the corresponding day 3 months on, or the
// last day of that month when it has no corresponding day (31 January
// runs to 30 April).
func complaintWindowEnd(d date.Date) date.Date {
	on := d.AddMonths(3)
	if on.Day() != d.Day() { // clamped: no corresponding day
		return on
	}
	return on.AddDays(-1)
}

// scheme names the pension scheme a public employer's staff belong to.
func scheme(k EmployerKind) string {
	switch {
	case k.IsNHS():
		return "nhs"
	case k == DHSC:
		return "civil_service"
	case k == LocalAuthority:
		return "local_government"
	}
	return ""
}

// termsChange works out whether a change to the person's terms stands,
// from its facts: its reason, whether the person agreed, whether the
// contract permits it, whether the terms came from a collective agreement,
// the day it takes effect and whether the package after it is no less
// favourable. Regulation 4(4)-(5B) is applied as it stood on the transfer
// date: SI 2014/16 rewrote it for transfers from 31 January 2014, adding
// the contract's own permission, a change of workplace as a change in the
// workforce, and the collective-agreement exception a year on.
func (s *assessor) termsChange() {
	t := &s.c.Transfer
	if t.TermsChangeReason == "" || t.TermsChangeReason == ReasonNone {
		return
	}
	rf := "terms_change_reason: " + string(t.TermsChangeReason)
	agreedF := "terms_change_agreed: " + strconv.FormatBool(t.TermsChangeAgreed)
	if t.Date.Before(amended2014) {
		// TUPE 2006 as made: a change is void when its sole or principal
		// reason is the transfer, or a reason connected with it that is
		// not an ETO reason entailing changes in the workforce; employer
		// and employee may agree one for an unconnected or an ETO reason.
		asMade := "date: " + t.Date.String() + " (before 31 January 2014: regulation 4 as made)"
		switch t.TermsChangeReason {
		case ReasonTransfer:
			s.add(KindWarning, TopicTerms, "T6", "A change to terms whose reason is the transfer, such as harmonising with the new employer's staff, is void, even if you agreed to it: you can insist on your old terms. For a transfer before 31 January 2014 there is no exception for terms from a collective agreement, nor for a change the contract permits.", rf, asMade)
		case ReasonETO, ReasonUnconnected:
			why := "an economic, technical or organisational reason entailing changes in the workforce"
			if t.TermsChangeReason == ReasonUnconnected {
				why = "a reason unconnected with the transfer"
			}
			if t.TermsChangeAgreed {
				s.add(KindProtection, TopicTerms, "T6", "You agreed a change for "+why+": the regulations let you and the employer agree it, so it stands.", rf, agreedF, asMade)
			} else {
				s.add(KindWarning, TopicTerms, "T6", "A change for "+why+" may be made only by agreement; you have not agreed it, so it does not bind you.", rf, agreedF, asMade)
			}
		}
		return
	}
	if t.TermsChangeContractPermits {
		s.add(KindProtection, TopicTerms, "T6", "Your contract itself lets the employer make this change, so it stands whatever its reason (reg 4(5)(b)).", rf, "terms_change_contract_permits: true")
		return
	}
	switch t.TermsChangeReason {
	case ReasonUnconnected:
		if t.TermsChangeAgreed {
			s.add(KindProtection, TopicTerms, "T6", "The change has nothing to do with the transfer, so TUPE does not make it void; you agreed it, so it stands.", rf, agreedF)
		} else {
			s.add(KindWarning, TopicTerms, "T6", "The change has nothing to do with the transfer, so TUPE does not make it void; but like any change to a contract it needs your agreement (or a term allowing it), and you have not agreed it.", rf, agreedF)
		}
	case ReasonETO:
		if t.TermsChangeAgreed {
			s.add(KindProtection, TopicTerms, "T6", "You agreed a change for an economic, technical or organisational reason entailing changes in the workforce (which includes a change of workplace): it stands (reg 4(5)(a)).", rf, agreedF)
		} else {
			s.add(KindWarning, TopicTerms, "T6", "A change for an economic, technical or organisational reason entailing changes in the workforce stands only if you agree to it; you have not, so it does not bind you.", rf, agreedF)
		}
	case ReasonTransfer:
		// "More than one year after the date of the transfer": the
		// anniversary itself is too soon.
		yearOn := yearAfter(t.Date).AddDays(1)
		caF := "terms_change_from_collective_agreement: " + strconv.FormatBool(t.TermsChangeFromCollectiveAgreement)
		switch {
		case !t.TermsChangeFromCollectiveAgreement:
			text := "A change to terms whose reason is the transfer, such as harmonising with the new employer's staff, is void: you can insist on your old terms."
			if t.TermsChangeAgreed {
				text = "A change to terms whose reason is the transfer is void even though you agreed to it: you can insist on your old terms."
			}
			s.add(KindWarning, TopicTerms, "T6", text, rf, caF, agreedF)
		case t.TermsChangeDate.IsZero():
			s.add(KindWarning, TopicTerms, "T6", "Terms that came from a collective agreement may be changed for the transfer's sake only with effect from "+words(yearOn)+" (more than a year after the transfer) and only if your terms overall are no less favourable afterwards; the case gives no date for the change, so until it does, treat the change as void.", rf, caF)
		case t.TermsChangeDate.Before(yearOn):
			s.add(KindWarning, TopicTerms, "T6", "The change takes effect on "+words(t.TermsChangeDate)+", not more than a year after the transfer (the earliest is "+words(yearOn)+"), so the exception for terms from a collective agreement does not apply: the change is void.", rf, caF, "terms_change_date: "+t.TermsChangeDate.String(), "date: "+t.Date.String())
		case !t.TermsChangeNoLessFavourable:
			s.add(KindWarning, TopicTerms, "T6", "The change to terms from a collective agreement takes effect on "+words(t.TermsChangeDate)+", more than a year after the transfer, but it escapes the rule only if your terms overall are no less favourable afterwards; the case does not say they are, so the change is void.", rf, caF, "terms_change_date: "+t.TermsChangeDate.String(), "terms_change_no_less_favourable: false")
		default:
			s.add(KindProtection, TopicTerms, "T6", "The change to terms from a collective agreement takes effect on "+words(t.TermsChangeDate)+", more than a year after the transfer, and leaves your terms overall no less favourable, so the transfer does not make it void (reg 4(5B)); like any change it still needs a contractual basis, such as the collective agreement itself.", rf, caF, "terms_change_date: "+t.TermsChangeDate.String(), "terms_change_no_less_favourable: true")
		}
	}
}

// hostedAndOwned says how spfkit treats a commissioning support unit and
// an NHS trust's wholly owned subsidiary, whose status the sources did not
// confirm (open question Q8).
func (s *assessor) hostedAndOwned() {
	t := &s.c.Transfer
	for _, side := range []Employer{t.From, t.To} {
		k := side.Kind
		f := "kind: " + string(k)
		switch k {
		case CSU:
			text := "A commissioning support unit is not a legal body of its own: NHS England hosts it and employs its staff, so spfkit treats it as NHS England (an NHS employer, on Agenda for Change and the NHS Pension Scheme); the sources read did not confirm this."
			if t.From.Kind == NHSEngland || t.To.Kind == NHSEngland {
				text += " A move between a unit and NHS England itself may then be no change of employer at all."
			}
			s.add(KindOpenQuestion, TopicTransfer, "Q8", text, f)
		case WhollyOwnedSubsidiary:
			s.add(KindOpenQuestion, TopicTransfer, "Q8", "A wholly owned subsidiary is a company that an NHS trust owns, not an NHS body: spfkit treats it as an independent provider (the SPF guide's blue route), so Agenda for Change is not required of it and New Fair Deal decides the pension. Whether this subsidiary is an NHS Pension Scheme employing authority, and on what terms it employs new staff, was not checked.", f)
		}
		if t.From.Kind == t.To.Kind {
			break // said once
		}
	}
}

// transferOnlyFacts answers the facts a case gives that belong to a
// transfer, on a voluntary move that is none: the assessment says they do
// not apply rather than pass over them in silence.
func (s *assessor) transferOnlyFacts() {
	t := &s.c.Transfer
	var given []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"terms_change_reason", t.TermsChangeReason != "" && t.TermsChangeReason != ReasonNone},
		{"measures_envisaged", t.MeasuresEnvisaged},
		{"redundancies_envisaged", t.RedundanciesEnvisaged > 0},
		{"liability_information_sent", !t.LiabilityInformationSent.IsZero()},
		{"special_circumstances", t.SpecialCircumstances},
		{"representatives_informed", !t.RepresentativesInformed.IsZero()},
		{"representatives_never_informed", t.RepresentativesNeverInformed},
		{"consultation_started", !t.ConsultationStarted.IsZero()},
		{"complaint_presented", !t.ComplaintPresented.IsZero()},
		{"agency_workers", t.AgencyWorkers > 0},
		{"affected_not_transferring", t.AffectedNotTransferring > 0},
	} {
		if f.set {
			given = append(given, f.name)
		}
	}
	if len(given) == 0 {
		return
	}
	l := s.add(KindRegime, TopicTransfer, "T1", "The case gives facts that belong to a transfer ("+strings.Join(given, ", ")+"); on a voluntary move there is none, so no duty to inform or consult, no employee liability information, no rule voiding changes to terms and no tribunal complaint under TUPE follow from them.")
	for _, g := range given {
		l.Facts = append(l.Facts, g+": given")
	}
}

// worker reports whether the case says the person is a worker, not an
// employee.
func (s *assessor) worker() bool { return s.c.Employee.EmploymentStatus == StatusWorker }
