package surveyjs

import (
	"html"
	"strings"
	"unicode"
)

// htmlText turns the markup of a SurveyJS html element into the plain
// text of a question's intro: tags are dropped (script and style with
// their content), entities decoded, runs of white space made one space,
// <br> and <li> start a line, and block elements (p, div, headings,
// lists, tables, blockquote, hr) start a paragraph. Lines are trimmed;
// paragraphs are separated by one blank line. It is text from then on:
// the widget shows it escaped, never as markup.
func htmlText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		// White space in markup, new lines included, is one space.
		b.WriteString(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return ' '
			}
			return r
		}, html.UnescapeString(s[:lt])))
		s = s[lt:]
		if s == "" {
			break
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			break // an unclosed tag: the rest is not text
		}
		closing := strings.HasPrefix(s[1:gt], "/")
		tag := strings.ToLower(strings.TrimLeft(s[1:gt], "/ \t\n"))
		if i := strings.IndexAny(tag, " \t\n/"); i >= 0 {
			tag = tag[:i]
		}
		s = s[gt+1:]
		switch tag {
		case "script", "style":
			if closing {
				break
			}
			// Skip to the end of the closing tag, content and all.
			end := strings.Index(strings.ToLower(s), "</"+tag)
			if end < 0 {
				return paragraphs(b.String())
			}
			s = s[end:]
			if gt := strings.IndexByte(s, '>'); gt >= 0 {
				s = s[gt+1:]
			} else {
				s = ""
			}
		case "br", "li", "tr":
			if !closing {
				b.WriteByte('\n')
			}
		case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "hr", "section", "header", "footer":
			b.WriteString("\n\n")
		}
	}
	return paragraphs(b.String())
}

// paragraphs tidies text with line breaks: spaces collapsed, lines
// trimmed, empty lines dropped, one blank line between paragraphs.
func paragraphs(text string) string {
	var paras []string
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if len(lines) > 0 {
				paras = append(paras, strings.Join(lines, "\n"))
				lines = nil
			}
			continue
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n\n")
}

// introHTML writes an intro as the markup of a SurveyJS html element:
// a <p> per paragraph, a <br> per line break, the text escaped. htmlText
// reads it back unchanged.
func introHTML(intro string) string {
	var b strings.Builder
	for _, para := range strings.Split(intro, "\n\n") {
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			b.WriteString(html.EscapeString(line))
		}
		b.WriteString("</p>")
	}
	return b.String()
}
