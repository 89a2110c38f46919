package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/numfmt"
)

// WriteFrameworkMarkdown writes the framework for people: each theme's vision and
// actions with their items and deadlines, then the priorities to March
// 2023 and the next steps per audience.
func WriteFrameworkMarkdown(w io.Writer, f *hrod.Framework) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", md(f.Title))
	for _, t := range f.Themes {
		var actions []hrod.Action
		for _, a := range f.Actions {
			if a.Theme == t.Slug {
				actions = append(actions, a)
			}
		}
		if len(actions) == 0 {
			continue
		}
		p("## %s\n\n*Vision for 2030:* %s\n\n", md(t.Name), md(t.Vision))
		var keys []string
		for _, k := range f.KeyActions {
			if k.Theme == t.Slug {
				level := levelName(k.Level)
				if k.LevelStated() {
					ids := make([]string, len(k.Items))
					for i, id := range k.Items {
						ids[i] = string(id)
					}
					level += ", as item " + strings.Join(ids, ", ")
				}
				keys = append(keys, "- *"+level+":* "+md(k.Text))
			}
		}
		if len(keys) > 0 {
			p("Key actions (each level as the summary slides lay it out, unless an appendix item gives the action to a named actor):\n\n%s\n\n", strings.Join(keys, "\n"))
		}
		for _, a := range actions {
			p("### Action %s (%s): %s\n\n%s.\n\n", a.Number, a.Level, md(a.Summary), md(a.Actor))
			for _, it := range a.Items {
				when := ""
				if it.Deadline != nil {
					when = " *(" + it.Deadline.String() + ")*"
				}
				p("- **%s** %s%s\n", it.ID, md(it.Text), when)
			}
			p("\n")
		}
	}
	if len(f.Priorities) > 0 {
		p("## Priorities for ICSs and organisations to March 2023\n\n")
		for _, pr := range f.Priorities {
			ids := make([]string, len(pr.Items))
			for i, id := range pr.Items {
				ids[i] = string(id)
			}
			p("- %s (items %s)\n", md(pr.Text), strings.Join(ids, ", "))
		}
		p("\n")
	}
	if len(f.NextSteps) > 0 {
		p("## Next steps\n\n")
		for _, ns := range f.NextSteps {
			p("### %s\n\n", md(ns.Name))
			for _, s := range ns.Steps {
				p("- %s\n", md(s))
			}
			p("\n")
		}
	}
	if len(f.Themes) > 1 { // the programme-wide sections, for the whole framework
		if pg := f.Programme; pg != nil {
			p("## The programme\n\nIts aims:\n\n")
			for i, a := range pg.Aims {
				p("%d. %s\n", i+1, md(a))
			}
			if len(pg.Development) > 0 {
				p("\nHow the report was developed:\n\n| Figure | What | When |\n|--:|---|---|\n")
				for _, fg := range pg.Development {
					n := numfmt.Thousands(fg.Count)
					if fg.AtLeast {
						n += "+"
					}
					p("| %s | %s | %s |\n", n, md(fg.What), md(fg.When))
				}
			}
			if len(pg.Oversight) > 0 {
				p("\nOversight and accountability:\n\n")
				for _, a := range pg.Oversight {
					p("- **%s:** %s\n", md(a.Who), md(a.Role))
				}
			}
			if len(pg.NationalPriorities) > 0 {
				p("\nThe national team's strategic priorities:\n\n")
				for _, np := range pg.NationalPriorities {
					p("- %s\n", md(np))
				}
			}
			fw := pg.Foreword
			if fw.SignedBy != "" {
				p("\nThe foreword, signed by %s (%s)", md(fw.SignedBy), md(fw.Role))
				if fw.PeopleProfessionals > 0 {
					p(", counts %s people professionals", numfmt.Thousands(fw.PeopleProfessionals))
				}
				p(". %s\n", md(fw.Summary))
			}
			for _, nt := range pg.Notes {
				p("\n> Note: %s\n", md(nt))
			}
			p("\n")
		}
		if len(f.TheoryOfChange) > 0 {
			p("## Theory of change\n\n")
			for _, pr := range f.TheoryOfChange {
				p("### %s\n\n", md(pr.Principle))
				for _, pt := range pr.Points {
					p("- %s\n", md(pt))
				}
				p("\n")
			}
		}
		if len(f.AdoptionCurve) > 0 {
			p("## Adoption curve\n\n| Segment | Share | Who they are |\n|---|--:|---|\n")
			for _, sg := range f.AdoptionCurve {
				p("| %s | %s%% | %s |\n", md(sg.Name), strconv.FormatFloat(sg.SharePct, 'f', -1, 64), md(sg.Description))
			}
			p("\n")
		}
		if len(f.EngagementMethods) > 0 {
			p("## How the programme engages\n\n")
			for _, em := range f.EngagementMethods {
				p("- **%s:** %s (for %s)\n", md(em.Method), md(strings.Join(em.Focus, "; ")), md(strings.Join(em.Audience, ", ")))
			}
			p("\n")
		}
	}
	return b.Flush()
}

