package markdown

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// typoPieces are what a ',' may come next to: quotes, dashes, dots,
// emphasis, code, links, escapes, white space (trailing, before a hard
// break), line ends, entities and letters.
var typoPieces = []string{
	",", ",", ",,", ", ", " ,", "word", "it's", "'", "\"", "'quoted'", "\"so\"", "-", "--", "---", ".", "..", "...",
	"<<", ">>", "*", "**", "_", "`code, here`", "`", "[a, b](/x)", "[", "]", "\\,", "\\", "\\\\", "&amp;", "&#44;",
	" ", "  ", "\t", "é", "日本", "9", "I", "x", "ß", "~~", "90s", "'90s", "(", ")", ":", "www.x.org", "http://a.b/c,d", "a@b.org,",
}

func randomTypoDoc(r *rand.Rand) []byte {
	var b bytes.Buffer
	for n := r.Intn(30); n >= 0; n-- {
		b.WriteString(typoPieces[r.Intn(len(typoPieces))])
		if r.Intn(7) == 0 {
			b.WriteString([]string{"\n", "\r\n", "  \n", ",  \n", ", \n", ",\\\n", "\n\n", "\n- ", "\n> ", "\n# "}[r.Intn(10)])
		}
	}
	return b.Bytes()
}

// treeDump writes every node of doc: kind, text segments and their line
// break flags, string values. Text nodes that follow each other in the
// source on one line are written as one: goldmark appends a line's last
// piece of text as a node of its own, from the last place the inline
// loop cut the line, and a ',' was such a place.
func treeDump(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok {
			if entering {
				if p, ok := t.PreviousSibling().(*ast.Text); !ok || !joined(p, t) {
					fmt.Fprintf(&b, "(Text %d [", t.Segment.Start)
				}
				b.Write(t.Segment.Value(src))
			} else if s, ok := t.NextSibling().(*ast.Text); !ok || !joined(t, s) {
				fmt.Fprintf(&b, "] %d soft=%v hard=%v)", t.Segment.Stop, t.SoftLineBreak(), t.HardLineBreak())
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			b.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		if n, ok := n.(*ast.String); ok {
			fmt.Fprintf(&b, " %q code=%v", n.Value, n.IsCode())
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// joined reports whether Text node b continues a in the source on the
// same line, as one run of text.
func joined(a, b *ast.Text) bool {
	return a.Segment.Stop == b.Segment.Start && a.Segment.Padding == 0 && b.Segment.Padding == 0 &&
		!a.SoftLineBreak() && !a.HardLineBreak() && a.IsRaw() == b.IsRaw()
}

// quickTypographer parses every document into goldmark's own tree, node
// for node but for where a line's text is split between two Text nodes,
// and goldmark renders it alike: random documents of commas next to
// everything the typographer and the other inline parsers read, with
// and without linkify. TestConvertAsPlain compares whole conversions
// of these documents too.
func TestTypographerAsGoldmark(t *testing.T) {
	for _, linkify := range []bool{false, true} {
		var plainExts, quickExts []goldmark.Extender
		for _, e := range extensions() {
			switch e {
			case quickLinkify:
				if !linkify {
					continue
				}
				e = extension.Linkify
			case quickTypographer:
				plainExts = append(plainExts, extension.Typographer)
				quickExts = append(quickExts, quickTypographer)
				continue
			}
			plainExts = append(plainExts, e)
			quickExts = append(quickExts, e)
		}
		plain := goldmark.New(goldmark.WithExtensions(plainExts...), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
		quick := goldmark.New(goldmark.WithExtensions(quickExts...), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
		r := rand.New(rand.NewSource(12))
		commas := 0
		for i := 0; i < 20000; i++ {
			src := randomTypoDoc(r)
			want := plain.Parser().Parse(text.NewReader(src))
			got := quick.Parser().Parse(text.NewReader(src))
			if g, w := treeDump(got, src), treeDump(want, src); g != w {
				t.Fatalf("linkify %v, %q:\nquick %s\nplain %s", linkify, src, g, w)
			}
			var gh, wh bytes.Buffer
			if err := plain.Renderer().Render(&wh, src, want); err != nil {
				t.Fatal(err)
			}
			if err := quick.Renderer().Render(&gh, src, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gh.Bytes(), wh.Bytes()) {
				t.Fatalf("linkify %v, %q:\nquick %q\nplain %q", linkify, src, gh.Bytes(), wh.Bytes())
			}
			if bytes.Contains(wh.Bytes(), []byte(",")) {
				commas++
			}
		}
		if commas < 10000 {
			t.Errorf("only %d documents with a comma in their HTML", commas)
		}
	}
}
