// Package survey models partnership surveys such as the SPF heat check:
// their definitions, the responses to them, and the rules a response must
// keep.
//
// A Definition lists questions of four types (likert, single choice with
// an optional "Other – please specify", multiple choice, free text), each
// with required, help, personal-data and show-if rules, and free text
// with a format (email, number within a range, date), a fewest number of
// characters and a pattern (textrules.go); Check reports
// every fault of a definition and Hash identifies its content. Two are
// built in, from the SPF heat check 2022 (Builtin, BuiltinIDs):
// HeatCheck2022Members and HeatCheck2022PolicyLeads, with the seed's
// wording copied exactly. A Response maps question ids to Answers; a
// Validator judges it against its definition and returns every problem
// as a *problem.Error with a JSON Pointer ("/answers/q1",
// "/other/org_type") and a stable code.
//
// This package is the part of the surveys that the intranet widget
// compiles to WebAssembly, so a response is judged by the same code in
// the browser and on the server. It is free of fmt, reflection,
// encoding/json, time and embed, and its errors are problem.Lists. The
// rest lives beside it:
//
//	survey/score     tallies, statistics, suppression, waves (Scorer, Tally, Report, Compare)
//	survey/report    the Markdown, HTML and CSV reports
//	survey/surveyjs  SurveyJS interchange
//	check            reading a definition or a response from JSON (ParseDefinition, ParseResponse)
//
// Choices made where the sources are silent:
//   - The heat check seed marks no question as required, so none is; a
//     skipped statement counts as missing for that statement only.
//   - A likert answer is a whole number or "dont_know"; "4" in quotes is
//     the wrong type in JSON (with a hint).
//   - The "please specify" text lives beside the answers, under "other",
//     so every answer keeps one simple shape.
//   - A number-format answer is the text of the number ("42"), as typed,
//     so free text keeps one shape; SurveyJS's data, which holds a number,
//     is read as its text.
//   - A pattern must mean the same to Go's regexp (the service) and to
//     JavaScript's RegExp (the widget, and SurveyJS): Check refuses the
//     syntax only one of them reads. The widget's program has no
//     regular-expression engine; MatchPattern is the browser's.
package survey

//go:generate go test -run TestBuiltinGenerated -update .
