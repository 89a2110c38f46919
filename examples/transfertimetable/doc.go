// Command transfertimetable shows how an HR team plans a staff transfer
// with spfkit: it describes a community service moving from a trust to a
// social enterprise, checks the case, and prints the employers'
// timetable of duties by date, then what the move means for one member
// of staff, each line with the rule it rests on.
//
//	go run ./examples/transfertimetable 2026-04-01
package main
