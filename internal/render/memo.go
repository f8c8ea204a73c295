package render

import (
	"crypto/sha256"
	"sync"

	"github.com/veil-blog/veil/internal/markdown"
)

// Memo remembers Markdown conversions by the bytes converted, so that a
// rebuild converts only the posts whose de-identified Markdown changed. The
// converter's options are part of what a result depends on: give each
// Renderer configuration its own Memo. It is safe for concurrent use.
type Memo struct {
	mu   sync.Mutex
	m    map[[sha256.Size]byte]markdown.Result
	used map[[sha256.Size]byte]bool
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{m: map[[sha256.Size]byte]markdown.Result{}, used: map[[sha256.Size]byte]bool{}}
}

// WithMemo makes the Renderer look conversions up in m first.
func WithMemo(m *Memo) Option {
	return func(r *Renderer) { r.memo = m }
}

func (m *Memo) get(k [sha256.Size]byte) (markdown.Result, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	res, ok := m.m[k]
	if ok {
		m.used[k] = true
	}
	return res, ok
}

func (m *Memo) put(k [sha256.Size]byte, res markdown.Result) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[k] = res
	m.used[k] = true
}

// Sweep forgets every conversion not looked up or added since the last
// Sweep, so that the Memo holds about one site's worth.
func (m *Memo) Sweep() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.m {
		if !m.used[k] {
			delete(m.m, k)
		}
	}
	clear(m.used)
}

// Len is the number of conversions held.
func (m *Memo) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}

// convert converts src through the memo when there is one.
func (r *Renderer) convert(src []byte) (markdown.Result, error) {
	if r.memo == nil {
		return r.conv.Convert(src)
	}
	k := sha256.Sum256(src)
	if res, ok := r.memo.get(k); ok {
		return res, nil
	}
	res, err := r.conv.Convert(src)
	if err == nil {
		r.memo.put(k, res)
	}
	return res, err
}
