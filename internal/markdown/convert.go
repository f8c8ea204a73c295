package markdown

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Heading is one heading of a document, in document order.
type Heading struct {
	Level int    // 1 to 6
	ID    string // anchor id, unique within the document
	Text  string // plain text of the heading
}

// Result is the outcome of converting one Markdown document.
type Result struct {
	// HTML is the sanitised body HTML.
	HTML []byte
	// Headings lists every heading with the id it carries in HTML.
	Headings []Heading
	// WordCount counts words of running text (not code blocks, markup or
	// URLs of links).
	WordCount int
	// Summary is sanitised HTML of the opening of the document: everything
	// before a <!--more--> marker if there is one, otherwise the opening
	// run of paragraphs (stopping at the first heading, list, table or
	// code block after them) up to about the configured number of words; a
	// first paragraph far over that length is cut to plain text with "…". It carries
	// no ids and no footnote references, so several summaries can share a
	// page.
	Summary []byte
	// SummaryText is Summary as plain text on one line, for descriptions.
	SummaryText string
}

// Converter converts Markdown to sanitised HTML. Build it once with New; it
// is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// bufs holds the buffers goldmark renders into before sanitising.
	bufs sync.Pool
	// texts holds the buffers (*[]byte) a document's plain text is
	// written into to count its words.
	texts sync.Pool
	// blocks parses block structure only (see FenceInfos).
	blocks parser.Parser
	// noLinkify is md's parser without linkify (see parse).
	noLinkify    parser.Parser
	policy       *bluemonday.Policy
	summaryPol   *bluemonday.Policy
	summaryWords int
	// plain turns off the quicker ways to the same result (sanitizeOwn,
	// quickLinkify, quickWriter), for the tests that compare them with
	// the plain way.
	plain bool
}

// withPlain makes a Converter that takes the plain way (tests only).
func withPlain() Option { return func(c *Converter) { c.plain = true } }

// Option configures a Converter.
type Option func(*Converter)

// WithSummaryWords sets the target length of an automatic summary (default
// 70 words). Values below 1 are ignored.
func WithSummaryWords(n int) Option {
	return func(c *Converter) {
		if n > 0 {
			c.summaryWords = n
		}
	}
}

// New returns a Converter with GFM (tables, strikethrough, autolinks, task
// lists), footnotes, typographic punctuation and heading ids.
func New(opts ...Option) *Converter {
	c := &Converter{summaryWords: 70}
	for _, o := range opts {
		o(c)
	}
	exts := extensions()
	if c.plain {
		for i, e := range exts {
			switch e {
			case quickLinkify:
				exts[i] = extension.Linkify
			case quickTypographer:
				exts[i] = extension.Typographer
			}
		}
	}
	rendererOpts := []renderer.Option{
		// Raw HTML goes through; the sanitiser decides what stays.
		gmhtml.WithUnsafe(),
	}
	if !c.plain {
		rendererOpts = append(rendererOpts, gmhtml.WithWriter(newQuickWriter()),
			// Before goldmark's HTML renderer (1000), to be used for
			// headings instead of it.
			renderer.WithNodeRenderers(util.Prioritized(headingRenderer{}, 100)))
	}
	mdOpts := []goldmark.Option{
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(rendererOpts...),
	}
	if !c.plain {
		mdOpts = append(mdOpts, goldmark.WithParser(newParser()))
	}
	c.md = goldmark.New(mdOpts...)
	c.blocks = blockParser(extensions())
	var noLinkify []goldmark.Extender
	for _, e := range extensions() {
		if e != quickLinkify {
			noLinkify = append(noLinkify, e)
		}
	}
	c.noLinkify = goldmark.New(goldmark.WithParser(newParser()), goldmark.WithExtensions(noLinkify...)).Parser()
	c.policy = newPolicy(true)
	c.summaryPol = newPolicy(false)
	return c
}

// extensions are the goldmark extensions of every Converter: GFM (tables,
// strikethrough, autolinks, task lists), footnotes and typographic
// punctuation.
func extensions() []goldmark.Extender {
	return []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)),
		extension.Strikethrough,
		quickLinkify, // extension.Linkify, quicker
		extension.TaskList,
		extension.Footnote,
		quickTypographer, // extension.Typographer, quicker
	}
}

