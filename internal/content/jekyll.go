package content

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// isJekyll reports whether root looks like a Jekyll site.
func isJekyll(root string) bool {
	return isDirPath(filepath.Join(root, "_posts")) || fileExists(filepath.Join(root, "_config.yml"))
}

func isDirPath(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// loadJekyll reads a Jekyll site: _posts/YYYY-MM-DD-title.md as posts (in
// the section "posts"), _drafts/ as drafts, and the Markdown files with
// front matter at the site's top as pages. Layouts, includes, data and
// Sass are Jekyll's own and are not read.
func (l *loader) loadJekyll(root string) error {
	if dir := filepath.Join(root, "_posts"); isDirPath(dir) {
		if err := l.walk(dir, "posts/", JekyllPost); err != nil {
			return fmt.Errorf("load %s: %w", dir, err)
		}
	}
	if dir := filepath.Join(root, "_drafts"); isDirPath(dir) {
		before := len(l.s.Posts)
		if err := l.walkDrafts(dir); err != nil {
			return fmt.Errorf("load %s: %w", dir, err)
		}
		for _, p := range l.s.Posts[before:] {
			p.Meta.Draft = true
		}
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("load site %s: %w", root, err)
	}
	var skipped []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !IsMarkdown(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		path := filepath.Join(root, name)
		if stem := strings.TrimSuffix(name, filepath.Ext(name)); stem == "index" || stem == "404" {
			l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: the site's own %s page is not used: veil writes its own", path, map[string]string{"index": "home", "404": "not-found"}[stem]))
			continue
		}
		src, err := readLimited(path)
		if err != nil {
			l.s.Errors = append(l.s.Errors, err)
			continue
		}
		if f, _, _, _, _, _ := split(src); f == NoFrontMatter || !bytes.HasPrefix(src, []byte("---")) {
			// Jekyll copies a file without front matter as it is (a
			// README); it is no page.
			skipped = append(skipped, path)
			continue
		}
		l.loadFile(path, name, JekyllPage)
	}
	sort.Strings(skipped)
	for _, p := range skipped {
		l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: no front matter, so no page in Jekyll either; not published", p))
	}
	return nil
}

// walkDrafts reads Jekyll's _drafts, whose file names carry no date: a
// draft without a date in its front matter is dated by its file's
// modification time, as Jekyll does.
func (l *loader) walkDrafts(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !IsMarkdown(name) || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		src, err := readLimited(path)
		if err != nil {
			l.s.Errors = append(l.s.Errors, err)
			continue
		}
		p, err := ParseKind(path, "posts/"+name, src, JekyllDraft)
		if err != nil {
			l.s.Errors = append(l.s.Errors, err)
			continue
		}
		if p.Meta.Date.IsZero() {
			if fi, err := os.Stat(path); err == nil {
				p.Meta.Date = fi.ModTime().UTC().Truncate(24 * 60 * 60 * 1e9)
			}
		}
		l.s.Warnings = append(l.s.Warnings, p.Notes...)
		l.s.Posts = append(l.s.Posts, p)
	}
	return nil
}
