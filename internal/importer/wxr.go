package importer

import (
	"encoding/xml"
	"html"
	"strings"
)

// The parts of a WordPress eXtended RSS (WXR) export that an import uses.
// Elements are matched by local name, so the wp: namespace of every WXR
// version (1.0, 1.1, 1.2) is read alike.

type wxrItem struct {
	Title    string       `xml:"title"`
	Address  string       `xml:"link"`
	PubDate  string       `xml:"pubDate"`
	Creator  string       `xml:"creator"`
	Encoded  []wxrEncoded `xml:"encoded"`
	PostID   string       `xml:"post_id"`
	PostDate string       `xml:"post_date"`
	Modified string       `xml:"post_modified"`
	PostName string       `xml:"post_name"`
	Status   string       `xml:"status"`
	Type     string       `xml:"post_type"`
	Password string       `xml:"post_password"`
	Parent   string       `xml:"post_parent"`
	// AttachmentURL is set on attachment items.
	AttachmentURL string        `xml:"attachment_url"`
	Categories    []wxrCategory `xml:"category"`
	Comments      []wxrComment  `xml:"comment"`
}

// wxrEncoded is content:encoded (the post's HTML) or excerpt:encoded,
// told apart by namespace.
type wxrEncoded struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

type wxrCategory struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

type wxrComment struct {
	ID       string `xml:"comment_id"`
	Author   string `xml:"comment_author"`
	Email    string `xml:"comment_author_email"`
	URL      string `xml:"comment_author_url"`
	IP       string `xml:"comment_author_IP"`
	Date     string `xml:"comment_date"`
	Content  string `xml:"comment_content"`
	Approved string `xml:"comment_approved"`
	Type     string `xml:"comment_type"`
	Parent   string `xml:"comment_parent"`
}

// content returns the post's HTML.
func (it *wxrItem) content() string {
	for _, e := range it.Encoded {
		if !strings.Contains(e.XMLName.Space, "excerpt") {
			return e.Text
		}
	}
	return ""
}

// excerpt returns the hand-written excerpt, if any.
func (it *wxrItem) excerpt() string {
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, "excerpt") {
			return strings.TrimSpace(e.Text)
		}
	}
	return ""
}

// terms returns the item's categories and tags, WordPress's default
// "Uncategorized" left out.
func (it *wxrItem) terms() (cats, tags []string) {
	for _, c := range it.Categories {
		// WordPress stores term names with HTML entities ("Art &amp; care").
		name := strings.TrimSpace(html.UnescapeString(c.Name))
		if name == "" {
			continue
		}
		switch c.Domain {
		case "category":
			if c.Nicename == "uncategorized" {
				continue
			}
			cats = appendNew(cats, name)
		case "post_tag":
			tags = appendNew(tags, name)
		}
	}
	return cats, tags
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
