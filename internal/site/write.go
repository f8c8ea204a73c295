package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/veil-blog/veil/internal/par"
)

// writeAtomic writes files into a fresh directory beside dest and then
// swaps it into place, so that readers see either the old site or the new
// one, never a half-written mix, and a failed build leaves the old site.
func writeAtomic(dest string, files map[string][]byte, mark []byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return writeStream(context.Background(), dest, names, func(name string) ([]byte, error) { return files[name], nil }, mark)
}

// writeStream is writeAtomic for outputs made one at a time: get returns
// the bytes of each name (sorted, unique), called from a few goroutines at
// once, and each file is written as soon as it is made, so that a build
// never holds the whole site in memory. An error from get (the first in
// name order) is returned as it is, after the fresh directory is removed:
// nothing is swapped in.
func writeStream(ctx context.Context, dest string, names []string, get func(name string) ([]byte, error), mark []byte) error {
	return writeStreamTo(ctx, dest, names, func(name string, use func([]byte) error) error {
		b, err := get(name)
		if err != nil {
			return err
		}
		return use(b)
	}, mark)
}

// putFunc hands the bytes of the output name to use, which reads them
// only until it returns (they may be a buffer that serves the next
// output), and returns use's error, or its own when it cannot make the
// output (use is then not called).
type putFunc func(name string, use func(data []byte) error) error

// writeStreamTo is writeStream for outputs handed over by put, so that a
// page is written from the buffer it was rendered into rather than from a
// copy of it.
func writeStreamTo(ctx context.Context, dest string, names []string, put putFunc, mark []byte) error {
	for _, name := range names {
		clean := path.Clean("/" + name)[1:]
		if clean == "" || clean != name || strings.HasPrefix(clean, "../") || clean == MarkerName {
			return fmt.Errorf("write %s: refusing output path %q", dest, name)
		}
	}
	// Each file is first compared with the previous output: a build that
	// changed nothing leaves that output as it is (no folder made, no
	// file linked or removed), and one that changed a few pages writes
	// those and links the rest.
	prev := previousFiles(dest)
	cmp, err := compareOutput(ctx, dest, prev, names, put)
	if err != nil {
		return err
	}
	if cmp.unchanged(names) && sameFile(filepath.Join(dest, MarkerName), mark) && onlyOutput(dest, names) {
		return nil
	}
	parent := filepath.Dir(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	// The marker first: a leftover of a killed build is then recognisably
	// veil's own.
	if err := os.WriteFile(filepath.Join(tmp, MarkerName), mark, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", dest, err)
	}
	fulls := make([]string, len(names))
	for i, name := range names {
		fulls[i] = filepath.Join(tmp, filepath.FromSlash(name))
	}
	// A file the previous output already holds with the same bytes is
	// hard-linked into the new folder rather than written again: a build
	// with a few pages changed then writes almost nothing, and the swap
	// below stays as atomic as before (the old folder's name for the file
	// goes with the old folder).
	// The files go in in parallel: a build of a thousand pages spends
	// most of its time waiting on the file system, one file at a time.
	errs := make([]error, len(names))
	getErrs := make([]error, len(names)) // errors of get
	made := &folders{known: map[string]bool{tmp: true}}
	ctxErr := par.Do(ctx, len(names), 4, nil, func(i int) {
		// Each file's folder is made by the worker that writes it, not
		// all up front by one goroutine: making a folder costs a
		// filesystem its inode allocation (a quarter of the writing of a
		// cold build, on ext4), which then overlaps the templates other
		// workers run. A folder this build has made already is not made
		// again (see folders).
		if dir := filepath.Dir(fulls[i]); dir != tmp {
			if err := made.make(dir); err != nil {
				errs[i] = err
				return
			}
		}
		if cmp.same[i] && os.Link(prev[names[i]], fulls[i]) == nil {
			return
		}
		write := func(data []byte) error {
			if old, ok := prev[names[i]]; ok && sameFile(old, data) && os.Link(old, fulls[i]) == nil {
				return nil
			}
			errs[i] = os.WriteFile(fulls[i], data, 0o644)
			return errs[i]
		}
		if data, made := cmp.made[i]; made {
			write(data)
			return
		}
		if err := put(names[i], write); err != nil && errs[i] == nil {
			getErrs[i] = err
		}
	})
	if ctxErr != nil {
		return ctxErr
	}
	for _, err := range getErrs {
		if err != nil {
			return err
		}
	}
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("write %s: %w", dest, err)
		}
	}
	// Keep a version-control placeholder that the old output carried.
	if _, err := os.Stat(filepath.Join(dest, ".gitkeep")); err == nil {
		if err := os.WriteFile(filepath.Join(tmp, ".gitkeep"), nil, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", dest, err)
		}
	}
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("write %s: move old output aside: %w", dest, err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		return fmt.Errorf("write %s: %w", dest, err)
	}
	ok = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("write %s: remove old output: %w", dest, err)
		}
	}
	return nil
}

