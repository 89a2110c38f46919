package jsonptr

import (
	"strconv"
	"strings"
)

// Escape and unescape are hand-written rather than strings.Replacers, so
// the package has no initialisation and stays cheap in WebAssembly.

// Escape escapes one reference token: "~" as "~0" and "/" as "~1".
func Escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	b := make([]byte, 0, len(s)+2)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}

func unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '~' && i+1 < len(s) && (s[i+1] == '0' || s[i+1] == '1') {
			b = append(b, "~/"[s[i+1]-'0'])
			i++
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// Join appends reference tokens to base. Each token is a string or an int
// (an array index); strings are escaped as RFC 6901 requires.
func Join(base string, tokens ...any) string {
	var b strings.Builder
	b.WriteString(base)
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(Escape(v))
		default:
			panic("jsonptr: token must be a string or an int")
		}
	}
	return b.String()
}

// Split returns the unescaped reference tokens of a pointer. The root
// pointer "" has no tokens.
func Split(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		parts[i] = unescape(s)
	}
	return parts
}
