package render

import (
	"fmt"
	"hash/fnv"

	"github.com/veil-blog/veil/internal/markdown"
)

// Slugify returns the URL slug of s: accents stripped after Unicode
// normalisation, lower case, every run of characters other than ASCII
// letters and digits replaced by one hyphen, no leading or trailing
// hyphen. The result may be empty (for "!!!" or a title in a script with
// no ASCII form); callers must then choose a slug themselves.
//
// Heading anchors use the same rule (markdown.Slug), so a tag, a post and
// a heading with the same words get the same slug.
func Slugify(s string) string { return markdown.Slug(s) }

// tagSlug is Slugify with a stable fallback for tags that slugify to
// nothing, so every tag still gets a page.
func tagSlug(name string) string {
	if s := Slugify(name); s != "" {
		return s
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	return fmt.Sprintf("tag-%08x", h.Sum32())
}
