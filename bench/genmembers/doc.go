// Command genmembers writes membership records as NDJSON for the validate
// benchmark: about 150 bytes a record, with 1% invalid in ways the schema
// catches (so ajv and spfkit must reach the same verdicts).
//
//	go run ./bench/genmembers -n 1000000 > members.ndjson
package main
