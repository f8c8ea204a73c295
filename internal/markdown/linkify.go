package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// quickLinkify is goldmark's extension.Linkify (the same parser, at the
// same priority, on the same trigger characters) with a test before each
// attempt that says when it cannot find a link: the parser runs at every
// space of running text, and almost every word is no link.
var quickLinkify goldmark.Extender = linkifyExt{}

type linkifyExt struct{}

func (linkifyExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&linkifyParser{extension.NewLinkifyParser()}, 999),
	))
}

type linkifyParser struct{ parser.InlineParser }

// Parse is the linkify parser's, when mayLinkify says it may find
// something. (The parser's CloseBlock does nothing.)
func (p *linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if line, _ := block.PeekLine(); !mayLinkify(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// mayLinkify is false where goldmark's linkify parser finds nothing at
// the start of line: it skips one trigger character, then takes a URL only
// if the rest begins "http:", "https:", "ftp:" or "www.", and otherwise
// an e-mail address only if at most 64 bytes come before its '@'
// (util.FindEmailIndex). Here the URLs are only told by their first
// letter: a word that begins with h, f or w goes to the parser.
func mayLinkify(line []byte) bool {
	if len(line) < 2 {
		return true // the parser's own business
	}
	switch line[0] {
	case 'h', 'f', 'w':
		return true
	}
	switch line[1] {
	case 'h', 'f', 'w':
		return true
	}
	return bytes.IndexByte(line[:min(len(line), 1+64+1)], '@') >= 0
}
