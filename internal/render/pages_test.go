package render

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/veil-blog/veil/theme"
)

// TestMemoSameOutput: a renderer with a memo writes the same bytes as one
// without, on the first run and on a run served from the memo, and the
// memo holds one conversion per post.
func TestMemoSameOutput(t *testing.T) {
	want := renderSample(t)
	memo := NewMemo()
	r, err := New(theme.FS(), WithMemo(memo))
	if err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		got, err := r.Render(context.Background(), sampleSite(), samplePosts())
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Fatalf("run %d: output with a memo differs from output without", run)
		}
	}
	if memo.Len() != len(samplePosts()) {
		t.Errorf("memo holds %d conversions, want %d", memo.Len(), len(samplePosts()))
	}
	memo.Sweep()
	memo.Sweep() // nothing used since the first sweep
	if memo.Len() != 0 {
		t.Errorf("after two sweeps the memo holds %d, want 0", memo.Len())
	}
}

// TestFileToAsFile: FileTo hands over the bytes File returns, for every
// output (pages, feeds, the sitemap, theme files), in any order and again
// after other pages have reused its buffer; use's error comes back as it
// is, a template's error as File reports it, and a missing name calls
// nothing.
func TestFileToAsFile(t *testing.T) {
	r := newRenderer(t, theme.FS())
	p, err := r.Plan(context.Background(), sampleSite(), samplePosts())
	if err != nil {
		t.Fatal(err)
	}
	names := p.Names()
	for round := range 2 {
		for i := range names {
			name := names[i]
			if round == 1 {
				name = names[len(names)-1-i]
			}
			want, _, err := p.File(name)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			ok, err := p.FileTo(name, func(b []byte) error {
				got = bytes.Clone(b)
				return nil
			})
			if !ok || err != nil || !bytes.Equal(got, want) {
				t.Errorf("FileTo(%q) = ok %v, err %v, equal %v; want File's bytes", name, ok, err, bytes.Equal(got, want))
			}
		}
	}
	stop := errors.New("disk full")
	if _, err := p.FileTo("index.html", func([]byte) error { return stop }); err != stop {
		t.Errorf("FileTo with a failing use: %v, want use's error as it is", err)
	}
	if _, err := p.FileTo("index.xml", func([]byte) error { return stop }); err != stop {
		t.Errorf("FileTo of a feed with a failing use: %v, want use's error as it is", err)
	}
	if ok, err := p.FileTo("no/such/index.html", func([]byte) error { t.Error("use called for a missing name"); return nil }); ok || err != nil {
		t.Errorf("FileTo of a missing path: ok %v, err %v; want not found", ok, err)
	}

	// A template that fails: the same error as File's, and use not called.
	fsys := fstest.MapFS{}
	err = fs.WalkDir(theme.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme.FS(), name)
		fsys[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["layouts/single.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ index .Post.Tags 99 }}{{ end }}`)}
	bad := newRenderer(t, fsys)
	bp, err := bad.Plan(context.Background(), sampleSite(), samplePosts())
	if err != nil {
		t.Fatal(err)
	}
	const post = "posts/on-listening/index.html"
	_, _, want := bp.File(post)
	if want == nil {
		t.Fatal("File of a page whose template fails: no error")
	}
	_, got := bp.FileTo(post, func([]byte) error { t.Error("use called for a page whose template failed"); return nil })
	if got == nil || got.Error() != want.Error() {
		t.Errorf("FileTo's error %v, want File's %v", got, want)
	}
}

// TestPagesFileAndVariant: File renders one page as All does; Variant
// renders a post's page with other Markdown; Unlisted renders a post that
// is in no list.
func TestPagesFileAndVariant(t *testing.T) {
	r := newRenderer(t, theme.FS())
	p, err := r.Plan(context.Background(), sampleSite(), samplePosts())
	if err != nil {
		t.Fatal(err)
	}
	all, err := p.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range p.Names() {
		b, ok, err := p.File(name)
		if !ok || err != nil || !bytes.Equal(b, all[name]) {
			t.Errorf("File(%q) = ok %v, err %v, equal %v; want the bytes All gave", name, ok, err, bytes.Equal(b, all[name]))
		}
	}
	if _, ok, _ := p.File("no/such/index.html"); ok {
		t.Error("File of a missing path: ok, want not found")
	}
	v, err := p.Variant("posts/on-listening/index.html", []byte("Something *else* entirely.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(v), "Something <em>else</em> entirely.") || strings.Contains(string(v), "<p>A visit with") {
		t.Errorf("Variant does not show the other Markdown:\n%s", v)
	}
	if _, err := p.Variant("index.html", nil); err == nil {
		t.Error("Variant of the home page: no error, want one")
	}
	u, err := p.Unlisted(Post{Title: "A draft", Slug: "a-draft", Section: "posts", Date: date("2025-03-01T08:00:00Z"), Markdown: []byte("Draft text.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(u), "Draft text.") || !strings.Contains(string(u), "A draft") {
		t.Errorf("Unlisted page lacks its title or text:\n%s", u)
	}
}

// {{ .SummaryCard }} in the theme's lists writes what calling the partial
// in place wrote: every output of a site is the same with layouts that
// call it in place.
func TestSummaryCardAsPartial(t *testing.T) {
	inPlace := fstest.MapFS{}
	for _, name := range []string{"layouts/home.html", "layouts/tag.html"} {
		b, err := fs.ReadFile(theme.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		old := strings.ReplaceAll(string(b), "{{ .SummaryCard }}", `{{ template "partials/post-summary.html" . }}`)
		if old == string(b) {
			t.Fatalf("%s does not use SummaryCard", name)
		}
		inPlace[name] = &fstest.MapFile{Data: []byte(old)}
	}
	render := func(fsys fs.FS) map[string][]byte {
		r, err := New(fsys)
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Render(context.Background(), sampleSite(), samplePosts())
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	got, want := render(theme.FS()), render(Overlay(inPlace, theme.FS()))
	if len(got) != len(want) {
		t.Fatalf("%d outputs, %d with the partial in place", len(got), len(want))
	}
	cards := 0
	for name, w := range want {
		if g := got[name]; !bytes.Equal(g, w) {
			t.Errorf("%s differs:\n%s\nwith the partial in place:\n%s", name, g, w)
		}
		cards += bytes.Count(w, []byte(`<article class="summary">`))
	}
	if cards == 0 {
		t.Error("no summary cards in the site")
	}
}

// {{ .Site.Partial "X" }}, {{ .Nav "X" }} and {{ .Partial "X" }} in the
// theme's layouts write what {{ template "X" .Site }}, {{ template "X"
// .NavData }} and {{ template "X" . }} write in place, and what fd89b09's
// layouts wrote, on sites with and without an author and a base path, and
// with a title that needs escaping.
func TestSitePartialAsTemplate(t *testing.T) {
	calls := regexp.MustCompile(`\.Site\.Partial ("[^"]+")`)
	navs := regexp.MustCompile(`\.Nav ("[^"]+")`)
	posts := regexp.MustCompile(`\{\{ \.Partial ("[^"]+") \}\}`)
	// The theme's layouts with the partials written in place, and
	// fd89b09's, which wrote every part of each page in place.
	inPlace, oldTheme := fstest.MapFS{}, fstest.MapFS{}
	for _, f := range []struct{ name, old string }{
		{baseLayout, "baseof"}, {"layouts/single.html", "single"}, {"layouts/" + summaryPartial, "post-summary"},
		{"layouts/partials/tag-list.html", "tag-list"}, {"layouts/partials/category-list.html", "category-list"},
	} {
		b, err := fs.ReadFile(theme.FS(), f.name)
		if err != nil {
			t.Fatal(err)
		}
		n := len(calls.FindAllIndex(b, -1)) + len(navs.FindAllIndex(b, -1)) + len(posts.FindAllIndex(b, -1))
		if n == 0 {
			t.Fatalf("%s uses none of .Site.Partial, .Nav and .Partial", f.name)
		}
		b = calls.ReplaceAll(b, []byte(`template $1 .Site`))
		b = navs.ReplaceAll(b, []byte(`template $1 .NavData`))
		b = posts.ReplaceAll(b, []byte(`{{ template $1 . }}`))
		inPlace[f.name] = &fstest.MapFile{Data: b}
		old, err := os.ReadFile("testdata/" + f.old + "-fd89b09.html")
		if err != nil {
			t.Fatal(err)
		}
		oldTheme[f.name] = &fstest.MapFile{Data: old}
	}
	sites := []Site{sampleSite()}
	s := sampleSite()
	s.Author, s.BaseURL, s.Title = "", "https://example.org/a b/notes/", `Notes <&> "quoted" 'and' ü`
	sites = append(sites, s)
	s = sampleSite()
	s.BaseURL, s.Author = "", `<script>x</script> & Co`
	sites = append(sites, s)
	for i, site := range sites {
		render := func(fsys fs.FS) map[string][]byte {
			r, err := New(fsys)
			if err != nil {
				t.Fatal(err)
			}
			posts := samplePosts()
			for j := range posts {
				if j%2 == 0 && !posts[j].IsPage {
					posts[j].Categories = []string{"Field notes", `Odd <b>"one"</b>`}
				}
			}
			out, err := r.Render(context.Background(), site, posts)
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		got := render(theme.FS())
		if !bytes.Contains(got["posts/on-listening/index.html"], []byte(`class="tags categories"`)) {
			t.Fatalf("site %d: no categories on a post's page", i)
		}
		for _, other := range []struct {
			what string
			fsys fs.FS
		}{{"the partials in place", Overlay(inPlace, theme.FS())}, {"fd89b09's layouts", Overlay(oldTheme, theme.FS())}} {
			want := render(other.fsys)
			if len(got) != len(want) {
				t.Fatalf("site %d: %d outputs, %d with %s", i, len(got), len(want), other.what)
			}
			for name, w := range want {
				if g := got[name]; !bytes.Equal(g, w) {
					t.Errorf("site %d: %s differs:\n%s\nwith %s:\n%s", i, name, g, other.what, w)
				}
			}
		}
		if !bytes.Contains(got["about/index.html"], []byte(`/about/" aria-current="page">`)) {
			t.Errorf("site %d: the about page's menu link is not marked current:\n%s", i, got["about/index.html"])
		}
		if !bytes.Contains(got["index.html"], []byte(`rel="stylesheet"`)) || !bytes.Contains(got["index.html"], []byte(">RSS feed</a></p>")) {
			t.Errorf("site %d: the home page lacks the site's head or footer:\n%s", i, got["index.html"])
		}
	}
	// Outside a planned site (no plan made it) Partial fails rather than
	// executing with data it cannot check.
	if _, err := (SiteData{}).Partial("partials/site-head.html"); err == nil {
		t.Error("Partial outside a plan: no error")
	}
	if _, err := (&Page{}).Nav("partials/site-header.html"); err == nil {
		t.Error("Nav outside a plan: no error")
	}
	if _, err := (&PostData{}).Partial("partials/post-meta.html"); err == nil {
		t.Error("PostData.Partial outside a plan: no error")
	}
	if _, err := (&TagRef{}).Partial("partials/tag-item.html"); err == nil {
		t.Error("TagRef.Partial outside a plan: no error")
	}
}

// TestSiteDataHasSitesFields: SiteData has each of Site's fields as a
// field of its own (same name and type, none embedded, so templates find
// them without reflect's search of embedded structs), siteData fills
// them and Site gives the Site back; templates read them, and
// .Site.Site, as they did when SiteData embedded Site.
func TestSiteDataHasSitesFields(t *testing.T) {
	st, sdt := reflect.TypeFor[Site](), reflect.TypeFor[SiteData]()
	for i := range sdt.NumField() {
		if sdt.Field(i).Anonymous {
			t.Errorf("SiteData embeds %s", sdt.Field(i).Name)
		}
	}
	site := Site{Title: "T & t", BaseURL: "https://example.org/notes/", Language: "en-GB", Author: "A <b>", Description: "D \"d\"",
		Paginate: 7, FeedLimit: 3, Now: date("2025-03-01T09:00:00Z")}
	// Every field of Site set, so that a field added to Site and not to
	// SiteData (or not copied) fails below.
	sv := reflect.ValueOf(site)
	for i := range st.NumField() {
		if sv.Field(i).IsZero() {
			t.Fatalf("the test's Site leaves %s unset", st.Field(i).Name)
		}
	}
	sd, err := siteData(site)
	if err != nil {
		t.Fatal(err)
	}
	dv := reflect.ValueOf(sd)
	for i := range st.NumField() {
		f := st.Field(i)
		g, ok := sdt.FieldByName(f.Name)
		if !ok || len(g.Index) != 1 || g.Type != f.Type {
			t.Errorf("SiteData has no field %s %s of its own", f.Name, f.Type)
			continue
		}
		if !reflect.DeepEqual(dv.FieldByIndex(g.Index).Interface(), sv.Field(i).Interface()) {
			t.Errorf("siteData: %s = %v, want %v", f.Name, dv.FieldByIndex(g.Index), sv.Field(i))
		}
	}
	if !reflect.DeepEqual(sd.Site(), site) {
		t.Errorf("Site() = %+v, want %+v", sd.Site(), site)
	}
	tmpl := template.Must(template.New("x").Parse(`<p title="{{ .Site.Title }}">{{ .Site.Title }}|{{ .Site.Site.Title }}|{{ .Site.Author }}|{{ .Site.Description }}|{{ .Site.Paginate }}|{{ .Site.FeedLimit }}|{{ .Site.Now.Year }}|{{ .Site.BaseURL }}|{{ .Site.Language }}|{{ .Site.Lang }}</p>`))
	var got strings.Builder
	if err := tmpl.Execute(&got, &Page{Site: sd}); err != nil {
		t.Fatal(err)
	}
	want := `<p title="T &amp; t">T &amp; t|T &amp; t|A &lt;b&gt;|D &#34;d&#34;|7|3|2025|https://example.org/notes/|en-GB|en-GB</p>`
	if got.String() != want {
		t.Errorf("template reads\n%s\nwant\n%s", got.String(), want)
	}
}
