package dict

import (
	"context"
	"os"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/deid/lexfacts"
	"github.com/veil-blog/veil/internal/lexicon"
)

// benchPosts returns the texts BenchmarkDictVaried cycles through: the
// bodies of up to 64 posts of the site VEIL_BENCH_SITE names (one made by
// ../shared/bench/gen_corpus.py, whose prose and identifiers vary far more),
// or else benchtext's invented texts.
func benchPosts(b *testing.B) []string {
	b.Helper()
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		return benchtext.Texts(32)
	}
	return benchtext.SitePosts(b, root, 64)
}

// BenchmarkDictVaried runs every dictionary detector (Default) over varied
// texts in turn, each a new document, so that nothing of one text is reused
// for the next; the time includes the document's words (deid.Tokenize),
// which the engine shares with the other recognizers.
func BenchmarkDictVaried(b *testing.B) {
	ctx := context.Background()
	texts := benchPosts(b)
	dets := Default(lexicon.Default())
	for _, t := range texts[:2] { // load the tables outside the timing
		for _, d := range dets {
			if _, err := d.Detect(ctx, &deid.Doc{Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		doc := &deid.Doc{Text: texts[i%len(texts)]}
		for _, d := range dets {
			if _, err := d.Detect(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
		i++
	}
}

// BenchmarkDictAnalyse measures the dictionary analysis alone (analyse:
// people, places, organisations) over the texts of BenchmarkDictVaried in
// turn: each text's words and lexicon facts, which the engine shares with
// the other recognizers, are made before the timing, and analyse keeps
// nothing of one call for the next but its arrays (shared.pool, as in a
// build).
func BenchmarkDictAnalyse(b *testing.B) {
	lex := lexicon.Default()
	sh := newShared(lex)
	texts := benchPosts(b)
	ans := make([]*deid.Analysis, len(texts))
	n := 0
	for k, t := range texts {
		ans[k] = (&deid.Doc{Text: t}).Analysis()
		lexfacts.Of(ans[k], lex)
		sh.analyse(ans[k]) // load the tables outside the timing
		n += len(t)
	}
	b.SetBytes(int64(n / len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sh.analyse(ans[i%len(ans)])
		i++
	}
}
