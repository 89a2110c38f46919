// Package report writes survey results for people: a score.Report as
// Markdown, as a self-contained HTML page with accessible charts, or as
// CSV for a spreadsheet; a score.Comparison as Markdown; and a survey's
// questions as Markdown.
//
// The writers only format: every figure, and every decision to withhold
// one, is made once in score.Tally.Report, so all formats show the same
// thing. Numbers are rounded here and nowhere before (percentages to one
// place, means to two). The HTML page is an html/template, so text from
// the definition or the comments is escaped wherever it stands; its
// charts keep a fixed −100% to 100% scale, so nothing withheld can be
// read off them, and carry a text description for screen readers.
package report
