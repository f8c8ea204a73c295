package watch

import (
	"context"
	"slices"
	"time"
)

// debouncer gathers paths into batches. A batch is flushed when no path has
// arrived for quiet, or when maxWait has passed since its first path,
// whichever comes first.
type debouncer struct {
	quiet, maxWait time.Duration
	in             chan string
	flush          func([]string)
}

func newDebouncer(quiet, maxWait time.Duration, flush func([]string)) *debouncer {
	return &debouncer{quiet: quiet, maxWait: maxWait, in: make(chan string, 64), flush: flush}
}

// run gathers and flushes until ctx is done. A batch pending at that point
// is dropped: the caller is shutting down.
func (d *debouncer) run(ctx context.Context) {
	pending := map[string]bool{}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	deadline := time.NewTimer(time.Hour)
	deadline.Stop()
	send := func() {
		quiet.Stop()
		deadline.Stop()
		if len(pending) == 0 {
			return
		}
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		d.flush(batch)
	}
	for {
		select {
		case <-ctx.Done():
			quiet.Stop()
			deadline.Stop()
			return
		case p := <-d.in:
			if len(pending) == 0 {
				deadline.Reset(d.maxWait)
			}
			pending[p] = true
			quiet.Reset(d.quiet)
		case <-quiet.C:
			send()
		case <-deadline.C:
			send()
		}
	}
}
