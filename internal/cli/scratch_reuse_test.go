package cli

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// TestScratchReuseIsFresh checks that the arrays the engine lends to each
// document and reuses for the next (the words of its analysis, its
// vocabulary, the glue's words) change no result. The whole engine, as a
// build runs it, reads varied texts one after another, in two orders and
// from four goroutines at once, and its findings and text must be those of
// an engine that gives every document new arrays and fills them with junk
// once the document is done (deid.WithFreshScratch): a recognizer or the
// planner that kept a document's words past its release would read junk
// there, and one that read an earlier document's words here would differ.
func TestScratchReuseIsFresh(t *testing.T) {
	texts := scratchTexts(t)
	opts := func(more ...deid.Option) []deid.Option {
		return append(append([]deid.Option{deid.WithKey([]byte("reuse key")), deid.WithDetectors(detectors()...)}, engineOptions()...), more...)
	}
	reused, fresh := deid.New(opts()...), deid.New(opts(deid.WithFreshScratch())...)
	ctx := context.Background()
	want := make([]*deid.Result, len(texts))
	wantFound := make([][]deid.Finding, len(texts))
	for i, text := range texts {
		var err error
		if want[i], err = fresh.Deidentify(ctx, &deid.Doc{Text: text}); err != nil {
			t.Fatal(err)
		}
		if wantFound[i], err = fresh.Detect(ctx, &deid.Doc{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(order string, i int) {
		got, err := reused.Deidentify(ctx, &deid.Doc{Text: texts[i]})
		if err != nil {
			t.Error(err)
			return
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: text %d (%.60q): reused arrays give\n%+v\nfresh ones\n%+v", order, i, texts[i], got, want[i])
		}
		found, err := reused.Detect(ctx, &deid.Doc{Text: texts[i]})
		if err != nil {
			t.Error(err)
			return
		}
		if !reflect.DeepEqual(found, wantFound[i]) {
			t.Errorf("%s: text %d (%.60q): Detect with reused arrays gives\n%+v\nfresh ones\n%+v", order, i, texts[i], found, wantFound[i])
		}
	}
	for i := range texts {
		check("in order", i)
	}
	for _, i := range rand.New(rand.NewPCG(3, 4)).Perm(len(texts)) {
		check("shuffled", i)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(texts); i += 4 {
				check("concurrently", i)
			}
		})
	}
	wg.Wait()
}

// scratchTexts returns texts of every size and kind the engine reads: the
// invented examples of testdata/deidcases line by line, the sections whole
// and run together, Markdown with character references and delimiter runs
// inside words (read twice, joined and apart), 8 KB texts, and generated
// posts.
func scratchTexts(t *testing.T) []string {
	files, err := filepath.Glob("testdata/deidcases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	sort.Strings(files)
	var lines, texts []string
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "input" {
				texts = append(texts, string(f.Data))
				lines = append(lines, strings.Split(strings.TrimSpace(string(f.Data)), "\n")...)
			}
		}
	}
	texts = append(texts, lines...)
	r := rand.New(rand.NewPCG(1, 2))
	marks := []string{"\n\n", " ", "\n- ", "\n## ", " &#79;dette Quarrel ", " Ode**tt**e Quarrel and *x* ", " **Tamsin** Vell’s ", "\n\n> ", " Ve&shy;ll "}
	for range 40 {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteString(marks[r.IntN(len(marks))])
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, benchtext.Texts(4)...)
	if src, err := os.ReadFile("testdata/post1500.md"); err == nil {
		texts = append(texts, string(src))
	}
	root := t.TempDir()
	genSite(t, root, 12)
	posts, err := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(src))
	}
	return texts
}
