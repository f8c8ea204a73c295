package site

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/internal/render"
)

// neutralSection replaces a folder name that may not be published.
const neutralSection = "posts"

// publicSections decides the URL segment of each section (the first folder
// under content/), which reaches page URLs, feeds and the sitemap. Authors
// who sort posts by client name folders after clients, so a folder name is
// published only when the author named it in the permalinks setting, or
// when it is made of ordinary words that are not names and de-identification
// finds nothing in it. Any other folder is published as "posts", with a
// warning that says how to keep it.
func (b *builder) publicSections(ctx context.Context, cs []*Cleared) (map[string]string, []string) {
	out := map[string]string{}
	var warns []string
	var names []string
	for _, c := range cs {
		if s := c.Post.Section; s != "" {
			if _, seen := out[s]; !seen {
				out[s] = ""
				names = append(names, s)
			}
		}
	}
	sort.Strings(names)
	for _, s := range names {
		if _, configured := b.opts.Config.Permalinks[s]; configured || b.ordinarySection(ctx, s) {
			out[s] = s
			continue
		}
		out[s] = neutralSection
		warns = append(warns, fmt.Sprintf("content/%s: the folder name may name someone, so its posts are published under /%s/; to publish it as it is, set permalinks: {%s: \"/%s/:slug/\"} in config.yaml", s, neutralSection, s, s))
	}
	return out, warns
}

// ordinarySection reports whether a folder name reads as ordinary words:
// every word known to the word lexicon and none a known first name or
// surname, and no finding from the recognizers as written or capitalised.
func (b *builder) ordinarySection(ctx context.Context, s string) bool {
	if render.Slugify(s) != s {
		return false
	}
	lex := lexicon.Default()
	for _, w := range strings.Split(s, "-") {
		if _, ok := lex.WordLevel(w); !ok {
			return false
		}
		if _, _, ok := lex.FirstName(capitalise(w)); ok {
			return false
		}
		if _, ok := lex.Surname(capitalise(w)); ok {
			return false
		}
	}
	return b.nameLeaks(ctx, s) == ""
}
