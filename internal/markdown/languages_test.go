package markdown

import (
	"bytes"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

func TestLanguage(t *testing.T) {
	for _, tt := range []struct{ info, want string }{
		{"ruby", "ruby"},
		{"Python", "python"},
		{"go {linenos=true}", "go"},
		{"  c++  ", "c++"},
		{".yaml", "yaml"},
		{"js,title=x", "js"},
		{"text", "text"},
		// Not a language: words, a name, nothing.
		{"Marisol", ""},
		{"notes from the visit", ""},
		{"", ""},
	} {
		if got := Language(tt.info); got != tt.want {
			t.Errorf("Language(%q) = %q, want %q", tt.info, got, tt.want)
		}
	}
}

// The list is generated, not typed: it holds hundreds of identifiers, each
// one the sanitiser accepts after "language-".
func TestLanguageList(t *testing.T) {
	if n := len(languages()); n < 300 {
		t.Fatalf("%d languages; the embedded list is incomplete", n)
	}
	for l := range languages() {
		if !langClass.MatchString("language-" + l) {
			t.Errorf("%q would not pass the sanitiser", l)
		}
	}
}

func TestFenceInfos(t *testing.T) {
	src := "Text.\n\n```ruby\nputs 1\n```\n\n~~~ Marisol notes\nx\n~~~\n\n```\nno info\n```\n\n    indented\n"
	got := New().FenceInfos([]byte(src))
	if len(got) != 2 {
		t.Fatalf("FenceInfos = %+v, want 2", got)
	}
	for i, want := range []struct{ text, lang string }{{"ruby", "ruby"}, {"Marisol notes", ""}} {
		if s := src[got[i].Start:got[i].End]; s != want.text || got[i].Language != want.lang {
			t.Errorf("info %d = %q (%q), want %q (%q)", i, s, got[i].Language, want.text, want.lang)
		}
	}
}

// A fenced code block's class names a known language or is left out.
func TestCodeBlockClass(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"```ruby\nputs 1\n```\n", `<pre><code class="language-ruby">`},
		{"```Go {linenos=true}\nx\n```\n", `<pre><code class="language-Go">`},
		{"```Marisol\nx\n```\n", "<pre><code>"},
		{"```my notes\nx\n```\n", "<pre><code>"},
	} {
		html := string(convert(t, tt.src).HTML)
		if !strings.Contains(html, tt.want) {
			t.Errorf("%q: HTML %q does not hold %q", tt.src, html, tt.want)
		}
	}
}

// Raw HTML may name a language too; only a known one stays.
func TestRawCodeClass(t *testing.T) {
	html := string(convert(t, `<code class="language-python">x</code> and <code class="language-marisol">y</code>`).HTML)
	if !strings.Contains(html, `<code class="language-python">x</code>`) || strings.Contains(html, "marisol") {
		t.Errorf("HTML %q", html)
	}
}

// fullFenceInfos is FenceInfos as it was first written: the info strings
// of the fenced code blocks found by Convert's own, full, parse.
func fullFenceInfos(c *Converter, src []byte) []FenceInfo {
	return fenceInfos(c.md.Parser().Parse(text.NewReader(src)), src)
}

// fencePieces are the lines randomFence builds documents from: fences of
// both kinds and several lengths, with and without info strings, inside
// and beside every container and raw block a fence can meet.
var fencePieces = []string{
	"```", "```go", "``` ruby {x}", "````", "````text", "~~~", "~~~ notes from today", "~~~~ python",
	"``go`", "`` ` ``", "\t```go", "    ```go", "   ```go", "  ~~~ x ", "```\t", "``` \r", "```\rgo",
	"> ```go", ">```", "> > ~~~ x", "- ```go", "1. ```go", "* ~~~", "  - ```c", "[^n]: ```go", "[^n]:",
	"    indented code", "\tcode", "<div>", "</div>", "<pre>", "</pre>", "<!--", "-->", "<?php", "?>",
	"| a | b |", "|---|---|", "| ```go | x |", "[ref]: /url", "===", "---", "***", "# ```go", "text ```go",
	"plain text", "", "", "", "- item", "> quote", "  continued", "x\\", "\x00```go", "```go\x00",
}

func randomFence(r *rand.Rand) []byte {
	pieces := fencePieces
	if r.Intn(2) == 0 {
		// Half of the documents are made of lines that have no info
		// string on their own (two on one line may make one).
		pieces = nil
		for _, p := range fencePieces {
			if !mayHaveInfo([]byte(p)) {
				pieces = append(pieces, p)
			}
		}
	}
	var b bytes.Buffer
	for n := r.Intn(24); n >= 0; n-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
		if r.Intn(8) == 0 {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		b.WriteString([]string{"\n", "\n", "\n", "\r\n", "\r"}[r.Intn(5)])
	}
	return b.Bytes()
}

