package lexfacts

import (
	"os"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/lexicon"
)

// BenchmarkSharedAnalysis is the per-document layer every recognizer
// shares, on 32 different texts of about 8 KB in turn: the words and
// vocabulary of the analysis, then the lexicon facts of each word with
// letters, as the dictionary recognizers ask for them.
func BenchmarkSharedAnalysis(b *testing.B) {
	lex := lexicon.Default()
	lex.Facts("warm") // load the tables outside the timing
	benchtext.Run(b, func(s string) {
		an := (&deid.Doc{Text: s}).Analysis()
		w := Of(an, lex)
		for _, t := range an.Words() {
			if t.Shape != deid.ShapeNone {
				w.Facts(t.ID)
			}
		}
	})
}

// BenchmarkSiteAnalysis is BenchmarkSharedAnalysis on the posts of the site in
// VEIL_BENCH_SITE (made by ../shared/bench/gen_corpus.py), each a new document
// in turn: their vocabulary varies far more than the 32 texts', so the lexicon
// is read as in a build.
func BenchmarkSiteAnalysis(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	posts := benchtext.SitePosts(b, root, 1000)
	lex := lexicon.Default()
	lex.Facts("warm")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		an := (&deid.Doc{Text: posts[i%len(posts)]}).Analysis()
		w := Of(an, lex)
		for _, t := range an.Words() {
			if t.Shape != deid.ShapeNone {
				w.Facts(t.ID)
			}
		}
		i++
	}
}

// BenchmarkSiteFacts is the lexicon's part of BenchmarkSiteAnalysis alone:
// lexicon.Facts of every distinct word of each post of VEIL_BENCH_SITE in
// turn (the vocabularies made before the timer starts), the probes a build
// makes of the word tables, in its order.
func BenchmarkSiteFacts(b *testing.B) {
	vocabs := siteVocabs(b)
	lex := lexicon.Default()
	lex.Facts("warm")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		for _, w := range vocabs[i%len(vocabs)] {
			lex.Facts(w)
		}
		i++
	}
}

// BenchmarkSiteWordPlace is BenchmarkSiteFacts for lexicon.WordPlace, which
// the sequence tagger asks of every distinct word of a post.
func BenchmarkSiteWordPlace(b *testing.B) {
	vocabs := siteVocabs(b)
	lex := lexicon.Default()
	lex.WordPlace("warm")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		for _, w := range vocabs[i%len(vocabs)] {
			lex.WordPlace(w)
		}
		i++
	}
}

// siteVocabs returns the distinct words of each post of VEIL_BENCH_SITE,
// or skips the benchmark when it is not set.
func siteVocabs(b *testing.B) [][]string {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	posts := benchtext.SitePosts(b, root, 1000)
	vocabs := make([][]string, len(posts))
	for i, p := range posts {
		vocabs[i] = (&deid.Doc{Text: p}).Analysis().Vocab()
	}
	return vocabs
}
