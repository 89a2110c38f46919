package transfer

import (
	"bufio"
	"io"
	"slices"
	"strings"
)

// Audience is who a Markdown assessment is for.
type Audience int

const (
	// ForStaff: the staff member's view: a summary, then what happens to
	// their pay, pension, terms and service and their rights, with the
	// employers' duties only as the dates that matter to them.
	ForStaff Audience = iota
	// ForEmployers: every line, the employers' duties in full.
	ForEmployers
)

// The sections of the Markdown, in order, and the topics each shows.
var sections = []struct {
	title  string
	topics []Topic
	staff  bool // shown to the staff member
}{
	{"What kind of move this is", []Topic{TopicTransfer}, true},
	{"What happens to my pay", []Topic{TopicPay}, true},
	{"What happens to my pension", []Topic{TopicPension}, true},
	{"What happens to my terms", []Topic{TopicTerms}, true},
	{"What happens to my service", []Topic{TopicService}, true},
	{"What the employers must do and by when", []Topic{TopicDuties}, false},
}

// WriteMarkdown writes the assessment for the staff member (see
// WriteMarkdownFor).
func (a *Assessment) WriteMarkdown(w io.Writer) error { return a.WriteMarkdownFor(w, ForStaff) }

// WriteMarkdownFor writes the assessment for an audience, following the
// SPF staff transfer guide's routes. It opens with a short summary (does
// the person move; what happens to pay, pension and service; what must
// happen by when), then a section per topic. Every line cites its rule by
// a short label, with the rules' full sources collected at the end; open
// questions and warnings are marked, and dates read as words. The staff
// member's view lists their right to complain among their rights, and
// keeps the employers' duties to the dates in the summary.
func (a *Assessment) WriteMarkdownFor(w io.Writer, to Audience) error {
	b := bufio.NewWriter(w)
	title := "Your transfer"
	if to == ForEmployers {
		title = "Transfer assessment for the employers"
	}
	if a.CaseID != "" {
		title += ": " + a.CaseID
	}
	b.WriteString("# " + title + "\n\n")
	if a.Route != "" {
		b.WriteString("This move follows the **" + string(a.Route) + " route** of the SPF staff transfer guide. ")
	}
	b.WriteString("Legal basis: **" + regimeName[a.Regime] + "**.\n\n")
	a.summary(b)
	var cited []string
	line := func(l Line) {
		prefix := ""
		switch l.Kind {
		case KindWarning:
			prefix = "**Warning:** "
		case KindOpenQuestion:
			prefix = "**Open question:** "
		}
		text := l.Text
		if !l.Deadline.IsZero() {
			text = "**By " + words(l.Deadline) + ":** " + text
		}
		if l.Status != "" {
			text += " (" + statusWords(l) + ")"
		}
		b.WriteString("- " + prefix + strings.TrimSpace(text) + " [" + l.Rule + "]\n")
		for _, c := range cited {
			if c == l.Rule {
				return
			}
		}
		cited = append(cited, l.Rule)
	}
	for _, sec := range sections {
		if to == ForStaff && !sec.staff {
			continue
		}
		var lines []Line
		for _, l := range a.Lines {
			for _, t := range sec.topics {
				if l.Topic == t && !(to == ForStaff && l.Rule == "T16") {
					lines = append(lines, l)
				}
			}
		}
		if len(lines) == 0 {
			continue
		}
		b.WriteString("## " + sec.title + "\n\n")
		for _, l := range lines {
			line(l)
		}
		b.WriteString("\n")
	}
	if to == ForStaff {
		var rights []Line
		for _, l := range a.Lines {
			if l.Rule == "T16" {
				rights = append(rights, l)
			}
		}
		if len(rights) > 0 {
			b.WriteString("## My rights if the employers fail to inform or consult\n\n")
			for _, l := range rights {
				if l.Kind == KindDuty {
					l.Text = "You, or your representatives, can complain to an employment tribunal that the employers failed to inform or consult; the complaint must reach it within 3 months of the transfer. The award is up to 13 weeks' pay for each affected employee, and the two employers can be jointly liable."
				}
				line(l)
			}
			b.WriteString("\n")
		}
	}
	if len(cited) > 0 {
		b.WriteString("## Sources\n\n")
		for _, id := range cited {
			r, _ := RuleByID(id)
			b.WriteString("- **" + id + "**: " + r.Source + "\n")
		}
		b.WriteString("\n")
	}
	return b.Flush()
}

