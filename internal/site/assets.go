package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"github.com/tdewolff/parse/v2/js"
)

// stripCSSComments drops every comment of a style sheet (authors sign
// them, and a theme borrowed from a friend names the friend) and keeps every
// other byte as it was.
func stripCSSComments(src []byte) ([]byte, error) {
	l := css.NewLexer(parse.NewInputBytes(src))
	out := bytes.NewBuffer(make([]byte, 0, len(src)))
	for {
		tt, data := l.Next()
		switch tt {
		case css.ErrorToken:
			if err := l.Err(); err != nil && !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("style sheet does not parse: %w", err)
			}
			return out.Bytes(), nil
		case css.CommentToken:
			// dropped
		default:
			out.Write(data)
		}
	}
}

// stripJSComments parses a script and prints it again without comments.
// The parser keeps only "/*! ... */" licence comments (and a #! line) as
// nodes; those are removed too. A script that does not parse is refused.
func stripJSComments(src []byte) ([]byte, error) {
	ast, err := js.Parse(parse.NewInputBytes(src), js.Options{})
	if err != nil {
		return nil, fmt.Errorf("script does not parse: %w", err)
	}
	js.Walk(commentDropper{}, ast)
	out := []byte(ast.JSString())
	// The printer writes comment nodes as "/*!" or "//!"; one the walk
	// cannot reach would show here. Refuse rather than publish it.
	if bytes.Contains(out, []byte("/*!")) || bytes.Contains(out, []byte("//!")) || bytes.HasPrefix(out, []byte("#!")) {
		return nil, errors.New("script keeps a comment veil cannot remove")
	}
	return out, nil
}

type commentDropper struct{}

func (v commentDropper) Enter(n js.INode) js.IVisitor {
	if b, ok := n.(*js.BlockStmt); ok {
		kept := b.List[:0]
		for _, s := range b.List {
			if _, isComment := s.(*js.Comment); !isComment {
				kept = append(kept, s)
			}
		}
		b.List = kept
	}
	return v
}

func (commentDropper) Exit(js.INode) {}

// cssPaths returns the paths a style sheet names: every url(...) and every
// quoted string with a slash in it (@import "x/y.css"). Font names and
// other strings are left alone.
func cssPaths(src []byte) []string {
	l := css.NewLexer(parse.NewInputBytes(src))
	var out []string
	for {
		tt, data := l.Next()
		switch tt {
		case css.ErrorToken:
			return out
		case css.URLToken:
			s := strings.TrimSuffix(strings.TrimPrefix(string(data), "url("), ")")
			out = append(out, strings.Trim(strings.TrimSpace(s), `"'`))
		case css.StringToken:
			if s := strings.Trim(string(data), `"'`); strings.Contains(s, "/") {
				out = append(out, s)
			}
		}
	}
}

// scriptStrings returns the string and template literals of a script, as
// its parser reads them, one to a paragraph ("" for a script that does not
// parse, which is refused anyway).
func scriptStrings(src []byte) string {
	ast, err := js.Parse(parse.NewInputBytes(src), js.Options{})
	if err != nil {
		return ""
	}
	var b strings.Builder
	js.Walk(&literalCollector{b: &b}, ast)
	return b.String()
}

type literalCollector struct{ b *strings.Builder }

func (v *literalCollector) Enter(n js.INode) js.IVisitor {
	switch n := n.(type) {
	case *js.LiteralExpr:
		if n.TokenType == js.StringToken && len(n.Data) >= 2 {
			v.b.Write(n.Data[1 : len(n.Data)-1])
			v.b.WriteString("\n\n")
		}
	case *js.TemplateExpr:
		for _, p := range n.List {
			v.b.Write(p.Value)
			v.b.WriteString("\n\n")
		}
		v.b.Write(n.Tail)
		v.b.WriteString("\n\n")
	}
	return v
}

func (*literalCollector) Exit(js.INode) {}
