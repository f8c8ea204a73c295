package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/veil-blog/veil/theme"
)

var update = flag.Bool("update", false, "rewrite golden files")

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleSite() Site {
	return Site{
		Title:       "Reflective Practice",
		BaseURL:     "https://notes.example.org/",
		Language:    "en-GB",
		Author:      "A. Practitioner",
		Description: "De-identified reflections from community nursing & social work.",
		Paginate:    2,
		Now:         date("2025-03-01T09:00:00Z"),
	}
}

func samplePosts() []Post {
	return []Post{
		{
			Title: "On listening", Slug: "on-listening", Section: "posts", Permalink: "/posts/on-listening/",
			Date: date("2025-02-10T08:00:00Z"), Tags: []string{"Supervision", "Listening"},
			Markdown: []byte("A visit with [CLIENT-1] taught me to slow down. \"It's fine,\" they said -- it wasn't.\n\n" +
				"<!--more-->\n\n## What happened\n\nWe sat in the kitchen.[^1]\n\n" +
				"| Before | After |\n|---|---|\n| rushed | present |\n\n- [x] write it down\n- [ ] bring to supervision\n\n" +
				"<script>alert('x')</script>\n\n[^1]: Details changed.\n"),
		},
		{
			Title: "Boundaries & burnout <2025>", Slug: "boundaries", Section: "posts",
			Date: date("2025-01-20T08:00:00Z"), Lastmod: date("2025-02-01T08:00:00Z"), Tags: []string{"Self care", "supervision"},
			Markdown: []byte("Saying no is part of the work.\n\nA second short paragraph about rest.\n\n### Notes\n\nMore text here.\n"),
		},
		{
			Title: "First post", Slug: "first-post", Section: "posts", Permalink: "/posts/first-post/",
			Date: date("2025-01-20T08:00:00Z"), Tags: []string{"self-care"},
			Summary:  "<p>A hand-written summary.</p>",
			Markdown: []byte("Hello, and welcome.\n"),
		},
		{
			Title: "About", Slug: "about", Permalink: "/about/", IsPage: true,
			Markdown: []byte("# About this site\n\nEvery story here is de-identified before it is published.\n"),
		},
	}
}

func newRenderer(t *testing.T, fsys fs.FS) *Renderer {
	t.Helper()
	r, err := New(fsys)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r
}

func renderSample(t *testing.T) map[string][]byte {
	t.Helper()
	out, err := newRenderer(t, theme.FS()).Render(context.Background(), sampleSite(), samplePosts())
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

func TestGolden(t *testing.T) {
	out := renderSample(t)
	dir := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for name, b := range out {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var want []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want = append(want, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := sortedKeys(out)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("output files = %q\nwant (golden) %q", got, want)
	}
	for _, name := range got {
		g, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			continue // reported above
		}
		if !bytes.Equal(out[name], g) {
			t.Errorf("%s differs from testdata/golden/%s (run go test -update to accept):\n%s", name, name, firstDiff(out[name], g))
		}
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, g, w)
		}
	}
	return ""
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestDeterministic(t *testing.T) {
	a := renderSample(t)
	for range 5 {
		// Shuffled input order must not change a byte.
		posts := samplePosts()
		slices.Reverse(posts)
		b, err := newRenderer(t, theme.FS()).Render(context.Background(), sampleSite(), posts)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range sortedKeys(a) {
			if !bytes.Equal(a[k], b[k]) {
				t.Fatalf("%s differs between renders of the same input:\n%s", k, firstDiff(b[k], a[k]))
			}
		}
		if len(a) != len(b) {
			t.Fatalf("renders produced %d and %d files", len(a), len(b))
		}
	}
}

func TestRenderDoesNotModifyInput(t *testing.T) {
	posts := samplePosts()
	before := fmt.Sprintf("%+v", posts)
	if _, err := newRenderer(t, theme.FS()).Render(context.Background(), sampleSite(), posts); err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprintf("%+v", posts); after != before {
		t.Errorf("Render changed its input:\n got  %s\n want %s", after, before)
	}
}

