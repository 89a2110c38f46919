//go:build js

package survey

// patternProblem is not checked in the browser, whose program stays
// without Go's regexp package; the service checks every definition it
// serves, and the widget's MatchPattern is JavaScript's RegExp.
func patternProblem(string) string { return "" }
