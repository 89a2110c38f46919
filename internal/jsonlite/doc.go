// Package jsonlite is spfkit's one JSON layer: a reader that parses a
// document once into a compact tape of its values, remembering where each
// one is, and a writer that produces exactly what encoding/json would, all
// without reflection. The per-type decoders and encoders generated from
// the Go types (internal/jsongen) are built on it, as are the schema
// package's fast path and the SurveyJS importer.
//
// encoding/json would add a quarter of a megabyte of reflection to the
// WebAssembly widgets, which use this package for everything they read
// and write; it also cannot say where a value was, which every problem
// spfkit reports must.
//
// Parse refuses what no spfkit document may contain, each as a
// problem.Error with its line and column: empty input, a byte order mark,
// text that is not UTF-8, nesting deeper than MaxDepth, more values than
// the input's size allows, a key given twice in one object, and anything
// that is not JSON. A Doc keeps the input and a tape of 16 bytes a value;
// a Value is a handle into it. Strings and numbers are read from the
// input when they are asked for, and a key can be compared without
// allocating.
package jsonlite
