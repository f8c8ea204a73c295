package cli

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// BenchmarkDeidentifyPosts de-identifies the first 100 posts of the site in
// VEIL_BENCH_SITE (made by ../shared/bench/gen_corpus.py; a generated one
// otherwise) with every recognizer and the planner, each post as a new
// document, so that a CPU profile shows the de-identification of varied
// posts without the rest of a build.
func BenchmarkDeidentifyPosts(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		root = b.TempDir()
		genSite(b, root, 100)
	}
	paths, err := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no posts in %s: %v", root, err)
	}
	sort.Strings(paths)
	paths = paths[:min(100, len(paths))]
	var texts []string
	size := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(src))
		size += len(src)
	}
	eng := engineForTest(b)
	if _, err := eng.Deidentify(context.Background(), &deid.Doc{Text: texts[0]}); err != nil { // load models and lexicons
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := eng.Deidentify(context.Background(), &deid.Doc{Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
