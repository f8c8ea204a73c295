package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/content"
)

// MarkerName is the file veil writes into every output directory it
// creates. A build replaces only a directory that holds it, or an empty one.
const MarkerName = ".veil-build"

// RefusedError says why a build will not write to an output directory. It is
// a configuration error: nothing was read or written.
type RefusedError struct {
	Dest   string
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write the output to %s: %s", e.Dest, e.Reason)
}

// checkDest decides whether dest may be replaced by a build and returns its
// real path (symlinks resolved), which is where the build writes. It refuses
// the filesystem root, the site or a folder that contains it, anything that
// overlaps a source folder (content, static, theme), .veil or .git, a file,
// and a directory that veil did not write (no marker) and that is not empty.
func checkDest(root string, cfg *config.Config, dest string) (string, error) {
	refuse := func(format string, a ...any) (string, error) {
		return "", &RefusedError{Dest: dest, Reason: fmt.Sprintf(format, a...)}
	}
	realDest, err := realPathOf(dest)
	if err != nil {
		return refuse("%v", err)
	}
	realRoot, err := realPathOf(root)
	if err != nil {
		return refuse("%v", err)
	}
	if realDest == filepath.Dir(realDest) {
		return refuse("it is the filesystem root")
	}
	if content.Within(realDest, realRoot) {
		return refuse("it is the site or contains it")
	}
	for _, part := range strings.Split(filepath.ToSlash(realDest), "/") {
		if part == ".git" || part == privateDir {
			return refuse("it is inside a %s folder", part)
		}
	}
	sources := []struct{ name, path string }{
		{"the content folder", cfg.Path(root, cfg.ContentDir)},
		{"the static folder", cfg.Path(root, cfg.StaticDir)},
		{"the theme folder", cfg.Path(root, cfg.ThemeDir)},
		{"the private folder .veil", filepath.Join(root, privateDir)},
		{"the git repository .git", filepath.Join(root, ".git")},
	}
	for _, s := range sources {
		p, err := realPathOf(s.path)
		if err != nil {
			continue
		}
		if content.Within(p, realDest) || content.Within(realDest, p) {
			return refuse("it overlaps %s (%s)", s.name, s.path)
		}
	}
	fi, err := os.Stat(realDest)
	if errors.Is(err, fs.ErrNotExist) {
		return realDest, nil
	}
	if err != nil {
		return refuse("%v", err)
	}
	if !fi.IsDir() {
		return refuse("it is a file, not a directory")
	}
	ours, err := veilWrote(realDest)
	if err != nil {
		return refuse("%v", err)
	}
	if !ours {
		return refuse("it holds files veil did not write (no %s marker from an earlier build); move them away or choose another directory with -d (output of a veil older than the marker: delete it once)", MarkerName)
	}
	foreign, err := foreignFiles(realDest)
	if err != nil {
		return refuse("%v", err)
	}
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 3 {
			more = fmt.Sprintf(" and %d more", len(foreign)-3)
			foreign = foreign[:3]
		}
		return refuse("it holds files the last build did not write (%s%s); move them away (a file to publish goes in static/)", strings.Join(foreign, ", "), more)
	}
	return realDest, nil
}

// veilWrote reports whether dir holds veil's marker or nothing but a
// version-control placeholder.
func veilWrote(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if e.Name() == MarkerName && e.Type().IsRegular() {
			return true, nil
		}
	}
	for _, e := range entries {
		if e.Name() != ".gitkeep" {
			return false, nil
		}
	}
	return true, nil
}

// realPathOf is p made absolute with every symlink in its existing part
// resolved; the part that does not exist yet is joined on as written.
func realPathOf(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	cur := abs
	for {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// removeLeftovers deletes the temporary folders of builds that were killed
// before they finished (".public.new-*" beside dest), but only those that
// hold veil's marker or nothing.
func removeLeftovers(dest string) []string {
	var warns []string
	pattern := filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".new-*")
	matches, _ := filepath.Glob(pattern)
	for _, m := range matches {
		fi, err := os.Lstat(m)
		if err != nil || !fi.IsDir() {
			continue
		}
		if ours, err := veilWrote(m); err != nil || !ours {
			warns = append(warns, fmt.Sprintf("%s: looks like a leftover of a killed build but holds files veil did not write; left alone", m))
			continue
		}
		if err := os.RemoveAll(m); err != nil {
			warns = append(warns, fmt.Sprintf("%s: leftover of a killed build could not be removed: %v", m, err))
		}
	}
	return warns
}
