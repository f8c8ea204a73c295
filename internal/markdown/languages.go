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
	if infos, ok := scanFenceInfos(src); ok {
		return infos
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

// scanFenceInfos finds the info strings of src's fenced code blocks by
// reading its lines, without a parse, when every fence of src opens at
// the start of a line (column 0) outside raw HTML; otherwise it returns
// false. Such a fence lies in no container: a line that starts with
// neither spaces nor a container's marker ends every open list, quote
// and footnote definition unless it continues a paragraph lazily, and a
// fence interrupts a paragraph. Nor is it read into a paragraph, a table
// or an indented code block, which it ends. Only a fenced code block
// already open, or a block of raw HTML, would hold it as text: the first
// is followed here line by line, the second is ruled out by giving up
// at any line whose first non-blank byte is '<' (where every HTML block
// starts). Any other run of three fence characters outside a fenced
// block may be a fence in a container or after indentation, and makes
// it give up too; so does an opening line goldmark refuses as a fence
// (a backtick in a backtick fence's info string). What it records of an
// opening line is what goldmark's fenced code block parser records
// (parser/fcode_block.go), quirks included: the info string is the rest
// of the line, trimmed of spaces, tabs and line ends, and none is read
// from a last line without a newline whose rest is a single byte.
func scanFenceInfos(src []byte) ([]FenceInfo, bool) {
	var out []FenceInfo
	var fence byte // the character of the open fenced block, or 0
	fenceLen := 0
	for start := 0; start < len(src); {
		next := len(src)
		if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
			next = start + i + 1
		}
		line := src[start:next] // with its newline, as goldmark reads it
		lineStart := start
		start = next
		if fence != 0 {
			// The block ends at a run of at least its fence's length,
			// indented less than four columns, followed by spaces alone.
			w, pos := 0, 0
			for ; pos < len(line) && w < 4; pos++ {
				if line[pos] == ' ' {
					w++
				} else if line[pos] == '\t' {
					w += 4 - w%4
				} else {
					break
				}
			}
			if w < 4 {
				i := pos
				for i < len(line) && line[i] == fence {
					i++
				}
				if i-pos >= fenceLen && isBlank(line[i:]) {
					fence = 0
				}
			}
			continue
		}
		if c := line[0]; c == '`' || c == '~' {
			i := 1
			for i < len(line) && line[i] == c {
				i++
			}
			if i >= 3 {
				if i < len(line)-1 {
					rest := line[i:]
					left, right := trimLeftSpace(rest), trimRightSpace(rest)
					if left < len(rest)-right {
						value := rest[left : len(rest)-right]
						if c == '`' && bytes.IndexByte(value, '`') >= 0 {
							return nil, false // a paragraph's line, not a fence
						}
						out = append(out, FenceInfo{
							Start:    lineStart + i + left,
							End:      lineStart + len(line) - right,
							Language: Language(string(value)),
						})
					}
				}
				fence, fenceLen = c, i
				continue
			}
		}
		for _, b := range line {
			if b != ' ' && b != '\t' {
				if b == '<' {
					return nil, false // may open an HTML block
				}
				break
			}
		}
		if bytes.Contains(line, []byte("```")) || bytes.Contains(line, []byte("~~~")) {
			return nil, false // may be a fence elsewhere than at column 0
		}
	}
	return out, true
}

// isBlank, trimLeftSpace and trimRightSpace are goldmark's util.IsBlank,
// TrimLeftSpaceLength and TrimRightSpaceLength: a space is ' ', '\t',
// '\n' or '\r'.
func isBlank(b []byte) bool { return trimLeftSpace(b) == len(b) }

func trimLeftSpace(b []byte) int {
	i := 0
	for i < len(b) && isSpaceByte(b[i]) {
		i++
	}
	return i
}

func trimRightSpace(b []byte) int {
	i := len(b)
	for i > 0 && isSpaceByte(b[i-1]) {
		i--
	}
	return len(b) - i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

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
