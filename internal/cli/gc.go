package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
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
// posts). A site whose live heap grows past half the limit gets a limit
// of twice its live heap instead (see followLive), so that the collector
// never runs more often than at GOGC=100.
func oneShotGC(percent int, limit int64) (undo func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	oldPercent := debug.SetGCPercent(percent)
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() { debug.SetGCPercent(oldPercent) }
	}
	oldLimit := debug.SetMemoryLimit(limit)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		followLive(limit, time.Second, stop)
	}()
	return func() {
		close(stop)
		<-done
		debug.SetMemoryLimit(oldLimit)
		debug.SetGCPercent(oldPercent)
	}
}

// followLive sets the soft memory limit to limitFor(base, the live heap)
// every tick until stop is closed.
func followLive(base int64, tick time.Duration, stop <-chan struct{}) {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		metrics.Read(live)
		if live[0].Value.Kind() != metrics.KindUint64 {
			return // not measured by this runtime: keep base
		}
		debug.SetMemoryLimit(limitFor(base, int64(live[0].Value.Uint64())))
	}
}

// limitFor is the soft memory limit for a live heap of live bytes: base,
// or twice the live heap when that is more. A limit that the live heap
// nears would have the collector run over and over (up to half the CPU)
// to stay under it; twice the live heap is where GOGC=100 would collect.
func limitFor(base, live int64) int64 {
	return max(base, 2*live)
}
