package main

import (
	"os"
	"runtime/debug"
	"sync"
)

// gcMemoryLimit is the heap size the garbage collector aims to stay under
// while streaming. Streaming keeps little alive, so collecting only as the
// heap nears this limit (rather than each time it doubles) halves the time
// spent on garbage and keeps peak memory well inside the 64 MB budget.
const gcMemoryLimit = 40 << 20

var gcOnce sync.Once

// tuneGC switches the collector to the memory limit, unless the user has
// set GOGC or GOMEMLIMIT.
func tuneGC() {
	gcOnce.Do(func() {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		debug.SetMemoryLimit(gcMemoryLimit)
		debug.SetGCPercent(-1)
	})
}
