package cache

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/veil-blog/veil/internal/cache/gobstream"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/risk"
	"github.com/veil-blog/veil/internal/site"
)

type key [sha256.Size]byte

// The kinds of entries, each in its own folder.
const (
	kindPrepare = "prepare" // a post's cleared or held result
	kindHTML    = "html"    // a Markdown conversion (render.Store)
)

type usedKey struct {
	kind string
	k    key
}

// Cache is safe for concurrent use.
type Cache struct {
	disk *store // nil keeps entries in memory only
	salt [sha256.Size]byte
	// root is the site's folder as the caller spells it (SiteRoot): posts
	// under it are keyed, and their messages kept, by their path relative
	// to it, so that another spelling of the same site finds them.
	root string

	mu   sync.Mutex
	mem  map[key]*entry
	used map[usedKey]bool
	// byPost finds the entry of a parsed post that content.Cache handed
	// out before, without hashing its file again.
	byPost map[*content.Post]*entry
	seen   map[*content.Post]bool // since the last Sweep

	// dec decodes entries with decoders kept from one entry to the next.
	dec gobstream.Decoders
	// enc encodes entries with encoders kept from one entry to the next.
	enc gobstream.Encoders[*entry]
	// bufs holds buffers for the findings' encoding (see put).
	bufs sync.Pool

	hits, misses, bad atomic.Int64
	// oneShot keeps no results in memory (OneShot).
	oneShot bool
}

// entry is what is kept of one post: the cleared post, or why the risk
// gate held it back. Stage errors are not kept: they are retried.
type entry struct {
	Cleared *site.Cleared
	Held    *held
	// Findings are Cleared's findings as kept on disk, apart from it (see
	// findingList, and stored); in memory they stay in Cleared.
	Findings findingList

	k key // not stored
}

// stored is e as it is written: a cleared post's findings moved out of
// it into Findings, which are written by hand, not by gob's reflection.
// Their encoding is appended to buf, which the caller may reuse once the
// entry is encoded.
func (e *entry) stored(buf []byte) *entry {
	if e.Cleared == nil || len(e.Cleared.Findings) == 0 {
		return e
	}
	cl := *e.Cleared
	cl.Findings = nil
	return &entry{Cleared: &cl, Findings: findingList{list: e.Cleared.Findings, enc: appendFindings(buf, e.Cleared.Findings)}, k: e.k}
}

// restore undoes stored on an entry read back, and reports whether it
// was one stored wrote.
func (e *entry) restore() bool {
	if e.Findings.list == nil {
		return true
	}
	if e.Cleared == nil || e.Cleared.Findings != nil {
		return false
	}
	e.Cleared.Findings, e.Findings = e.Findings.list, findingList{}
	return true
}

type held struct {
	Path, Reason string
	Verdict      *risk.Verdict
	Findings     []site.Finding
	Warnings     []string
	Post         *site.Cleared
}

// Open returns a cache over dir (created on first write, private to the
// user) whose entries are keyed with salt. dir "" keeps nothing on disk.
func Open(dir string, salt []byte) *Cache {
	c := &Cache{salt: sha256.Sum256(salt), mem: map[key]*entry{}, used: map[usedKey]bool{}, byPost: map[*content.Post]*entry{}, seen: map[*content.Post]bool{}}
	if dir != "" {
		c.disk = newStore(dir, &c.bad)
	}
	return c
}

// OneShot makes c keep no results in memory, only on disk, and returns
// it: a one-shot build looks each post up once, and holding every result
// would only make it bigger (at 10,000 posts, hundreds of megabytes).
func (c *Cache) OneShot() *Cache {
	c.oneShot = true
	return c
}

// SiteRoot tells c the site's folder, spelled as the build's posts' paths
// begin, and returns it. An entry is then keyed by its post's path
// relative to root, not by the path as typed, and the messages it keeps
// name that relative path, given back joined with the path the next build
// typed: "veil build -s /abs/site", "veil build -s site" and "cd site &&
// veil serve" share their entries, and each prints its own spelling.
func (c *Cache) SiteRoot(root string) *Cache {
	c.root = root
	return c
}

// Counts are a cache's counts since Open.
type Counts struct {
	Hits, Misses int64
	// Bad counts entries found unreadable (truncated, corrupt, another
	// format) and rewritten.
	Bad int64
}

// Counts returns the counts so far.
func (c *Cache) Counts() Counts {
	return Counts{Hits: c.hits.Load(), Misses: c.misses.Load(), Bad: c.bad.Load()}
}

