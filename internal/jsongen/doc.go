// Package jsongen writes spfkit's JSON code from the Go types, so that a
// field's name is written once, in its struct tag, as the schemas are
// generated from the same tags:
//
//   - encoders into each domain package: an appendT function per struct
//     type, and MarshalJSON and WriteJSON on each document type, writing
//     exactly what encoding/json would;
//   - decoders into an internal package per domain (internal/spfjson and
//     the others), a decodeT function per struct type and DecodeT for
//     each document type, reading a parsed jsonlite document and locating
//     every problem of its shape;
//   - stubs of both, built with the jsongen tag, so a generated file that
//     no longer compiles (a field removed) never stops its regeneration;
//   - deep copies (cloneT) and static Go literals for built-in data.
//
// It reflects over the types at generation time only; the code it writes
// uses no reflection, which the WebAssembly widgets cannot afford. Each
// package's own test compares its generated files with what this package
// writes, and rewrites them with -update.
package jsongen

//go:generate go test -run TestGenerated -update .
