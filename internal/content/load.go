package content

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/par"
)

// Site is what Load found in a content directory.
type Site struct {
	Posts []*Post
	// Errors are per-file problems (*Error); those files are left out and
	// the rest still build.
	Errors []error
	// Warnings are non-fatal notes, already formatted.
	Warnings []string
}

// IsMarkdown reports whether a file name is a Markdown post.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// Load reads every Markdown file under dir. root is the site root: a symlink
// that resolves outside it is refused. Files and directories whose names
// start with "." or "_" are skipped, except a section's _index.md (Hugo).
// A directory holding an index.md is a leaf bundle (Hugo): the other files
// in it are the post's resources. When dir does not exist and root is a
// Jekyll site (it has _posts/), its posts and Markdown pages are read
// instead. The posts come back sorted by Rel.
func Load(ctx context.Context, root, dir string) (*Site, error) {
	return load(ctx, root, dir, nil)
}

func load(ctx context.Context, root, dir string, cache *Cache) (*Site, error) {
	l := &loader{ctx: ctx, s: &Site{}, unknown: map[string][]string{}, cache: cache}
	var err error
	l.realRoot, err = RealPath(root)
	if err != nil {
		return nil, fmt.Errorf("load site %s: %w", root, err)
	}
	if _, err := os.Stat(dir); err != nil {
		if !os.IsNotExist(err) {
			return nil, fmt.Errorf("load content %s: %w", dir, err)
		}
		if isJekyll(root) {
			if err := l.loadJekyll(root); err != nil {
				return nil, err
			}
			return l.finish(), nil
		}
		l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: no content directory; nothing to publish", dir))
		return l.s, nil
	}
	l.parts = []*loader{l.child()}
	l.s = l.parts[0].s
	if err := l.walk(dir, "", Native); err != nil {
		return nil, fmt.Errorf("load content %s: %w", dir, err)
	}
	l.runParts()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l.finish(), nil
}

// child is a loader of its own that collects into a Site of its own.
func (l *loader) child() *loader {
	return &loader{ctx: l.ctx, s: &Site{}, realRoot: l.realRoot, unknown: map[string][]string{}, cache: l.cache}
}

// later has job (reading and parsing one post or bundle) run by runParts,
// in parallel with the others, instead of now. The walk goes on
// collecting into a new part, so that runParts can put every post, error
// and warning in the order a walk loading each file at once would give.
// Without parts (a Jekyll site, whose loading reads back the posts a walk
// appended) the job runs at once.
func (l *loader) later(job func(c *loader)) {
	if l.parts == nil {
		job(l)
		return
	}
	c := l.child()
	c.job = job
	seg := l.child()
	l.parts = append(l.parts, c, seg)
	l.s = seg.s
}

// runParts runs the jobs later kept, on as many goroutines as there are
// processors, then gathers every part, in order, into l.
func (l *loader) runParts() {
	var jobs []*loader
	for _, p := range l.parts {
		if p.job != nil {
			jobs = append(jobs, p)
		}
	}
	par.Do(l.ctx, len(jobs), 0, nil, func(i int) { jobs[i].job(jobs[i]) })
	all := &Site{}
	for _, p := range l.parts {
		all.Posts = append(all.Posts, p.s.Posts...)
		all.Errors = append(all.Errors, p.s.Errors...)
		all.Warnings = append(all.Warnings, p.s.Warnings...)
		for k, v := range p.unknown {
			l.unknown[k] = append(l.unknown[k], v...)
		}
	}
	l.s, l.parts = all, nil
}

// loader collects what Load finds.
type loader struct {
	ctx      context.Context
	s        *Site
	realRoot string
	unknown  map[string][]string // front-matter key -> where
	cache    *Cache              // nil: parse every file
	// parts, while a walk runs: what it has collected, in order, with
	// the jobs whose results go between (see later); job is a part's.
	parts []*loader
	job   func(c *loader)
}

func (l *loader) finish() *Site {
	sort.Slice(l.s.Posts, func(i, j int) bool { return l.s.Posts[i].Rel < l.s.Posts[j].Rel })
	l.s.Warnings = append(l.s.Warnings, unknownKeyWarnings(l.unknown)...)
	return l.s
}

// isBundleIndex reports whether name is the page file of a leaf bundle.
func isBundleIndex(name string) bool { return name == "index.md" || name == "index.markdown" }

// isSectionIndex reports whether name is a Hugo section's _index.md.
func isSectionIndex(name string) bool { return name == "_index.md" || name == "_index.markdown" }

