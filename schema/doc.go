// Package schema publishes the JSON Schemas of spfkit's documents and
// checks documents against them.
//
// Each kind of document (Kinds lists them: a body directory, a membership
// record, a survey definition, response, report and comparison, the HR
// and OD framework, an action plan and its status, a transfer case and
// its assessment, a validation problem) has a schema generated from its
// Go type with invopop/jsonschema, doc comments becoming descriptions.
// The schemas are committed beside this file as <kind>.schema.json with
// the $id https://spfkit.github.io/schema/v1/<kind>.schema.json, and
// embedded: nothing reflects at run time. `go generate ./schema` rewrites
// them, and a test fails when the committed files drift from the Go
// types. The same generator places the schemas' shared definitions
// (dates, the spf enumerations) so that every kind describes them alike.
//
// The schemas follow draft 2020-12 and a few house rules so that every
// engine agrees on them: optional fields are omitted rather than null,
// enums come from the types' Enum methods, there are no extension
// keywords and no fractional multipleOf. Formats are asserted (date,
// uri): ajv (Ajv2020 with ajv-formats) and check-jsonschema agree with
// this package; python-jsonschema needs a FORMAT_CHECKER.
//
// Validator applies a schema alone. ValidateJSON reads the document as
// every spfkit reader does (refusing text that is not UTF-8, a byte order
// mark, keys given twice) and returns every problem as a *problem.Error
// with its line, column and JSON Pointer, in a *multierror.Error, capped
// at MaxErrors. To apply a kind's own rules as well (the partnership rules
// of a directory, a plan's items against the framework), as spfkit
// validate does, use package check.
//
// The engine (santhosh-tekuri/jsonschema v5) lives in
// internal/schemaengine with a fast path: each schema compiled, for the
// keywords spfkit's schemas use, into a checker of jsonlite's parsed tape,
// which passes a valid document without the engine. Every other document
// goes to the engine, which gives the verdict and the problems, so
// messages never depend on the fast path; tests and a fuzz test hold the
// two to the same verdicts.
package schema

//go:generate go test -run TestSchemasUpToDate -update .
