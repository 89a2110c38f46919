//go:build ignore

// gen rebuilds the committed widget bundle: go generate ./wasm/bundle
package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/wasm/bundle"
)

func main() {
	if err := bundle.Generate("files"); err != nil {
		fmt.Fprintln(os.Stderr, "wasm/bundle:", err)
		os.Exit(1)
	}
}
