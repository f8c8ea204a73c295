package watch

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// recorder keeps the batches a debouncer flushed, with their fake times.
type recorder struct {
	start   time.Time
	batches [][]string
	at      []time.Duration
}

func (r *recorder) flush(b []string) {
	r.batches = append(r.batches, b)
	r.at = append(r.at, time.Since(r.start))
}

func TestDebouncer(t *testing.T) {
	type send struct {
		after time.Duration // since the previous send
		path  string
	}
	tests := []struct {
		name   string
		sends  []send
		want   [][]string
		wantAt []time.Duration
	}{
		{
			name:   "one event flushes after the quiet period",
			sends:  []send{{0, "a.md"}},
			want:   [][]string{{"a.md"}},
			wantAt: []time.Duration{50 * time.Millisecond},
		},
		{
			name: "a burst becomes one batch, sorted and without repeats",
			sends: []send{
				{0, "b.md"}, {5 * time.Millisecond, "a.md"}, {5 * time.Millisecond, "b.md"},
				{10 * time.Millisecond, ".b.md.swp"},
			},
			want:   [][]string{{".b.md.swp", "a.md", "b.md"}},
			wantAt: []time.Duration{20*time.Millisecond + 50*time.Millisecond},
		},
		{
			name:   "each event restarts the quiet period",
			sends:  []send{{0, "a.md"}, {40 * time.Millisecond, "a.md"}, {40 * time.Millisecond, "a.md"}},
			want:   [][]string{{"a.md"}},
			wantAt: []time.Duration{130 * time.Millisecond},
		},
		{
			name:   "events apart by more than the quiet period are two batches",
			sends:  []send{{0, "a.md"}, {80 * time.Millisecond, "b.md"}},
			want:   [][]string{{"a.md"}, {"b.md"}},
			wantAt: []time.Duration{50 * time.Millisecond, 130 * time.Millisecond},
		},
		{
			name: "a steady stream still flushes at the maximum wait",
			sends: func() []send {
				s := []send{{0, "a.md"}}
				for range 20 {
					s = append(s, send{30 * time.Millisecond, "a.md"})
				}
				return s
			}(),
			// 21 events 30 ms apart, 0 to 600 ms: each batch is cut 200 ms
			// after its first event (0, 210, 420 ms), never by quiet.
			want:   [][]string{{"a.md"}, {"a.md"}, {"a.md"}},
			wantAt: []time.Duration{200 * time.Millisecond, 410 * time.Millisecond, 620 * time.Millisecond},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				r := &recorder{start: time.Now()}
				d := newDebouncer(50*time.Millisecond, 200*time.Millisecond, r.flush)
				done := make(chan struct{})
				go func() { defer close(done); d.run(ctx) }()
				for _, s := range tt.sends {
					time.Sleep(s.after)
					d.in <- s.path
				}
				time.Sleep(time.Second)
				synctest.Wait()
				cancel()
				<-done
				if !slices.EqualFunc(r.batches, tt.want, slices.Equal) {
					t.Errorf("batches = %q, want %q", r.batches, tt.want)
				}
				if !slices.Equal(r.at, tt.wantAt) {
					t.Errorf("flushed at %v, want %v", r.at, tt.wantAt)
				}
			})
		})
	}
}

// TestDebouncerStops: cancelling drops a pending batch and returns.
func TestDebouncerStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		r := &recorder{start: time.Now()}
		d := newDebouncer(50*time.Millisecond, 200*time.Millisecond, r.flush)
		done := make(chan struct{})
		go func() { defer close(done); d.run(ctx) }()
		d.in <- "a.md"
		time.Sleep(10 * time.Millisecond)
		cancel()
		<-done
		time.Sleep(time.Second)
		if len(r.batches) != 0 {
			t.Errorf("flushed %q after cancel, want nothing", r.batches)
		}
	})
}
