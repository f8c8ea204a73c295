package render

import (
	"context"
	"fmt"
	"html/template"
	"slices"

	"github.com/veil-blog/veil/internal/par"
)

// pageJob is an output waiting to be made: an HTML page waiting for its
// template, or a file that make produces (a feed, the sitemap).
type pageJob struct {
	layout string
	page   *Page
	make   func() ([]byte, error)
}

// Pages is a planned site: the files that need no work (theme assets)
// already made, the HTML pages, feeds and sitemap ready to make. It is safe for
// concurrent use; it does not change after Plan.
type Pages struct {
	r     *Renderer
	site  SiteData
	files map[string][]byte
	pages map[string]pageJob
}

// Names returns every output path, sorted.
func (p *Pages) Names() []string {
	names := make([]string, 0, len(p.files)+len(p.pages))
	for n := range p.files {
		names = append(names, n)
	}
	for n := range p.pages {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Has reports whether name is an output path.
func (p *Pages) Has(name string) bool {
	_, f := p.files[name]
	_, g := p.pages[name]
	return f || g
}

// File returns the bytes of one output, rendering it if it is a page. ok
// is false when there is no such output.
func (p *Pages) File(name string) (b []byte, ok bool, err error) {
	if b, ok := p.files[name]; ok {
		return b, true, nil
	}
	j, ok := p.pages[name]
	if !ok {
		return nil, false, nil
	}
	if j.make != nil {
		b, err = j.make()
		return b, true, err
	}
	b, err = p.r.execute(j.layout, j.page)
	if err != nil {
		return nil, true, fmt.Errorf("render %s: %w", name, err)
	}
	return b, true, nil
}

// FileTo is File for a caller that only reads the bytes, such as a
// build writing them to a file: use gets them, valid until it returns (a
// page's are the renderer's buffer, which then serves a later page), and
// its error is returned as it is. ok is false, and use not called, when
// there is no such output; use is not called when rendering fails.
func (p *Pages) FileTo(name string, use func([]byte) error) (ok bool, err error) {
	j, isPage := p.pages[name]
	if !isPage || j.make != nil {
		b, ok, err := p.File(name)
		if !ok || err != nil {
			return ok, err
		}
		return true, use(b)
	}
	var useErr error
	err = p.r.executeTemplateTo(j.layout, "", j.page, func(b []byte) error {
		useErr = use(b)
		return useErr
	})
	if useErr != nil {
		return true, useErr
	}
	if err != nil {
		return true, fmt.Errorf("render %s: %w", name, err)
	}
	return true, nil
}

// All renders every page, in parallel, and returns every output.
func (p *Pages) All(ctx context.Context) (map[string][]byte, error) {
	out := make(map[string][]byte, len(p.files)+len(p.pages))
	for n, b := range p.files {
		out[n] = b
	}
	names := make([]string, 0, len(p.pages))
	for n := range p.pages {
		names = append(names, n)
	}
	slices.Sort(names)
	bufs := make([][]byte, len(names))
	errs := make([]error, len(names))
	if err := par.Do(ctx, len(names), 0, nil, func(i int) {
		bufs[i], _, errs[i] = p.File(names[i])
	}); err != nil {
		return nil, err
	}
	// The first error in path order, so that a broken template reports the
	// same page on every run.
	for i, n := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[n] = bufs[i]
	}
	return out, nil
}

// Variant renders the page at name, which must be a post's or a page's,
// with its content converted from markdown instead of the post's own
// Markdown. The preview uses it to show marked-up replacements; nothing it
// returns belongs in a published site.
func (p *Pages) Variant(name string, markdown []byte) ([]byte, error) {
	j, ok := p.pages[name]
	if !ok || j.page == nil || j.page.Post == nil {
		return nil, fmt.Errorf("render %s: not a post's page", name)
	}
	res, err := p.r.conv.Convert(markdown)
	if err != nil {
		return nil, fmt.Errorf("convert %s: %w", name, err)
	}
	pd := *j.page.Post
	pd.content, pd.spooled = template.HTML(res.HTML), spooled{} // sanitised by markdown
	pd.Headings = res.Headings
	pd.parts = &siteParts{r: p.r} // not the post's own: they may show its content
	page := *j.page
	page.Post = &pd
	return p.r.execute(j.layout, &page)
}

// Unlisted renders post on its own, as its page would look were it
// published, but linked from nowhere: the preview shows drafts and
// held-back posts this way. Its tags link to tag pages that may not exist.
func (p *Pages) Unlisted(post Post) ([]byte, error) {
	if post.Permalink == "" {
		post.Permalink = defaultPermalink(post)
	}
	res, err := p.r.conv.Convert(post.Markdown)
	if err != nil {
		return nil, fmt.Errorf("convert %s: %w", post.Permalink, err)
	}
	sd := p.site
	pd := &PostData{
		Title: post.Title, Description: post.Description, Slug: post.Slug, Section: post.Section,
		Permalink: post.Permalink, RelPermalink: sd.RelURL(post.Permalink), URL: sd.AbsURL(post.Permalink),
		Date: post.Date, Lastmod: post.Lastmod, Summary: post.Summary,
		content:  template.HTML(res.HTML), // sanitised by markdown
		Headings: res.Headings, WordCount: res.WordCount, ReadingTime: readingTime(res.WordCount),
		IsPage: post.IsPage, summaryText: res.SummaryText,
		parts: &siteParts{r: p.r},
	}
	if pd.Description == "" {
		pd.Description = truncate(res.SummaryText, 160)
	}
	for _, name := range post.Tags {
		slug := tagSlug(name)
		pd.Tags = append(pd.Tags, &TagRef{Name: name, Slug: slug, RelPermalink: sd.RelURL("/tags/" + slug + "/"), parts: &siteParts{r: p.r}})
	}
	layout, kind := "single.html", "post"
	if post.IsPage {
		layout, kind = "page.html", "page"
	}
	return p.r.execute(layout, &Page{Site: sd, Kind: kind, Title: pd.Title, Description: pd.Description, RelURL: pd.RelPermalink, URL: pd.URL, Post: pd})
}
