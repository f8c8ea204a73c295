package markdown

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// randomLinkifyDoc returns a document of the things that decide whether
// the parse without linkify is kept (see Converter.parse): link starts
// after each of linkify's trigger characters and elsewhere, in code
// spans, link labels, links that fail, autolinks, tables and headings, and
// runs of white space before line ends and hard line breaks.
func randomLinkifyDoc(r *rand.Rand) string {
	pick := func(s ...string) string { return s[r.Intn(len(s))] }
	plainWords := []string{"the", "plan", "visit", "it's", "a&b", "*em*", "_em_", "(see)", "[x](/p)", "`code`", "--", "ww",
		"a,", "end.", "well-being", "wait...", "x--y", "<<q>>", "a-", ".", ",", "-", "'90s", "'twas", "don't"}
	words := []string{"www.ex.org", "http://ex.org/a", "https://ex.org", "ftp://ex.org", "ftp:x",
		"http:", "www", "www...", "wwwx", "htt", "ftp", "https:/", "HTTP://ex.org", "Www.ex.org", "xhttp://a.b",
		"`http://code`", "`www.x`", "[http://label](/p)", "[www](http://ex.org)", "[x] (http://ex.org)", "(www.ex.org)",
		"*www.ex.org*", "_http://ex.org_", "~~www.ex.org~~", "~www.ex.org", "<http://ex.org>", "<www.ex.org>",
		"![http://alt](/i.png)", "\\www.ex.org", "\\ http://x.y", "&amp;", "&#x27;", "'q'", "\"q\"", "...", "--",
		"*", "_", "~", "(", ")", "[", "]", "\\", "a\\", "日本", "é", "\t", "\u00a0"}
	spaces := []string{" ", " ", " ", "  ", "\t", " \t", "\t ", "   ", "\v", "\f"}
	ends := []string{"", " ", "  ", "   ", "    ", "\t", " \t", "\t ", " \t  ", "\\", " \\", "  \\", "\r", " \r", "  \r", "   \r", "\t\r", "\v", " \f"}
	nl := pick("\n", "\r\n")
	var b strings.Builder
	line := func() {
		n := 1 + r.Intn(8)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(pick(spaces...))
			}
			if r.Intn(24) == 0 {
				b.WriteString(pick(words...))
			} else {
				b.WriteString(pick(plainWords...))
			}
		}
		if r.Intn(6) == 0 {
			b.WriteString(pick(ends...))
		}
	}
	for blk := 0; blk < 1+r.Intn(6); blk++ {
		switch r.Intn(8) {
		case 0:
			b.WriteString(strings.Repeat("#", 1+r.Intn(3)) + " ")
			line()
			b.WriteString(pick("", " #", " ##  ", "  "))
		case 1:
			b.WriteString("| a | b |" + nl + "|---|:-:|" + nl + "| ")
			line()
			b.WriteString(pick(" | ", "  |  ", "\t|\t") + pick(words...) + pick(" |", "  |", "|  "))
		case 2:
			for j := 0; j < 1+r.Intn(3); j++ {
				b.WriteString(pick("- ", "1. ", "> ", "  ", "    "))
				line()
				b.WriteString(nl)
			}
		default:
			for j := 0; j < 1+r.Intn(4); j++ {
				if j > 0 {
					b.WriteString(nl)
				}
				line()
			}
		}
		b.WriteString(nl + nl)
	}
	return strings.TrimSuffix(b.String(), pick("", nl, nl+nl))
}

// TestParseAsWithLinkify: whenever Converter.parse keeps the parse
// without linkify, goldmark renders it as it renders the parse with
// linkify, and the conversion is the plain way's. The documents come
// without '@' (with one, the parse without linkify is never tried), and
// enough of them keep it for the test to mean something.
func TestParseAsWithLinkify(t *testing.T) {
	c, plain := New(), New(withPlain())
	r := rand.New(rand.NewSource(21))
	var docs []string
	for i := 0; i < 8000; i++ {
		docs = append(docs, randomLinkifyDoc(r))
	}
	for i := 0; i < 2000; i++ {
		docs = append(docs, strings.ReplaceAll(randomMarkdown(r), "@", "a"))
	}
	for _, d := range genDocs(64) {
		docs = append(docs, string(d))
	}
	kept := 0
	keptGen := 0
	for i, d := range docs {
		src := []byte(d)
		if !differsWithLinkify(c.noLinkify.Parse(text.NewReader(src)), src) {
			kept++
			if i < 8000 {
				keptGen++
			}
		}
		got, want := render(t, c, c.parse(src), src), render(t, c, c.md.Parser().Parse(text.NewReader(src)), src)
		if got != want {
			t.Fatalf("%q: without linkify\n%q\nwith\n%q", d, got, want)
		}
		compareConvert(t, c, plain, src)
	}
	t.Logf("kept %d of %d, %d of the first 8000", kept, len(docs), keptGen)
	if kept < len(docs)/3 {
		t.Errorf("the parse without linkify was kept for %d of %d documents", kept, len(docs))
	}
}

func render(t *testing.T, c *Converter, doc ast.Node, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.md.Renderer().Render(&b, src, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTrimmedAlike: the white space before a line end that goldmark's
// linkify cuts would keep some of.
func TestTrimmedAlike(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"a", true},
		{"a\n", true},
		{"a \n", true},
		{"a  \n", true}, // a hard line break
		{"a  \r\n", true},
		{"a   \n", true}, // a hard line break after "a "
		{"a    \n", false},
		{"a \t\n", false},
		{"a\t \r\n", false},
		{"a  ", false},
		{"a \r\n", true},
		{"a  |", false},
		{"a \\\n", true},
	} {
		if got := trimmedAlike([]byte(tc.src), 1); got != tc.want {
			t.Errorf("trimmedAlike(%q, 1) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestLinkStarts compares linkStarts with a search for each word at each
// offset, on random strings of the words' letters.
func TestLinkStarts(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	const alphabet = "htpsfw:. xH"
	for i := 0; i < 20000; i++ {
		b := make([]byte, r.Intn(40))
		for j := range b {
			b[j] = alphabet[r.Intn(len(alphabet))]
		}
		var want []int
		for j := range b {
			for _, w := range []string{"http:", "https:", "ftp:", "www"} {
				if bytes.HasPrefix(b[j:], []byte(w)) {
					want = append(want, j)
					break
				}
			}
		}
		if got := linkStarts(b); !slices.Equal(got, want) {
			t.Fatalf("linkStarts(%q) = %v, want %v", b, got, want)
		}
	}
}
