// Package check reads spfkit's documents and says whether they are right:
// for a document of any kind, the verdict of its published schema and of
// the kind's own rules together, every problem located by line, column
// and JSON Pointer. It is exactly what `spfkit validate` prints, and every
// command and library call that reads a document goes through it.
//
// A document is read once. The text is parsed into a tape (refusing
// empty input, a byte order mark, text that is not UTF-8, too deep
// nesting and keys given twice); the schema checks the tape, through a
// compiled fast path when the document is valid; the kind's decoder,
// generated from the Go types, reads the Go value from the same tape; and
// the kind's rules judge that value:
//
//	body-directory      spf.Directory.Validate, the partnership rules
//	membership          spf.Membership.Validate
//	survey-definition   survey.Definition.Check
//	survey-response     survey.Validator against the survey it answers:
//	                    Survey, or one built in or given in Definitions
//	hrod-framework      hrod.Framework.Check
//	action-plan         hrod.Framework.CheckPlan against the framework
//	transfer-case       transfer.Case.Validate
//
// The other kinds (spfkit's outputs) have their schema alone. When the
// schema finds faults in a plan or a response, its rules run anyway on
// what could be read, so one run reports a misspelt status beside an
// item of the wrong level; a rule's finding at a place the schema has
// already reported is left out.
//
// The schema and the rules agree with each other by construction, and the
// tests hold them to it: when a response to a known survey passes its
// decoder and the survey's rules, which are stricter than its schema, the
// schema is not run, and a test and a fuzz test require that the fast ways
// and the slow one (the engine, then the rules) report exactly the same
// problems for any input. Where the schema says only that a value is
// wrong and the decoder says why (a day that does not exist), the
// decoder's problem is the one reported.
//
// A Checker reads a whole document up to MaxBytes (a file over the bound
// is refused after reading no more than the bound), and Stream reads
// newline-delimited JSON a record at a time on every core, in constant
// memory, handing results back in input order; Process does the same with
// work of the caller's on the same goroutines (the scorer counts each
// response there, spfkit transfer assesses each case). Empty input is a
// problem everywhere. Elements reads the records of one JSON array.
//
// ParseDirectory, ParseCase and the other Parse functions are the short
// way to read one document of a known kind into its Go value: they
// decode and validate, and return every problem in one error.
package check
