// Package cssscope rewrites a stylesheet so that its rules apply only
// inside one element: each kept selector is prefixed with a scope. It
// reads plain CSS (rules, comments, strings, @media and @supports blocks)
// as compiled stylesheets are written; it is not a general CSS parser.
// The widgets' stylesheet is made with it from nhsuk-frontend's own CSS.
package cssscope

import (
	"fmt"
	"strings"
)

// Options say what to keep and how to scope it.
type Options struct {
	// Scope is put before every kept selector, e.g. ".my-widget".
	Scope string
	// Keep reports whether a selector (one of a rule's list, trimmed) is
	// wanted; the scope is added after.
	Keep func(selector string) bool
	// Rewrite, if set, changes a kept selector before the scope is added.
	Rewrite func(selector string) string
}

// Scope returns the rules of css that Keep wants, scoped. At-rules other
// than @media and @supports (@charset, @import, @font-face, @keyframes,
// @page) are dropped; blocks left empty are too.
func Scope(css string, o Options) (string, error) {
	var b strings.Builder
	if err := scope(&b, css, o, ""); err != nil {
		return "", err
	}
	return b.String(), nil
}

func scope(b *strings.Builder, css string, o Options, indent string) error {
	i := 0
	for {
		i = skipSpace(css, i)
		if i >= len(css) {
			return nil
		}
		if css[i] == '}' {
			return fmt.Errorf("cssscope: unexpected } at byte %d", i)
		}
		open := find(css, i, '{', ';')
		if open < 0 {
			return fmt.Errorf("cssscope: unterminated rule at byte %d", i)
		}
		prelude := strings.TrimSpace(css[i:open])
		if css[open] == ';' { // @charset "…"; @import …;
			i = open + 1
			continue
		}
		close, err := matching(css, open)
		if err != nil {
			return err
		}
		body := css[open+1 : close]
		i = close + 1
		if strings.HasPrefix(prelude, "@") {
			name := strings.ToLower(strings.Fields(prelude)[0])
			if name != "@media" && name != "@supports" {
				continue
			}
			var inner strings.Builder
			if err := scope(&inner, body, o, indent+"  "); err != nil {
				return err
			}
			if inner.Len() > 0 {
				b.WriteString(indent + prelude + " {\n" + inner.String() + indent + "}\n")
			}
			continue
		}
		var kept []string
		for _, sel := range splitList(prelude) {
			sel = strings.Join(strings.Fields(sel), " ")
			if !o.Keep(sel) {
				continue
			}
			if o.Rewrite != nil {
				sel = o.Rewrite(sel)
			}
			kept = append(kept, o.Scope+" "+sel)
		}
		if len(kept) == 0 {
			continue
		}
		b.WriteString(indent + strings.Join(kept, ",\n"+indent) + " {" + compact(body) + "}\n")
	}
}

// compact joins a rule's declarations onto one line.
func compact(body string) string {
	var parts []string
	for _, l := range strings.Split(body, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return " " + strings.Join(parts, " ") + " "
}

// skipSpace skips white space and comments.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f':
			i++
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return len(s)
			}
			i += end + 4
		default:
			return i
		}
	}
	return i
}

// find returns the index of the first of the bytes outside strings and
// comments, or -1.
func find(s string, i int, bytes ...byte) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == '"' || c == '\'':
			i = skipString(s, i)
			continue
		case strings.HasPrefix(s[i:], "/*"):
			i = skipSpace(s, i)
			continue
		default:
			for _, x := range bytes {
				if c == x {
					return i
				}
			}
		}
		i++
	}
	return -1
}

func skipString(s string, i int) int {
	q := s[i]
	for i++; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == q {
			return i + 1
		}
	}
	return len(s)
}

// matching returns the index of the } that closes the { at open.
func matching(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); {
		j := find(s, i, '{', '}')
		if j < 0 {
			break
		}
		if s[j] == '{' {
			depth++
		} else if depth--; depth == 0 {
			return j, nil
		}
		i = j + 1
	}
	return 0, fmt.Errorf("cssscope: the block at byte %d is not closed", open)
}

// splitList splits a selector list at its top-level commas.
func splitList(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '"', '\'':
			i = skipString(s, i) - 1
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
