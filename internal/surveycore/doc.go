// Package surveycore is the part of package survey that the WebAssembly
// survey widget shares with the library: definitions, responses, their
// decoding and encoding, validation and the built-in definitions. It
// imports nothing that would weigh on the browser bundle (no fmt, no
// reflection, no encoding/json, no time, no embed). Package survey
// re-exports every type and function here; use that package.
package surveycore
