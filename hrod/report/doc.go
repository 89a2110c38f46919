// Package report writes the HR and OD framework and plan status for
// people: the framework as Markdown (each theme's vision, actions, items
// and deadlines, the priorities and next steps) or as CSV (one row per
// item), and a status report of several plans as Markdown with progress
// by theme, overdue and due-soon entries and readiness segments. It is
// kept apart from package hrod so that the checklist widget does not
// compile it.
package report
