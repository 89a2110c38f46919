// Package schema publishes the JSON Schemas of spfkit's documents and
// validates documents against them.
//
// Each kind of document (a body directory, a membership record, a
// validation problem line, and the kinds later packages add) has a schema
// generated from its Go type with invopop/jsonschema, doc comments becoming
// descriptions. The schemas are committed beside this file as
// <kind>.schema.json with the $id https://spfkit.github.io/schema/v1/<kind>.schema.json,
// and embedded: the library never reflects at run time. `go generate
// ./schema` rewrites them, and a test fails when the committed files drift
// from the Go types.
//
// The schemas follow draft 2020-12 and a few house rules so that every
// engine agrees on them: optional fields are omitted rather than null, enums
// come from the types' JSONSchema methods, there are no extension keywords
// and no fractional multipleOf. Formats are asserted (date, uri): ajv
// (Ajv2020 with ajv-formats) and check-jsonschema agree with this package;
// python-jsonschema needs a FORMAT_CHECKER.
//
// Validate and ValidateJSON check a document; their errors are
// *multierror.Error values whose leaves are *Error (a JSON Pointer into the
// document, the failing keyword as the code, and a message), sorted by
// location and capped at Validator.MaxErrors. The engine
// (santhosh-tekuri/jsonschema v5) is confined to engine.go so it can change.
//
// ValidateJSON and CheckJSON first try a fast path (fast.go): each schema
// is compiled, for the keywords spfkit's schemas use, into a checker of the
// parse tree of spfkit's own JSON reader, and a document it finds certainly
// valid is done. Every other document goes to the engine, which gives the
// verdict and the errors, so messages never depend on the fast path. Tests
// and a fuzz test hold the two to the same verdicts. This is what makes
// streaming validation of large NDJSON files faster than ajv (see the
// README's benchmark).
package schema

//go:generate go test -run TestSchemasUpToDate -update .
