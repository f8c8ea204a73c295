package render

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Render produces every output file of the site, keyed by slash-separated
// path relative to the output root:
//
//	index.html, page/N/index.html     home, newest first, Site.Paginate per page
//	<permalink>index.html             each post and standalone page
//	tags/index.html                   all tags
//	tags/<slug>/index.html, index.xml each tag's posts and feed
//	index.xml                         RSS 2.0 feed of all posts
//	sitemap.xml, robots.txt, 404.html
//	css/style.css, ...                everything under the theme's static/
//
// Markdown is converted once per post, in parallel; ctx cancels that work.
// Two outputs with the same path are an error.
func (r *Renderer) Render(ctx context.Context, site Site, posts []Post) (map[string][]byte, error) {
	p, err := r.Plan(ctx, site, posts)
	if err != nil {
		return nil, err
	}
	return p.All(ctx)
}

// Plan does all of Render's work but executing the HTML templates: the
// pages are rendered by Pages.All, or one at a time by Pages.File (the
// preview renders only what is asked for).
func (r *Renderer) Plan(ctx context.Context, site Site, posts []Post) (*Pages, error) {
	sd, err := siteData(site)
	if err != nil {
		return nil, err
	}
	// Work on a copy: Render does not change its input.
	posts = slices.Clone(posts)
	for i := range posts {
		if posts[i].Permalink == "" {
			posts[i].Permalink = defaultPermalink(posts[i])
		}
	}
	results, err := r.convertAll(ctx, posts)
	if err != nil {
		return nil, err
	}

	// Views, split into listed posts and standalone pages.
	var listed, pages []*PostData
	for i, p := range posts {
		out, err := outputPath(p.Permalink)
		if err != nil {
			return nil, fmt.Errorf("post %q: %w", p.Title, err)
		}
		res := results[i]
		pd := &PostData{
			Title: p.Title, Description: p.Description, Slug: p.Slug, Section: p.Section,
			Permalink: p.Permalink, RelPermalink: sd.RelURL(p.Permalink), URL: sd.AbsURL(p.Permalink),
			Date: p.Date, Lastmod: p.Lastmod,
			Summary: p.Summary, content: res.html, spooled: res.spooled,
			Headings: res.Headings, WordCount: res.WordCount,
			ReadingTime: readingTime(res.WordCount),
			IsPage:      p.IsPage,
			outPath:     out,
			summaryText: res.SummaryText,
			parts:       &siteParts{r: r},
		}
		if pd.Summary == "" {
			pd.Summary = res.summary
		}
		if pd.Description == "" {
			pd.Description = res.description
		}
		if p.IsPage {
			pages = append(pages, pd)
			continue
		}
		pd.tagNames, pd.catNames = p.Tags, p.Categories
		pd.card = &card{r: r}
		listed = append(listed, pd)
	}

	sortPosts(listed)
	// The terms' inputs in list order: each term's posts come out sorted.
	var tagInput, catInput []termInput
	for _, pd := range listed {
		if len(pd.tagNames) > 0 {
			tagInput = append(tagInput, termInput{pd, pd.tagNames})
		}
		if len(pd.catNames) > 0 {
			catInput = append(catInput, termInput{pd, pd.catNames})
		}
	}
	for i, pd := range listed {
		if i > 0 {
			pd.Newer = listed[i-1]
		}
		if i+1 < len(listed) {
			pd.Older = listed[i+1]
		}
	}
	// Tag names: several spellings of one slug ("Self care", "self-care")
	// share a page, shown under the spelling that sorts first; each post's
	// tag links follow the sorted tag list.
	// parts gives a tag its own set of partials (TagRef.Partial).
	parts := func(ps *siteParts) *siteParts {
		if ps == nil {
			ps = &siteParts{r: r}
		}
		return ps
	}
	tagList := buildTerms(sd, "/tags/", tagInput, func(pd *PostData, t *TagRef) { t.parts = parts(t.parts); pd.Tags = append(pd.Tags, t) })
	slices.SortFunc(pages, func(a, b *PostData) int {
		return cmp.Or(strings.Compare(a.Title, b.Title), strings.Compare(a.Permalink, b.Permalink))
	})
	sd.Menu = pages
	// From here on sd is final: every page's copy shares one set of
	// partials made with it (SiteData.Partial).
	sd.parts = &siteParts{r: r, m: map[string]*card{}}
	cats := buildTerms(sd, "/categories/", catInput, func(pd *PostData, t *TagRef) { t.parts = parts(t.parts); pd.Categories = append(pd.Categories, t) })

	// Sized for the posts and a page and a feed per tag: a large site's
	// maps would otherwise grow and rehash a dozen times on every save.
	out := &outputs{files: map[string][]byte{}, pages: make(map[string]pageJob, len(posts)+2*(len(tagList)+len(cats))+16)}

	// Home, paginated.
	per := site.Paginate
	if per <= 0 {
		per = defaultPaged
	}
	total := max(1, (len(listed)+per-1)/per)
	for n := 1; n <= total; n++ {
		pager := &Pager{Number: n, Total: total}
		if n > 1 {
			pager.PrevURL = sd.RelURL(homePagePath(n - 1))
		}
		if n < total {
			pager.NextURL = sd.RelURL(homePagePath(n + 1))
		}
		page := &Page{
			Site: sd, Kind: "home", Description: site.Description,
			RelURL: sd.RelURL(homePagePath(n)), URL: sd.AbsURL(homePagePath(n)),
			FeedURL: sd.RelURL("/index.xml"),
			Posts:   listed[(n-1)*per : min(n*per, len(listed))],
			Pager:   pager,
		}
		if n > 1 {
			page.Title = "Page " + strconv.Itoa(n)
		}
		if err := out.page(r, "home.html", strings.TrimPrefix(homePagePath(n), "/")+"index.html", page); err != nil {
			return nil, err
		}
	}

	// Posts and standalone pages.
	for _, pd := range listed {
		page := &Page{Site: sd, Kind: "post", Title: pd.Title, Description: pd.Description, RelURL: pd.RelPermalink, URL: pd.URL, Post: pd}
		if err := out.page(r, "single.html", pd.outPath, page); err != nil {
			return nil, err
		}
	}
	for _, pd := range pages {
		page := &Page{Site: sd, Kind: "page", Title: pd.Title, Description: pd.Description, RelURL: pd.RelPermalink, URL: pd.URL, Post: pd}
		if err := out.page(r, "page.html", pd.outPath, page); err != nil {
			return nil, err
		}
	}

	// Tags.
	tagsPage := &Page{Site: sd, Kind: "tags", Title: "Tags", Description: "All tags of " + site.Title,
		RelURL: sd.RelURL("/tags/"), URL: sd.AbsURL("/tags/"), Tags: tagList}
	if err := out.page(r, "tags.html", "tags/index.html", tagsPage); err != nil {
		return nil, err
	}
	for _, t := range tagList {
		page := &Page{Site: sd, Kind: "tag", Title: t.Name, Description: "Posts tagged " + t.Name,
			RelURL: t.RelPermalink, URL: t.URL, FeedURL: t.FeedURL, Posts: t.Posts, Tag: t}
		if err := out.page(r, "tag.html", "tags/"+t.Slug+"/index.html", page); err != nil {
			return nil, err
		}
		if err := out.lazy("tags/"+t.Slug+"/index.xml", func() ([]byte, error) {
			return rssFeed(sd, site.Title+" – "+t.Name, t.URL, sd.AbsURL("/tags/"+t.Slug+"/index.xml"), site.Description, t.Posts, &out.feeds)
		}); err != nil {
			return nil, err
		}
	}

	if err := r.renderCategories(out, sd, site, cats); err != nil {
		return nil, err
	}

	// 404.
	if err := out.page(r, "404.html", "404.html", &Page{Site: sd, Kind: "404", Title: "Page not found"}); err != nil {
		return nil, err
	}

	// Feed, sitemap, robots.
	if err := out.lazy("index.xml", func() ([]byte, error) {
		return rssFeed(sd, site.Title, sd.AbsURL("/"), sd.AbsURL("/index.xml"), site.Description, listed, &out.feeds)
	}); err != nil {
		return nil, err
	}
	if err := out.lazy("sitemap.xml", func() ([]byte, error) {
		return sitemap(sd, listed, pages, append(slices.Clone(tagList), cats...))
	}); err != nil {
		return nil, err
	}
	if err := out.add("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+sd.AbsURL("/sitemap.xml")+"\n")); err != nil {
		return nil, err
	}

	// Static assets of the theme.
	if err := r.addStatic(out); err != nil {
		return nil, err
	}
	return &Pages{r: r, site: sd, files: out.files, pages: out.pages}, nil
}