func manyPosts(n int) []Post {
	var ps []Post
	for i := range n {
		ps = append(ps, Post{
			Title: fmt.Sprintf("Post %02d", i), Slug: fmt.Sprintf("post-%02d", i), Section: "posts",
			Date:     date("2025-01-01T00:00:00Z").Add(time.Duration(i) * 24 * time.Hour),
			Markdown: []byte("Body."),
		})
	}
	return ps
}

func TestPagination(t *testing.T) {
	tests := []struct {
		posts, per int
		wantPages  int
	}{
		{0, 2, 1}, {1, 2, 1}, {2, 2, 1}, {3, 2, 2}, {4, 2, 2}, {5, 2, 3}, {25, 0, 3}, {10, 0, 1},
	}
	r := newRenderer(t, theme.FS())
	for _, tt := range tests {
		site := sampleSite()
		site.Paginate = tt.per
		out, err := r.Render(context.Background(), site, manyPosts(tt.posts))
		if err != nil {
			t.Fatal(err)
		}
		for n := 1; n <= tt.wantPages+1; n++ {
			name := fmt.Sprintf("page/%d/index.html", n)
			if n == 1 {
				name = "index.html"
			}
			_, ok := out[name]
			if want := n <= tt.wantPages; ok != want {
				t.Errorf("%d posts, %d per page: %s exists = %v, want %v", tt.posts, tt.per, name, ok, want)
			}
		}
		if tt.posts == 5 {
			last := string(out["page/3/index.html"])
			if !strings.Contains(last, "Post 00") || strings.Contains(last, "Post 01") {
				t.Errorf("last page should hold only the oldest post:\n%s", last)
			}
			if !strings.Contains(last, `href="/page/2/" rel="prev"`) || strings.Contains(last, `rel="next"`) {
				t.Errorf("last page links: want prev to /page/2/ and no next:\n%s", last)
			}
			first := string(out["index.html"])
			if !strings.Contains(first, "Post 04") || !strings.Contains(first, "Post 03") || strings.Contains(first, "Post 02") {
				t.Errorf("first page should hold the two newest posts:\n%s", first)
			}
			if !strings.Contains(first, `href="/page/2/" rel="next"`) || strings.Contains(first, `rel="prev"`) {
				t.Errorf("first page links: want next to /page/2/ and no prev")
			}
		}
	}
}

func TestTagPages(t *testing.T) {
	out := renderSample(t)
	for _, name := range []string{"tags/index.html", "tags/supervision/index.html", "tags/self-care/index.html", "tags/listening/index.html", "tags/supervision/index.xml"} {
		if _, ok := out[name]; !ok {
			t.Errorf("missing %s; have %q", name, sortedKeys(out))
		}
	}
	// "Self care" and "self-care" share one page; "Supervision" and
	// "supervision" too, both posts listed, newest first.
	sup := string(out["tags/supervision/index.html"])
	if i, j := strings.Index(sup, "On listening"), strings.Index(sup, "Boundaries"); i < 0 || j < 0 || i > j {
		t.Errorf("tags/supervision lists posts out of order or misses one:\n%s", sup)
	}
	care := string(out["tags/self-care/index.html"])
	if !strings.Contains(care, "First post") || !strings.Contains(care, "Boundaries") {
		t.Errorf("tags/self-care should list both spellings' posts:\n%s", care)
	}
	post := string(out["posts/on-listening/index.html"])
	if !strings.Contains(post, `<a href="/tags/supervision/" rel="tag">Supervision</a>`) {
		t.Errorf("post page should link its tags:\n%s", post)
	}
}

