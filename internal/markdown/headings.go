package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// headingIDs are the ids assignHeadingIDs gives a document's headings,
// with the nodes they are of. The plain way sets each as the heading's id
// attribute, which goldmark's SetAttribute keeps in a new slice of room
// for ten attributes, and the id in a new []byte behind an interface:
// three allocations a heading, 400 bytes. Otherwise renderHeading writes
// the ids from here, as goldmark's heading renderer writes the attribute.
type headingIDs struct {
	nodes []*ast.Heading
	heads []Heading // heads[i] is of nodes[i]
	next  int       // where of looks first: headings render in order
}

// of returns the id of heading n, and whether it has one.
func (ids *headingIDs) of(n *ast.Heading) (string, bool) {
	for i := range ids.nodes {
		j := (ids.next + i) % len(ids.nodes)
		if ids.nodes[j] == n {
			ids.next = j + 1
			return ids.heads[j].ID, true
		}
	}
	return "", false
}

// headingRenderer renders headings as goldmark's HTML renderer does, with
// the id from the writer's headingIDs (see bufWriter).
type headingRenderer struct{}

func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

// renderHeading is goldmark's renderHeading (renderer/html) for a heading
// whose id attribute was set to its id in w's headingIDs: the attribute
// is written as RenderAttributes writes it (` id="` EscapeHTML(id) `"`).
// A heading that has attributes of its own gets the id set among them,
// as the plain way does, and goldmark's writing.
func renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	var id string
	ok := false
	if bw, isBuf := w.(bufWriter); isBuf && bw.ids != nil {
		id, ok = bw.ids.of(n)
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[n.Level])
	switch {
	case n.Attributes() != nil:
		if ok {
			n.SetAttributeString("id", []byte(id))
		}
		gmhtml.RenderAttributes(w, n, gmhtml.HeadingAttributeFilter)
	case ok:
		_, _ = w.WriteString(` id="`)
		_, _ = w.Write(util.EscapeHTML(util.StringToReadOnlyBytes(id)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
