package cli

import (
	"context"
	"slices"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// BenchmarkNER times the NER detector as a build runs it: after the
// recognizers before it (whose findings, doc.Found, decide which windows it
// tags) and on the document analysis they share. Only NER's Detect is
// timed; each round makes a fresh Doc, so nothing NER derives from a text
// carries over to the next round. Posts as in BenchmarkStages
// (VEIL_BENCH_SITE for gen_corpus.py text).
func BenchmarkNER(b *testing.B) { benchNER(b, 64) }

// BenchmarkNERSite is BenchmarkNER over up to 1,000 posts of the site, so
// that with -benchtime 1000x each post is tagged once, as a build's
// workers tag them: what NER keeps from one text to the next (its token
// caches) serves the posts that follow, not the same posts again.
func BenchmarkNERSite(b *testing.B) { benchNER(b, 1000) }

func benchNER(b *testing.B, posts int) {
	ctx := context.Background()
	texts := benchBodies(b, benchSite(b, 64), posts)
	ds := RuleDetectors()
	before, nd := ds[:len(ds)-1], ds[len(ds)-1]
	prepare := func(text string) *deid.Doc {
		doc := &deid.Doc{Text: text}
		doc.Analysis() // shared by the copies below, as in Engine.detect
		var found []deid.Finding
		for _, d := range before {
			seen := *doc
			seen.Found = found
			fs, err := d.Detect(ctx, &seen)
			if err != nil {
				b.Fatal(err)
			}
			found = append(found, fs...)
			slices.SortStableFunc(found, func(x, y deid.Finding) int { return x.Start - y.Start })
		}
		seen := *doc
		seen.Found = found
		return &seen
	}
	if _, err := nd.Detect(ctx, prepare(texts[0])); err != nil { // load the model
		b.Fatal(err)
	}
	b.SetBytes(totalLen(texts) / int64(len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc := prepare(texts[i%len(texts)])
		b.StartTimer()
		if err := detectOnce(ctx, nd, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// detectOnce is one timed Detect: a function of its own, so that
// callgrind can count it alone (--toggle-collect='*cli.detectOnce'),
// without the model's loading in the first call.
//
//go:noinline
func detectOnce(ctx context.Context, d deid.Detector, doc *deid.Doc) error {
	_, err := d.Detect(ctx, doc)
	return err
}