// FenceInfos skips the parse, or parses block structure only; either way
// it must find what the full parse finds.
func TestFenceInfosAsFullParse(t *testing.T) {
	c := New()
	r := rand.New(rand.NewSource(1))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	parsed := 0
	for i := 0; i < n; i++ {
		src := randomFence(r)
		if mayHaveInfo(src) {
			parsed++
		}
		if got, want := c.FenceInfos(src), fullFenceInfos(c, src); !reflect.DeepEqual(got, want) {
			t.Fatalf("FenceInfos(%q) = %+v, the full parse finds %+v", src, got, want)
		}
	}
	// Both ways are tested: documents that skip the parse and others.
	if parsed < n/10 || parsed > n-n/10 {
		t.Errorf("%d of %d documents parsed: the generator no longer tests both ways", parsed, n)
	}
}

func FuzzFenceInfos(f *testing.F) {
	for _, s := range []string{"```go\nx\n```\n", "- ~~~ a\n  b\n", "> ```\n> x\n", "<div>\n```go\n</div>\n", "    ```go\n", "```\n``` go\n"} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := CheckCost([]byte(src)); err != nil {
			return // the build holds such a post back before asking
		}
		if got, want := c.FenceInfos([]byte(src)), fullFenceInfos(c, []byte(src)); !reflect.DeepEqual(got, want) {
			t.Fatalf("FenceInfos(%q) = %+v, the full parse finds %+v", src, got, want)
		}
	})
}

// mayHaveInfo finds the runs of three fence characters with IndexByte; it
// must say what reading every offset says, on random texts of fence
// characters, spaces, line ends and letters.
func TestMayHaveInfoAsByteScan(t *testing.T) {
	scan := func(src []byte) bool {
		for i := 0; i+3 <= len(src); i++ {
			c := src[i]
			if c != '`' && c != '~' || src[i+1] != c || src[i+2] != c {
				continue
			}
			for j := i + 3; j < len(src) && src[j] != '\n'; j++ {
				if b := src[j]; b != ' ' && b != '\t' && b != '\r' {
					return true
				}
			}
		}
		return false
	}
	r := rand.New(rand.NewSource(37))
	const pieces = "``~~` \t\r\nax"
	for i := 0; i < 200000; i++ {
		b := make([]byte, r.Intn(24))
		for j := range b {
			b[j] = pieces[r.Intn(len(pieces))]
		}
		if got, want := mayHaveInfo(b), scan(b); got != want {
			t.Fatalf("mayHaveInfo(%q) = %v, reading every offset gives %v", b, got, want)
		}
	}
}

// scanPieces add to fencePieces the lines a post around a fence at
// column 0 is made of: prose, list items and their continuations, quotes
// with lazy lines, footnote definitions, tables, indented code, empty
// list items, closing fences indented and tabbed, fences of either kind
// inside the other, and info strings with spaces, tabs and backticks.
var scanPieces = []string{
	"```yaml", "```yaml ", "``` yaml\t", "```go {x}", "~~~text", "~~~ a `b` c", "``````", "~~~~", "```a`b",
	"   ```", "  ~~~", " ````", "\t```", "``` x", "~~~ ~~~", "```a", "`````py", "~~", "``", "`x`", "~x~",
	"Some prose with words.", "A line ending in spaces  ", "more prose\\", "- a list item", "-", "1.",
	"  an indented continuation", "    four spaces in", "> a quote", "lazy line", "[^1]: a footnote",
	"    in the footnote", "| x | y |", "|---|---|", "Title", "=====", "-----", "[r]: /u \"t\"",
	"# Heading", "* * *", "+ plus item", "2) ordered", "", "", "",
}

func randomScan(r *rand.Rand) []byte {
	var b bytes.Buffer
	for n := r.Intn(30); n >= 0; n-- {
		var p string
		switch k := r.Intn(10); {
		case k < 7:
			p = scanPieces[r.Intn(len(scanPieces))]
		default:
			p = fencePieces[r.Intn(len(fencePieces))]
		}
		b.WriteString(p)
		if r.Intn(12) == 0 {
			b.WriteString(scanPieces[r.Intn(len(scanPieces))])
		}
		if n == 0 && r.Intn(3) == 0 {
			break // a last line without a newline
		}
		b.WriteString([]string{"\n", "\n", "\n", "\n", "\r\n", "\r"}[r.Intn(6)])
	}
	return b.Bytes()
}

// scanFenceInfos reads lines instead of parsing; whenever it answers,
// the answer must be the full parse's, on random documents of fences
// at and off column 0 among every block a fence can meet.
func TestScanFenceInfosAsFullParse(t *testing.T) {
	c := New()
	r := rand.New(rand.NewSource(5))
	n := 50000
	if testing.Short() {
		n = 5000
	}
	answered, withInfo := 0, 0
	for i := 0; i < n; i++ {
		var src []byte
		if i%2 == 0 {
			src = randomScan(r)
		} else {
			src = randomFence(r)
		}
		got, ok := scanFenceInfos(src)
		if !ok {
			continue
		}
		answered++
		if len(got) > 0 {
			withInfo++
		}
		if want := fullFenceInfos(c, src); !reflect.DeepEqual(got, want) {
			t.Fatalf("scanFenceInfos(%q) = %+v, the full parse finds %+v", src, got, want)
		}
	}
	// The scan answers often, and often with info strings, or the
	// comparison tests little.
	if answered < n/4 || withInfo < n/10 {
		t.Errorf("the scan answered %d of %d documents, %d with info strings", answered, n, withInfo)
	}
	t.Logf("answered %d of %d, %d with info strings", answered, n, withInfo)
}
