package rules

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkRulesVaried runs every rule detector on varied texts, each as a
// new document (so that the candidate tokens are made every time, as in a
// build): the first 100 posts of the site in VEIL_BENCH_SITE (made by
// ../shared/bench/gen_corpus.py) when it is set, otherwise 32 invented
// texts of about 8 KB (benchtext).
func BenchmarkRulesVaried(b *testing.B) {
	texts := benchTexts(b)
	dets := Default()
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc := &deid.Doc{Text: texts[i%len(texts)]}
		i++
		for _, d := range dets {
			if _, err := d.Detect(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRulesBodies is BenchmarkRulesVaried on the posts' bodies
// without their front matter, as a build gives them to the engine (with
// the title and tags, not the date line, whose "2023-06-07T20" costs the
// code scanner more than a body does).
func BenchmarkRulesBodies(b *testing.B) {
	texts := benchTexts(b)
	for i, t := range texts {
		if rest, ok := strings.CutPrefix(t, "---\n"); ok {
			if k := strings.Index(rest, "\n---\n"); k >= 0 {
				texts[i] = rest[k+5:]
			}
		}
	}
	dets := Default()
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc := &deid.Doc{Text: texts[i%len(texts)]}
		i++
		for _, d := range dets {
			if _, err := d.Detect(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchTexts(b *testing.B) []string {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		return benchtext.Texts(32)
	}
	paths, err := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no posts in %s: %v", root, err)
	}
	sort.Strings(paths)
	var texts []string
	for _, p := range paths[:min(100, len(paths))] {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(src))
	}
	return texts
}