func TestSubpathBaseURL(t *testing.T) {
	site := sampleSite()
	site.BaseURL = "https://example.org/blog/"
	out, err := newRenderer(t, theme.FS()).Render(context.Background(), site, samplePosts())
	if err != nil {
		t.Fatal(err)
	}
	home := string(out["index.html"])
	for _, want := range []string{`href="/blog/css/style.css"`, `href="/blog/posts/on-listening/"`, `href="/blog/tags/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if !strings.Contains(string(out["index.xml"]), "<link>https://example.org/blog/posts/on-listening/</link>") {
		t.Errorf("feed links should be absolute under the base URL:\n%s", out["index.xml"])
	}
}

func TestSanitisedAndEscaped(t *testing.T) {
	out := renderSample(t)
	for name, b := range out {
		if strings.Contains(string(b), "<script") {
			t.Errorf("%s contains a script tag", name)
		}
	}
	post := string(out["posts/boundaries/index.html"])
	if !strings.Contains(post, "Boundaries &amp; burnout &lt;2025&gt;") {
		t.Errorf("title not escaped in HTML:\n%s", post)
	}
	if !strings.Contains(string(out["index.xml"]), "<title>Boundaries &amp; burnout &lt;2025&gt;</title>") {
		t.Errorf("title not escaped in feed")
	}
}

func TestPagesNotListed(t *testing.T) {
	out := renderSample(t)
	if _, ok := out["about/index.html"]; !ok {
		t.Fatal("missing about/index.html")
	}
	for _, name := range []string{"index.html", "index.xml", "tags/index.html"} {
		if strings.Contains(string(out[name]), "About this site") {
			t.Errorf("%s lists the standalone page", name)
		}
	}
	if strings.Contains(string(out["index.xml"]), "/about/") {
		t.Errorf("feed contains the standalone page")
	}
	if !strings.Contains(string(out["sitemap.xml"]), "<loc>https://notes.example.org/about/</loc>") {
		t.Errorf("sitemap lacks the standalone page")
	}
}

func TestXMLWellFormed(t *testing.T) {
	out := renderSample(t)
	n := 0
	for _, name := range sortedKeys(out) {
		if !strings.HasSuffix(name, ".xml") {
			continue
		}
		n++
		dec := xml.NewDecoder(bytes.NewReader(out[name]))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
				break
			}
		}
	}
	if n < 3 {
		t.Errorf("checked %d XML files, want feeds and sitemap", n)
	}

	var feed struct {
		Channel struct {
			LastBuildDate string `xml:"lastBuildDate"`
			Items         []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				PubDate     string `xml:"pubDate"`
				Description string `xml:"description"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(out["index.xml"], &feed); err != nil {
		t.Fatal(err)
	}
	if got := len(feed.Channel.Items); got != 3 {
		t.Fatalf("feed has %d items, want 3 posts", got)
	}
	it := feed.Channel.Items[0]
	if it.Title != "On listening" || it.Link != "https://notes.example.org/posts/on-listening/" {
		t.Errorf("first item = %+v", it)
	}
	if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
		t.Errorf("pubDate %q is not RFC1123Z: %v", it.PubDate, err)
	}
	// The newest post's date, not the build's (Site.Now, 1 March): a
	// build that changes no post writes the same feed.
	if feed.Channel.LastBuildDate != "Mon, 10 Feb 2025 08:00:00 +0000" || feed.Channel.LastBuildDate != it.PubDate {
		t.Errorf("lastBuildDate = %q, want the newest post's date %q", feed.Channel.LastBuildDate, it.PubDate)
	}
	if !strings.HasPrefix(it.Description, "<p>A visit with [CLIENT-1]") {
		t.Errorf("item description = %q, want the summary HTML", it.Description)
	}

	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://notes.example.org/") {
			t.Errorf("sitemap loc %q not absolute", u.Loc)
		}
	}
	if !strings.Contains(string(out["robots.txt"]), "Sitemap: https://notes.example.org/sitemap.xml") {
		t.Errorf("robots.txt = %q", out["robots.txt"])
	}
}