// folders makes the folders of a fresh output and remembers those it
// made, so that each costs one mkdir(2): os.MkdirAll for each file
// would stat its folder (and, for a new folder, its parent) first, and a
// cold build puts most pages in a folder of their own. Safe for
// concurrent use.
type folders struct {
	mu    sync.Mutex
	known map[string]bool // folders that exist: made here, or the root
}

// make makes dir and any missing parents, as os.MkdirAll does; anything
// but "made" or "the parent is missing" (the folder made meanwhile by
// another worker, a file in the way) is left to os.MkdirAll, so errors
// read as before.
func (f *folders) make(dir string) error {
	f.mu.Lock()
	ok := f.known[dir]
	f.mu.Unlock()
	if ok {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if parent := filepath.Dir(dir); parent != dir && f.make(parent) == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err != nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		f.mu.Lock()
		f.known[dir] = true
		f.mu.Unlock()
	}
	return err
}

// compared is what compareOutput found of each output name (by index).
type compared struct {
	same []bool         // the previous output's file holds these bytes
	made map[int][]byte // made, and not the previous file's: to write
}

// unchanged reports whether every name was found the same.
func (c compared) unchanged(names []string) bool {
	if len(names) == 0 || len(c.same) != len(names) {
		return false
	}
	for _, s := range c.same {
		if !s {
			return false
		}
	}
	return true
}

// maxMadeBytes bounds what compareOutput keeps of the files that
// changed: past it, the rest are made again while they are written (a
// new theme changes every page, and a large site's pages must not all be
// held in memory).
const maxMadeBytes = 16 << 20

// compareOutput makes each output in turn, from a few goroutines, and
// compares it with the file of the previous output (prev, from
// previousFiles): same, or kept to be written, until maxMadeBytes of
// changed files are kept. The first error of get in name order is
// returned.
func compareOutput(ctx context.Context, dest string, prev map[string]string, names []string, put putFunc) (compared, error) {
	c := compared{same: make([]bool, len(names)), made: map[int][]byte{}}
	if len(prev) == 0 {
		return c, nil
	}
	errs := make([]error, len(names))
	var mu sync.Mutex
	kept, full := 0, false
	stop := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return full
	}
	ctxErr := par.Do(ctx, len(names), 4, stop, func(i int) {
		errs[i] = put(names[i], func(data []byte) error {
			if old, ok := prev[names[i]]; ok && sameFile(old, data) {
				c.same[i] = true
				return nil
			}
			mu.Lock()
			if kept+len(data) <= maxMadeBytes {
				kept += len(data)
				c.made[i] = bytes.Clone(data) // data is put's only until use returns
			} else {
				full = true
			}
			mu.Unlock()
			return nil
		})
	})
	if ctxErr != nil {
		return compared{}, ctxErr
	}
	for _, err := range errs {
		if err != nil {
			return compared{}, err
		}
	}
	return c, nil
}

// onlyOutput reports whether dest holds nothing but names, the marker,
// a .gitkeep and their folders, all veil's own (see previousFiles): what
// a build writing names would leave.
func onlyOutput(dest string, names []string) bool {
	want := make(map[string]bool, len(names)+2)
	dirs := map[string]bool{}
	for _, n := range names {
		want[n] = true
		for d := path.Dir(n); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	want[MarkerName], want[".gitkeep"] = true, true
	ok := true
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dest, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir():
			ok = ok && dirs[rel]
		case d.Type().IsRegular():
			fi, err := d.Info()
			ok = ok && err == nil && want[rel] && fi.Mode() == 0o644 && links(fi) == 1
		default:
			ok = false
		}
		if !ok {
			return fs.SkipAll
		}
		return nil
	})
	return ok && err == nil
}

// previousFiles maps the output names of the regular files in an earlier
// output dest to their paths, walking it without following symbolic
// links, so that a file reached through a linked folder, or a link, is
// never reused. Only files veil writes itself qualify: mode 0644 and no
// other name (a file hard-linked from elsewhere stays elsewhere's). Nil
// when there is no earlier output.
func previousFiles(dest string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil || fi.Mode() != 0o644 || links(fi) != 1 {
			return nil
		}
		rel, err := filepath.Rel(dest, p)
		if err == nil {
			out[filepath.ToSlash(rel)] = p
		}
		return nil
	})
	return out
}

// sameFile reports whether the file at p holds exactly data.
func sameFile(p string, data []byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	buf := make([]byte, len(data)+1) // one more: a file that grew is not the same
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false
	}
	return n == len(data) && bytes.Equal(buf[:n], data)
}
