// Command gencases writes synthetic transfer cases as NDJSON for the
// transfer benchmark: varied employers, mechanisms, dates and employees,
// all valid, from a fixed pseudo-random sequence.
//
//	go run ./bench/gencases -n 1500000 > cases.ndjson
package main
