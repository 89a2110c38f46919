package transfer

import (
	"bufio"
	"io"
	"strings"
)

// The sections of the staff member's Markdown, in order, and the topics
// each shows.
var sections = []struct {
	title  string
	topics []Topic
}{
	{"What kind of move this is", []Topic{TopicTransfer}},
	{"What happens to my pay", []Topic{TopicPay}},
	{"What happens to my pension", []Topic{TopicPension}},
	{"What happens to my terms", []Topic{TopicTerms}},
	{"What happens to my service", []Topic{TopicService}},
	{"What my employer must do and by when", []Topic{TopicDuties}},
}

// WriteMarkdown writes the assessment for the staff member, following the
// SPF staff transfer guide's routes: what kind of move it is, what happens
// to their pay, pension, terms and service, and what the employers must do
// and by when. Every line cites its rule; open questions are marked.
func (a *Assessment) WriteMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	title := "Your transfer"
	if a.CaseID != "" {
		title += ": " + a.CaseID
	}
	b.WriteString("# " + title + "\n\n")
	if a.Route != "" {
		b.WriteString("This move follows the **" + string(a.Route) + " route** of the SPF staff transfer guide. ")
	}
	b.WriteString("Legal basis: **" + regimeName[a.Regime] + "**.\n\n")
	for _, sec := range sections {
		var lines []Line
		for _, l := range a.Lines {
			for _, t := range sec.topics {
				if l.Topic == t {
					lines = append(lines, l)
				}
			}
		}
		if len(lines) == 0 {
			continue
		}
		b.WriteString("## " + sec.title + "\n\n")
		for _, l := range lines {
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
				text += " (" + string(l.Status) + ")"
			}
			b.WriteString("- " + prefix + strings.TrimSpace(text) + " *[" + l.Rule + ": " + l.Source + "]*\n")
		}
		b.WriteString("\n")
	}
	return b.Flush()
}

var regimeName = map[Regime]string{
	RegimeTUPE:            "TUPE",
	RegimeStatutoryScheme: "a statutory transfer scheme",
	RegimeCOSOP:           "COSOP (TUPE's principles between public bodies)",
	RegimeNone:            "none: this is a voluntary move",
}
