package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// TestProgressLine drives the line with a fake clock: it is drawn for the
// first post, skipped within the interval, redrawn after it and for the
// last post, and erased at the end.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progressLine{w: &buf, now: func() time.Time { return clock }, interval: 100 * time.Millisecond}
	step := func(d time.Duration, done, total, held int) string {
		clock = clock.Add(d)
		buf.Reset()
		p.update(done, total, held)
		return buf.String()
	}
	if got := step(0, 1, 40, 0); got != "\r1/40 posts, 0 held back\x1b[K" {
		t.Errorf("first post: %q", got)
	}
	if got := step(50*time.Millisecond, 2, 40, 0); got != "" {
		t.Errorf("within the interval: %q", got)
	}
	if got := step(150*time.Millisecond, 20, 40, 1); got != "\r20/40 posts, 100 posts/s, 1 held back\x1b[K" {
		t.Errorf("after the interval: %q", got)
	}
	if got := step(time.Millisecond, 40, 40, 3); !strings.HasPrefix(got, "\r40/40 posts, ") || !strings.HasSuffix(got, "3 held back\x1b[K") {
		t.Errorf("last post: %q", got)
	}
	buf.Reset()
	p.finish()
	if buf.String() != "\r\x1b[K" {
		t.Errorf("finish: %q", buf.String())
	}
}

// TestProgressOnlyOnATerminal checks that nothing is set up for a pipe or
// buffer, with --quiet, or on CI.
func TestProgressOnlyOnATerminal(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	if p := newProgress(&bytes.Buffer{}, false, env()); p != nil {
		t.Error("progress on a buffer")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if p := newProgress(w, false, env()); p != nil {
		t.Error("progress on a pipe")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if p := newProgress(tty, false, env()); p == nil {
			t.Error("no progress on a terminal")
		}
		for _, tc := range []struct {
			quiet bool
			env   func(string) string
		}{{true, env()}, {false, env("CI", "true")}, {false, env("TERM", "dumb")}} {
			if p := newProgress(tty, tc.quiet, tc.env); p != nil {
				t.Errorf("progress with quiet=%v CI=%q TERM=%q", tc.quiet, tc.env("CI"), tc.env("TERM"))
			}
		}
	}
}
