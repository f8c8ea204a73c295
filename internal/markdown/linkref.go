package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// quickLinkRef is goldmark's LinkReferenceParagraphTransformer, which
// runs on every paragraph and first makes a text.BlockReader over its
// lines (an allocation a paragraph, a tenth of a conversion's), with a
// quicker way past a paragraph that cannot begin with a link reference
// definition: one whose first line's first non-space byte is not '['.
// The transformer reads definitions from the paragraph's start after
// skipping spaces, and stops, changing nothing, at the first line that
// does not begin (after at most three columns of indentation, which the
// paragraph has trimmed anyway) with '['. A paragraph whose first line
// is all spaces goes to goldmark's transformer.
type quickLinkRef struct{}

func (quickLinkRef) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if lines := node.Lines(); lines.Len() > 0 {
		first := lines.At(0)
		for _, c := range first.Value(reader.Source()) {
			if !util.IsSpace(c) {
				if c != '[' {
					return
				}
				break
			}
		}
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// paragraphTransformers are goldmark's default paragraph transformers,
// at their priorities, with quickLinkRef for the link reference one.
func paragraphTransformers() []util.PrioritizedValue {
	ts := parser.DefaultParagraphTransformers()
	for i, t := range ts {
		if t.Value == parser.LinkReferenceParagraphTransformer {
			ts[i].Value = quickLinkRef{}
		}
	}
	return ts
}

// newParser is goldmark's default parser (goldmark.New's) with
// paragraphTransformers.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(paragraphTransformers()...),
	)
}
