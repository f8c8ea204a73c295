package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// randomMarkdown returns a document of the constructs a post may use, with
// the inputs that make goldmark and the sanitiser disagree or differ:
// URLs of every scheme and shape, titles and alt text with punctuation,
// entities (known, unknown, numeric, NUL), typographic quotes, tables with
// alignment, ordered lists from other numbers, task lists, footnotes,
// headings with duplicate or empty slugs, code with languages known and
// not, CRLF, and now and then raw HTML (which sanitizeOwn must not take
// for its own).
func randomMarkdown(r *rand.Rand) string {
	pick := func(s ...string) string { return s[r.Intn(len(s))] }
	words := []string{"the", "visit", "plan", "kitchen", "Über", "café", "naïve", "日本", "🙂", "it's", "\"so\"", "'one'",
		"--", "---", "...", "&", "<", ">", "a&b", "x<y", "5>3", "&amp;", "&copy;", "&nbsp;", "&#39;", "&#x27;",
		"&quot;", "&#0;", "&#xD;", "&notanentity;", "&lt;b&gt;", "\\*", "\\[", "~~", "*", "_", "`", "|", "(", ")",
		"\x00", "\t", "www.example.org", "http://example.net/a?b=1&c=2", "mail@example.com", "https://ex.org/ü",
		"(a)", "[b]", "'", "\"", "don't", "rock'n'roll", "“curly”", "‘single’"}
	urls := []string{"/posts/x/", "x.html", "#frag", "?q=1", "", "http://Example.ORG/A", "HTTPS://ex.org/%7e?a=1&b=2#f",
		"https://ex.org/a%20b", "mailto:someone@example.org", "javascript:alert(1)", "ftp://ex.org/", "//proto.rel/p",
		"https://user:pw@ex.org:8080/p", "http://[::1]/", "http://h/%zz", "data:text/plain,hi", "/ü/é", "a(b)c",
		"<with space>", "/a\\_b", "https://ex.org/\"q\"", "https://ex.org/'s", "/p?x=&lt;", "%", "https://", "http:x",
		"/path with&amp;amp", "tel:123", "https://ex.org/a<b", "HtTp://ex.org", " /lead"}
	titles := []string{"", ` "plain title"`, ` "it's"`, ` 'single'`, ` (parens)`, ` "a & b"`, ` "x<y>"`, ` "Ünï"`,
		` "dash - under_ [b] ! . / \ (c)"`, ` "quote \" in"`, ` "&copy; 2025"`, ` "&quot;"`, ` "tab	in"`}
	var b strings.Builder
	nl := "\n"
	if r.Intn(8) == 0 {
		nl = "\r\n"
	}
	inline := func() {
		n := 1 + r.Intn(12)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(pick(" ", " ", " ", "  "+nl, "\\"+nl, nl, ""))
			}
			switch r.Intn(24) {
			case 0:
				fmt.Fprintf(&b, "[%s](%s%s)", pick(words...), pick(urls...), pick(titles...))
			case 1:
				fmt.Fprintf(&b, "![%s](%s%s)", pick("alt", "it's here", "a, b", "x: y", "*em* alt", "ü", "“q”", "", "a&amp;b"), pick(urls...), pick(titles...))
			case 2:
				fmt.Fprintf(&b, "<%s>", pick("https://ex.org/a", "http://Ex.org/%7E", "mailto:a@ex.org", "a@ex.org", "ftp://x.y", "javascript:x"))
			case 3:
				fmt.Fprintf(&b, "**%s**", pick(words...))
			case 4:
				fmt.Fprintf(&b, "_%s_", pick(words...))
			case 5:
				fmt.Fprintf(&b, "`%s`", pick(words...))
			case 6:
				fmt.Fprintf(&b, "~~%s~~", pick(words...))
			case 7:
				fmt.Fprintf(&b, "[^%s]", pick("1", "2", "n", "missing"))
			case 8:
				if r.Intn(4) == 0 {
					b.WriteString(pick("<b>raw</b>", "<span class=\"x\">s</span>", "<!-- c -->", "<br/>", "<a href=x>y</a>", "<!--more-->"))
				} else {
					b.WriteString(pick(words...))
				}
			case 9:
				fmt.Fprintf(&b, "[%s][%s]", pick(words...), pick("ref", "nope"))
			default:
				b.WriteString(pick(words...))
			}
		}
	}
	blocks := 1 + r.Intn(10)
	for i := 0; i < blocks; i++ {
		switch r.Intn(16) {
		case 0:
			b.WriteString(strings.Repeat("#", 1+r.Intn(6)) + " ")
			if r.Intn(3) > 0 {
				inline()
			} else {
				b.WriteString(pick("Same", "🙂", "!!!", "Notes"))
			}
		case 1:
			marker := pick("- ", "* ", "1. ", "3. ", "0. ", "12) ")
			for j := 0; j < 1+r.Intn(3); j++ {
				b.WriteString(marker + pick("", "[ ] ", "[x] ", "[X] "))
				inline()
				b.WriteString(nl)
			}
		case 2:
			b.WriteString("| a | b |" + nl + "|" + pick(":--", "--:", ":-:", "---") + "|" + pick(":--", "--:", ":-:", "---") + "|" + nl + "| ")
			inline()
			b.WriteString(" | `x\\|y` |" + nl)
		case 3:
			fmt.Fprintf(&b, "```%s%s", pick("", "go", "python", "unknownlang", "notes from today", "c++", "html"), nl)
			b.WriteString(pick("x := a < b && c > \"d\"", "<p>raw</p>", "it's & 'q'", "") + nl + "```")
		case 4:
			b.WriteString("    indented <code> & 'q'")
		case 5:
			b.WriteString("> ")
			inline()
		case 6:
			b.WriteString(pick("---", "***", "___"))
		case 7:
			fmt.Fprintf(&b, "[^%s]: ", pick("1", "2", "n"))
			inline()
		case 8:
			fmt.Fprintf(&b, "[ref]: %s%s", pick(urls...), pick(titles...))
		case 9:
			if r.Intn(3) == 0 {
				b.WriteString(pick("<div>block</div>", "<details><summary>s</summary>", "<script>x</script>", "<!--more-->", "<p onclick=x>p</p>"))
			} else {
				inline()
			}
		case 10:
			inline()
			b.WriteString(nl + pick("===", "---"))
		default:
			inline()
		}
		b.WriteString(nl + nl)
	}
	return b.String()
}

