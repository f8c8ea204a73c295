package render

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Overlay returns a file system in which every file of site hides the
// file of the same path in base, and directories list the union of both.
// It is how a site's own theme directory overrides single files of the
// embedded default theme. A nil site returns base.
func Overlay(site, base fs.FS) fs.FS {
	if site == nil {
		return base
	}
	return &overlayFS{site: site, base: base}
}

type overlayFS struct{ site, base fs.FS }

var (
	_ fs.ReadDirFS  = (*overlayFS)(nil)
	_ fs.ReadFileFS = (*overlayFS)(nil)
	_ fs.StatFS     = (*overlayFS)(nil)
)

func (o *overlayFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	info, err := o.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		entries, err := o.ReadDir(name)
		if err != nil {
			return nil, err
		}
		return &overlayDir{info: info, entries: entries}, nil
	}
	f, err := o.site.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

func (o *overlayFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(o.site, name)
	if err == nil {
		return info, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return fs.Stat(o.base, name)
}

func (o *overlayFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(o.site, name)
	if err == nil {
		return b, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return fs.ReadFile(o.base, name)
}

// ReadDir lists the union of both directories, sorted by name; for a name
// present in both, the site's entry wins.
func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	siteEntries, serr := fs.ReadDir(o.site, name)
	baseEntries, berr := fs.ReadDir(o.base, name)
	if serr != nil && berr != nil {
		return nil, serr
	}
	seen := make(map[string]bool, len(siteEntries))
	out := make([]fs.DirEntry, 0, len(siteEntries)+len(baseEntries))
	for _, e := range siteEntries {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range baseEntries {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// overlayDir is an opened directory of the overlay.
type overlayDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
	off     int
}

func (d *overlayDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *overlayDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: errors.New("is a directory")}
}
func (d *overlayDir) Close() error { return nil }

func (d *overlayDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}
