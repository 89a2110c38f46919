// Package ndjson reads newline-delimited JSON a record at a time, in
// constant memory, numbering lines so errors can say where they are.
package ndjson
