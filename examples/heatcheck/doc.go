// Command heatcheck scores a file of heat check responses the way a forum
// secretariat would: overall figures for the five statements, then a
// breakdown by organisation type in which small groups, and groups that
// would reveal them by subtraction, are withheld.
//
//	go run ./examples/heatcheck responses.ndjson [k]
package main
