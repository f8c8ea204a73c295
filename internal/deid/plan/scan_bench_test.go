package plan

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkPseudonymsIn reads 32 different texts of about 8 KB in turn for
// the pseudonyms they hold, as the planner does once for each document that
// gets a pseudonym.
func BenchmarkPseudonymsIn(b *testing.B) {
	benchtext.Run(b, func(s string) { pseudonymsIn(s) })
}

// BenchmarkSitePseudonymsIn is BenchmarkPseudonymsIn on the first 64 posts
// of the site in VEIL_BENCH_SITE, whose words vary more.
func BenchmarkSitePseudonymsIn(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	texts := benchtext.SitePosts(b, root, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		pseudonymsIn(texts[i%len(texts)])
		i++
	}
}

// BenchmarkTitledPositions finds the offsets after a title in 32 different
// texts of about 8 KB in turn, as afterHonorific does once for each
// document with a one-word name. The texts are made ASCII first (their
// typographic apostrophes made plain), as most posts are: afterHonorific
// lowers any other text whole before.
func BenchmarkTitledPositions(b *testing.B) {
	texts := benchtext.Texts(32)
	for i, s := range texts {
		texts[i] = strings.Map(func(r rune) rune {
			if r >= utf8.RuneSelf {
				return '\''
			}
			return r
		}, s)
	}
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		titledPositions(texts[i%len(texts)])
		i++
	}
}

// BenchmarkSitePseudonymsInForms is BenchmarkSitePseudonymsIn as the
// engine's planner does it: from the distinct words of each post, made
// before the timer as the detectors make them.
func BenchmarkSitePseudonymsInForms(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	var forms [][]string
	for _, t := range benchtext.SitePosts(b, root, 64) {
		forms = append(forms, (&deid.Doc{Text: t}).Analysis().Vocab())
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		pseudonymsInForms(forms[i%len(forms)])
		i++
	}
}

// BenchmarkSiteTitledPositions finds the offsets after a title in the
// first 64 posts of VEIL_BENCH_SITE that are ASCII, reading every byte
// (titledPositions), and BenchmarkSiteTitledPositionsOf from the ends of
// their words, made before the timer as the detectors make them.
func BenchmarkSiteTitledPositions(b *testing.B) {
	texts, _ := asciiSitePosts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		titledPositions(texts[i%len(texts)])
		i++
	}
}

func BenchmarkSiteTitledPositionsOf(b *testing.B) {
	texts, words := asciiSitePosts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		titledPositionsOf(texts[i%len(texts)], words[i%len(texts)])
		i++
	}
}

// asciiSitePosts returns the ASCII posts among the first 64 of
// VEIL_BENCH_SITE and their words.
func asciiSitePosts(b *testing.B) ([]string, [][]deid.Word) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		b.Skip("VEIL_BENCH_SITE is not set")
	}
	var texts []string
	var words [][]deid.Word
	for _, t := range benchtext.SitePosts(b, root, 64) {
		if isASCII(t) {
			texts = append(texts, t)
			words = append(words, (&deid.Doc{Text: t}).Analysis().Words())
		}
	}
	if len(texts) == 0 {
		b.Skip("no ASCII post")
	}
	return texts, words
}