// buffer returns an empty buffer from c.bufs; put it back when done.
func (c *Converter) buffer() *bytes.Buffer {
	if b, ok := c.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

// writerTo returns what goldmark renders into buf through: buf itself
// as a util.BufWriter, so that Render does not wrap it in a new
// bufio.Writer (4 KiB) and copy everything through that, with the ids of
// the document's headings for renderHeading; the plain way passes buf as
// it is. No renderer reads Available or Buffered; the bytes written are
// the same.
func (c *Converter) writerTo(buf *bytes.Buffer, ids *headingIDs) io.Writer {
	if c.plain {
		return buf
	}
	return bufWriter{buf, ids}
}

// bufWriter is a bytes.Buffer as goldmark's util.BufWriter: it holds
// nothing back, so there is nothing to flush. ids are the ids of the
// headings of the document being rendered.
type bufWriter struct {
	*bytes.Buffer
	ids *headingIDs
}

var _ util.BufWriter = bufWriter{}

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

// sanitize is p.SanitizeBytes(b) writing into a buffer the size of b,
// which the sanitised HTML rarely outgrows, rather than one that starts
// empty and grows by copying. Like SanitizeBytes it returns b as it is
// (here a copy: b is a pooled buffer's) when b is only white space, and
// nothing when the sanitiser fails.
//
// When own is set, b is goldmark's HTML of a document without raw HTML,
// and sanitizeOwn writes the sanitised form directly where it can (keepIDs
// says which of the two policies p is).
func sanitize(p *bluemonday.Policy, b []byte, own, keepIDs bool) []byte {
	if len(bytes.TrimSpace(b)) == 0 {
		return bytes.Clone(b)
	}
	if own {
		if out, ok := sanitizeOwn(b, keepIDs); ok {
			return out
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)+len(b)/8))
	if err := p.SanitizeReaderToWriter(bytes.NewReader(b), out); err != nil {
		return nil
	}
	return out.Bytes()
}

// hasRawHTML reports whether doc, parsed from src, has raw HTML (inline
// or blocks), which goldmark writes out as it is: none without a '<' in
// the source.
func hasRawHTML(doc ast.Node, src []byte) bool {
	if bytes.IndexByte(src, '<') < 0 {
		return false
	}
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// moreMarker is the summary divider, as in Hugo: <!--more-->.
var moreMarker = regexp.MustCompile(`<!--\s*more\s*-->`)

// Convert converts one Markdown document.
func (c *Converter) Convert(src []byte) (Result, error) {
	if line, err := CheckCost(src); err != nil {
		return Result{}, fmt.Errorf("line %d: %w", line, err)
	}
	doc := c.parse(src)

	var res Result
	var ids *headingIDs
	if c.plain {
		res.Headings = assignHeadingIDs(doc, src)
	} else {
		ids = headingIDsOf(doc, src)
		res.Headings = ids.heads
	}
	dropUnknownLanguages(doc, src)

	buf := c.buffer()
	defer c.bufs.Put(buf)
	if err := c.md.Renderer().Render(c.writerTo(buf, ids), src, doc); err != nil {
		return Result{}, fmt.Errorf("render markdown: %w", err)
	}
	raw := hasRawHTML(doc, src)
	own := !c.plain && !raw
	res.HTML = sanitize(c.policy, buf.Bytes(), own, true)

	if c.plain {
		var all strings.Builder
		all.Grow(len(src))
		writePlain(&all, doc, src)
		res.WordCount = countWords(all.String())
	} else {
		// The plain text is only counted: it goes into a pooled buffer
		// (a post's size, allocated afresh for every post before) and is
		// read in place.
		all, _ := c.texts.Get().(*[]byte)
		if all == nil {
			all = new([]byte)
		}
		*all = slices.Grow((*all)[:0], len(src))
		walkPlain(plainOut{b: all}, doc, src)
		res.WordCount = countWordsIn(*all)
		c.texts.Put(all)
	}

	// The summary is rendered last because choosing it may cut the tree.
	sum, sumText, err := c.summary(doc, src, ids, raw, own)
	if err != nil {
		return Result{}, err
	}
	res.Summary = sum
	res.SummaryText = sumText
	return res, nil
}

// parse parses src as c.md's parser does.
//
// goldmark's linkify parser is called at every space of running text and
// at every line start (and at '*', '_', '~' and '('), and each call makes
// the inline loop cut the text there and merge it again: a sixth of a
// conversion. It finds a link only where the text after the trigger
// character begins "http:", "https:", "ftp:" or "www.", or an e-mail
// address around an '@' (extension/linkify.go). A document without '@'
// is therefore parsed without linkify first. The two parsers take the
// same steps until linkify first finds a link, but for where a line's
// text is cut: with linkify, the last piece of a line starts at its last
// space, and only that piece loses its trailing white space. So the trees
// are the same (a line's text may come in one node or two, which render
// and read as the same text) unless linkify finds a link, or a line's
// text ends in two or more spaces or tabs that goldmark trims.
// differsWithLinkify finds both in the parse without linkify; only when
// it finds neither is that parse kept.
func (c *Converter) parse(src []byte) ast.Node {
	if !c.plain && bytes.IndexByte(src, '@') < 0 {
		doc := c.noLinkify.Parse(text.NewReader(src))
		if !differsWithLinkify(doc, src) {
			return doc
		}
	}
	return c.md.Parser().Parse(text.NewReader(src))
}

// linkStarts returns the offsets in src, in order, where one of the
// words linkify's links begin with starts: "http:", "https:", "ftp:", and
// "www" (the parse without linkify may take the '.' of "www." into an
// ellipsis). The others are found from their ':', rare in prose.
func linkStarts(src []byte) []int {
	var at []int
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], ':')
		if j < 0 {
			break
		}
		j += i
		switch {
		case bytes.HasSuffix(src[:j], []byte("http")):
			at = append(at, j-4)
		case bytes.HasSuffix(src[:j], []byte("https")):
			at = append(at, j-5)
		case bytes.HasSuffix(src[:j], []byte("ftp")):
			at = append(at, j-3)
		}
		i = j + 1
	}
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("www"))
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	slices.Sort(at)
	return at
}

