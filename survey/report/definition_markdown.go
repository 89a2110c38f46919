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
		if q.Type == survey.FreeText {
			facts = append(facts, fmt.Sprintf("up to %d characters", q.MaxLength))
		}
		p("%s.\n\n", strings.Join(facts, ", "))
		if q.Help != "" {
			p("Help: %s\n\n", mdText(q.Help))
		}
		if q.ShowIf != nil {
			p("Asked only when `%s` is one of: %s.\n\n", q.ShowIf.Question, "`"+strings.Join(q.ShowIf.AnyOf, "`, `")+"`")
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
			p("- `%s`: %s%s\n", o.Value, mdText(o.Label), extra)
		}
		if len(q.Options) > 0 {
			p("\n")
		}
	}
	return b.Flush()
}