func TestOverlayOverride(t *testing.T) {
	site := fstest.MapFS{
		"layouts/single.html":     {Data: []byte(`{{ define "main" }}<p class="custom">{{ .Post.Title }}</p>{{ end }}`)},
		"static/img/logo.svg":     {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"layouts/partials/x.html": {Data: []byte(`unused`)},
	}
	fsys := Overlay(site, theme.FS())
	out, err := newRenderer(t, fsys).Render(context.Background(), sampleSite(), samplePosts())
	if err != nil {
		t.Fatal(err)
	}
	post := string(out["posts/on-listening/index.html"])
	if !strings.Contains(post, `<p class="custom">On listening</p>`) {
		t.Errorf("site template did not replace single.html:\n%s", post)
	}
	if !strings.Contains(post, `<a class="skip-link"`) {
		t.Errorf("baseof.html from the default theme should still wrap the page")
	}
	if _, ok := out["img/logo.svg"]; !ok {
		t.Errorf("site static file missing")
	}
	if _, ok := out["css/style.css"]; !ok {
		t.Errorf("default static file missing under overlay")
	}
	// Directory listings are the union.
	entries, err := fs.ReadDir(fsys, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Contains(names, "single.html") || !slices.Contains(names, "home.html") || !slices.IsSorted(names) {
		t.Errorf("ReadDir(layouts) = %q", names)
	}
	if err := fstest.TestFS(fsys, "layouts/single.html", "layouts/home.html", "static/img/logo.svg", "static/css/style.css"); err != nil {
		t.Error(err)
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"parse error", "layouts/single.html", "{{ define \"main\" }}\n<p>\n{{ .Post.Title }\n{{ end }}", "theme/layouts/single.html:3: "},
		{"unknown function", "layouts/tag.html", "{{ define \"main\" }}\n\n{{ nosuch .Tag }}{{ end }}", "theme/layouts/tag.html:3: "},
		{"partial", "layouts/partials/post-meta.html", "<p>\n{{ if }}</p>", "theme/layouts/partials/post-meta.html:2: "},
		{"escaping", "layouts/page.html", "{{ define \"main\" }}\n\n<a {{ if .Post }}href=\"{{ end }}x\">{{ end }}", "theme/layouts/page.html:3: "},
		{"escaping across files", "layouts/page.html", "{{ define \"main\" }}\n<a href=\"{{ .Title }}\n{{ end }}", "theme/layouts/baseof.html: "},
		// Partials the default layouts write through .Site.Partial, .Nav
		// and .Partial are checked at parse time too.
		{"escaping in a site partial", "layouts/partials/site-footer.html", "\n<a {{ if .Title }}href=\"{{ end }}x\">", "theme/layouts/partials/site-footer.html:2: "},
		{"escaping in the header", "layouts/partials/site-header.html", "\n<a {{ if .Kind }}href=\"{{ end }}x\">", "theme/layouts/partials/site-header.html:2: "},
		{"escaping in a post partial", "layouts/partials/post-meta.html", "\n\n<a {{ if .Title }}href=\"{{ end }}x\">", "theme/layouts/partials/post-meta.html:3: "},
		{"escaping in a tag partial", "layouts/partials/tag-item.html", "\n<a {{ if .Name }}href=\"{{ end }}x\">", "theme/layouts/partials/tag-item.html:2: "},
		{"missing", "layouts/404.html", "", "theme/layouts/404.html: missing template"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := fstest.MapFS{tt.file: {Data: []byte(tt.src)}}
			base := theme.FS()
			if tt.src == "" {
				base = without(base, tt.file)
				site = nil
			}
			var fsys fs.FS = base
			if site != nil {
				fsys = Overlay(site, base)
			}
			_, err := New(fsys)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("New with broken %s: got error %v, want prefix %q", tt.file, err, tt.want)
			}
		})
	}
}