// goldmarkHTML is what Convert hands the sanitiser for the body of src,
// and whether src has raw HTML.
func goldmarkHTML(t testing.TB, c *Converter, src []byte) ([]byte, bool) {
	doc := c.md.Parser().Parse(text.NewReader(src))
	assignHeadingIDs(doc, src)
	dropUnknownLanguages(doc, src)
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), hasRawHTML(doc, src)
}

// checkOwn fails t where sanitizeOwn handles b and differs from
// bluemonday under either policy; it returns whether each handled it.
func checkOwn(t testing.TB, c *Converter, b []byte) (body, summary bool) {
	t.Helper()
	if len(bytes.TrimSpace(b)) == 0 {
		return false, false // sanitize returns it as it is
	}
	for _, keepIDs := range []bool{true, false} {
		p := c.summaryPol
		if keepIDs {
			p = c.policy
		}
		got, ok := sanitizeOwn(b, keepIDs)
		if !ok {
			continue
		}
		if want := p.SanitizeBytes(b); !bytes.Equal(got, want) {
			t.Fatalf("sanitizeOwn(keepIDs %v) of\n%q\n= %q\nbluemonday gives\n%q", keepIDs, b, got, want)
		}
		if keepIDs {
			body = true
		} else {
			summary = true
		}
	}
	return body, summary
}

// sanitizeOwn must write what bluemonday writes whenever it handles the
// HTML at all, on goldmark's HTML of random documents (with and without
// raw HTML); and it must handle most documents without raw HTML, or it
// saves nothing.
func TestSanitizeOwnAsBluemonday(t *testing.T) {
	c := New()
	r := rand.New(rand.NewSource(7))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	plain, handled, summaries := 0, 0, 0
	for i := 0; i < n; i++ {
		src := []byte(randomMarkdown(r))
		h, raw := goldmarkHTML(t, c, src)
		body, sum := checkOwn(t, c, h)
		if !raw {
			plain++
			if body {
				handled++
			}
			if sum {
				summaries++
			}
		}
	}
	t.Logf("%d documents without raw HTML, %d handled (summary policy %d)", plain, handled, summaries)
	if plain == 0 || handled*10 < plain*7 {
		t.Errorf("sanitizeOwn handled %d of %d documents without raw HTML", handled, plain)
	}
}

// Of the generated posts (the benchmark's), none may need bluemonday.
func TestSanitizeOwnHandlesPosts(t *testing.T) {
	c := New()
	for i, d := range genDocs(64) {
		h, raw := goldmarkHTML(t, c, d)
		if raw {
			continue
		}
		if body, _ := checkOwn(t, c, h); !body {
			t.Errorf("document %d: sanitizeOwn did not handle it:\n%s", i, h)
		}
	}
}