// levelName is how a key action's level reads.
func levelName(l hrod.Level) string {
	if l == hrod.National {
		return "National and regional"
	}
	return "ICSs and organisations"
}

// WriteFrameworkCSV writes one row per item, for a spreadsheet: UTF-8 with a byte
// order mark and CRLF line ends, as Excel expects.
func WriteFrameworkCSV(w io.Writer, f *hrod.Framework) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write([]string{"item", "action", "theme", "theme_name", "level", "actor", "text", "deadline_kind", "deadline_year", "due"}); err != nil {
		return err
	}
	for _, a := range f.Actions {
		name := a.Theme
		if t := f.Theme(a.Theme); t != nil {
			name = t.Name
		}
		for _, it := range a.Items {
			kind, year, due := "", "", ""
			if d := it.Deadline; d != nil {
				kind, year = string(d.Kind), strconv.Itoa(d.Year)
				if dd, ok := d.Due(); ok {
					due = dd.String()
				}
			}
			if err := cw.Write([]string{string(it.ID), a.Number, a.Theme, name, string(a.Level), a.Actor, it.Text, kind, year, due}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteStatusMarkdown writes the status report for people: per plan, a text
// progress bar per theme, then the overdue and due-soon entries; with more
// than one plan, the readiness segments.
func WriteStatusMarkdown(w io.Writer, r *hrod.StatusReport) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	for _, pr := range r.Plans {
		p("# %s: progress on %s\n\n", md(pr.Organization), r.On)
		p("```\n")
		width := len("Overall")
		for _, t := range pr.Themes {
			width = max(width, len([]rune(t.Name)))
		}
		for _, t := range pr.Themes {
			p("%s  %s\n", pad(t.Name, width), bar(t.Counts))
		}
		p("%s  %s\n```\n\n", pad("Overall", width), bar(pr.Overall))
		p("| Status | Entries |\n|---|--:|\n")
		for _, s := range hrod.Statuses {
			p("| %s | %d |\n", s.Label(), pr.Overall.ByStatus[s])
		}
		p("\n")
		dueList := func(title string, entries []hrod.DueEntry) {
			if len(entries) == 0 {
				p("%s: none.\n\n", title)
				return
			}
			p("%s:\n\n| Item | Due | Days | Status | Owner | Task |\n|---|---|--:|---|---|---|\n", title)
			for _, e := range entries {
				p("| %s | %s | %d | %s | %s | %s |\n", e.Item, e.Due, e.DaysLeft, e.Status.Label(), md(e.Owner), md(e.Text))
			}
			p("\n")
		}
		dueList("Overdue", pr.Overdue)
		dueList("Due soon", pr.DueSoon)
	}
	if len(r.Readiness) > 1 {
		p("# Readiness across plans\n\n| Organisation | Completed | Percentile | Segment |\n|---|--:|--:|---|\n")
		for _, rd := range r.Readiness {
			p("| %s | %.1f%% | %.1f | %s |\n", md(rd.Organization), rd.CompletedPct, rd.Percentile, rd.Segment)
		}
		p("\n")
	}
	return b.Flush()
}

// bar draws a 20-character progress bar of completed entries, with the
// count and percentage.
func bar(c hrod.Counts) string {
	const width = 20
	filled := 0
	if c.Total > 0 {
		filled = c.ByStatus[hrod.Completed] * width / c.Total
	}
	return "[" + strings.Repeat("#", filled) + strings.Repeat(".", width-filled) + "] " +
		strconv.Itoa(c.ByStatus[hrod.Completed]) + "/" + strconv.Itoa(c.Total) + " " + strconv.FormatFloat(c.CompletedPct, 'f', 0, 64) + "%"
}

func pad(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// md escapes text for Markdown tables and lists.
func md(s string) string {
	r := strings.NewReplacer("|", "\\|", "*", "\\*", "_", "\\_", "<", "&lt;", ">", "&gt;", "\n", " ")
	return r.Replace(s)
}
