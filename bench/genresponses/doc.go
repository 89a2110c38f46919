// Command genresponses writes synthetic responses to the SPF heat check
// 2022 members' survey as NDJSON, for the score benchmark: organisation
// type (with Other and its specify text), the five statements (with some
// skipped) and occasional comments. The answers come from a fixed
// pseudo-random sequence, so a given -n always writes the same file. They
// are not the SPF's real answers.
//
//	go run ./bench/genresponses -n 1000000 > responses.ndjson
package main
