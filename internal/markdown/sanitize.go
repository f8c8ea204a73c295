package markdown

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// newPolicy returns the allow-list applied to every piece of HTML this
// package emits. It is written out element by element, close to
// bluemonday's UGC policy, rather than derived from it: the UGC policy
// allows any "id" on any element, and here ids are limited to the shapes
// goldmark and this package generate. Anything not listed (comments, script,
// style, iframe, object, form controls other than a task-list checkbox, on*
// handlers, style attributes other than table-cell alignment, javascript:
// URLs) is removed.
//
// keepIDs is false for summaries, which are shown several to a page:
// heading and footnote ids there would collide, and footnote references
// would point at notes that are not on the page, so <sup> is dropped with
// its content.
func newPolicy(keepIDs bool) *bluemonday.Policy {
	p := bluemonday.NewPolicy()

	// URLs: parseable, relative or http(s)/mailto.
	p.AllowStandardURLs()
	p.RequireNoFollowOnLinks(false)
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.RequireNoReferrerOnFullyQualifiedLinks(true)

	p.AllowAttrs("dir").Matching(bluemonday.Direction).Globally()
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$`)).Globally()
	p.AllowAttrs("title").Matching(bluemonday.Paragraph).Globally()

	// Structure and text.
	p.AllowElements("article", "aside", "section", "figure", "figcaption",
		"details", "summary", "hgroup", "h1", "h2", "h3", "h4", "h5", "h6",
		"p", "br", "hr", "div", "span", "wbr", "pre", "blockquote", "q",
		"abbr", "cite", "code", "dfn", "em", "mark", "s", "samp", "strong",
		"sub", "sup", "var", "b", "i", "small", "u", "kbd", "del", "ins",
		"bdi", "bdo", "ruby", "rp", "rt")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(|open)$`)).OnElements("details")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("datetime").Matching(bluemonday.ISO8601).OnElements("time", "del", "ins")
	p.AllowElements("time")

	// Links and images (alt text kept, sizes only as numbers).
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src").OnElements("img")
	p.AllowAttrs("alt").Matching(bluemonday.Paragraph).OnElements("img")
	p.AllowAttrs("width", "height").Matching(bluemonday.NumberOrPercent).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(lazy|eager)$`)).OnElements("img")

	// Lists and tables.
	p.AllowLists()
	// A list numbered from another number than 1 ("3. ...") keeps its
	// first number, as goldmark writes it: digits only.
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowElements("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("th", "td")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`)).OnElements("th")
	// Alignment is the only style goldmark writes (style="text-align:left").
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center").OnElements("th", "td")

	// Code blocks: <pre><code class="language-go">, for a known language
	// only, whether goldmark or the author's raw HTML wrote it.
	p.AllowAttrs("class").Matching(langClass).OnElements("code")

	// Task lists: a checkbox, nothing else of forms (no <form>, so it can
	// never submit anything).
	p.AllowAttrs("type").Matching(checkboxType).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(checkboxBoolean).OnElements("input")

	// Footnotes: <sup id="fnref:1"><a href="#fn:1" class="footnote-ref"
	// role="doc-noteref">, <div class="footnotes" role="doc-endnotes">,
	// <li id="fn:1">, <a class="footnote-backref" role="doc-backlink">.
	p.AllowAttrs("class").Matching(footnoteClass).OnElements("a")
	p.AllowAttrs("role").Matching(footnoteRole).OnElements("a")
	p.AllowAttrs("class").Matching(footnotesClass).OnElements("div")
	p.AllowAttrs("role").Matching(footnotesRole).OnElements("div")

	if keepIDs {
		p.AllowAttrs("id").Matching(idPattern).OnElements("h1", "h2", "h3", "h4", "h5", "h6")
		p.AllowAttrs("id").Matching(footnoteID).OnElements("sup", "li")
	} else {
		p.SkipElementsContent("sup")
	}
	return p
}
