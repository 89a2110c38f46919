//go:build ignore

// gen rebuilds the committed widget bundle: go generate ./wasm/bundle
package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/wasm/bundle"
)

func main() {
	if err := bundle.GenerateStyles("../.."); err != nil {
		fmt.Fprintln(os.Stderr, "wasm/bundle: the styles (run npm ci in wasm/browser first):", err)
		os.Exit(1)
	}
	if err := bundle.Generate("files"); err != nil {
		fmt.Fprintln(os.Stderr, "wasm/bundle:", err)
		os.Exit(1)
	}
}
