package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"sync"

	"github.com/veil-blog/veil/internal/markdown"
)

// Memo remembers Markdown conversions by the bytes converted, so that a
// rebuild converts only the posts whose de-identified Markdown changed. The
// converter's options are part of what a result depends on: give each
// Renderer configuration its own Memo. It is safe for concurrent use.
type Memo struct {
	mu    sync.Mutex
	m     map[[sha256.Size]byte]markdown.Result
	used  map[[sha256.Size]byte]bool
	store Store
}

// Store keeps conversions beyond the process, for a warm veil build. Its
// keys are the hashes of the Markdown converted; it must tell apart the
// results of different builds of the program (a different converter).
type Store interface {
	Load(key [sha256.Size]byte) ([]byte, bool)
	Save(key [sha256.Size]byte, b []byte)
}

// NewMemo returns an empty Memo, backed by store when it is not nil.
func NewMemo(store ...Store) *Memo {
	m := &Memo{m: map[[sha256.Size]byte]markdown.Result{}, used: map[[sha256.Size]byte]bool{}}
	if len(store) > 0 {
		m.store = store[0]
	}
	return m
}

// WithMemo makes the Renderer look conversions up in m first.
func WithMemo(m *Memo) Option {
	return func(r *Renderer) { r.memo = m }
}

func (m *Memo) get(k [sha256.Size]byte) (markdown.Result, bool) {
	m.mu.Lock()
	res, ok := m.m[k]
	if ok {
		m.used[k] = true
	}
	m.mu.Unlock()
	if ok || m.store == nil {
		return res, ok
	}
	b, ok := m.store.Load(k)
	if !ok {
		return markdown.Result{}, false
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&res); err != nil {
		return markdown.Result{}, false // an entry of another shape: convert again
	}
	m.mu.Lock()
	m.m[k] = res
	m.used[k] = true
	m.mu.Unlock()
	return res, true
}

func (m *Memo) put(k [sha256.Size]byte, res markdown.Result) {
	m.mu.Lock()
	m.m[k] = res
	m.used[k] = true
	m.mu.Unlock()
	if m.store != nil {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(res); err == nil {
			m.store.Save(k, b.Bytes())
		}
	}
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
