//go:build !js

package survey

import (
	"regexp"
	"strings"
	"sync"
)

// Outside the browser, patterns are Go regular expressions, compiled once
// each.
func init() { MatchPattern = matchRegexp }

var patterns sync.Map // pattern → *regexp.Regexp

func matchRegexp(pattern, text string) bool {
	re, ok := patterns.Load(pattern)
	if !ok {
		c, err := regexp.Compile(pattern)
		if err != nil {
			return false // Definition.Check refuses such a pattern
		}
		re, _ = patterns.LoadOrStore(pattern, c)
	}
	return re.(*regexp.Regexp).MatchString(text)
}

// patternProblem says why a pattern cannot be used, or "". A pattern must
// mean the same to Go's regexp, which the service checks answers with, and
// to JavaScript's RegExp, which the widget and SurveyJS use: so it must
// compile in Go (no lookaround, no back-references) and use none of the
// syntax only Go reads (flags and named groups in (?…), \A, \z, \Q…\E,
// \p{…} classes, [[:alpha:]]).
func patternProblem(p string) string {
	if _, err := regexp.Compile(p); err != nil {
		return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
	}
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			if strings.IndexByte("AzQEpPC", p[i+1]) >= 0 {
				return `\` + p[i+1:i+2] + " means something else (or nothing) to JavaScript"
			}
			i++
		case p[i] == '(' && i+2 < len(p) && p[i+1] == '?' && p[i+2] != ':':
			return "only (?: groups are read alike by Go and JavaScript, not flags or named groups"
		case strings.HasPrefix(p[i:], "[[:"):
			return "JavaScript has no [[:class:]] syntax"
		}
	}
	return ""
}
