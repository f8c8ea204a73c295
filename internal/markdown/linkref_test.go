package markdown

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// linkRefPieces are lines around link reference definitions: definitions
// indented, tabbed, over several lines, inside quotes and lists, after
// text, escaped, empty, footnote definitions, tables and headings that
// end or turn a paragraph, and the links that use them.
var linkRefPieces = []string{
	"[a]: /u", "  [a]: /u 'title'", "   [b]:  <http://x.org/>", "\t[c]: /tab", "    [d]: /code", "[e]:",
	"/next-line", "'a title", "on two lines'", "\"t\"", "[f]: /u\n[g]: /v", "[ ]: /empty", "\\[h]: /esc",
	"text [a]: /u", "[not a ref", "[a]", "[a][]", "[f] and [g] and [b]", "[^1]: a note", "x[^1]",
	"> [q]: /quote", "> [q]", "- [l]: /list", "- [l]", "1. [m]: /m", "| [a] | b |", "|---|---|",
	"Heading", "===", "---", "# [a]", "plain words", " ", "", "", "\t", "  text", "[é]: /u", "[É]",
}

func randomLinkRefDoc(r *rand.Rand) []byte {
	var b bytes.Buffer
	for n := r.Intn(16); n >= 0; n-- {
		b.WriteString(linkRefPieces[r.Intn(len(linkRefPieces))])
		if r.Intn(6) == 0 {
			b.WriteString(linkRefPieces[r.Intn(len(linkRefPieces))])
		}
		b.WriteString([]string{"\n", "\n", "\n", "\r\n", "\n\n"}[r.Intn(5)])
	}
	return b.Bytes()
}

// quickLinkRef skips goldmark's link reference transformer only where it
// would change nothing: the HTML of the parse with it is goldmark's own,
// on random documents of definitions, their uses and what surrounds them.
func TestQuickLinkRefAsGoldmark(t *testing.T) {
	var exts []goldmark.Extender
	for _, e := range extensions() {
		if e == quickLinkify {
			e = extension.Linkify
		}
		exts = append(exts, e)
	}
	plain := goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	quick := goldmark.New(goldmark.WithParser(newParser()), goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	r := rand.New(rand.NewSource(9))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	refs := 0
	for i := 0; i < n; i++ {
		src := randomLinkRefDoc(r)
		var want, got bytes.Buffer
		if err := plain.Convert(src, &want); err != nil {
			t.Fatal(err)
		}
		if err := quick.Convert(src, &got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%q:\nquick %q\nplain %q", src, got.Bytes(), want.Bytes())
		}
		if bytes.Contains(want.Bytes(), []byte(`href="/`)) {
			refs++
		}
	}
	// Definitions are found and used in many of them, or this tests little.
	if refs < n/5 {
		t.Errorf("only %d of %d documents use a definition", refs, n)
	}
}
