// Package jsonptr builds and splits JSON Pointers (RFC 6901), the paths that
// every spfkit error uses to say where in a document a problem is.
package jsonptr

import (
	"strconv"
	"strings"
)

var (
	escaper   = strings.NewReplacer("~", "~0", "/", "~1")
	unescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

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
			b.WriteString(escaper.Replace(v))
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
		parts[i] = unescaper.Replace(s)
	}
	return parts
}
