package render

import (
	"bytes"
	"crypto/sha256"
	"hash/maphash"
	"html/template"
	"sync"

	"github.com/veil-blog/veil/internal/cache/gobstream"
	"github.com/veil-blog/veil/internal/markdown"
)

// Memo remembers Markdown conversions by the bytes converted, so that a
// rebuild converts only the posts whose de-identified Markdown changed. The
// converter's options are part of what a result depends on: give each
// Renderer configuration its own Memo. It is safe for concurrent use.
type Memo struct {
	seed  maphash.Seed
	mu    sync.Mutex
	m     map[uint64][]memoEntry // by a fast hash of the Markdown
	used  map[uint64]bool
	byPtr map[sameBytes]uint64 // the hash of a slice seen before
	store Store
	dec   gobstream.Decoders // for the store's entries
	enc   gobstream.Encoders[markdown.Result]
	// forget keeps nothing in memory: only the store (NewStoreMemo).
	forget bool
}

type memoEntry struct {
	src []byte
	res conversion
}

// conversion is a Markdown conversion with the strings a page takes from
// it, made once per conversion: Plan runs over every post on every save in
// veil serve, and copying each post's HTML into a string there was a tenth
// of a save at 10,000 posts.
type conversion struct {
	markdown.Result
	html, summary template.HTML // sanitised by markdown
	description   string        // SummaryText cut for a description
	// spooled, when set, holds html (see Spool).
	spooled spooled
}

func newConversion(res markdown.Result) conversion {
	c := conversion{Result: res, html: template.HTML(res.HTML), summary: template.HTML(res.Summary), description: truncate(res.SummaryText, 160)}
	// The strings are what pages read; the bytes they were copied from
	// would double what a large site holds (a tenth of a 10,000-post
	// build's heap).
	c.HTML, c.Summary = nil, nil
	return c
}

// sameBytes identifies a Markdown slice by where it lives: a cached post
// hands the same, never modified, bytes to every rebuild, which are then
// found without hashing them.
type sameBytes struct {
	p *byte
	n int
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
	m := &Memo{seed: maphash.MakeSeed(), m: map[uint64][]memoEntry{}, used: map[uint64]bool{}, byPtr: map[sameBytes]uint64{}}
	if len(store) > 0 {
		m.store = store[0]
	}
	return m
}

// NewStoreMemo returns a Memo that only reads and writes store and keeps
// nothing in memory: a one-shot build converts each post once, and
// holding every conversion would only make it bigger.
func NewStoreMemo(store Store) *Memo {
	m := NewMemo(store)
	m.forget = true
	return m
}

// WithMemo makes the Renderer look conversions up in m first.
func WithMemo(m *Memo) Option {
	return func(r *Renderer) { r.memo = m }
}

// storeKey is the store's key of a Markdown text, once it is computed.
type storeKey struct {
	sum   [sha256.Size]byte
	known bool
}

func (k *storeKey) of(src []byte) [sha256.Size]byte {
	if !k.known {
		k.sum, k.known = sha256.Sum256(src), true
	}
	return k.sum
}

// get looks src up in memory (by a fast hash, then comparing the bytes),
// then in the store (by SHA-256, which it leaves in key for put).
func (m *Memo) get(src []byte, key *storeKey) (conversion, bool) {
	var id sameBytes
	if len(src) > 0 {
		id = sameBytes{&src[0], len(src)}
	}
	m.mu.Lock()
	h, known := m.byPtr[id]
	m.mu.Unlock()
	if !known && !m.forget {
		h = maphash.Bytes(m.seed, src)
	}
	m.mu.Lock()
	for _, e := range m.m[h] {
		// The same slice is the same bytes; another needs comparing.
		if known && len(e.src) == id.n && id.n > 0 && &e.src[0] == id.p || bytes.Equal(e.src, src) {
			m.used[h] = true
			if id.p != nil {
				m.byPtr[id] = h
			}
			m.mu.Unlock()
			return e.res, true
		}
	}
	m.mu.Unlock()
	if m.store == nil {
		return conversion{}, false
	}
	b, ok := m.store.Load(key.of(src))
	if !ok {
		return conversion{}, false
	}
	var res markdown.Result
	if err := m.dec.Decode(b, &res); err != nil {
		return conversion{}, false // an entry of another shape: convert again
	}
	c := newConversion(res)
	m.remember(h, src, c)
	return c, true
}

func (m *Memo) remember(h uint64, src []byte, res conversion) {
	if m.forget {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[h] = append(m.m[h], memoEntry{src: src, res: res})
	m.used[h] = true
}

func (m *Memo) put(src []byte, res markdown.Result, key *storeKey) conversion {
	c := newConversion(res)
	if !m.forget {
		m.remember(maphash.Bytes(m.seed, src), src, c)
	}
	m.save(src, res, key)
	return c
}

// save puts res in the store, if there is one.
func (m *Memo) save(src []byte, res markdown.Result, key *storeKey) {
	if ps, ok := m.store.(PartsStore); ok {
		k := key.of(src)
		m.enc.EncodeParts(res, func(a, b []byte) { ps.SaveParts(k, a, b) })
		return
	}
	if m.store != nil {
		if b, err := m.enc.Encode(res); err == nil {
			m.store.Save(key.of(src), b)
		}
	}
}

// PartsStore is a Store that can also save an entry given in two pieces
// (a followed by b), which it must not keep: a Memo then hands it the
// encoded conversion without joining the pieces first.
type PartsStore interface {
	Store
	SaveParts(key [sha256.Size]byte, a, b []byte)
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
	for id, h := range m.byPtr {
		if !m.used[h] {
			delete(m.byPtr, id)
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
func (r *Renderer) convert(src []byte) (conversion, error) {
	if r.memo == nil {
		res, err := r.conv.Convert(src)
		return newConversion(res), err
	}
	var key storeKey // a cold build hashes each text once, not twice
	if res, ok := r.memo.get(src, &key); ok {
		return res, nil
	}
	res, err := r.conv.Convert(src)
	if err != nil {
		return conversion{}, err
	}
	return r.memo.put(src, res, &key), nil
}
