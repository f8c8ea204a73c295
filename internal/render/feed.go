package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language,omitempty"`
	Generator     string   `xml:"generator"`
	LastBuildDate string   `xml:"lastBuildDate,omitempty"`
	Self          atomLink `xml:"atom:link"`
	Items         string   `xml:",innerxml"` // the <item> elements, from feedItems
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description"`
	Categories  []string `xml:"category"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// rssFeed returns an RSS 2.0 feed of posts (already newest first), of the
// newest sd.FeedLimit of them when that is positive. The item description
// is the post's summary HTML, escaped as text as RSS requires; links are
// absolute.
func rssFeed(sd SiteData, title, link, self, desc string, posts []*PostData, cache *feedItems) ([]byte, error) {
	if sd.FeedLimit > 0 && len(posts) > sd.FeedLimit {
		posts = posts[:sd.FeedLimit]
	}
	ch := rssChannel{
		Title:       title,
		Link:        link,
		Description: desc,
		Language:    sd.Language,
		Generator:   "veil",
		Self:        atomLink{Href: self, Rel: "self", Type: "application/rss+xml"},
	}
	if ch.Description == "" {
		ch.Description = "Recent posts on " + sd.Title
	}
	// When the channel's content last changed (RSS 2.0; Hugo's
	// .Site.LastChange), not when it was built: a build that changes no
	// post writes the same feed, byte for byte, and leaves the output as
	// it was.
	if t := newest(posts); !t.IsZero() {
		ch.LastBuildDate = t.Format(time.RFC1123Z)
	}
	var items strings.Builder
	for _, p := range posts {
		b, err := cache.item(p)
		if err != nil {
			return nil, err
		}
		items.Write(b)
	}
	ch.Items = items.String()
	return marshalXML(rss{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom", Channel: ch})
}

// feedItems holds each post's <item>, encoded once per plan: a post is
// in the site's feed and in the feed of each of its tags and of its
// category (4,498 items in the 46 feeds of a 1,000-post site), and its
// item does not depend on the feed. An item is encoded as the feed's
// encoder would write it at its depth (rss, channel, item: two levels of
// two spaces), with the line break before it, and the feed takes the
// items as inner XML, so the feed is the same byte for byte. Safe for
// concurrent use: the feeds are made in parallel.
type feedItems struct {
	mu    sync.Mutex
	items map[*PostData][]byte
}

func (f *feedItems) item(p *PostData) ([]byte, error) {
	f.mu.Lock()
	b, ok := f.items[p]
	f.mu.Unlock()
	if ok {
		return b, nil
	}
	it := rssItem{
		Title:       p.Title,
		Link:        p.URL,
		GUID:        rssGUID{IsPermaLink: true, Value: p.URL},
		Description: strings.TrimSpace(string(p.Summary)),
	}
	if !p.Date.IsZero() {
		it.PubDate = p.Date.Format(time.RFC1123Z)
	}
	for _, t := range p.Tags {
		it.Categories = append(it.Categories, t.Name)
	}
	var buf bytes.Buffer
	buf.WriteByte('\n')
	enc := xml.NewEncoder(&buf)
	enc.Indent("    ", "  ")
	if err := enc.EncodeElement(it, xml.StartElement{Name: xml.Name{Local: "item"}}); err != nil {
		return nil, fmt.Errorf("encode xml: %w", err)
	}
	b = buf.Bytes()
	f.mu.Lock()
	if f.items == nil {
		f.items = map[*PostData][]byte{}
	}
	f.items[p] = b
	f.mu.Unlock()
	return b, nil
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// sitemap lists the home page, every post and page, the tag index and
// every tag page, sorted by URL. Later home pages and 404 are left out.
func sitemap(sd SiteData, posts, pages []*PostData, tags []*TagData) ([]byte, error) {
	var urls []sitemapURL
	add := func(loc string, t time.Time) {
		u := sitemapURL{Loc: loc}
		if !t.IsZero() {
			u.Lastmod = t.Format(time.RFC3339)
		}
		urls = append(urls, u)
	}
	add(sd.AbsURL("/"), newest(posts))
	for _, p := range posts {
		add(p.URL, p.Updated())
	}
	for _, p := range pages {
		add(p.URL, p.Updated())
	}
	add(sd.AbsURL("/tags/"), newest(posts))
	for _, t := range tags {
		add(t.URL, newest(t.Posts))
	}
	slices.SortFunc(urls, func(a, b sitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	return marshalXML(urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls})
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
