package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spfkit/spfkit/survey"
)

// WriteDefinitionMarkdown writes a definition for people: each question
// with its id (the CSV column and JSON key), type, options or scale, and
// rules.
func WriteDefinitionMarkdown(w io.Writer, d *survey.Definition) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", mdText(d.Title))
	p("Survey `%s`, version %s (%s).\n\n", d.ID, mdText(d.Version), d.Hash())
	if d.Description != "" {
		p("%s\n\n", mdText(d.Description))
	}
	for i, q := range d.Questions {
		if q.Section != "" {
			p("Section: **%s**\n\n", mdText(q.Section))
		}
		if q.Intro != "" {
			// A quoted block: a blank quoted line between paragraphs, a
			// hard break (two spaces) between lines.
			var paras []string
			for _, para := range strings.Split(q.Intro, "\n\n") {
				var lines []string
				for _, line := range strings.Split(para, "\n") {
					lines = append(lines, mdText(line))
				}
				paras = append(paras, strings.Join(lines, "  \n> "))
			}
			p("> %s\n\n", strings.Join(paras, "\n>\n> "))
		}
		p("## %d. %s\n\n", i+1, mdText(q.Text))
		var facts []string
		facts = append(facts, "id `"+string(q.ID)+"`", strings.ReplaceAll(string(q.Type), "_", " "))
		if q.Required {
			facts = append(facts, "required")
		}
		if q.PersonalData {
			facts = append(facts, "personal data: never published")
		}
		if q.Reverse {
			facts = append(facts, "reverse scored")
		}
		if q.MinChoices > 0 {
			facts = append(facts, fmt.Sprintf("at least %d chosen", q.MinChoices))
		}
		if q.MaxChoices > 0 {
			facts = append(facts, fmt.Sprintf("at most %d chosen", q.MaxChoices))
		}
		if q.Type == survey.FreeText {
			if q.MaxLength > 0 {
				facts = append(facts, fmt.Sprintf("up to %d characters", q.MaxLength))
			}
			if q.MinLength > 0 {
				facts = append(facts, fmt.Sprintf("at least %d characters", q.MinLength))
			}
			switch q.Format {
			case survey.EmailFormat:
				facts = append(facts, "an email address")
			case survey.NumberFormat:
				n := "a number"
				if q.Min != nil {
					n += fmt.Sprintf(" from %g", *q.Min)
				}
				if q.Max != nil {
					n += fmt.Sprintf(" up to %g", *q.Max)
				}
				facts = append(facts, n)
			}
			if q.Pattern != "" {
				facts = append(facts, "matching `"+q.Pattern+"`")
			}
		}
		p("%s.\n\n", strings.Join(facts, ", "))
		if q.Help != "" {
			p("Help: %s\n\n", mdText(q.Help))
		}
		if q.ShowIf != nil {
			p("Asked only when %s.\n\n", conditionMarkdown(q.ShowIf))
		}
		if q.Scale != nil {
			for _, l := range q.Scale.Labels {
				p("- %d = %s\n", l.Value, mdText(l.Label))
			}
			if q.Scale.DontKnow != "" {
				p("- `dont_know` = %s (not counted in the base)\n", mdText(q.Scale.DontKnow))
			}
			p("\n")
		}
		for _, o := range q.Options {
			extra := ""
			if o.Other {
				extra = fmt.Sprintf(" (specify text in `%s.other`, up to %d characters)", q.ID, q.OtherMaxLength())
			}
			if o.ShowIf != nil {
				extra += ", offered only when " + conditionMarkdown(o.ShowIf)
			}
			p("- `%s`: %s%s\n", o.Value, mdText(o.Label), extra)
		}
		if len(q.Options) > 0 {
			p("\n")
		}
	}
	return b.Flush()
}

// conditionMarkdown words a show-if condition with ids and values as
// code: "`rushed` is one of: `4`, `5`".
func conditionMarkdown(c *survey.Condition) string {
	return survey.ConditionWords(c, func(c *survey.Condition) string {
		q := "`" + string(c.Question) + "`"
		list := func(vs []string) string { return "`" + strings.Join(vs, "`, `") + "`" }
		switch {
		case c.Answered != nil && *c.Answered:
			return q + " is answered"
		case c.Answered != nil:
			return q + " is not answered"
		case c.AllOf != nil:
			return q + " includes all of: " + list(c.AllOf)
		case c.NoneOf != nil:
			return q + " is none of: " + list(c.NoneOf) + " (or is not answered)"
		}
		return q + " is one of: " + list(c.AnyOf)
	})
}
