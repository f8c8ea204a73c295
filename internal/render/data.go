package render

import (
	"errors"
	"html/template"
	"sync"
	"time"
	"unsafe"

	"github.com/veil-blog/veil/internal/markdown"
)

// Site is the site-wide input of a render.
type Site struct {
	Title, BaseURL, Language, Author, Description string
	// Paginate is the number of posts per home page; 0 or less means 10.
	Paginate int
	// FeedLimit is the most items a feed holds, the newest; 0 or less
	// means every post (Hugo's rssLimit, jekyll-feed's posts_limit).
	FeedLimit int
	// Now is the build time. (The feeds' lastBuildDate is their newest
	// post's date, so that a build that changes nothing writes the same
	// bytes.)
	Now time.Time
}

// Post is one cleared post or standalone page.
type Post struct {
	Title, Description, Slug string
	// Section is "posts" for posts and "" for standalone pages.
	Section string
	// Permalink is the site-relative URL path, e.g. "/posts/my-slug/".
	// Empty means "/<Section>/<Slug>/" (or "/<Slug>/" for a page).
	Permalink string
	Date      time.Time
	Lastmod   time.Time
	Tags      []string
	// Categories are a second taxonomy, listed under /categories/.
	Categories []string
	// Summary, if empty, is derived from the Markdown (first paragraphs or
	// the text before <!--more-->). A given Summary is trusted HTML.
	Summary template.HTML
	// Markdown is the de-identified body.
	Markdown []byte
	// converted, when set, is Markdown already converted (Preconvert);
	// Markdown is then nil. (Not exported: a cache stores Posts with gob.)
	converted *converted
	// IsPage marks a standalone page (about): not listed, not in feeds.
	IsPage bool
}

// The types below are what templates receive. Every template is executed
// with a *Page.

// Page is the data of one HTML page.
type Page struct {
	Site SiteData
	// Kind is "home", "post", "page", "tags", "tag", "categories",
	// "category" or "404".
	Kind string
	// Title is the page's own title, empty for the first home page.
	Title string
	// Description is for <meta name="description">.
	Description string
	// RelURL is the page's path for href (with the BaseURL's path), URL
	// its absolute URL; both are empty for the 404 page.
	RelURL, URL string
	// FeedURL is the RelURL of the feed that lists this page's posts
	// (home, tag pages), or empty.
	FeedURL string
	// Post is set on "post" and "page" pages.
	Post *PostData
	// Posts are the listed posts on "home" (one page of them) and "tag".
	Posts []*PostData
	// Pager is set on "home".
	Pager *Pager
	// Tags lists every tag on "tags", sorted by name.
	Tags []*TagData
	// Tag is set on "tag".
	Tag *TagData
}

// NavData is what a site's navigation shows of a page: which of its
// links is the page's own. It is the data of the partial that Page.Nav
// executes.
type NavData struct {
	Site SiteData
	// Kind is the page's Kind.
	Kind string
	// Current is the Permalink of the page's Post when the page has one
	// and the site's Menu lists it, else "": within Site.Menu,
	// eq .Permalink $.Current is and $.Post (eq $.Post.Permalink
	// .Permalink) of the page. (A planned post's Permalink is never
	// empty.)
	Current string
}

// NavData returns the page's NavData.
func (p *Page) NavData() NavData {
	n := NavData{Site: p.Site, Kind: p.Kind}
	if p.Post != nil {
		for _, m := range p.Site.Menu {
			if m.Permalink == p.Post.Permalink {
				n.Current = p.Post.Permalink
				break
			}
		}
	}
	return n
}

// Nav is the named partial ("partials/site-header.html") executed with
// the page's NavData: the same bytes as {{ template NAME .NavData }}
// written where HTML text may stand, made once per site for each
// distinct NavData (a few: the pages of each Kind share one, and each
// page of the Menu has its own) and kept.
func (p *Page) Nav(name string) (template.HTML, error) {
	n := p.NavData()
	ps := n.Site.parts
	if ps == nil {
		return "", errors.New("Nav: the page is not one of a planned site's")
	}
	return ps.get(name+"\x00"+n.Kind+"\x00"+n.Current, name, n)
}

// SiteData is Site as templates see it, with URL helpers.
//
// Site's fields are its own rather than promoted from an embedded Site:
// text/template finds a promoted field ({{ .Site.Title }}) by reflect's
// breadth-first search of the embedded structs, which builds maps on
// every look-up (about 4 µs, twice on every page); a field of the struct
// itself is found by a scan of its fields. The method Site gives what the
// embedded field gave ({{ .Site.Site.Title }}); siteData fills both
// (TestSiteDataHasSitesFields).
type SiteData struct {
	Title, BaseURL, Language, Author, Description string
	// Paginate is Site.Paginate, FeedLimit Site.FeedLimit, Now Site.Now.
	Paginate  int
	FeedLimit int
	Now       time.Time
	// Menu lists the standalone pages, sorted by title.
	Menu []*PostData
	// Lang is Language or "en".
	Lang     string
	basePath string
	baseURL  string
	// parts keeps Partial's results; nil outside a plan.
	parts *siteParts
}

// Site is the Site the data were made from.
func (s SiteData) Site() Site {
	return Site{
		Title: s.Title, BaseURL: s.BaseURL, Language: s.Language, Author: s.Author, Description: s.Description,
		Paginate: s.Paginate, FeedLimit: s.FeedLimit, Now: s.Now,
	}
}

