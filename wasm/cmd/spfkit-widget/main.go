//go:build js && wasm

// Command spfkit-widget is the WebAssembly program behind the <spf-survey>
// and <spf-checklist> elements. Build it with `spfkit widget build`.
package main

import "github.com/spfkit/spfkit/wasm"

func main() { wasm.Run() }
