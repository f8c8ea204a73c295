package markdown

import (
	"bytes"
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// languagesTxt lists the language identifiers a fenced code block may
// name (see tools/genlangs for where they come from).
//
//go:embed languages.txt
var languagesTxt string

// languages is the set of languagesTxt, built once.
var languages = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(languagesTxt, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// langClass matches the class of a code element that names a known
// language, in any case ("language-go", "language-Go").
var langClass = func() *regexp.Regexp {
	var alts []string
	for l := range languages() {
		alts = append(alts, regexp.QuoteMeta(l))
	}
	sort.Strings(alts)
	return regexp.MustCompile(`^(?i:language-(?:` + strings.Join(alts, "|") + `))$`)
}()

// Language returns the language a fenced code block's info string names
// (its first word, "ruby" of "ruby {linenos=true}"), in lower case, when it
// is one of a known list of programming and markup languages; otherwise
// "". The info string reaches the page as a class ("language-ruby"), so
// only a known language identifier is kept: anything else may be words the
// author wrote, and a word there is no text a reader sees.
func Language(info string) string {
	w := strings.TrimSpace(info)
	if i := strings.IndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == '{' || r == ',' }); i >= 0 {
		w = w[:i]
	}
	w = strings.ToLower(strings.TrimPrefix(w, "."))
	if languages()[w] {
		return w
	}
	return ""
}

// FenceInfo is the info string of one fenced code block: its byte range
// in the source and the language it names (see Language), if any.
type FenceInfo struct {
	Start, End int
	Language   string
}

// FenceInfos returns the info strings of the fenced code blocks of a
// Markdown document, in order. A block with no info string has none.
//
// It finds what Convert's full parse finds, at a fraction of the cost: a
// document in which no fence ("```" or "~~~") has anything but spaces
// after it on its line has no info string at all, and is not parsed; any
// other is parsed for its block structure only (see blockParser), which
// is where fenced code blocks and their info strings are found. Only a
// fence inside a footnote definition needs the full parse, which drops
// the definitions no footnote reference points at.
func (c *Converter) FenceInfos(src []byte) []FenceInfo {
	if !mayHaveInfo(src) {
		return nil
	}
	doc := c.blocks.Parse(text.NewReader(src))
	if fenceInFootnote(doc) {
		doc = c.md.Parser().Parse(text.NewReader(src))
	}
	return fenceInfos(doc, src)
}

func fenceInfos(doc ast.Node, src []byte) []FenceInfo {
	var out []FenceInfo
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil {
			seg := f.Info.Segment
			out = append(out, FenceInfo{Start: seg.Start, End: seg.Stop, Language: Language(string(seg.Value(src)))})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// fenceInFootnote reports whether a fenced code block with an info string
// lies in a footnote definition of doc.
func fenceInFootnote(doc ast.Node) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*extast.Footnote); !ok || !entering {
			return ast.WalkContinue, nil
		}
		_ = ast.Walk(n, func(f ast.Node, entering bool) (ast.WalkStatus, error) {
			if fc, ok := f.(*ast.FencedCodeBlock); ok && fc.Info != nil {
				found = true
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return found
}

// mayHaveInfo reports whether some "```" or "~~~" in src is followed on
// its line by a byte other than a space, a tab or a carriage return. When
// it is not, no fenced code block of src has an info string: a block's
// opening fence is a run of at least three backticks or tildes, and its
// info string is what follows the run on that line, trimmed of spaces;
// here every such run is exactly three long (a fourth fence character
// would follow its first three) and followed by spaces alone.
func mayHaveInfo(src []byte) bool {
	for _, c := range [...]byte{'`', '~'} {
		// Every run of three c, found from its first byte.
		for i := 0; ; i++ {
			j := bytes.IndexByte(src[i:], c)
			if j < 0 {
				break
			}
			i += j
			if i+3 > len(src) {
				break
			}
			if src[i+1] != c || src[i+2] != c {
				continue
			}
			for j := i + 3; j < len(src) && src[j] != '\n'; j++ {
				if b := src[j]; b != ' ' && b != '\t' && b != '\r' {
					return true
				}
			}
		}
	}
	return false
}

// blockParser returns a parser with the block parsers and paragraph
// transformers that exts add to goldmark's defaults, and no inline
// parsers or AST transformers. Block structure is settled before any
// inline is parsed (CommonMark, "Blocks and inlines"; goldmark parses
// inlines in a second walk over the finished blocks), and code blocks are
// raw, never parsed inline, so this parser finds the same fenced code
// blocks with the same info strings as the full one, in a fraction of the
// time; what it cannot know is which footnote definitions are referenced
// (inline), so FenceInfos parses fully a document with a fence in one.
func blockParser(exts []goldmark.Extender) parser.Parser {
	col := &collectOptions{cfg: parser.NewConfig()}
	col.AddOptions(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	goldmark.New(goldmark.WithParser(col), goldmark.WithExtensions(exts...))
	opts := []parser.Option{
		parser.WithBlockParsers(col.cfg.BlockParsers...),
		parser.WithParagraphTransformers(col.cfg.ParagraphTransformers...),
	}
	for name, v := range col.cfg.Options {
		opts = append(opts, parser.WithOption(name, v))
	}
	if col.cfg.EscapedSpace {
		opts = append(opts, parser.WithEscapedSpace())
	}
	return parser.NewParser(opts...)
}

// collectOptions is a parser that only records the options extensions
// add to it.
type collectOptions struct{ cfg *parser.Config }

func (c *collectOptions) AddOptions(opts ...parser.Option) {
	for _, o := range opts {
		o.SetParserOption(c.cfg)
	}
}

func (c *collectOptions) Parse(text.Reader, ...parser.ParseOption) ast.Node {
	panic("markdown: collectOptions only collects options")
}

// dropUnknownLanguages removes the info string of every fenced code block
// that names no known language, so that no class is written for it.
func dropUnknownLanguages(doc ast.Node, src []byte) {
	walkBlocks(doc, func(n ast.Node) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil && Language(string(f.Info.Segment.Value(src))) == "" {
			f.Info = nil
		}
	})
}
