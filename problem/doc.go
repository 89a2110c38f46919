// Package problem defines the one error that every spfkit decoder,
// validator and checker reports: a problem found in a document, located by
// file, line, column and JSON Pointer, with a stable code, a one-line
// message and, where there is advice, a hint.
//
// An Error is also a document: `spfkit validate --format json` prints one
// per line, and the validation-problem schema describes it.
//
// A function that finds several problems returns them together in one
// error, and All takes them out again, whatever the collection. Packages
// that run only on the host (check, schema, spf, transfer) collect them in
// a *multierror.Error from hashicorp/go-multierror, as spfkit's
// conventions ask. The packages the WebAssembly widgets compile (survey,
// hrod, date and this one) return a List instead: go-multierror brings
// package fmt with it, which would add tens of kilobytes to the widgets'
// bundle. Both sort their problems with Sort, and All reads both. Quote
// is how every message shows a value.
package problem