// differsWithLinkify reports whether doc, parsed from src without
// linkify, may differ from the parse with it (see parse): whether a text
// node outside code spans holds one of linkStarts (where
// linkify finds a link, the letters after its trigger character are
// running text without it, and no code span's), or is followed by white
// space that trimmedWithLinkify says linkify's cuts would keep.
func differsWithLinkify(doc ast.Node, src []byte) bool {
	at := linkStarts(src)
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			// The first link start at or after the segment's start.
			i, _ := slices.BinarySearch(at, seg.Start)
			if i < len(at) && at[i] < seg.Stop || !trimmedAlike(src, seg.Stop) {
				found = true
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

// trimmedAlike reports whether the white space at src[i:], if it is the
// trailing white space goldmark trims from a line's text, is trimmed
// alike with linkify and without: with linkify the line's text is cut at
// each space or tab (and \v, \f) and only the last piece is trimmed, so
// all of it goes only if it holds at most one of them, once the two
// spaces of a hard line break ("  \n", "  \r\n") are left out.
func trimmedAlike(src []byte, i int) bool {
	cuts, end := 0, i
	for ; end < len(src); end++ {
		switch src[end] {
		case ' ', '\t', '\v', '\f':
			cuts++
			continue
		case '\r':
			continue
		}
		break
	}
	if cuts < 2 {
		return true
	}
	if end < len(src) && src[end] == '\n' {
		run := src[i:end]
		if bytes.HasSuffix(run, []byte("  ")) || bytes.HasSuffix(run, []byte("  \r")) {
			cuts -= 2
		}
	}
	return cuts < 2
}

// PlainText returns the running text of a Markdown document on one line,
// with markup, raw HTML and footnote markers removed and whitespace
// collapsed. Code spans keep their text; code blocks are left out.
func (c *Converter) PlainText(src []byte) string {
	doc := c.md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	writePlain(&b, doc, src)
	return collapseSpace(b.String())
}

// assignHeadingIDs gives every heading an id made from its plain text with
// Slug, made unique within the document by a numeric suffix (-1, -2, ...),
// and returns the headings in document order. Doing this after parsing,
// rather than with goldmark's auto ids, makes ids from text rather than
// from raw Markdown source and keeps accented letters ("Über" -> "uber").
func assignHeadingIDs(doc ast.Node, src []byte) []Heading {
	ids := headingIDsOf(doc, src)
	for i, h := range ids.nodes {
		h.SetAttributeString("id", []byte(ids.heads[i].ID))
	}
	return ids.heads
}

// headingIDsOf is assignHeadingIDs without setting the id attributes:
// the headings with the nodes they are of, for renderHeading.
func headingIDsOf(doc ast.Node, src []byte) *headingIDs {
	var ids headingIDs
	used := map[string]bool{}
	walkBlocks(doc, func(n ast.Node) {
		h, ok := n.(*ast.Heading)
		if !ok {
			return
		}
		var b strings.Builder
		b.Grow(linesLen(h) + 1)
		writePlain(&b, h, src)
		txt := collapseSpace(b.String())
		base := Slug(txt)
		if base == "" {
			base = "section"
		}
		id := base
		for i := 1; used[id]; i++ {
			id = base + "-" + strconv.Itoa(i)
		}
		used[id] = true
		ids.nodes = append(ids.nodes, h)
		ids.heads = append(ids.heads, Heading{Level: h.Level, ID: id, Text: txt})
	})
	return &ids
}

// walkBlocks calls fn on n and every block node under it, in the order
// of ast.Walk, without reading inline content: in goldmark's trees (as in
// CommonMark) blocks hold blocks or inlines, and inlines hold only
// inlines, so no block lies under an inline node.
func walkBlocks(n ast.Node, fn func(ast.Node)) {
	fn(n)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			walkBlocks(c, fn)
		}
	}
}

