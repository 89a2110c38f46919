// Command validatefile checks a body directory the way `spfkit validate`
// does, with one library call: the published schema and the partnership
// rules together, printing each problem with its line and JSON Pointer.
//
//	go run ./examples/validatefile my-directory.json
package main
