package hrodcore

import "github.com/spfkit/spfkit/date"

func quote(s string) string { return "\"" + s + "\"" }

// Today is the current day; package hrod sets it from the clock, and the
// widget from the browser's. Until then it is unset.
var Today = func() date.Date { return date.Date{} }
