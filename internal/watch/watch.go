package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for the debounce: editors write a file in a few steps within
// milliseconds (write a temporary file, rename the old one, rename the new
// one into place), so a short quiet period gathers one save; the cap keeps a
// steady stream of writes from holding a rebuild back for long.
const (
	DefaultQuiet   = 20 * time.Millisecond
	DefaultMaxWait = 250 * time.Millisecond
)

// Watcher watches directories recursively and single files, and reports
// what changed in batches.
type Watcher struct {
	dirs, files    []string
	quiet, maxWait time.Duration
	errs           func(error)
	ready          func()
}

// Option configures a Watcher.
type Option func(*Watcher)

// WithDirs adds directories watched with everything below them. A directory
// that does not exist yet is watched for from its parent.
func WithDirs(dirs ...string) Option {
	return func(w *Watcher) {
		for _, d := range dirs {
			w.dirs = append(w.dirs, filepath.Clean(d))
		}
	}
}

// WithFiles adds single files, watched through their directory so that a
// file replaced by a rename (as editors save) is still seen.
func WithFiles(files ...string) Option {
	return func(w *Watcher) {
		for _, f := range files {
			w.files = append(w.files, filepath.Clean(f))
		}
	}
}

// WithDebounce sets the quiet period and the maximum wait of a batch.
func WithDebounce(quiet, maxWait time.Duration) Option {
	return func(w *Watcher) { w.quiet, w.maxWait = quiet, maxWait }
}

// WithErrors sets where watch errors (a queue overflow, a folder that could
// not be watched) are reported; they are dropped by default. An overflow is
// also reported as a batch holding each watched root, so that the caller
// rebuilds everything.
func WithErrors(f func(error)) Option {
	return func(w *Watcher) { w.errs = f }
}

// WithReady sets a function called once every watch is in place, before
// the first event is read.
func WithReady(f func()) Option {
	return func(w *Watcher) { w.ready = f }
}

// New returns a Watcher; nothing is watched until Run.
func New(opts ...Option) *Watcher {
	w := &Watcher{quiet: DefaultQuiet, maxWait: DefaultMaxWait, errs: func(error) {}, ready: func() {}}
	for _, o := range opts {
		o(w)
	}
	return w
}

// Ignored reports whether a file name is one that editors write while
// saving and never a file of the site: vim's swap files and its "4913"
// probe, backups ending in "~", Emacs lock files ".#name" and auto-saves
// "#name#", and other hidden files (the site loader skips those too).
func Ignored(name string) bool {
	base := filepath.Base(name)
	switch {
	case base == "" || base == ".":
		return false
	case strings.HasPrefix(base, "."), strings.HasSuffix(base, "~"):
		return true
	case strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"):
		return true
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".swp", ".swo", ".swx", ".tmp", ".crdownload", ".part":
		return true
	}
	// vim probes whether it may write a directory with a file named 4913,
	// or 5036, 5159... (123 apart) when that exists. Other names of digits,
	// such as a folder per year, are the site's.
	n, err := strconv.Atoi(base)
	return err == nil && n >= 4913 && (n-4913)%123 == 0
}

// Run watches until ctx is done, calling batch with the sorted, distinct
// paths that changed (created, written, removed or renamed), one call at a
// time. It returns nil when ctx is done, or an error when watching cannot
// start.
func (w *Watcher) Run(ctx context.Context, batch func([]string)) error {
	fw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return err
	}
	defer fw.Close()

	files := map[string]bool{}
	roots := map[string]bool{}   // recursive roots, existing or not
	parents := map[string]bool{} // directories watched for a file or a missing root
	for _, f := range w.files {
		files[f] = true
		parents[filepath.Dir(f)] = true
	}
	for _, d := range w.dirs {
		roots[d] = true
		if isDir(d) {
			w.addTree(fw, d)
		} else {
			parents[filepath.Dir(d)] = true
		}
	}
	for p := range parents {
		if err := fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.errs(err)
		}
	}

	// under reports whether p is inside a recursive root.
	under := func(p string) bool {
		for r := range roots {
			if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Batches wait in a mailbox while the callback is busy with the one
	// before, merged into one, so that reading events never stalls behind
	// a slow rebuild.
	var box mailbox
	d := newDebouncer(w.quiet, w.maxWait, box.put)
	debounced := make(chan struct{})
	go func() {
		defer close(debounced)
		d.run(ctx)
	}()
	results := make(chan struct{})
	go func() {
		defer close(results)
		for {
			select {
			case <-box.ready():
				if b := box.take(); len(b) > 0 {
					batch(b)
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() { cancel(); <-results; <-debounced }()
	w.ready()

	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			w.errs(err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				for r := range roots {
					w.send(ctx, d, r)
				}
				for f := range files {
					w.send(ctx, d, f)
				}
			}
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			p := filepath.Clean(ev.Name)
			if Ignored(p) || ev.Op == fsnotify.Chmod {
				continue
			}
			switch {
			case files[p]:
			case under(p):
				if ev.Has(fsnotify.Create) && isDir(p) {
					// A new folder, or a root that did not exist: watch it
					// and everything already in it (files may have been
					// written before the watch was added; the batch holds
					// the folder, and the caller rescans it).
					w.addTree(fw, p)
				}
			default:
				continue // a sibling of a watched file
			}
			w.send(ctx, d, p)
		}
	}
}

func (w *Watcher) send(ctx context.Context, d *debouncer, p string) {
	select {
	case d.in <- p:
	case <-ctx.Done():
	}
}

// addTree watches dir and every directory below it, skipping hidden ones.
func (w *Watcher) addTree(fw *fsnotify.Watcher, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != dir {
				w.errs(err)
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if err := fw.Add(p); err != nil {
			w.errs(err)
		}
		return nil
	})
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// mailbox holds the paths of batches not yet taken, merged.
type mailbox struct {
	mu    sync.Mutex
	paths map[string]bool
	sig   chan struct{}
}

func (m *mailbox) ready() chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sig == nil {
		m.sig = make(chan struct{}, 1)
	}
	return m.sig
}

func (m *mailbox) put(b []string) {
	sig := m.ready()
	m.mu.Lock()
	if m.paths == nil {
		m.paths = map[string]bool{}
	}
	for _, p := range b {
		m.paths[p] = true
	}
	m.mu.Unlock()
	select {
	case sig <- struct{}{}:
	default:
	}
}

func (m *mailbox) take() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.paths))
	for p := range m.paths {
		out = append(out, p)
	}
	clear(m.paths)
	slices.Sort(out)
	return out
}
