// Command planprogress shows how a people team tracks its plan against the
// Future of NHS HR and OD framework: it starts a plan from the priorities
// to March 2023, records some progress, checks the plan and prints where
// it stands on a day.
//
//	go run ./examples/planprogress 2023-03-10
package main
