// Command cochairs prints who co-chaired each forum in the built-in
// directory on a date, and what review the national SPF has due next.
//
//	go run ./examples/cochairs 2020-12-03
package main