// Hand-written HTML, not goldmark's: whatever sanitizeOwn accepts, it
// must write as bluemonday does.
func TestSanitizeOwnOnOtherHTML(t *testing.T) {
	c := New()
	r := rand.New(rand.NewSource(11))
	parts := []string{"<p>", "</p>", "<a href=\"", "<a title=\"t\" href=\"", "\">", "</a>", "<img src=\"/i.png\" alt=\"",
		"<h2 id=\"", "<h2>", "</h2>", "<sup id=\"fn:1\">", "</sup>", "<li id=\"fnref:2\">", "<ol start=\"2\">", "<br>", "<hr>",
		"<br/>", "<p >", "<P>", "</p x>", "<th style=\"text-align:left\">", "<td style=\"color:red\">", "<code class=\"language-go\">",
		"<code class=\"x\">", "<input checked=\"\" disabled=\"\" type=\"checkbox\">", "<input type=\"text\">", "<div class=\"footnotes\" role=\"doc-endnotes\">",
		"<span>", "<a>", "<img>", "<script>", "<title>", "<!-- c -->", "<", ">", "&", "&amp;", "&quot;", "&#39;", "&copy;", "&nope",
		"&#0;", "\r", "\x00", "'", "\"", "text", " ", "\n", "http://Ex.org/%7e", "/rel", "javascript:x", "a b", "x&amp;y", "&lt;",
		"<a href=x>", "<a href='y'>", "<a href=\"z\" href=\"w\">", "<a rel=\"me\" href=\"https://h/\">", "<em>", "</em>"}
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for j := 0; j < 1+r.Intn(12); j++ {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		checkOwn(t, c, []byte(b.String()))
	}
}

// FuzzSanitizeOwn: on goldmark's HTML of any document, and on the input
// read as HTML, sanitizeOwn writes what bluemonday writes when it handles
// it.
func FuzzSanitizeOwn(f *testing.F) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 32; i++ {
		f.Add(randomMarkdown(r))
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		checkOwn(t, c, []byte(src))
		if _, err := CheckCost([]byte(src)); err != nil {
			return // Convert refuses it before goldmark sees it
		}
		h, _ := goldmarkHTML(t, c, []byte(src))
		checkOwn(t, c, h)
	})
}

// The quicker ways (sanitizeOwn, quickLinkify) give the plain way's
// result, whole: HTML, headings, word count and summary, on random
// documents and the benchmark's.
func TestConvertAsPlain(t *testing.T) {
	quick, plain := New(), New(withPlain())
	r := rand.New(rand.NewSource(5))
	var docs [][]byte
	for i := 0; i < 5000; i++ {
		docs = append(docs, []byte(randomMarkdown(r)))
	}
	docs = append(docs, genDocs(64)...)
	for i := 0; i < 3000; i++ {
		docs = append(docs, randomTypoDoc(r))
	}
	// Links at the edges of what mayLinkify lets through: e-mail
	// addresses with local parts about 64 bytes long, after each trigger
	// character and at line starts.
	for n := 60; n <= 68; n++ {
		local := strings.Repeat("a", n)
		for _, pre := range []string{"", " ", "(", "*", "_", "~", "x "} {
			docs = append(docs, []byte(pre+local+"@example.org and "+pre+"www.example.org/"+local+" "+pre+"http://x.org "+pre+"https:/"+" "+pre+"ftp://y"))
		}
	}
	for _, d := range docs {
		compareConvert(t, quick, plain, d)
	}
}

func compareConvert(t testing.TB, quick, plain *Converter, src []byte) {
	t.Helper()
	got, gerr := quick.Convert(src)
	want, werr := plain.Convert(src)
	if fmt.Sprint(gerr) != fmt.Sprint(werr) {
		t.Fatalf("Convert(%q): error %v, the plain way %v", src, gerr, werr)
	}
	show := func(r Result) string {
		return fmt.Sprintf("HTML %q\nheadings %v\nwords %d\nsummary %q\nsummary text %q", r.HTML, r.Headings, r.WordCount, r.Summary, r.SummaryText)
	}
	// (nil and empty slices are the same bytes.)
	if g, w := show(got), show(want); g != w || !reflect.DeepEqual(got.Headings, want.Headings) {
		t.Fatalf("Convert(%q)\n= %s\nthe plain way gives\n%s", src, g, w)
	}
}

// FuzzConvertAsPlain: whatever the document, the quicker ways give the
// plain way's result.
func FuzzConvertAsPlain(f *testing.F) {
	r := rand.New(rand.NewSource(9))
	for i := 0; i < 32; i++ {
		f.Add(randomMarkdown(r))
	}
	quick, plain := New(), New(withPlain())
	f.Fuzz(func(t *testing.T, src string) {
		compareConvert(t, quick, plain, []byte(src))
	})
}

