//go:build js && wasm

package hrod

// builtinFramework is empty in the WebAssembly widget: the checklist
// loads the part of the framework it shows (framework.txt, beside the
// bundle) when a page has one, so a page with only a survey never pays for
// it. Builtin and SharedBuiltin are for host programs.
var builtinFramework = &Framework{}
