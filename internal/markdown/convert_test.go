package markdown

import (
	"bytes"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func convert(t *testing.T, src string) Result {
	t.Helper()
	res, err := New().Convert([]byte(src))
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return res
}

func TestSanitise(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string // substrings that must be in the HTML
		notWant []string // substrings that must not be
	}{
		{"script removed", "Hi\n\n<script>alert(1)</script>\n\nthere", []string{"<p>Hi</p>", "<p>there</p>"}, []string{"<script", "alert(1)"}},
		{"inline script removed", "a <script>alert(1)</script> b", []string{"<p>a"}, []string{"<script", "alert"}},
		{"comment removed", "a\n\n<!-- client: Jane Doe -->\n\nb", []string{"<p>a</p>"}, []string{"<!--", "Jane"}},
		{"inline comment removed", "a <!-- Jane --> b", []string{"<p>a"}, []string{"<!--", "Jane"}},
		{"onclick removed", `<p onclick="steal()">x</p>`, []string{"<p>x</p>"}, []string{"onclick", "steal"}},
		{"inline handler removed", `a <img src="x.png" alt="a chair" onerror="steal()"> b`, []string{`<img src="x.png" alt="a chair">`}, []string{"onerror", "steal"}},
		{"style removed", "<style>body{display:none}</style>\n\n<p style=\"color:red\">x</p>", []string{"<p>x</p>"}, []string{"<style", "display", "color"}},
		{"iframe removed", `<iframe src="https://evil.example/"></iframe>`, nil, []string{"iframe", "evil"}},
		{"javascript url removed", "[click](javascript:alert(1))", []string{"click"}, []string{"javascript", "href"}},
		{"form removed", `<form action="/x"><input type="text" name="q"><button>go</button></form>`, nil, []string{"<form", `type="text"`, "<button"}},
		{"external link nofollow", "<https://example.org/>", []string{`<a href="https://example.org/" rel="nofollow noreferrer">`}, nil},
		{"relative link kept", "[about](/about/)", []string{`<a href="/about/">about</a>`}, nil},
		{"heading ids", "# Hello World\n\n## Über uns\n\n## Hello World", []string{`<h1 id="hello-world">`, `<h2 id="uber-uns">`, `<h2 id="hello-world-1">`}, nil},
		{"raw heading id not trusted", `<h2 id="x y" onclick="a()">t</h2>`, []string{"<h2>t</h2>"}, nil},
		{"footnotes", "Text[^n].\n\n[^n]: The note.", []string{
			`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
			`<div class="footnotes" role="doc-endnotes">`, `<li id="fn:1">`,
			`<a href="#fnref:1" class="footnote-backref" role="doc-backlink">`}, nil},
		{"table", "| a | b |\n|:--|--:|\n| 1 | 2 |", []string{"<table>", "<thead>", `<th style="text-align: left">a</th>`, `<td style="text-align: right">2</td>`}, nil},
		{"task list", "- [x] done\n- [ ] todo", []string{`<input checked="" disabled="" type="checkbox"> done`, `<input disabled="" type="checkbox"> todo`}, nil},
		{"code language class", "```go\nx := 1\n```", []string{`<pre><code class="language-go">x := 1`}, nil},
		{"bad class dropped", `<code class="language-go evil">x</code>`, []string{"<code>x</code>"}, nil},
		{"strikethrough", "~~gone~~", []string{"<del>gone</del>"}, nil},
		{"typographer", `"quoted" -- it's`, []string{"“quoted” – it’s"}, nil},
		{"alt text kept", "![a quiet room](room.jpg)", []string{`<img src="room.jpg" alt="a quiet room">`}, nil},
		{"list numbered from 3", "3. third\n4. fourth", []string{`<ol start="3">`, "<li>third</li>"}, nil},
		{"raw list start not a number", `<ol start="3;x" onclick="a()"><li>x</li></ol>`, []string{"<ol>"}, []string{"start", "onclick"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(convert(t, tt.src).HTML)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Convert(%q).HTML = %q, want it to contain %q", tt.src, got, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("Convert(%q).HTML = %q, must not contain %q", tt.src, got, w)
				}
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	res := convert(t, "# Reflecting on *practice*\n\ntext\n\n## Notes\n\n### Notes\n\n## !!!\n")
	want := []Heading{
		{1, "reflecting-on-practice", "Reflecting on practice"},
		{2, "notes", "Notes"},
		{3, "notes-1", "Notes"},
		{2, "section", "!!!"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings = %+v, want %+v", res.Headings, want)
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{"", 0},
		{"one two three", 3},
		{"# Title\n\nOne *two* [three](/x) -- four.", 5},
		{"text\n\n```\ncode is not counted here\n```\n", 1},
		{"a <span>b</span> c", 3},
	}
	for _, tt := range tests {
		if got := convert(t, tt.src).WordCount; got != tt.want {
			t.Errorf("Convert(%q).WordCount = %d, want %d", tt.src, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	long := strings.Repeat("word ", 200)
	tests := []struct {
		name, src, want, wantText string
	}{
		{"first paragraph", "First para.\n\nSecond para.", "<p>First para.</p>\n<p>Second para.</p>\n", "First para. Second para."},
		{"stops at heading", "# Title\n\nFirst.\n\n## Part\n\nLater.", "<p>First.</p>\n", "First."},
		{"more marker", "Intro.\n\n<!--more-->\n\nRest.", "<p>Intro.</p>\n", "Intro."},
		{"inline more marker", "Intro <!--more--> rest.\n\nNext.", "<p>Intro </p>\n", "Intro"},
		{"footnote ref dropped", "Intro[^1].\n\n[^1]: note", "<p>Intro.</p>\n", "Intro."},
		{"long paragraph cut", long, "<p>" + strings.TrimSpace(strings.Repeat("word ", 70)) + "…</p>", strings.TrimSpace(strings.Repeat("word ", 70)) + "…"},
		{"stops near target", strings.Repeat("a b c d e f g h i j. ", 6) + "\n\n" + strings.Repeat("k ", 30) + "\n\nlast", "", ""},
		{"escaped", "a &lt;b&gt; & c", "<p>a &lt;b&gt; &amp; c</p>\n", "a <b> & c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(t, tt.src)
			if tt.name == "stops near target" {
				if strings.Contains(string(res.Summary), "last") || !strings.Contains(string(res.Summary), "k k") {
					t.Errorf("Summary = %q, want first two paragraphs only", res.Summary)
				}
				return
			}
			if string(res.Summary) != tt.want {
				t.Errorf("Convert(%q).Summary = %q, want %q", tt.src, res.Summary, tt.want)
			}
			if res.SummaryText != tt.wantText {
				t.Errorf("Convert(%q).SummaryText = %q, want %q", tt.src, res.SummaryText, tt.wantText)
			}
		})
	}
}

func TestSummaryHasNoIDs(t *testing.T) {
	res := convert(t, "# Title\n\nIntro.\n\n<!--more-->\n\nRest")
	if strings.Contains(string(res.Summary), "id=") {
		t.Errorf("Summary = %q, want no ids", res.Summary)
	}
	if !strings.Contains(string(res.HTML), `id="title"`) {
		t.Errorf("HTML = %q, want heading id kept", res.HTML)
	}
}

func TestPlainText(t *testing.T) {
	got := New().PlainText([]byte("# Title\n\nSome *emphasis* and `code`.<!-- x -->\n\n```\nblock\n```\n"))
	if want := "Title Some emphasis and code."; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := New()
	src := []byte("# T\n\nSome text[^1] with a | table |\n\n[^1]: n")
	want, err := c.Convert(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			got, err := c.Convert(src)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("concurrent Convert differs: %v", err)
			}
		})
	}
	wg.Wait()
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello World", "hello-world"},
		{"  Self-care & burnout  ", "self-care-burnout"},
		{"Über Straße", "uber-strasse"},
		{"Crème brûlée", "creme-brulee"},
		{"ﬁle №5", "file-no5"},
		{"--a--b--", "a-b"},
		{"C++ / Go", "c-go"},
		{"Ørsted Łódź", "orsted-lodz"},
		{"精神", ""},
		{"", ""},
		{"2024: a year", "2024-a-year"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// countWords reads its text once; it must count what splitting the text
// into fields and testing each one counts.
func TestCountWordsAsFields(t *testing.T) {
	ref := func(s string) int {
		n := 0
		for _, f := range strings.Fields(s) {
			if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				n++
			}
		}
		return n
	}
	parts := []string{"a", "word", "Über", "42", "-", "—", "•", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x85",
		"\xff", "\xe2\x80", "x\xffy", "'", "it's", "é", "日本", "٣", "\u200b", "...", "&", "@", "[", "`", "{", "Z", "z", "0", "9", "/", ":", "\v", "\f", "\r", "\x1c"}
	// Every byte, alone and between letters: the class table's entries;
	// and at every offset of the eight bytes countASCII8 reads at once,
	// between letters, spaces and others.
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b", "a " + string([]byte{byte(c)}) + " b"} {
			if got, want := countWords(s), ref(s); got != want {
				t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
			}
		}
		for at := 0; at < 17; at++ {
			for _, fill := range []string{"abcdefghijklmnopq", "                 ", "a-b c.d e!f g?h i", "-.-.-.-.-.-.-.-.-", "a a a a a a a a a"} {
				b := []byte(fill)
				b[at] = byte(c)
				s := string(b)
				if got, want := countWords(s), ref(s); got != want {
					t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 40000; i++ {
		var b strings.Builder
		n := r.Intn(12)
		if i%2 == 1 {
			n = r.Intn(80)
		}
		for ; n >= 0; n-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		if got, want := countWords(b.String()), ref(b.String()); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", b.String(), got, want)
		}
	}
}

// sanitize writes into a buffer of its own; it must give what
// SanitizeBytes gives.
func TestSanitizeAsSanitizeBytes(t *testing.T) {
	c := New()
	inputs := []string{"", " ", "\n\t ", "<p>x</p>", `<a href="https://example.org/">x</a>`, "<script>x</script>", "a &amp; b &quot;c&quot;",
		`<h2 id="a-b">t</h2><p onclick="x()">y</p>`, "<!-- c -->", "<sup>1</sup>", `<code class="language-go">x</code>`, "<p>unclosed", "<"}
	for _, d := range genDocs(16) {
		res, err := c.Convert(d)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(res.HTML), string(d))
	}
	for _, in := range inputs {
		for keepIDs, p := range map[bool]*bluemonday.Policy{true: c.policy, false: c.summaryPol} {
			for _, own := range []bool{false, true} {
				if got, want := sanitize(p, []byte(in), own, keepIDs), p.SanitizeBytes([]byte(in)); !bytes.Equal(got, want) {
					t.Errorf("sanitize(%q, own %v, keepIDs %v) = %q, SanitizeBytes gives %q", in, own, keepIDs, got, want)
				}
			}
		}
	}
}

// walkBlocks must visit the block nodes ast.Walk visits, in its order, on
// documents of every construct (random posts, fences in lists, quotes,
// footnotes, HTML blocks and tables), parsed with and without linkify.
func TestWalkBlocksAsWalk(t *testing.T) {
	c := New()
	r := rand.New(rand.NewSource(29))
	var docs [][]byte
	for i := 0; i < 3000; i++ {
		docs = append(docs, []byte(randomMarkdown(r)), randomFence(r))
	}
	docs = append(docs, genDocs(64)...)
	for _, src := range docs {
		for _, p := range []parser.Parser{c.md.Parser(), c.noLinkify} {
			doc := p.Parse(text.NewReader(src))
			var got []ast.Node
			want := []ast.Node{doc} // walkBlocks' root, a TypeDocument
			walkBlocks(doc, func(n ast.Node) { got = append(got, n) })
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering && n != doc && n.Type() == ast.TypeBlock {
					want = append(want, n)
				}
				return ast.WalkContinue, nil
			})
			if !slices.Equal(got, want) {
				t.Fatalf("%q: walkBlocks visits %d nodes, ast.Walk %d blocks", src, len(got), len(want))
			}
		}
	}
}

// collapseSpace's shortcut must give strings.Join(strings.Fields(s), " "):
// random texts of words, every kind of ASCII and Unicode space, in runs,
// leading and trailing, and every byte value between two words.
func TestCollapseSpaceAsFields(t *testing.T) {
	want := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	pieces := []string{"word", "a", " ", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u2003", "\u3000", "é", "\xff", "\xe2\x80", "-", "",
		"’", "日本", "\u2028", "\u205f", "\u1680", "\u200b", "\ufeff", "\xc2", "\xa0", "\xe3\x80"}
	r := rand.New(rand.NewSource(12))
	short := 0
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for n := r.Intn(10); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		if _, ok := collapsed(s); ok {
			short++
		}
		if got := collapseSpace(s); got != want(s) {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want(s))
		}
	}
	for c := 0; c < 256; c++ {
		for _, s := range []string{string(rune(c)), "a" + string([]byte{byte(c)}) + "b", "a " + string([]byte{byte(c)}), string([]byte{byte(c)}) + "\n"} {
			if got := collapseSpace(s); got != want(s) {
				t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want(s))
			}
		}
	}
	if short < 10000 {
		t.Errorf("the shortcut was taken %d times: the test does not test it", short)
	}
}

// Slug's ASCII way must give what the Unicode way gives: random ASCII
// texts of every byte value below 128, in runs, at both ends.
func TestSlugASCIIAsUnicode(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	for i := 0; i < 100000; i++ {
		b := make([]byte, r.Intn(24))
		for j := range b {
			if r.Intn(2) == 0 {
				b[j] = "aZ09 -_.'"[r.Intn(9)]
			} else {
				b[j] = byte(r.Intn(128))
			}
		}
		s := string(b)
		got, ok := slugASCII(s)
		if !ok {
			t.Fatalf("slugASCII(%q) refused an ASCII text", s)
		}
		if want := slugUnicode(s); got != want {
			t.Fatalf("slugASCII(%q) = %q, slugUnicode gives %q", s, got, want)
		}
	}
	for _, s := range []string{"é", "a\u00a0b", "\xff", "Straße"} {
		if _, ok := slugASCII(s); ok {
			t.Errorf("slugASCII(%q) took a text that is not ASCII", s)
		}
	}
}
