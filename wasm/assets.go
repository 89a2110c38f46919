//go:build !js

package wasm

import "embed"

// Assets holds the loader, the fallback stylesheet and the example page
// that `spfkit widget build` writes beside the WebAssembly program. It is
// compiled only on the host.
//
//go:embed assets/spfkit.js assets/spfkit.css assets/example.html
var Assets embed.FS
