package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// writeAtomic writes files into a fresh directory beside dest and then
// swaps it into place, so that readers see either the old site or the new
// one, never a half-written mix, and a failed build leaves the old site.
func writeAtomic(dest string, files map[string][]byte, mark []byte) error {
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
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	made := map[string]bool{} // directories made so far: one mkdir each
	fulls := make([]string, len(names))
	for i, name := range names {
		clean := path.Clean("/" + name)[1:]
		if clean == "" || clean != name || strings.HasPrefix(clean, "../") || clean == MarkerName {
			return fmt.Errorf("write %s: refusing output path %q", dest, name)
		}
		full := filepath.Join(tmp, filepath.FromSlash(clean))
		if dir := filepath.Dir(full); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("write %s: %w", dest, err)
			}
			made[dir] = true
		}
		fulls[i] = full
	}
	// The files go in in parallel: a build of a thousand pages spends
	// most of its time waiting on the file system, one file at a time.
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(4, max(len(names), 1)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = os.WriteFile(fulls[i], files[names[i]], 0o644)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
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
