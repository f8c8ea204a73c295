package lexicon

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Memo is a process-wide cache of what the lexicons say of a string (a word's features, a
// phrase's gazetteer entry), which depends only on the lexicon and the string and recurs
// from text to text. It is safe for concurrent use and built for reads: they go to an
// immutable snapshot without locking; new entries wait in a locked map until it holds half as
// many as the snapshot, which is then rebuilt with them (so each entry is copied O(1) times on
// average). It holds the entries of the first lexicon it is given (in practice there is one,
// Default) and stops growing at MaxMemo entries. The zero value is ready to use.
type Memo[V any] struct {
	lex  atomic.Pointer[Lexicon]
	snap atomic.Pointer[map[string]V]

	mu      sync.Mutex
	pending map[string]V
}

// MaxMemo is the most entries a Memo holds.
const MaxMemo = 1 << 18

// Load returns the value stored for k with lex.
func (c *Memo[V]) Load(lex *Lexicon, k string) (V, bool) {
	var zero V
	if c.lex.Load() != lex {
		return zero, false
	}
	if m := c.snap.Load(); m != nil {
		if v, ok := (*m)[k]; ok {
			return v, true
		}
	}
	c.mu.Lock()
	v, ok := c.pending[k]
	c.mu.Unlock()
	return v, ok
}

// Store remembers v for k with lex, unless the Memo holds another lexicon's entries or is
// full.
func (c *Memo[V]) Store(lex *Lexicon, k string, v V) {
	if !c.lex.CompareAndSwap(nil, lex) && c.lex.Load() != lex {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var snap map[string]V
	if m := c.snap.Load(); m != nil {
		snap = *m
	}
	if len(snap)+len(c.pending) >= MaxMemo {
		return
	}
	if c.pending == nil {
		c.pending = make(map[string]V)
	}
	// The key is cloned: k may be a substring of a whole text.
	c.pending[strings.Clone(k)] = v
	if len(c.pending) >= max(64, len(snap)/2) {
		next := make(map[string]V, len(snap)+len(c.pending))
		for k, v := range snap {
			next[k] = v
		}
		for k, v := range c.pending {
			next[k] = v
		}
		c.snap.Store(&next)
		c.pending = nil
	}
}

// len is the number of entries held.
func (c *Memo[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.pending)
	if m := c.snap.Load(); m != nil {
		n += len(*m)
	}
	return n
}