// The id checks written out are the policy's patterns.
func TestIDChecksAsPatterns(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	alphabet := "abz09-:fnref_A \u00e9"
	inputs := []string{"", "a", "-a", "a-", strings.Repeat("a", 100), strings.Repeat("a", 101), "fn:1", "fnref:12", "fnref3:4",
		"fn:", "fn1:2", "fnref:", "fnref:x", "fn::1", "fn:1:", "xfn:1", "fn:1\n", "FN:1"}
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		switch r.Intn(3) {
		case 0:
			b.WriteString("fn")
		case 1:
			b.WriteString("fnref")
		}
		for j := r.Intn(8); j > 0; j-- {
			b.WriteString(string([]rune(alphabet)[r.Intn(len([]rune(alphabet)))]))
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		if got, want := isHeadingID(s), idPattern.MatchString(s); got != want {
			t.Errorf("isHeadingID(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := isFootnoteID(s), footnoteID.MatchString(s); got != want {
			t.Errorf("isFootnoteID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// quickWriter writes what goldmark's default writer writes, for Write and
// RawWrite, on random text: every byte value alone, and runs of
// entities, escapes and plain letters.
func TestQuickWriterAsDefault(t *testing.T) {
	quick, def := newQuickWriter(), gmhtml.NewWriter()
	r := rand.New(rand.NewSource(17))
	pieces := []string{"a", "é", " ", "\\", "\\*", "&", "&amp;", "&copy;", "&#39;", "&#x22;", "&#0;", "&nope;", "\x00", "\"", "<", ">", "'", "\n", "\r", "~"}
	var inputs []string
	for c := 0; c < 256; c++ {
		inputs = append(inputs, string([]byte{byte(c)}), "x"+string([]byte{byte(c)})+"y")
	}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := r.Intn(10); j >= 0; j-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		inputs = append(inputs, b.String())
	}
	out := func(write func(util.BufWriter, []byte), s string) string {
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		write(w, []byte(s))
		w.Flush()
		return buf.String()
	}
	for _, s := range inputs {
		if got, want := out(quick.Write, s), out(def.Write, s); got != want {
			t.Errorf("Write(%q) = %q, the default writer gives %q", s, got, want)
		}
		if got, want := out(quick.RawWrite, s), out(def.RawWrite, s); got != want {
			t.Errorf("RawWrite(%q) = %q, the default writer gives %q", s, got, want)
		}
	}
}

// The elements sanitizeOwn handles, as maps (the form ownTag read them
// in before withAttrs).
var (
	bareElements = map[string]bool{
		"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"em": true, "strong": true, "del": true, "code": true, "pre": true, "blockquote": true,
		"ul": true, "ol": true, "li": true, "br": true, "hr": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
		"sup": true, "div": true,
	}
	attrElements = map[string]bool{"a": true, "img": true, "input": true}
)

// Every element elementName knows is in one of the maps, and withAttrs
// says which; every other name (random ones, and near misses) is none.
func TestElementKinds(t *testing.T) {
	names := []string{"", "b", "i", "span", "h7", "h0", "P", "A", "ahref", "im", "inputs", "script", "s", "sub"}
	for n := range bareElements {
		names = append(names, n, n+"x", n[:len(n)-1])
	}
	for n := range attrElements {
		names = append(names, n, n+"x", n[:len(n)-1])
	}
	r := rand.New(rand.NewSource(13))
	for i := 0; i < 5000; i++ {
		b := make([]byte, 1+r.Intn(5))
		for j := range b {
			b[j] = "abcdeghilmnoprstuvy0123456"[r.Intn(26)]
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		el := elementName([]byte(n))
		known := bareElements[n] || attrElements[n]
		if (el != "") != known || known && el != n {
			t.Fatalf("elementName(%q) = %q, the maps know it: %v", n, el, known)
		}
		if known && withAttrs(el) != attrElements[n] {
			t.Fatalf("withAttrs(%q) = %v, want %v", n, withAttrs(el), attrElements[n])
		}
	}
}

// appendEscaped writes what html.EscapeString returns, after what out
// holds: every byte value alone and between letters, and random strings
// of the bytes it escapes, text and runes.
func TestAppendEscapedAsEscapeString(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := string(appendEscaped([]byte("pre"), s)), "pre"+html.EscapeString(s); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		check(string([]byte{byte(c)}))
		check("ab" + string([]byte{byte(c)}) + "cd")
	}
	pieces := []string{"&", "'", "<", ">", "\"", "\r", "\n", "a", "word ", "é", "’", "&amp;", "\x00", ""}
	r := rand.New(rand.NewSource(14))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(12); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		check(b.String())
	}
}
