package dict

import (
	"fmt"
	"sync"
	"testing"

	"github.com/veil-blog/veil/internal/lexicon"
)

// TestLexCache stores and loads from several goroutines (run with -race) and checks that
// every value stored is found, that another lexicon's entries are neither stored nor served,
// and that the cache stops growing at maxCached entries.
func TestLexCache(t *testing.T) {
	var c lexCache[int]
	lex, other := lexicon.New(), lexicon.New()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				k := fmt.Sprint(i % 3000)
				if v, ok := c.load(lex, k); ok && v != i%3000 {
					t.Errorf("%s: got %d", k, v)
					return
				}
				c.store(lex, k, i%3000)
				c.store(other, k, -1)
			}
		}()
	}
	wg.Wait()
	for i := 0; i < 3000; i++ {
		k := fmt.Sprint(i)
		if v, ok := c.load(lex, k); !ok || v != i {
			t.Fatalf("%s: got %d, %v", k, v, ok)
		}
		if _, ok := c.load(other, k); ok {
			t.Fatalf("%s: served for another lexicon", k)
		}
	}
	for i := 0; i < maxCached+10; i++ {
		c.store(lex, fmt.Sprint("x", i), i)
	}
	n := len(c.pending)
	if m := c.snap.Load(); m != nil {
		n += len(*m)
	}
	if n > maxCached {
		t.Errorf("%d entries, more than %d", n, maxCached)
	}
}