// walk loads the Markdown files under dir; prefix is put before each path
// relative to dir to make Rel (Jekyll's _posts are read as posts/).
func (l *loader) walk(dir, prefix string, kind Kind) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if l.ctx.Err() != nil {
			return l.ctx.Err()
		}
		if err != nil {
			l.s.Errors = append(l.s.Errors, &Error{Path: path, Msg: err.Error(), Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && !isSectionIndex(name)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := ResolveLink(l.realRoot, path)
			if err != nil {
				l.s.Errors = append(l.s.Errors, err)
				return nil
			}
			fi, err := os.Stat(target)
			if err != nil || fi.IsDir() {
				l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: symlinked directory not followed", path))
				return nil
			}
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = prefix + filepath.ToSlash(rel)
		if d.IsDir() {
			if path != dir {
				for _, idx := range []string{"index.md", "index.markdown"} {
					if fi, err := os.Lstat(filepath.Join(path, idx)); err == nil && fi.Mode().IsRegular() {
						l.later(func(c *loader) { c.loadBundle(path, rel, idx, kind) })
						return fs.SkipDir
					}
				}
			}
			return nil
		}
		if !IsMarkdown(name) {
			l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: not a Markdown file; not published (put files for the site in static/, or beside a post in a bundle folder with its index.md)", path))
			return nil
		}
		if isSectionIndex(name) && !strings.Contains(rel, "/") {
			l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: the home page's own text is not used: veil's home page lists the posts", path))
			return nil
		}
		l.later(func(c *loader) { c.loadFile(path, rel, kind) })
		return nil
	})
}

// loadFile parses one Markdown file and keeps it, or its error.
func (l *loader) loadFile(path, rel string, kind Kind) *Post {
	var p *Post
	var err error
	if l.cache != nil {
		p, err = l.cache.parse(path, rel, kind)
	} else {
		var src []byte
		if src, err = readLimited(path); err == nil {
			p, err = ParseKind(path, rel, src, kind)
		}
	}
	if err != nil {
		l.s.Errors = append(l.s.Errors, err)
		return nil
	}
	if p.Headless {
		l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: headless (Hugo): not published on its own, as in Hugo", path))
		return nil
	}
	for _, u := range p.Unknown {
		l.unknown[u.Key] = append(l.unknown[u.Key], fmt.Sprintf("%s:%d", p.Path, u.Line))
	}
	l.s.Warnings = append(l.s.Warnings, p.Notes...)
	l.s.Posts = append(l.s.Posts, p)
	return p
}

func readLimited(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error(), Err: err}
	}
	if fi.Size() > MaxPostBytes {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes; posts are limited to %d", fi.Size(), MaxPostBytes)}
	}
	// ReadRegular without its own stat: the one above tells the same (a
	// post took two).
	if !fi.Mode().IsRegular() {
		return nil, &Error{Path: path, Msg: ErrNotRegular.Error(), Err: ErrNotRegular}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error(), Err: err}
	}
	return b, nil
}

// ErrNotRegular refuses a path that is not a regular file: a named pipe
// would block a read forever (nothing writes to it), a device may never
// end.
var ErrNotRegular = errors.New("not a regular file (a named pipe, socket or device); veil reads only ordinary files")

// ReadRegular reads the file at path, or refuses it with ErrNotRegular
// when it (or what a symlink points to) is not a regular file. Every file
// of a site that veil reads goes through it, so no read can block.
func ReadRegular(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	return os.ReadFile(path)
}

// Within reports whether path is root or inside it.
func Within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// RealPath is p made absolute with every symlink resolved: the form in
// which ResolveLink compares paths.
func RealPath(p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}

// ResolveLink resolves the symlink at path and returns its target, or an
// *Error when it is broken or leads outside realRoot (a RealPath): a site's
// files may not pull in files from elsewhere on the machine.
func ResolveLink(realRoot, path string) (string, error) {
	target, err := RealPath(path)
	if err != nil {
		return "", &Error{Path: path, Msg: "broken symlink", Err: err}
	}
	if !Within(realRoot, target) {
		return "", &Error{Path: path, Msg: "symlink points outside the site; refused"}
	}
	return target, nil
}

// unknownKeyWarnings reports ignored front-matter keys: each place when there
// are a few, one line per key when a whole site uses it (a site moved from
// another generator often has "categories" in every post).
func unknownKeyWarnings(unknown map[string][]string) []string {
	keys := make([]string, 0, len(unknown))
	for k := range unknown {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		where := unknown[k]
		if len(where) <= 3 {
			for _, w := range where {
				out = append(out, fmt.Sprintf("%s: unknown front matter key %q ignored", w, k))
			}
			continue
		}
		out = append(out, fmt.Sprintf("%s: unknown front matter key %q ignored (and in %d more files)", where[0], k, len(where)-1))
	}
	return out
}