// siteParts are a planned site's partials made by SiteData.Partial (by
// name) and Page.Nav (by name and NavData), or a post's made by
// PostData.Partial.
type siteParts struct {
	r  *Renderer
	mu sync.Mutex
	m  map[string]*card
}

// Partial is the named partial ("partials/site-head.html") executed with
// the site's data: the same bytes as {{ template NAME .Site }} written
// where HTML text may stand, made once per site and kept. The default
// theme's baseof.html writes the parts of every page that depend on the
// site alone (its stylesheet and feed links, its footer) this way rather
// than executing them again on each page.
func (s SiteData) Partial(name string) (template.HTML, error) {
	ps := s.parts
	if ps == nil {
		return "", errors.New("Partial: the site is not a planned one")
	}
	return ps.get(name, name, s)
}

// get returns the partial kept under key, executing the template name
// with data the first time.
func (ps *siteParts) get(key, name string, data any) (template.HTML, error) {
	ps.mu.Lock()
	c := ps.m[key]
	if c == nil {
		if ps.m == nil {
			ps.m = map[string]*card{}
		}
		c = &card{r: ps.r}
		ps.m[key] = c
	}
	ps.mu.Unlock()
	c.once.Do(func() {
		var b []byte
		if b, c.err = c.r.executeTemplate(cardLayout, name, data); c.err == nil {
			// b is this part's own: the string can be it. Escaped by
			// html/template.
			c.html = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		}
	})
	return c.html, c.err
}

// RelURL returns the href of a site-relative path ("/css/style.css"),
// prefixed with the path of BaseURL when the site lives below the root.
func (s SiteData) RelURL(path string) string { return s.basePath + path }

// AbsURL returns the absolute URL of a site-relative path.
func (s SiteData) AbsURL(path string) string { return s.baseURL + path }

// PostData is a post as templates see it.
type PostData struct {
	Title, Description, Slug, Section string
	Permalink                         string // as given (site-relative)
	RelPermalink                      string // for href
	URL                               string // absolute
	Date, Lastmod                     time.Time
	Tags                              []*TagRef
	Categories                        []*TagRef
	Summary                           template.HTML
	Headings                          []markdown.Heading
	WordCount                         int
	// ReadingTime is in minutes: WordCount/220 rounded, at least 1.
	ReadingTime int
	IsPage      bool
	// Newer and Older are the neighbouring posts in date order (nil at
	// the ends and for pages).
	Newer, Older *PostData

	outPath     string
	summaryText string
	// content is the body's HTML (the method Content), or where it is
	// spooled.
	content template.HTML
	spooled spooled
	// tagNames and catNames are the post's terms as written, for Plan.
	tagNames, catNames []string
	// card keeps SummaryCard's result; nil for a post outside a plan.
	card *card
	// parts keeps Partial's results.
	parts *siteParts
}

// Partial is the named partial ("partials/post-meta.html") executed with
// the post: the same bytes as {{ template NAME . }} written where HTML
// text may stand, made once per post and kept. The default theme writes
// a post's meta line this way, on its page and in its summary card.
func (p *PostData) Partial(name string) (template.HTML, error) {
	if p.parts == nil {
		return "", errors.New("Partial: the post is not one of a planned site's")
	}
	return p.parts.get(name, name, p)
}

// card is a post's summary card, made once (SummaryCard).
type card struct {
	r    *Renderer
	once sync.Once
	html template.HTML
	err  error
}

// summaryPartial is the theme's template of a post in a list.
const summaryPartial = "partials/post-summary.html"

// SummaryCard is the post as the theme's partials/post-summary.html
// shows it in a list: the same bytes as {{ template
// "partials/post-summary.html" . }}, made once per post and kept. A post
// is listed on a home page and on the page of each of its tags and of its
// category, and the partial's output depends on the post alone.
func (p *PostData) SummaryCard() (template.HTML, error) {
	c := p.card
	if c == nil {
		return "", errors.New("SummaryCard: the post is not one of a planned site's")
	}
	c.once.Do(func() {
		var b []byte
		if b, c.err = c.r.executeTemplate(cardLayout, summaryPartial, p); c.err == nil {
			// b is this card's own: the string can be it. Escaped by
			// html/template.
			c.html = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		}
	})
	return c.html, c.err
}

// Updated is Lastmod if set, else Date.
func (p *PostData) Updated() time.Time {
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

// TagRef is a tag as linked from a post.
type TagRef struct {
	Name, Slug, RelPermalink string
	// parts keeps Partial's results.
	parts *siteParts
}

// Partial is the named partial ("partials/tag-item.html") executed with
// the tag: the same bytes as {{ template NAME . }} written where HTML
// text may stand, made once per tag and kept. A tag is linked from each
// of its posts' pages; the default theme writes each link this way.
func (t *TagRef) Partial(name string) (template.HTML, error) {
	if t.parts == nil {
		return "", errors.New("Partial: the tag is not one of a planned site's")
	}
	return t.parts.get(name, name, t)
}

// TagData is a tag with its posts, newest first.
type TagData struct {
	Name, Slug, RelPermalink, URL string
	FeedURL                       string // RelURL of the tag's feed
	Posts                         []*PostData
}

// Count is the number of posts with the tag.
func (t *TagData) Count() int { return len(t.Posts) }

// Pager describes one page of the paginated home list.
type Pager struct {
	Number, Total    int // 1-based page number, number of pages
	PrevURL, NextURL string
}
