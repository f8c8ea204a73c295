package site

import (
	"cmp"
	"context"
	"fmt"
	"html"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/content"
)

// This file holds what a site brought from Hugo or Jekyll needs after its
// posts are cleared: links between posts (ref, relref, post_url), the
// files of page bundles, and redirect pages for earlier URLs (aliases).

// aliasWords reads an earlier URL path as words for de-identification,
// the way a slug is read.
func aliasWords(a string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '/', '-', '_', '.':
			return ' '
		}
		return r
	}, strings.TrimSuffix(strings.TrimSuffix(a, "/"), ".html"))
}

// keepAliases keeps the aliases in which de-identification found nothing,
// neither with the post (cleaned) nor read as a path the way static file
// paths are (leaks, which also reads lower-case name-like words
// capitalised): a redirect page at an earlier URL that holds a name would
// publish the name again, so such an alias is left out with a note that
// names only its line.
func (c *Cleared) keepAliases(cleaned []string, leaks func(string) bool) {
	orig := c.src.Meta.Aliases
	for i, a := range orig {
		if i < len(cleaned) && cleaned[i] == aliasWords(a) && !leaks(a) {
			c.Aliases = append(c.Aliases, a)
			continue
		}
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s:%d: an alias (earlier URL) holds an identifying detail; no redirect page is written for it", c.src.Path, c.src.Meta.Lines["aliases"]))
	}
}

// refKey normalises a link target or a content path for matching: no
// leading slash or ./, no anchor, no extension, no trailing /index.
func refKey(s string) string {
	s, _, _ = strings.Cut(s, "#")
	s = strings.TrimPrefix(strings.TrimSpace(s), "./")
	s = strings.Trim(s, "/")
	if ext := path.Ext(s); ext == ".md" || ext == ".markdown" || ext == ".html" {
		s = strings.TrimSuffix(s, ext)
	}
	for _, idx := range []string{"/index", "/_index"} {
		s = strings.TrimSuffix(s, idx)
	}
	return strings.ToLower(s)
}

// resolveRefs replaces the reference tokens in each cleared post with the
// permalink of the post they name. Hugo resolves a ref by its path under
// content or by its file name; so does this. A target that is not
// published (held back, a draft, missing) becomes a link to the home page,
// with a note: the link must not name what is not published.
func resolveRefs(cs []*Cleared, baseURL string) []string {
	// A site below its host's root (https://host/blog/) needs that path
	// in front of every site-relative link.
	base := ""
	if u, err := url.Parse(baseURL); err == nil {
		base = strings.TrimSuffix(u.Path, "/")
	}
	full := map[string]string{}
	byName := map[string][]string{}
	for _, c := range cs {
		if c.src == nil {
			continue
		}
		k := refKey(c.src.Rel)
		full[k] = base + c.Post.Permalink
		b := k[strings.LastIndexByte(k, '/')+1:]
		byName[b] = append(byName[b], base+c.Post.Permalink)
	}
	var notes []string
	for _, c := range cs {
		if c.src == nil || len(c.src.Refs) == 0 {
			continue
		}
		md := string(c.Post.Markdown)
		for i, target := range c.src.Refs {
			k := refKey(target)
			link, ok := full[k]
			if !ok {
				if l := byName[k[strings.LastIndexByte(k, '/')+1:]]; len(l) == 1 {
					link, ok = l[0], true
				}
			}
			if !ok {
				link = base + "/"
				notes = append(notes, fmt.Sprintf("%s: a link to another post (ref %d) names no published post; it points to the home page", c.src.Path, i+1))
			}
			md = strings.ReplaceAll(md, content.RefToken(i), link)
		}
		c.Post.Markdown = []byte(md)
	}
	sort.Strings(notes)
	return notes
}

// addImported adds to files the cleaned files of page bundles, beside
// their post's page, and a redirect page for each kept alias. A file that
// veil cannot clean is left out with the reason; nothing replaces a page.
func (b *builder) addImported(ctx context.Context, files map[string][]byte, cs []*Cleared) (warns []string, errs []error) {
	type redirect struct{ from, to string }
	var redirects []redirect
	for _, c := range cs {
		if c.src == nil {
			continue
		}
		dir := strings.TrimPrefix(c.Post.Permalink, "/")
		if dir != "" && !strings.HasSuffix(dir, "/") {
			dir = path.Dir(dir) + "/"
		}
		for _, r := range c.src.Resources {
			data, warn, err := b.cleanStatic(ctx, r.Path, r.Name)
			if err != nil {
				errs = append(errs, &content.Error{Path: r.Path, Msg: "not published: " + err.Error()})
				continue
			}
			if warn != "" {
				warns = append(warns, fmt.Sprintf("%s: not published: %s", r.Path, warn))
				continue
			}
			name := dir + r.Name
			if _, clash := files[name]; clash {
				warns = append(warns, fmt.Sprintf("%s: a generated page has the same path; the page wins", r.Path))
				continue
			}
			files[name] = data
		}
		for _, a := range c.Aliases {
			redirects = append(redirects, redirect{a, c.Post.Permalink})
		}
	}
	base := strings.TrimSuffix(b.opts.Config.BaseURL, "/")
	for _, r := range redirects {
		out, ok := aliasPath(r.from)
		if !ok {
			warns = append(warns, "an alias is not a clean site path; no redirect page is written for it")
			continue
		}
		if _, clash := files[out]; clash {
			warns = append(warns, fmt.Sprintf("alias %s: a page has that path already; no redirect written", "/"+strings.TrimSuffix(out, "index.html")))
			continue
		}
		to := html.EscapeString(base + r.to)
		lang := html.EscapeString(cmp.Or(b.opts.Config.Language, "en"))
		files[out] = []byte(`<!DOCTYPE html><html lang="` + lang + `"><head><title>` + to + `</title><link rel="canonical" href="` + to +
			`"><meta name="robots" content="noindex"><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=` + to + `"></head></html>` + "\n")
	}
	return warns, errs
}

// aliasPath turns an alias into an output file path, or false when it is
// not a clean path inside the site.
func aliasPath(a string) (string, bool) {
	a = strings.TrimSpace(a)
	if a == "" || strings.ContainsAny(a, "\\?#\x00:") || strings.Contains(a, "..") {
		return "", false
	}
	p := path.Clean("/" + a)
	out := strings.TrimPrefix(p, "/")
	if out == "" {
		return "", false
	}
	if path.Ext(out) != ".html" && path.Ext(out) != ".htm" {
		out += "/index.html"
	}
	return out, true
}

// plural writes n with the noun in the right number.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
