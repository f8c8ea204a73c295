package cli

import (
	"os"
	"runtime/debug"
)

// buildGCPercent and buildMemoryLimit tune the garbage collector for
// veil build (see oneShotGC).
const (
	buildGCPercent   = 400
	buildMemoryLimit = 280 << 20
)

// oneShotGC sets the collector's target percentage to percent and a soft
// memory limit, unless the user set GOGC (then neither) or GOMEMLIMIT
// (then not the limit), and returns what undoes it.
//
// A build streams its pages, so what stays live is small (20 MB at 1,000
// posts, about 120 MB at 10,000) while the workers make garbage fast:
// under GOGC=100 the collector ran about 100 cycles on a 1,000-post build
// and 220 on a 10,000-post one. A higher percentage runs it a few times
// instead; the limit makes it run sooner when the heap nears it, so that
// a large site still fits its memory target (peak RSS, which adds the
// binary's tables to what the runtime counts, under 400 MiB at 10,000
// posts).
func oneShotGC(percent int, limit int64) (undo func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	oldPercent := debug.SetGCPercent(percent)
	oldLimit := int64(-1)
	if os.Getenv("GOMEMLIMIT") == "" {
		oldLimit = debug.SetMemoryLimit(limit)
	}
	return func() {
		if oldLimit >= 0 {
			debug.SetMemoryLimit(oldLimit)
		}
		debug.SetGCPercent(oldPercent)
	}
}
