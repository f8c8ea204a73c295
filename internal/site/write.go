package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
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
	for _, name := range names {
		clean := path.Clean("/" + name)[1:]
		if clean == "" || clean != name || strings.HasPrefix(clean, "../") || clean == MarkerName {
			return fmt.Errorf("write %s: refusing output path %q", dest, name)
		}
		full := filepath.Join(tmp, filepath.FromSlash(clean))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", dest, err)
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
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