// outputs collects files and pages to render, and refuses a second output
// at the same path.
type outputs struct {
	files map[string][]byte
	pages map[string]pageJob
	feeds feedItems // the posts' feed items, shared by the feeds
}

func (o *outputs) add(name string, b []byte) error {
	if _, dup := o.files[name]; dup {
		return fmt.Errorf("output %s: written twice (two posts or a post and a generated page share a permalink)", name)
	}
	if _, dup := o.pages[name]; dup {
		return fmt.Errorf("output %s: written twice (two posts or a post and a generated page share a permalink)", name)
	}
	o.files[name] = b
	return nil
}

func (o *outputs) page(_ *Renderer, layout, name string, p *Page) error {
	if _, dup := o.pages[name]; dup {
		return o.add(name, nil) // reports the duplicate
	}
	if err := o.add(name, nil); err != nil {
		return err
	}
	delete(o.files, name)
	o.pages[name] = pageJob{layout: layout, page: p}
	return nil
}

// lazy records an output that make produces when it is asked for.
func (o *outputs) lazy(name string, make func() ([]byte, error)) error {
	if err := o.add(name, nil); err != nil {
		return err
	}
	delete(o.files, name)
	o.pages[name] = pageJob{make: make}
	return nil
}

func (r *Renderer) addStatic(out *outputs) error {
	return fs.WalkDir(r.themeFS, staticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == staticDir && errors.Is(err, fs.ErrNotExist) {
				return nil // a theme without assets
			}
			return fmt.Errorf("read %s/%s: %w", r.themeDir, p, err)
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(r.themeFS, p)
		if err != nil {
			return fmt.Errorf("read %s/%s: %w", r.themeDir, p, err)
		}
		return out.add(strings.TrimPrefix(p, staticDir+"/"), b)
	})
}