// summary picks the opening blocks of doc, renders and sanitises them;
// ids are its headings' (nil on the plain way). raw says whether doc has raw HTML: without, it has no <!--more-->.
func (c *Converter) summary(doc ast.Node, src []byte, ids *headingIDs, raw, own bool) ([]byte, string, error) {
	var blocks []ast.Node
	cut := false
	if raw || c.plain {
		blocks, cut = blocksBeforeMore(doc, src)
	}
	var texts []string // the plain text of each of blocks, when known
	if !cut {
		blocks = nil
		words := 0
		limit := c.summaryWords + c.summaryWords/2
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if _, ok := n.(*ast.Paragraph); !ok {
				if len(blocks) > 0 {
					break // a heading, list or table ends the opening
				}
				continue // skip a leading title or image block
			}
			var b strings.Builder
			b.Grow(linesLen(n) + 1)
			writePlain(&b, n, src)
			w := countWords(b.String())
			if w == 0 {
				continue
			}
			if len(blocks) == 0 && w > limit {
				// One long opening paragraph: cut it to the word target as
				// plain text, which cannot leave an element open.
				t := firstWords(b.String(), c.summaryWords) + "…"
				return []byte("<p>" + html.EscapeString(t) + "</p>"), t, nil
			}
			if len(blocks) > 0 && words+w > limit {
				break
			}
			blocks = append(blocks, n)
			texts = append(texts, b.String())
			words += w
			if words >= c.summaryWords {
				break
			}
		}
	}

	buf := c.buffer()
	defer c.bufs.Put(buf)
	var plain strings.Builder
	if texts != nil {
		size := 0
		for _, t := range texts {
			size += len(t) + 1
		}
		plain.Grow(size)
	}
	for i, n := range blocks {
		removeFootnoteLinks(n)
		if err := c.md.Renderer().Render(c.writerTo(buf, ids), src, n); err != nil {
			return nil, "", fmt.Errorf("render summary: %w", err)
		}
		if texts != nil {
			// Read before the footnote links went, which writePlain skips.
			plain.WriteString(texts[i])
		} else {
			writePlain(&plain, n, src)
		}
		plain.WriteByte(' ')
	}
	return sanitize(c.summaryPol, buf.Bytes(), own, false), collapseSpace(plain.String()), nil
}

// blocksBeforeMore returns the top-level blocks before a <!--more-->
// marker and true, or nil and false if the document has no marker. A
// marker inline in a paragraph keeps the paragraph up to the marker.
func blocksBeforeMore(doc ast.Node, src []byte) ([]ast.Node, bool) {
	var blocks []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if hb, ok := n.(*ast.HTMLBlock); ok {
			if moreMarker.Match(linesOf(hb, src)) {
				return blocks, true
			}
			blocks = append(blocks, n)
			continue
		}
		var marker ast.Node
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if raw, ok := c.(*ast.RawHTML); ok && entering {
				var seg []byte
				for i := 0; i < raw.Segments.Len(); i++ {
					s := raw.Segments.At(i)
					seg = append(seg, s.Value(src)...)
				}
				if moreMarker.Match(seg) {
					marker = c
					return ast.WalkStop, nil
				}
			}
			return ast.WalkContinue, nil
		})
		if marker != nil {
			// Drop the marker and everything after it, up to the block.
			for m := marker; m != n && m.Parent() != nil; m = m.Parent() {
				p := m.Parent()
				for s := m.NextSibling(); s != nil; {
					next := s.NextSibling()
					p.RemoveChild(p, s)
					s = next
				}
			}
			marker.Parent().RemoveChild(marker.Parent(), marker)
			return append(blocks, n), true
		}
		blocks = append(blocks, n)
	}
	return nil, false
}

