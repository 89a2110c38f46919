// Package hrodcore is the part of package hrod that the WebAssembly
// checklist widget shares with the library: the framework and its built-in
// data, plans, their decoding, encoding and checks, and progress. It
// imports nothing that would weigh on the browser bundle (no fmt,
// reflection, encoding/json, time or embed). Package hrod re-exports every
// type and function here; use that package.
package hrodcore
