package transfer

import "slices"

// movesRules are the rules whose lines presume the person's employment
// goes to the new employer.
var movesRules = map[string]bool{
	"T6": true, "T7": true, "T8": true, "A4": true, "A5": true, "A6": true, "A7": true, "A8": true,
	"P1": true, "P2": true, "P3": true, "P4": true, "P5": true, "P6": true, "P7": true, "T9": true, "T10": true,
	"E1": true, "E2": true, "E3": true, "S3": true,
}

// tupeOnlyRules are the rules that only TUPE itself gives: a move under
// COSOP's principles (an offer, or a reorganisation COSOP handles) has
// none of them.
var tupeOnlyRules = map[string]bool{"T3": true, "T7": true, "T8": true, "T16": true}

// Contradictions lists the lines of an assessment that cannot stand
// beside another of its lines: a line presuming the person moves beside
// one saying they stay or that their employment ends, a TUPE-only line on
// a move under COSOP, a protection of the old terms on a voluntary move,
// an employee's right (unfair dismissal, Agenda for Change leave, sick pay
// or redundancy pay) given to a worker,
// a rule not in force on the transfer date (when the assessment gives
// it), and two lines of one rule on one topic that both allow and forbid.
// Assess should never produce one; the tests and the fuzz test check every
// assessment they make.
func (a *Assessment) Contradictions() []string {
	var stays, cosop string
	worker := false
	for _, l := range a.Lines {
		for _, f := range l.Facts {
			switch {
			case f == "employment_status: worker":
				worker = true
			case l.Rule == "T4" && f == "assigned: false":
				stays = "T4 (the person is not assigned and stays)"
			case l.Rule == "T5" && f == "objects: true":
				stays = "T5 (the person objects and does not move)"
			}
		}
	}
	if a.Regime == RegimeCOSOP {
		cosop = "the regime is COSOP"
	}
	var out []string
	for _, l := range a.Lines {
		switch {
		case l.Kind == KindOpenQuestion:
			// A question states no conclusion.
		case stays != "" && (movesRules[l.Rule] || l.Rule == "T3"):
			out = append(out, l.Rule+" presumes the person moves, beside "+stays+": "+l.Text)
		case cosop != "" && tupeOnlyRules[l.Rule]:
			out = append(out, l.Rule+" is TUPE's alone, but "+cosop+": "+l.Text)
		case a.Regime == RegimeNone && (l.Rule == "T3" || l.Rule == "T6" || l.Rule == "T7" || l.Rule == "T8" || l.Rule == "A8"):
			out = append(out, l.Rule+" protects old terms on a voluntary move: "+l.Text)
		}
		if worker && l.Kind == KindProtection && (l.Rule == "T7" || l.Rule == "A5" || l.Rule == "A6" || l.Rule == "A4" && !slices.Contains(l.Facts, "employment_status: worker")) {
			out = append(out, l.Rule+" gives an employee's right to a worker: "+l.Text)
		}
		if r, ok := RuleByID(l.Rule); ok && !a.Date.IsZero() && !r.InForce(a.Date) {
			out = append(out, l.Rule+" is not in force on the transfer date "+a.Date.String()+": "+l.Text)
		}
	}
	// A change to terms is either allowed or not: one rule must not say
	// both on the same topic (T6 protection beside T6 warning).
	var t6 LineKind
	for _, l := range a.Lines {
		if l.Rule != "T6" || l.Kind != KindProtection && l.Kind != KindWarning {
			continue
		}
		if t6 != "" && t6 != l.Kind {
			out = append(out, "T6 both allows and forbids the change to terms: "+l.Text)
		}
		t6 = l.Kind
	}
	return out
}
