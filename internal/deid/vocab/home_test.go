package vocab

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestWordSetsLiveHere keeps the word lists in one home: a set of words written
// out in the Go code of a recognizer (a map from words to true, or to struct{})
// belongs in lists/, with a header saying what it is for. Value tables (a word's
// number, a cue's type) and the patterns' own alternatives stay in code.
func TestWordSetsLiveHere(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok || !isWordSet(cl.Type) {
				return true
			}
			words := 0
			for _, e := range cl.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if bl, ok := kv.Key.(*ast.BasicLit); ok && bl.Kind == token.STRING {
						words++
					}
				}
			}
			if words >= 4 {
				t.Errorf("%s: a set of %d words written in Go; put it in internal/deid/vocab/lists", fset.Position(cl.Pos()), words)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// isWordSet reports whether a composite literal's type is map[string]bool or
// map[string]struct{}.
func isWordSet(e ast.Expr) bool {
	m, ok := e.(*ast.MapType)
	if !ok {
		return false
	}
	if k, ok := m.Key.(*ast.Ident); !ok || k.Name != "string" {
		return false
	}
	switch v := m.Value.(type) {
	case *ast.Ident:
		return v.Name == "bool"
	case *ast.StructType:
		return len(v.Fields.List) == 0
	}
	return false
}
