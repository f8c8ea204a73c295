package render

import (
	"encoding/xml"
	"testing"
	"time"
)

// The feeds take each post's <item> encoded once (feedItems); a feed must
// be what encoding the whole channel at once, items as elements, gives.
func TestFeedAsOneEncoding(t *testing.T) {
	type channel struct {
		Title         string    `xml:"title"`
		Link          string    `xml:"link"`
		Description   string    `xml:"description"`
		Language      string    `xml:"language,omitempty"`
		Generator     string    `xml:"generator"`
		LastBuildDate string    `xml:"lastBuildDate,omitempty"`
		Self          atomLink  `xml:"atom:link"`
		Items         []rssItem `xml:"item"`
	}
	type feed struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		AtomNS  string   `xml:"xmlns:atom,attr"`
		Channel channel  `xml:"channel"`
	}
	day := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	posts := []*PostData{
		{Title: "Tea & <biscuits>", URL: "https://example.org/a/", Date: day, Summary: "<p>A “quoted” &amp; <em>marked</em> line</p>\n",
			Tags: []*TagRef{{Name: "care"}, {Name: "a & b"}}},
		{Title: "No date", URL: "https://example.org/b/"},
		{Title: "", URL: "https://example.org/c/", Summary: "  ", Date: day.Add(time.Hour)},
	}
	sd, err := siteData(Site{Title: "Site", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var cache feedItems
	for _, ps := range [][]*PostData{nil, posts[:1], posts, {posts[2], posts[0]}} {
		got, err := rssFeed(sd, "T", "https://example.org/", "https://example.org/index.xml", "", ps, &cache)
		if err != nil {
			t.Fatal(err)
		}
		ch := channel{Title: "T", Link: "https://example.org/", Description: "Recent posts on Site", Language: "en", Generator: "veil",
			Self: atomLink{Href: "https://example.org/index.xml", Rel: "self", Type: "application/rss+xml"}}
		if t := newest(ps); !t.IsZero() {
			ch.LastBuildDate = t.Format(time.RFC1123Z)
		}
		for _, p := range ps {
			it := rssItem{Title: p.Title, Link: p.URL, GUID: rssGUID{IsPermaLink: true, Value: p.URL}, Description: "<p>A “quoted” &amp; <em>marked</em> line</p>"}
			if p != posts[0] {
				it.Description = ""
			}
			if !p.Date.IsZero() {
				it.PubDate = p.Date.Format(time.RFC1123Z)
			}
			for _, tg := range p.Tags {
				it.Categories = append(it.Categories, tg.Name)
			}
			ch.Items = append(ch.Items, it)
		}
		want, err := marshalXML(feed{Version: "2.0", AtomNS: "http://www.w3.org/2005/Atom", Channel: ch})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%d posts:\n%s\nwant\n%s", len(ps), got, want)
		}
	}
}