// linesLen is the length of n's lines in the source: about that of its
// plain text, which a builder for it is grown to at once (rather than
// doubling from 8 bytes; a longer text grows it as before).
func linesLen(n ast.Node) int {
	size := 0
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		size += s.Len()
	}
	return size
}

func linesOf(n ast.Node, src []byte) []byte {
	var b []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}

func removeFootnoteLinks(n ast.Node) {
	var links []ast.Node
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*extast.FootnoteLink); ok && entering {
			links = append(links, c)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		l.Parent().RemoveChild(l.Parent(), l)
	}
}

// writePlain appends the running text under n to b. Blocks are separated by
// newlines; code blocks, raw HTML, images and footnote markers add nothing.
func writePlain(b *strings.Builder, n ast.Node, src []byte) {
	walkPlain(plainOut{s: b}, n, src)
}

// plainOut is where walkPlain writes: a strings.Builder (s) for text that
// is kept, or a pooled bytes.Buffer (b) for text that is only counted.
// (A struct rather than an interface, so that a caller's Builder stays
// on its stack.)
type plainOut struct {
	s *strings.Builder
	b *[]byte
}

func (o plainOut) write(p []byte) {
	if o.b != nil {
		*o.b = append(*o.b, p...)
	} else {
		o.s.Write(p)
	}
}

func (o plainOut) writeString(p string) {
	if o.b != nil {
		*o.b = append(*o.b, p...)
	} else {
		o.s.WriteString(p)
	}
}

func (o plainOut) writeByte(c byte) {
	if o.b != nil {
		*o.b = append(*o.b, c)
	} else {
		o.s.WriteByte(c)
	}
}

// walkPlain is writePlain to either of o's writers.
func walkPlain(b plainOut, n ast.Node, src []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML,
			*ast.Image, *extast.FootnoteLink, *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				// Source text may hold entity references (&amp;).
				if v := c.Segment.Value(src); bytes.IndexByte(v, '&') < 0 {
					b.write(v) // html.UnescapeString would return it as it is
				} else {
					b.writeString(html.UnescapeString(string(v)))
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.writeByte(' ')
				}
			}
		case *ast.String:
			if entering {
				// Typographer output is an entity such as &rsquo;.
				b.writeString(html.UnescapeString(string(c.Value)))
			}
		case *ast.AutoLink:
			if entering {
				b.write(c.Label(src))
			}
		default:
			if c.Type() == ast.TypeBlock && !entering {
				b.writeByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
}

// collapseSpace returns the words of s (strings.Fields) joined by single
// spaces. A heading's text, and often a summary's, is that already but
// for the newline writePlain ends it with: then it is s without its
// trailing white space, and nothing is allocated.
func collapseSpace(s string) string {
	if t, ok := collapsed(s); ok {
		return t
	}
	// One pass: the words of s as strings.Fields reads them (runs of
	// runes that are not unicode.IsSpace; a byte that is not UTF-8 is
	// no space), each written whole, after one ' ' but the first.
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // where the word being read starts
	for i := 0; i <= len(s); {
		isSpace, size := true, 1 // the end of s ends a word too
		if i < len(s) {
			c := s[i]
			isSpace = wordClass[c] == classSpace
			if c >= utf8.RuneSelf {
				var r rune
				r, size = utf8.DecodeRuneInString(s[i:])
				isSpace = unicode.IsSpace(r)
			}
		}
		switch {
		case isSpace && word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		case !isSpace && word < 0:
			word = i
		}
		i += size
	}
	return b.String()
}

