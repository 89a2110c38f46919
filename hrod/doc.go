// Package hrod models the Future of NHS HR and OD framework and the plans
// organisations make against it: 8 themes with their 2030 visions, 35
// numbered actions and their 142 items with deadlines, the priorities to
// March 2023, the key actions, the next steps for each audience, the theory
// of change, the adoption curve and the engagement methods; and an
// organisation's Plan, its validation, its Progress on a day and the
// readiness segments of several plans.
//
// Builtin returns the framework (edited as hrod/data/framework.json,
// checked by the hrod-framework schema, compiled in as a Go value). It is
// taken from the report's appendix, "actions by theme in full", in which
// every bullet is an item: none is dropped and none merged. Theme names
// are the report's; items, priorities, key actions, next steps,
// summaries, visions and the theory of change say the report's content in
// our own words (a test checks that none repeats 12 words of it). Where
// the text extracted from the slides is ambiguous (numbers printed apart
// from their paragraphs, an action with no actor), the decision is
// recorded in the action's note.
//
// The WebAssembly widget does not compile the framework in: its
// checklist loads framework.txt from beside the bundle, holding only what
// it shows (the themes' names and the actions' numbers, themes, levels and
// items; see wasm.FrameworkText). A page with only a survey never loads it,
// and the bundle keeps about 11 KB (brotli, measured) of its 550 KB budget.
// In js/wasm builds Builtin and SharedBuiltin return an empty framework;
// every host program has the whole one.
//
// A Deadline is "by" or "from" and a year, as written. "By YYYY" is due on
// 31 December YYYY; "from YYYY" starts on 1 January YYYY and has no due
// date. A new plan takes its due dates from that rule; a plan of the
// priorities to March 2023 uses 31 March 2023.
//
// A Plan lists framework items (by id, such as "13.2") with an owner, a
// status from the task-list set, a due date, evidence and notes.
// Framework.ValidatePlan reports every problem at once with a JSON Pointer.
// Framework.Progress counts entries per theme and overall on a day and
// lists the overdue (from the day after the due date) and due-soon (due
// within DueSoonDays, including the due date itself) entries.
// ReadinessSegments ranks several plans by completed percentage and places
// them on the adoption curve with Rogers' shares.
//
// Choices made where the report is silent:
//   - Levels: actions addressed to the national team, national
//     organisations or national and regional teams are national; those
//     addressed to organisation and ICS boards or CPOs are local. A plan
//     holds only items of its own level.
//   - Progress counts completed entries only; in progress counts as not
//     done.
//   - The priorities name no items; each is mapped to the items it
//     restates (all of an action's items when it restates the action's lead
//     sentence).
//
// This package is what the checklist widget compiles to WebAssembly, so it
// is free of fmt, reflection, encoding/json, time and embed. The rest
// lives beside it:
//
//	hrod/report  the framework as Markdown and CSV, a status report as Markdown
//	check        reading a framework or a plan from JSON (ParseFramework, ParsePlan)
package hrod

//go:generate go test -run TestBuiltinGenerated -update .
