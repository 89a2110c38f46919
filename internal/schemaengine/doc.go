// Package schemaengine checks parsed documents against spfkit's
// published JSON Schemas: a compiled fast path for documents that are
// valid, and the general engine (santhosh-tekuri/jsonschema v5) for the
// rest, which gives the verdict and the messages. Package schema (its
// Validator) and package check both use it, sharing one compiled set of
// the schemas package schema publishes (Published); it keeps the engine
// out of their APIs.
package schemaengine
