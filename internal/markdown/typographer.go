package markdown

import (
	"bytes"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// quickTypographer is goldmark's extension.Typographer (the same parser
// at the same priority) without ',' among its trigger characters. Its
// parser returns nothing at a ',' (it reads quotes, dashes, "...", "<<"
// and ">>"), and no other inline parser triggers at ',', so every ',' of
// running text only made goldmark's inline loop cut the text there, call
// the parser, and append the text again to the node it came from: the
// tree is the same without. (The cut would matter only at white space,
// whose trailing run a line's last piece loses; a ',' is none.)
var quickTypographer goldmark.Extender = typographerExt{}

type typographerExt struct{}

func (typographerExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(newTypographerParser(), 9999),
	))
}

// apostrophe is the typographer's default substitution for an apostrophe.
var apostrophe = []byte("&rsquo;")

// typographerParser is goldmark's typographer parser with fewer triggers.
// (Its CloseBlock is not goldmark's parser.CloseBlocker's, so the inline
// loop never calls it; nor is it called here.)
type typographerParser struct {
	parser.InlineParser
	triggers []byte
}

func newTypographerParser() *typographerParser {
	p := extension.NewTypographerParser()
	return &typographerParser{
		InlineParser: p,
		triggers:     bytes.ReplaceAll(p.Trigger(), []byte{','}, nil),
	}
}

func (p *typographerParser) Trigger() []byte { return p.triggers }

// Parse is the typographer's, where it may return something: at a quote,
// or at the start of "...", "--", "<<" or ">>". Elsewhere (a '.', '-',
// '<' or '>' not doubled, a '*' or '[') goldmark's parser returns nil
// without moving the reader, and so does this, without calling it.
func (p *typographerParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) == 0 {
		return nil // as goldmark's inline loop never calls it
	}
	switch line[0] {
	case '\'':
		// An apostrophe between a letter or digit and a letter ("it's"):
		// goldmark's parser scans it as a delimiter (an allocation), and
		// then, whatever that says, returns an apostrophe (its decade
		// case, "'90s", returns the same node; its other cases want no
		// letter or digit before).
		if len(line) > 1 {
			before := block.PrecendingCharacter()
			if (unicode.IsDigit(before) || unicode.IsLetter(before)) && unicode.IsLetter(util.ToRune(line, 1)) {
				node := ast.NewString(apostrophe)
				node.SetCode(true)
				block.Advance(1)
				return node
			}
		}
	case '"':
	case '.':
		if len(line) < 3 || line[1] != '.' || line[2] != '.' {
			return nil
		}
	case '-', '<', '>':
		if len(line) < 2 || line[1] != line[0] {
			return nil
		}
	default:
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}
