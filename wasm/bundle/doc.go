// Package bundle models the widget bundle as shipped: the WebAssembly
// program behind <spf-survey> and <spf-checklist>, compiled ahead of time
// and committed in files/ (brotli and gzip), with the toolchain's
// wasm_exec.js, the loader, the fallback stylesheet and an example page.
// It is embedded in every program that imports it, so `spfkit serve`,
// `spfkit demo` and `spfkit widget build` need no Go toolchain and work
// from any folder, and `go install` gives a complete tool.
//
// files/SOURCES records the Go version that compiled the program and a
// SHA-256 of every source file and module requirement that went into it.
// A test fails when the sources no longer match (run `go generate
// ./wasm/bundle`), and, when the test's Go version is the recorded one,
// rebuilds the program and checks it is byte for byte the committed one.
package bundle

//go:generate go run gen.go
