package risk

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
	"golang.org/x/tools/txtar"
)

// BenchmarkAssess scores one 1,500-word post (the CLI's benchmark text, unreplaced: the
// risk gate reads any text).
func BenchmarkAssess(b *testing.B) {
	src, err := os.ReadFile("../cli/testdata/post1500.md")
	if err != nil {
		b.Skip(err)
	}
	text := string(src)
	Assess(text, Policy{}) // load the tables
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Assess(text, Policy{})
	}
}

// BenchmarkAssessVaried scores varied posts in turn: the verdict cases of this package and
// of the CLI (posts full of rare details, most of them held back), the 1,500-word post, and,
// when VEIL_BENCH_SITE names a site made by ../shared/bench/gen_corpus.py, up to 64 of its
// posts. MB/s is bytes of text scored.
func BenchmarkAssessVaried(b *testing.B) {
	texts := benchTexts(b)
	var total int64
	for _, t := range texts {
		total += int64(len(t))
		Assess(t, Policy{}) // load the tables
	}
	b.SetBytes(total / int64(len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		Assess(texts[i%len(texts)], Policy{})
		i++
	}
}

func benchTexts(b *testing.B) []string {
	b.Helper()
	var texts []string
	cases, _ := filepath.Glob("testdata/verdicts/*.txtar")
	more, _ := filepath.Glob("../cli/testdata/verdicts/*.txtar")
	for _, file := range append(cases, more...) {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range ar.Files {
			texts = append(texts, string(f.Data))
		}
	}
	if src, err := os.ReadFile("../cli/testdata/post1500.md"); err == nil {
		texts = append(texts, string(src))
	}
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		texts = append(texts, benchtext.SitePosts(b, root, 64)...)
	}
	if len(texts) < 10 {
		b.Fatalf("%d texts to score", len(texts))
	}
	return texts
}
