package deid

import (
	"testing"

	"github.com/veil-blog/veil/internal/deid/benchtext"
)

// BenchmarkWordAges looks for ages written in words in the posts of the
// site in VEIL_BENCH_SITE (the first 64, in turn), or else in 32 texts of
// about 8 KB, as the engine does once for each document: the site's prose
// has the short words ("the", "one", "ten") that the test of a number
// word reads.
func BenchmarkWordAges(b *testing.B) {
	texts := benchtext.SiteOrTexts(b, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		wordAges(texts[i%len(texts)], nil)
		i++
	}
}

// BenchmarkFindPublicTerms finds the public terms (vocab.PublicTerms) in
// the words of the posts of VEIL_BENCH_SITE (the first 64) or else of 32
// texts of about 8 KB, split before the timer, as dropAllowed does once for
// each document.
func BenchmarkFindPublicTerms(b *testing.B) {
	texts := benchtext.SiteOrTexts(b, 64)
	words := make([][]word, len(texts))
	for i, t := range texts {
		words[i] = splitWords(t)
	}
	ts := publicTermSet()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ts.find(texts[i%len(texts)], words[i%len(texts)])
		i++
	}
}

// BenchmarkPublicBodySpans finds the names of public bodies in the words of
// the posts of VEIL_BENCH_SITE (the first 64) or else of 32 texts of about
// 8 KB, split before the timer, as dropAllowed does once for each document.
func BenchmarkPublicBodySpans(b *testing.B) {
	texts := benchtext.SiteOrTexts(b, 64)
	words := make([][]word, len(texts))
	for i, t := range texts {
		words[i] = splitWords(t)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		publicBodySpans(texts[i%len(texts)], words[i%len(texts)])
		i++
	}
}

// BenchmarkPredicateAges looks for ages said with a verb ("she was 34.")
// in the posts of VEIL_BENCH_SITE (the first 64) or else in 32 texts of
// about 8 KB, as the engine does once for each document.
func BenchmarkPredicateAges(b *testing.B) {
	texts := benchtext.SiteOrTexts(b, 64)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		predicateAges(texts[i%len(texts)], nil)
		i++
	}
}

// BenchmarkMayHoldNumberWord asks, from their distinct forms (made before
// the timer, as the detectors make them), whether the posts of
// VEIL_BENCH_SITE (the first 64) or 32 texts of about 8 KB may hold an age
// in words, as the engine does before BenchmarkWordAges' work.
func BenchmarkMayHoldNumberWord(b *testing.B) {
	texts := benchtext.SiteOrTexts(b, 64)
	forms := make([][]string, len(texts))
	for i, t := range texts {
		forms[i] = (&Doc{Text: t}).Analysis().Vocab()
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		mayHoldNumberWord(texts[i%len(texts)], forms[i%len(texts)])
		i++
	}
}