// summary writes the few sentences a person reads first.
func (a *Assessment) summary(b *bufio.Writer) {
	b.WriteString("## In short\n\n")
	moves := "Yes: your employment moves to the new employer on the transfer date."
	first := func(topic Topic) string {
		for _, l := range a.Lines {
			if l.Topic == topic && l.Kind == KindProtection {
				return l.Text
			}
		}
		return ""
	}
	for _, l := range a.Lines {
		switch {
		case a.Regime == RegimeNone:
			moves = "Yes, by your own choice: a new job on a new contract, with nothing carried over by law."
		case l.Rule == "T4" && slices.Contains(l.Facts, "assigned: false"):
			moves = "No: you are not assigned to the group that transfers, so you stay with your current employer."
		case l.Rule == "T5" && slices.Contains(l.Facts, "objects: true"):
			moves = "No: you object, so you do not move. " + l.Text
		case a.Regime == RegimeCOSOP && l.Rule == "C1" && l.Topic == TopicTerms && !strings.HasPrefix(moves, "If you accept"):
			moves = "If you accept: " + l.Text
		}
	}
	withFact := func(f string) bool {
		return slices.ContainsFunc(a.Lines, func(l Line) bool { return slices.Contains(l.Facts, f) })
	}
	switch {
	case !strings.HasPrefix(moves, "Yes: ") || a.Regime == RegimeNone:
	case withFact("employment_status: worker"):
		moves = "Not settled: as a worker rather than an employee, whether the move takes your contract with it is an open question; see it under your terms."
	case withFact("contract: bank") && !withFact("employment_status: employee"):
		moves = "Yes, if you are an employee: your employment moves to the new employer on the transfer date. As bank staff you may count as a worker instead; see the open question under your terms."
	}
	b.WriteString("- **Do I move?** " + moves + "\n")
	if !strings.HasPrefix(moves, "No") {
		for _, s := range []struct {
			label string
			topic Topic
		}{{"Pay", TopicPay}, {"Pension", TopicPension}, {"Service", TopicService}} {
			if t := first(s.topic); t != "" {
				b.WriteString("- **" + s.label + ":** " + t + "\n")
			}
		}
	}
	var dates []string
	for _, l := range a.Lines {
		if l.Kind == KindDuty && !l.Deadline.IsZero() {
			d := words(l.Deadline) + ": " + dutyName[l.Rule]
			if l.Status != "" {
				d += " (" + statusWords(l) + ")"
			}
			dates = append(dates, d)
		}
	}
	if len(dates) > 0 {
		b.WriteString("- **What must happen by when:** " + strings.Join(dates, "; ") + ".\n")
	}
	b.WriteString("\n")
}

// dutyName names a duty in the summary's list of dates.
var dutyName = map[string]string{
	"T11": "employee liability information to the new employer",
	"T12": "your representatives informed",
	"T13": "consultation on the measures envisaged",
	"T16": "the last day to complain to a tribunal",
	"T17": "collective consultation on redundancies begins",
}

var regimeName = map[Regime]string{
	RegimeTUPE:            "TUPE",
	RegimeStatutoryScheme: "a statutory transfer scheme",
	RegimeCOSOP:           "COSOP (TUPE's principles between public bodies)",
	RegimeNone:            "none: this is a voluntary move",
}

// statusWords says a duty's status in words: for the complaint window
// (T16), whether the complaint was presented in time.
func statusWords(l Line) string {
	if l.Rule == "T16" {
		switch l.Status {
		case Met:
			return "a complaint was presented in time"
		case Late:
			return "a complaint was presented late"
		}
	}
	if l.Status == Missed {
		return "never done"
	}
	return string(l.Status)
}
