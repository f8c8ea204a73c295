package content

import (
	"context"
	"os"
	"sync"
	"time"
)

// Cache remembers parsed posts by path, with the size and modification time
// their file had, so that loading a site again reads and parses only the
// files that changed. Forget drops a path whose change a watcher reported,
// in case a file system's clock is too coarse to show it. A nil *Cache
// loads everything afresh. It is safe for concurrent use.
type Cache struct {
	mu sync.Mutex
	m  map[string]cached
	// trust skips the stat of a remembered file (see Trust).
	trust bool
}

type cached struct {
	size  int64
	mtime time.Time
	rel   string
	kind  Kind
	post  *Post
	// link marks a post read through a symbolic link: a watcher reports
	// a change to the file it points to under that file's own path, so
	// it is checked by its size and time even when the cache trusts.
	link bool
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{m: map[string]cached{}} }

// Load is content.Load through the cache.
func (c *Cache) Load(ctx context.Context, root, dir string) (*Site, error) {
	if c == nil {
		return Load(ctx, root, dir)
	}
	return load(ctx, root, dir, c)
}

// Trust says whether every change to the files is reported with Forget
// or Clear (a watcher does): a remembered file is then handed out without
// a stat, which at 10,000 posts was a tenth of a rebuild. Without it (the
// default), each file's size and modification time are checked.
func (c *Cache) Trust(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trust = on
}

// Forget drops what is remembered of path.
func (c *Cache) Forget(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, path)
}

// Clear drops everything.
func (c *Cache) Clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
}

// parse returns the post at path, from the cache when its file has not
// changed.
func (c *Cache) parse(path, rel string, kind Kind) (*Post, error) {
	c.mu.Lock()
	e, ok := c.m[path]
	trusted := ok && c.trust && !e.link && e.rel == rel && e.kind == kind
	c.mu.Unlock()
	if trusted {
		return e.post, nil
	}
	fi, err := os.Stat(path)
	if err == nil {
		c.mu.Lock()
		e, ok := c.m[path]
		c.mu.Unlock()
		if ok && e.rel == rel && e.kind == kind && e.size == fi.Size() && e.mtime.Equal(fi.ModTime()) {
			return e.post, nil
		}
	}
	src, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	p, err := ParseKind(path, rel, src, kind)
	if err != nil {
		return nil, err
	}
	if fi != nil && int64(len(src)) == fi.Size() {
		li, lerr := os.Lstat(path)
		link := lerr != nil || li.Mode()&os.ModeSymlink != 0
		c.mu.Lock()
		c.m[path] = cached{size: fi.Size(), mtime: fi.ModTime(), rel: rel, kind: kind, post: p, link: link}
		c.mu.Unlock()
	}
	return p, nil
}