// TestExecutionError: an error met while rendering still names file and line.
func TestExecutionError(t *testing.T) {
	site := fstest.MapFS{"layouts/page.html": {Data: []byte("{{ define \"main\" }}\n{{ .Post.NoSuchField }}{{ end }}")}}
	r := newRenderer(t, Overlay(site, theme.FS()))
	_, err := r.Render(context.Background(), sampleSite(), samplePosts())
	var te *TemplateError
	if !errors.As(err, &te) || te.File != "theme/layouts/page.html" || te.Line != 2 {
		t.Errorf("Render error = %v, want a TemplateError at theme/layouts/page.html:2", err)
	}
}

func without(fsys fs.FS, name string) fs.FS {
	m := fstest.MapFS{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == name {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	return m
}

func TestDuplicatePermalink(t *testing.T) {
	posts := samplePosts()
	posts[1].Permalink = "/posts/on-listening/"
	_, err := newRenderer(t, theme.FS()).Render(context.Background(), sampleSite(), posts)
	if err == nil || !strings.Contains(err.Error(), "posts/on-listening/index.html") {
		t.Errorf("got %v, want a duplicate-output error naming the path", err)
	}
	posts = samplePosts()
	posts[0].Permalink = "/../etc/"
	if _, err := newRenderer(t, theme.FS()).Render(context.Background(), sampleSite(), posts); err == nil {
		t.Errorf("permalink escaping the output root: want error")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newRenderer(t, theme.FS()).Render(ctx, sampleSite(), manyPosts(50))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello-world"},
		{"Self care", "self-care"},
		{"self-care", "self-care"},
		{"  Trauma-informed   practice!  ", "trauma-informed-practice"},
		{"Ça va? Déjà vu", "ca-va-deja-vu"},
		{"Straße", "strasse"},
		{"C'est la vie", "c-est-la-vie"},
		{"A/B testing", "a-b-testing"},
		{"100% sure", "100-sure"},
		{"---", ""},
		{"日本語", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := tagSlug("日本語"); !strings.HasPrefix(got, "tag-") || got != tagSlug("日本語") {
		t.Errorf("tagSlug fallback = %q, want a stable tag-<hash>", got)
	}
}

func TestReadingTime(t *testing.T) {
	for _, tt := range []struct{ words, want int }{{0, 1}, {100, 1}, {329, 1}, {330, 2}, {660, 3}} {
		if got := readingTime(tt.words); got != tt.want {
			t.Errorf("readingTime(%d) = %d, want %d", tt.words, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"abcdefghij", 5, "abcd…"},
	} {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestFeedLimit: a positive Site.FeedLimit keeps the newest posts of every
// feed (the site's, each tag's, each category's); 0 keeps them all.
func TestFeedLimit(t *testing.T) {
	r := newRenderer(t, theme.FS())
	posts := manyPosts(7)
	for i := range posts {
		posts[i].Tags = []string{"practice"}
		posts[i].Categories = []string{"notes"}
	}
	for _, limit := range []int{0, 1, 3, 7, 20} {
		site := sampleSite()
		site.FeedLimit = limit
		out, err := r.Render(context.Background(), site, posts)
		if err != nil {
			t.Fatal(err)
		}
		want := len(posts)
		if limit > 0 {
			want = min(limit, len(posts))
		}
		for _, name := range []string{"index.xml", "tags/practice/index.xml", "categories/notes/index.xml"} {
			feed := string(out[name])
			if got := strings.Count(feed, "<item>"); got != want {
				t.Errorf("limit %d: %s has %d items, want %d", limit, name, got, want)
			}
			// manyPosts' post i is i days newer than post 0: the newest
			// want of them stay.
			for i := range posts {
				in := strings.Contains(feed, fmt.Sprintf("<title>Post %02d</title>", i))
				if keep := i >= len(posts)-want; in != keep {
					t.Errorf("limit %d: %s holds Post %02d = %v, want %v", limit, name, i, in, keep)
				}
			}
		}
		if got := strings.Count(string(out["tags/practice/index.html"]), "Post 0"); got < len(posts) {
			t.Errorf("limit %d: the tag page lists %d posts, want all %d (the limit is the feeds')", limit, got, len(posts))
		}
	}
}
