package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// loadBundle loads a leaf bundle: dir/idx is the post; the other files
// under dir are its resources. A resource is published only when the post
// refers to it, and then under a neutral name (image-1.jpg): its own name
// may hold what the post's text is cleaned of, and names reach URLs.
func (l *loader) loadBundle(dir, rel, idx string, kind Kind) {
	p := l.loadFile(filepath.Join(dir, idx), rel+"/"+idx, kind)
	if p == nil {
		return
	}
	// The bundle's resources are added to a copy: a parsed post may be
	// shared with later loads (Cache), and its files may change apart
	// from its index.
	cp := *p
	p = &cp
	l.s.Posts[len(l.s.Posts)-1] = p
	var files []string // slash paths relative to dir
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			l.s.Errors = append(l.s.Errors, &Error{Path: path, Msg: err.Error(), Err: err})
			return nil
		}
		name := d.Name()
		if path != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || path == filepath.Join(dir, idx) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if _, err := ResolveLink(l.realRoot, path); err != nil {
				l.s.Errors = append(l.s.Errors, err)
				return nil
			}
		}
		r, _ := filepath.Rel(dir, path)
		files = append(files, filepath.ToSlash(r))
		return nil
	})
	sort.Strings(files)
	n := 0
	body := string(p.Body)
	for _, f := range files {
		if IsMarkdown(f) {
			l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: a Markdown file inside a bundle is not a page of its own; not published", filepath.Join(dir, f)))
			continue
		}
		re := resourceRef(f)
		if !re.MatchString(body) {
			l.s.Warnings = append(l.s.Warnings, fmt.Sprintf("%s: the post does not refer to this file; not published", filepath.Join(dir, f)))
			continue
		}
		n++
		kind := "file"
		switch strings.ToLower(filepath.Ext(f)) {
		case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif":
			kind = "image"
		}
		neutral := fmt.Sprintf("%s-%d%s", kind, n, strings.ToLower(filepath.Ext(f)))
		body = re.ReplaceAllString(body, "${1}"+neutral+"${3}")
		p.Resources = append(p.Resources, Resource{Path: filepath.Join(dir, filepath.FromSlash(f)), Name: neutral})
	}
	if len(p.Resources) > 0 {
		src := append(append([]byte{}, p.Source[:p.BodyOffset]...), body...)
		p.Source, p.Body = src, src[p.BodyOffset:]
	}
}

// resourceRef matches a reference to a bundle file by its relative name in
// a Markdown link or image, a reference definition, or an HTML src or href
// attribute. Group 1 is what comes before the name, 3 what follows.
func resourceRef(name string) *regexp.Regexp {
	q := regexp.QuoteMeta(name)
	return regexp.MustCompile(`(\]\(\s*<?|(?m:^[ \t]*\[[^\]\n]+\]:[ \t]*<?)|\b(?:src|href)\s*=\s*["']?)(\./)?` + q + `([\s"'<>)#?]|$)`)
}

// fileExists reports whether p is a regular file.
func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
