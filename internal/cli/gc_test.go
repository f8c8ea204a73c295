package cli

import (
	"runtime/debug"
	"testing"
)

func gcSettings() (int, int64) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

// oneShotGC tunes the collector unless the user did, and undoes it.
func TestOneShotGC(t *testing.T) {
	const limit = 123 << 20
	for _, tt := range []struct {
		name, gogc, memlimit   string
		setsPercent, setsLimit bool
	}{
		{"neither set", "", "", true, true},
		{"GOGC set", "100", "", false, false},
		{"GOGC=off", "off", "", false, false},
		{"GOMEMLIMIT set", "", "1GiB", true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			t.Setenv("GOMEMLIMIT", tt.memlimit)
			p0, l0 := gcSettings()
			undo := oneShotGC(400, limit)
			p, l := gcSettings()
			undo()
			if p1, l1 := gcSettings(); p1 != p0 || l1 != l0 {
				t.Errorf("after undo: GOGC %d, limit %d; want %d, %d as before", p1, l1, p0, l0)
			}
			if want := map[bool]int{true: 400, false: p0}[tt.setsPercent]; p != want {
				t.Errorf("GOGC %d, want %d", p, want)
			}
			if want := map[bool]int64{true: limit, false: l0}[tt.setsLimit]; l != want {
				t.Errorf("memory limit %d, want %d", l, want)
			}
			if l0 == limit || p0 == 400 {
				t.Fatal("the test's values are the defaults; it would prove nothing")
			}
		})
	}
}

func TestLimitFor(t *testing.T) {
	const base = 280 << 20
	for _, tt := range []struct{ live, want int64 }{
		{0, base},
		{20 << 20, base},
		{140 << 20, base},
		{141 << 20, 282 << 20},
		{300 << 20, 600 << 20},
	} {
		if got := limitFor(base, tt.live); got != tt.want {
			t.Errorf("limitFor(%d MiB live) = %d, want %d", tt.live>>20, got, tt.want)
		}
	}
}
