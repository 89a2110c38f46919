// Command spfkit works with social partnership data from the command line:
// it validates documents against spfkit's published schemas, prints and
// checks directories of partnership bodies, shows the schemas, shows,
// scores and compares surveys, shows the HR and OD framework and tracks
// plans against it, assesses staff transfers, writes the intranet widgets'
// bundle (built into it) and runs the survey and plan service behind them.
//
//	spfkit validate [--kind KIND] [--ndjson] [--format text|json] [--max-errors N] FILE...
//	spfkit schema list | show KIND | write DIR
//	spfkit bodies [--on DATE] [--format json|md]
//	spfkit bodies check FILE...
//	spfkit survey list | show ID|FILE [--format json|md|surveyjs] | import --id ID SURVEYJS.json
//	spfkit score --survey ID|FILE [--by QUESTION] [--min-group N] [--format json|csv|md|html] FILE...
//	spfkit compare --survey ID|FILE [--format json|md] WAVE_A WAVE_B
//	spfkit framework [--theme SLUG] [--level national|local] [--format json|md|csv]
//	spfkit plan init --org NAME [--level local|national] [--priorities] PLAN.json
//	spfkit plan status [--on DATE] [--format json|md] PLAN.json...
//	spfkit transfer [--format json|md] [--for staff|employers] [--as-at DATE] CASE.json | --ndjson CASES.ndjson
//	spfkit widget build --out DIR [--from-source]
//	spfkit serve [--addr ADDR] [--db sqlite:FILE|postgres://...] [--origin URL]...
//	spfkit admin [--service URL] [--token-file FILE] open|status|close|invite|release|export|ledger ...
//	spfkit demo [--addr 127.0.0.1:8080] [--db sqlite:spfkit-demo.db]
//
// Exit status: 0 success or all valid; 1 the input is invalid or a check
// failed; 2 a usage error or an unreadable file. Results go to standard
// output and errors to standard error, each problem as
// FILE:LINE: POINTER: MESSAGE; HINT.
//
// The command is a thin client of the library: every document it reads
// goes through package check (validate, bodies check, plan status,
// transfer, survey show and score, and package service's submissions), so a
// file one command refuses, every command refuses, with the same
// messages. NDJSON is read by check.Stream and check.Process, on every
// core in input order, with one progress line (internal/progress) on a
// terminal.
package main