func siteData(site Site) (SiteData, error) {
	sd := SiteData{
		Title: site.Title, BaseURL: site.BaseURL, Language: site.Language, Author: site.Author, Description: site.Description,
		Paginate: site.Paginate, FeedLimit: site.FeedLimit, Now: site.Now,
		Lang: cmp.Or(site.Language, "en"),
	}
	base := strings.TrimSuffix(site.BaseURL, "/")
	if base != "" {
		u, err := url.Parse(base)
		if err != nil {
			return SiteData{}, fmt.Errorf("base URL %q: %w", site.BaseURL, err)
		}
		sd.basePath = strings.TrimSuffix(u.Path, "/")
	}
	sd.baseURL = base
	return sd, nil
}

func defaultPermalink(p Post) string {
	if p.IsPage || p.Section == "" {
		return "/" + p.Slug + "/"
	}
	return path.Join("/", p.Section, p.Slug) + "/"
}

func homePagePath(n int) string {
	if n <= 1 {
		return "/"
	}
	return "/page/" + strconv.Itoa(n) + "/"
}

// sortPosts orders posts newest first; ties by slug, then permalink.
func sortPosts(ps []*PostData) {
	slices.SortFunc(ps, func(a, b *PostData) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug, b.Slug), strings.Compare(a.Permalink, b.Permalink))
	})
}

// readingTime is minutes at 220 words a minute, rounded, at least 1.
func readingTime(words int) int {
	return max(1, (words+wordsPerMin/2)/wordsPerMin)
}

// truncate shortens s to at most n runes, cutting at a space where it
// can, and marks the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes, lastSpace := 0, -1
	end := len(s)
	for i, c := range s {
		if runes == n-1 {
			end = i
			break
		}
		if c == ' ' {
			lastSpace = i
		}
		runes++
	}
	if lastSpace > 0 {
		end = lastSpace
	}
	return strings.TrimRight(s[:end], " ,;:.") + "…"
}

// newest returns the latest Updated time of posts, or the zero time.
func newest(ps []*PostData) time.Time {
	var t time.Time
	for _, p := range ps {
		if u := p.Updated(); u.After(t) {
			t = u
		}
	}
	return t
}
