// Package par runs a loop's iterations on a few goroutines: the one worker
// pool that loading, rendering and writing a site share.
package par

import (
	"context"
	"runtime"
	"sync"
)

// Do calls fn(i) for i from 0 to n-1, handed out in order of i, on up to
// workers goroutines (GOMAXPROCS when workers <= 0), and returns when
// every call it started has returned. It stops handing out indices when
// ctx is done (and returns ctx's error) or when stop, if not nil, reports
// true.
func Do(ctx context.Context, n, workers int, stop func() bool, fn func(i int)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	var err error
feed:
	for i := range n {
		if stop != nil && stop() {
			break
		}
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	return err
}