// collapsed returns s without its trailing white space and true
// when s does not begin with white space and has no white space within
// it but single ' ' bytes: strings.Join(strings.Fields(s), " ") is then
// that. A byte outside ASCII is read as the rune it begins (Fields' way:
// one that is not UTF-8 is no space); a rune unicode.IsSpace calls space
// (U+00A0, U+2003...) gives false. (The trailing run trimmed is ASCII
// white space; a rune of several bytes cannot cross into it.)
func collapsed(s string) (string, bool) {
	end := len(s)
	for end > 0 && wordClass[s[end-1]] == classSpace {
		end--
	}
	space := true // a space here would be a leading one
	for i := 0; i < end; i++ {
		switch c := s[i]; wordClass[c] {
		case classMulti:
			r, size := utf8.DecodeRuneInString(s[i:end])
			if unicode.IsSpace(r) {
				return "", false
			}
			space = false
			i += size - 1
		case classSpace:
			if c != ' ' || space {
				return "", false
			}
			space = true
		default:
			space = false
		}
	}
	return s[:end], true
}

// countWords counts whitespace-separated tokens that contain a letter or a
// digit, so a lone dash or bullet is not a word. It reads s once and keeps
// nothing: the tokens are those of strings.Fields (runs of runes that are
// not unicode.IsSpace; a byte that is not UTF-8 reads as U+FFFD, neither
// a space nor a letter). Eight ASCII bytes at a time are read as one
// machine word; other bytes one rune at a time.
func countWords(s string) int {
	n := uint(0)
	counted := uint(0) // 1 when the current token has been counted
	for i := 0; i < len(s); {
		for ; i+8 <= len(s); i += 8 {
			b := s[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if x&high8 != 0 {
				break
			}
			// The byte loop below over eight ASCII bytes at once. A
			// byte that is no letter, digit or space leaves counted as
			// it was, so the counted of each byte is that of the nearest
			// letter, digit or space at or before it (or the one
			// carried in), found in three shifts; a letter or digit
			// begins a word where the byte before it was not counted.
			// (Bit 7 of each byte of the masks.)
			alnum := inRange8(x|0x2020202020202020, 'a', 'z') | inRange8(x, '0', '9')
			set, after := alnum|inRange8(x, '\t', '\r')|inRange8(x, ' ', ' '), alnum
			after |= after << 8 &^ set
			set |= set << 8
			after |= after << 16 &^ set
			set |= set << 16
			after |= after << 32 &^ set
			set |= set << 32
			carried := high8 * uint64(counted)
			after |= carried &^ set
			n += uint(bits.OnesCount64(alnum &^ (after<<8 | carried&0x80)))
			counted = uint(after >> 63)
		}
		if i >= len(s) {
			break
		}
		class := wordClass[s[i]]
		if class == classMulti {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				class = classSpace
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				class = classAlnum
			default:
				class = classOther
			}
			i += size
		} else {
			i++
		}
		// Without branches, which text makes hard to predict: a letter or
		// digit starts a word unless one is counted; a space ends it.
		alnum, space := uint(class&classAlnum), uint(class&classSpace)>>1
		n += alnum &^ counted
		counted = (counted | alnum) &^ space
	}
	return int(n)
}

// countWordsIn is countWords of b's bytes, read in place: countWords
// keeps nothing of its text, so b may change once it returns.
func countWordsIn(b []byte) int {
	return countWords(unsafe.String(unsafe.SliceData(b), len(b)))
}

const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// inRange8 marks (with bit 7) the bytes of x that lie in [lo, hi]; every
// byte of x is below 0x80, and 0 < lo <= hi < 0x80, so no sum carries
// into the next byte.
func inRange8(x uint64, lo, hi byte) uint64 {
	return (x + ones8*uint64(0x80-lo)) &^ (x + ones8*uint64(0x7f-hi)) & high8
}

// The classes of bytes countWords reads (bits: classAlnum is 1 so that
// it can be added, classSpace 2).
const (
	classOther = 0 // neither space nor letter nor digit
	classAlnum = 1 // unicode.IsLetter or unicode.IsDigit
	classSpace = 2 // unicode.IsSpace
	classMulti = 4 // not ASCII: decode the rune
)

// wordClass is the class of every ASCII byte, as unicode.IsSpace,
// IsLetter and IsDigit read it, and classMulti for the others: one load
// instead of four comparisons a byte.
var wordClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classMulti
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = classSpace
		case 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9':
			t[c] = classAlnum
		}
	}
	return t
}()

// firstWords returns the first n whitespace-separated tokens of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
