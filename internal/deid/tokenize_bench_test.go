package deid

import (
	"os"
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkTokenize tokenizes 32 different texts of about 8 KB in turn (see
// BenchmarkStages in internal/cli for the other stages).
func BenchmarkTokenize(b *testing.B) {
	benchtext.Run(b, func(s string) { Tokenize(s) })
}

// BenchmarkAnalysisWords makes the words and vocabulary of the analysis of
// 32 different texts of about 8 KB in turn, as every recognizer shares
// them.
func BenchmarkAnalysisWords(b *testing.B) {
	benchtext.Run(b, func(s string) { (&Doc{Text: s}).Analysis().Words() })
}

// BenchmarkSiteAnalysisWords is BenchmarkAnalysisWords on the posts of the
// site in VEIL_BENCH_SITE (made by ../shared/bench/gen_corpus.py), each a new
// document in turn: their Markdown, lists and headings are where the size
// of the words' slice (wordsAtMost) matters.
func BenchmarkSiteAnalysisWords(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	posts := benchtext.SitePosts(b, root, 1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		(&Doc{Text: posts[i%len(posts)]}).Analysis().Words()
		i++
	}
}

// BenchmarkSiteAnalysisWordsLent is BenchmarkSiteAnalysisWords with the
// arrays the engine lends each document (Engine.lend), as it reads them:
// each post's words are written where the post before it left its own.
func BenchmarkSiteAnalysisWordsLent(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	posts := benchtext.SitePosts(b, root, 1000)
	e := New()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc := e.lend(&Doc{Text: posts[i%len(posts)]})
		doc.Analysis().Words()
		e.release(doc)
		i++
	}
}
