package dict

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/casefile"
)

// TestCaseFiles runs the dictionary recognizers over the examples of
// testdata/*.txtar, one file per recognizer (person, place, org). A want
// line's label is a kind, or a kind and a type ("place/city"); the finding
// must be among those of the three recognizers, which read a text together.
// A "~" line names a text some finding of the kind covers; a "!" line one
// that no finding of the kind may cover, or with an empty text says there is
// none of the kind.
func TestCaseFiles(t *testing.T) {
	var names []string
	for _, d := range Default(nil) {
		names = append(names, strings.TrimPrefix(d.Name(), "dict/"))
	}
	files, err := casefile.ReadDir("testdata", names)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		path := file.Path
		for _, c := range file.Cases {
			fs := detectAll(t, c.In)
			for _, w := range c.Want {
				kind, typ, typed := strings.Cut(w.Label, "/")
				ok := false
				for _, f := range fs {
					if string(f.Kind) == kind && f.Text == w.Text && (!typed || string(f.Type) == typ) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s:%d: %q: want %s %q, got %v", path, c.Line, c.In, w.Label, w.Text, found(fs))
				}
			}
			for _, w := range c.Some {
				if !covers(c.In, fs, deid.Kind(w.Label), w.Text) {
					t.Errorf("%s:%d: %q: want a %s covering %q, got %v", path, c.Line, c.In, w.Label, w.Text, found(fs))
				}
			}
			for _, n := range c.Not {
				kind := deid.Kind(n.Label)
				if n.Text == "" {
					for _, f := range fs {
						if f.Kind == kind {
							t.Errorf("%s:%d: %q: want no %s, got %q", path, c.Line, c.In, kind, f.Text)
						}
					}
				} else if covers(c.In, fs, kind, n.Text) {
					t.Errorf("%s:%d: %q: %q must not be a %s, got %v", path, c.Line, c.In, n.Text, kind, found(fs))
				}
			}
		}
	}
}
