package lexicon

import (
	"fmt"
	"sync"
	"testing"
)

// TestMemo stores and loads from several goroutines (run with -race) and checks that every
// value stored is found, that another lexicon's entries are neither stored nor served, and
// that the memo stops growing at MaxMemo entries.
func TestMemo(t *testing.T) {
	var c Memo[int]
	lex, other := New(), New()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				k := fmt.Sprint(i % 3000)
				if v, ok := c.Load(lex, k); ok && v != i%3000 {
					t.Errorf("%s: got %d", k, v)
					return
				}
				c.Store(lex, k, i%3000)
				c.Store(other, k, -1)
			}
		}()
	}
	wg.Wait()
	for i := 0; i < 3000; i++ {
		k := fmt.Sprint(i)
		if v, ok := c.Load(lex, k); !ok || v != i {
			t.Fatalf("%s: got %d, %v", k, v, ok)
		}
		if _, ok := c.Load(other, k); ok {
			t.Fatalf("%s: served for another lexicon", k)
		}
	}
	for i := 0; i < MaxMemo+10; i++ {
		c.Store(lex, fmt.Sprint("x", i), i)
	}
	if n := c.len(); n > MaxMemo {
		t.Errorf("%d entries, more than %d", n, MaxMemo)
	}
}
