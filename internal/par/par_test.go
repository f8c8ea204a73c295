package par

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestDoCallsEachIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 4} {
		seen := make([]atomic.Int32, 100)
		if err := Do(context.Background(), len(seen), workers, nil, func(i int) { seen[i].Add(1) }); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if n := seen[i].Load(); n != 1 {
				t.Fatalf("workers %d: index %d called %d times", workers, i, n)
			}
		}
	}
}

func TestDoStops(t *testing.T) {
	var calls atomic.Int32
	err := Do(context.Background(), 1000, 1, func() bool { return calls.Load() >= 10 }, func(int) { calls.Add(1) })
	if err != nil || calls.Load() > 11 {
		t.Errorf("stop after 10 calls: %d calls, err %v", calls.Load(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls.Store(0)
	err = Do(ctx, 1000, 1, nil, func(i int) {
		if calls.Add(1) == 5 {
			cancel()
		}
	})
	if err != context.Canceled || calls.Load() > 6 {
		t.Errorf("cancelled after 5 calls: %d calls, err %v", calls.Load(), err)
	}
}