// relPath is p's path relative to the site root, slash-separated, or
// false when c has no root or the post lies outside it (a content folder
// configured elsewhere): such a post is keyed by its path as typed.
func (c *Cache) relPath(p *content.Post) (string, bool) {
	if c.root == "" {
		return "", false
	}
	r, err := filepath.Rel(c.root, p.Path)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (c *Cache) key(p *content.Post) key {
	h := sha256.New()
	// What is hashed before the source, written as
	// fmt.Fprintf(h, "site\x00%d:%s\x00%d:%s\x00%d:", len(rel), rel,
	// len(p.Rel), p.Rel, len(p.Source)) (or "typed" and p.Path) would
	// write it, without fmt (TestKeyAsFprintf).
	var buf [256]byte
	b := append(buf[:0], c.salt[:]...)
	if rel, ok := c.relPath(p); ok {
		b = lenString(append(b, "site\x00"...), rel)
	} else {
		b = lenString(append(b, "typed\x00"...), p.Path)
	}
	b = lenString(b, p.Rel)
	b = append(strconv.AppendInt(b, int64(len(p.Source)), 10), ':')
	h.Write(b)
	h.Write(p.Source)
	var k key
	h.Sum(k[:0])
	return k
}

// lenString appends "len(s):s\x00" to b.
func lenString(b []byte, s string) []byte {
	b = append(strconv.AppendInt(b, int64(len(s)), 10), ':')
	return append(append(b, s...), 0)
}

// Wrap is a site.Options.Prepare hook: it returns the kept result for a
// post whose inputs are unchanged, and keeps what next returns otherwise.
func (c *Cache) Wrap(next site.PrepareFunc) site.PrepareFunc {
	return func(ctx context.Context, p *content.Post) (*site.Cleared, *site.Held) {
		c.mu.Lock()
		var e *entry
		if !c.oneShot {
			c.seen[p] = true
			e = c.byPost[p]
		}
		if e != nil {
			c.used[usedKey{kindPrepare, e.k}] = true
		}
		c.mu.Unlock()
		if e != nil {
			c.hits.Add(1)
			return c.result(e, p)
		}
		k := c.key(p)
		if e := c.get(k); e != nil {
			c.hits.Add(1)
			c.remember(p, e)
			return c.result(e, p)
		}
		c.misses.Add(1)
		cl, h := next(ctx, p)
		if ctx.Err() != nil {
			return cl, h
		}
		from, to := c.spellings(p, false)
		switch {
		case cl != nil:
			e = &entry{Cleared: respell(cl, from, to), k: k}
		case h != nil && h.Err == nil:
			e = &entry{Held: &held{Path: respellPath(h.Path, from, to), Reason: h.Reason, Verdict: h.Verdict, Findings: h.Findings, Warnings: respellAll(h.Warnings, from, to), Post: respell(h.Post, from, to)}, k: k}
		}
		if e != nil {
			c.put(k, e)
			c.remember(p, e)
		}
		return cl, h
	}
}

// remember keeps e as p's result, unless c is OneShot.
func (c *Cache) remember(p *content.Post, e *entry) {
	if c.oneShot {
		return
	}
	c.mu.Lock()
	c.byPost[p] = e
	c.mu.Unlock()
}

// result returns fresh copies of e for p: the build changes a cleared
// post's slug and permalink, and must not change what is kept; the
// messages name p's path as this build typed it.
func (c *Cache) result(e *entry, p *content.Post) (*site.Cleared, *site.Held) {
	from, to := c.spellings(p, true)
	if e.Cleared != nil {
		return respell(e.Cleared, from, to), nil
	}
	h := &site.Held{Path: respellPath(e.Held.Path, from, to), Reason: e.Held.Reason, Verdict: e.Held.Verdict, Findings: e.Held.Findings, Warnings: respellAll(e.Held.Warnings, from, to), Post: respell(e.Held.Post, from, to)}
	return nil, h
}

// spellings returns the post's path as typed and as kept (relative to the
// site root), in the order a result is rewritten: to be kept, or (back)
// to be reported. Both are the typed path for a post keyed by it.
func (c *Cache) spellings(p *content.Post, back bool) (from, to string) {
	kept, ok := c.relPath(p)
	if !ok {
		return p.Path, p.Path
	}
	if back {
		return kept, p.Path
	}
	return p.Path, kept
}

// respellPath is path with the spelling from replaced by to.
func respellPath(path, from, to string) string {
	if path == from {
		return to
	}
	return path
}

// respellAll returns a copy of msgs ("path:line: message") with those that
// begin with the path spelled from beginning with it spelled to.
func respellAll(msgs []string, from, to string) []string {
	if from == to || msgs == nil {
		return msgs
	}
	out := make([]string, len(msgs))
	for i, m := range msgs {
		if rest, ok := strings.CutPrefix(m, from+":"); ok {
			m = to + ":" + rest
		}
		out[i] = m
	}
	return out
}

// respell is a copy of c (as clone) whose path and messages are spelled to.
func respell(c *site.Cleared, from, to string) *site.Cleared {
	c = clone(c)
	if c != nil {
		c.Path = respellPath(c.Path, from, to)
		c.Warnings = respellAll(c.Warnings, from, to)
	}
	return c
}

// clone copies a cleared post's own fields; its slices are never changed
// by a build, so they are shared.
func clone(c *site.Cleared) *site.Cleared {
	if c == nil {
		return nil
	}
	cp := *c
	return &cp
}

func (c *Cache) get(k key) *entry {
	c.mu.Lock()
	e, ok := c.mem[k]
	if ok {
		c.used[usedKey{kindPrepare, k}] = true
	}
	c.mu.Unlock()
	if ok {
		return e
	}
	b, ok := c.load(kindPrepare, k)
	if !ok {
		return nil
	}
	e = &entry{k: k}
	if err := c.dec.Decode(b, e); err != nil || (e.Cleared == nil) == (e.Held == nil) || !e.restore() {
		c.bad.Add(1) // written by a program with other types: a miss
		return nil
	}
	if !c.oneShot {
		c.mu.Lock()
		c.mem[k] = e
		c.mu.Unlock()
	}
	return e
}

func (c *Cache) put(k key, e *entry) {
	if !c.oneShot {
		c.mu.Lock()
		c.mem[k] = e
		c.mu.Unlock()
	}
	buf, _ := c.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	s := e.stored((*buf)[:0])
	c.enc.EncodeParts(s, func(a, b []byte) { c.saveParts(kindPrepare, k, a, b) })
	if s.Findings.enc != nil && cap(s.Findings.enc) <= maxPooledFindings {
		*buf = s.Findings.enc
		c.bufs.Put(buf)
	}
}

// maxPooledFindings is the largest buffer of findings put keeps for the
// next entry.
const maxPooledFindings = 1 << 20

// load returns the payload on disk for k, or false when there is none or
// it cannot be trusted (counted as bad, and rewritten by the next save).
func (c *Cache) load(kind string, k key) ([]byte, bool) {
	c.mu.Lock()
	c.used[usedKey{kind, k}] = true
	c.mu.Unlock()
	if c.disk == nil {
		return nil, false
	}
	return c.disk.get(usedKey{kind, k})
}

// save stores payload under k, in the pack this process is writing: it is
// found by this cache at once, and by others once Flush (or Prune) has put
// the pack in place. A cache that cannot be written is only slower, so
// errors are dropped.
func (c *Cache) save(kind string, k key, payload []byte) {
	c.saveParts(kind, k, payload, nil)
}

// saveParts is save for the payload a followed by b.
func (c *Cache) saveParts(kind string, k key, a, b []byte) {
	c.mu.Lock()
	c.used[usedKey{kind, k}] = true
	c.mu.Unlock()
	if c.disk != nil {
		c.disk.putParts(usedKey{kind, k}, a, b)
	}
}

// Flush puts the entries saved since the last Flush on disk for other
// processes (and later runs) to find, as one pack: a reader finds all of
// them or none. veil build flushes after the build (by Prune) and veil
// serve after every rebuild.
func (c *Cache) Flush() error {
	if c.disk == nil {
		return nil
	}
	return c.disk.flush()
}

// Conversions returns a render.Store over the cache: Markdown conversions
// keyed by the Markdown's hash, salted like every entry.
func (c *Cache) Conversions() render.Store { return conversions{c} }

type conversions struct{ c *Cache }

func (s conversions) key(k [sha256.Size]byte) key {
	return sha256.Sum256(append(s.c.salt[:], k[:]...))
}
func (s conversions) Load(k [sha256.Size]byte) ([]byte, bool) { return s.c.load(kindHTML, s.key(k)) }
func (s conversions) Save(k [sha256.Size]byte, b []byte)      { s.c.save(kindHTML, s.key(k), b) }

// SaveParts is Save for the entry a followed by b (render.PartsStore).
func (s conversions) SaveParts(k [sha256.Size]byte, a, b []byte) {
	s.c.saveParts(kindHTML, s.key(k), a, b)
}

// Sweep forgets, in memory only, the results of posts not looked up since
// the last Sweep: veil serve calls it after each rebuild, so that the
// memory holds about one site's worth.
func (c *Cache) Sweep() {
	c.mu.Lock()
	defer c.mu.Unlock()
	keep := make(map[key]bool, len(c.byPost))
	for p, e := range c.byPost {
		if c.seen[p] {
			keep[e.k] = true
		} else {
			delete(c.byPost, p)
		}
	}
	for k := range c.mem {
		if !keep[k] {
			delete(c.mem, k)
		}
	}
	clear(c.seen)
}

// Prune removes the entries on disk that were not used since Open (or the
// last Prune), and forgets them in memory: after a full build, what the
// build did not use is out of date. Only the cache's own files are
// touched.
func (c *Cache) Prune() error {
	c.mu.Lock()
	used := c.used
	c.used = map[usedKey]bool{}
	for k := range c.mem {
		if !used[usedKey{kindPrepare, k}] {
			delete(c.mem, k)
		}
	}
	for p, e := range c.byPost {
		if !used[usedKey{kindPrepare, e.k}] {
			delete(c.byPost, p)
		}
	}
	c.mu.Unlock()
	if c.disk == nil {
		return nil
	}
	return c.disk.prune(used)
}
