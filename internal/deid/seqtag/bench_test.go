package seqtag

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/deid/dict"
	"github.com/veil-blog/veil/internal/lexicon"
)

// BenchmarkFind tags the texts of benchTexts.
func BenchmarkFind(b *testing.B) {
	texts := benchTexts()
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	lex := lexicon.Default()
	lex.LoadAll()
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			m.Find(lex, t, false)
		}
	}
}

// benchTexts reads the texts of the JSONL file SEQ_BENCH (the dev sets,
// say); without it, a paragraph of invented prose.
func benchTexts() []string {
	texts := []string{"Last Tuesday my client Tavi Orlund came to the clinic with her son Mateo. " +
		"She moved to Alder Creek from New Bedford after Dr. Zanetti at Winstead Hospital retired; " +
		"omg lol thanks @quillon see u in brookvale #fun"}
	if f, err := os.Open(os.Getenv("SEQ_BENCH")); err == nil {
		texts = texts[:0]
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var d struct{ Text string }
			json.Unmarshal(sc.Bytes(), &d)
			texts = append(texts, d.Text)
		}
		f.Close()
	}
	return texts
}

// BenchmarkDetect runs the detector as veil does, clinical notes told apart.
func BenchmarkDetect(b *testing.B) {
	texts := benchTexts()
	lex := lexicon.Default()
	lex.LoadAll()
	d := New(lex, WithNote(dict.ClinicalNote))
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			d.Detect(context.Background(), &deid.Doc{Text: t})
		}
	}
}

// BenchmarkDetectPosts runs the detector as the engine does, over varied
// posts: the bodies of the first 64 posts of VEIL_BENCH_SITE (a site made
// by ../shared/bench/gen_corpus.py), or else benchtext's texts. Each text
// is a fresh document whose shared analysis, which the recognizers before
// seqtag make in a build (the words, the clinical-note verdict, the
// dictionary's analysis with the lexicon facts of the words it reads), is
// made just before, outside the timer, so that the caches hold what they
// hold in a build when seqtag starts on a post; what seqtag derives from
// the analysis is timed. MB/s is text bytes.
func BenchmarkDetectPosts(b *testing.B) {
	texts := postTexts(b, 64)
	lex := lexicon.Default()
	lex.LoadAll()
	if _, err := Embedded(); err != nil {
		b.Fatal(err)
	}
	d := New(lex, WithNote(dict.ClinicalNote))
	ctx := context.Background()
	before := dict.Default(lex)[0] // the dictionary's analysis is shared by its detectors
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	b.SetBytes(n / int64(len(texts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		doc := &deid.Doc{Text: texts[i%len(texts)]}
		dict.ClinicalNote(doc)
		if _, err := before.Detect(ctx, doc); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := d.Detect(ctx, doc); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// postTexts returns up to n post bodies of VEIL_BENCH_SITE, without their
// front matter, or benchtext's texts when it is not set.
func postTexts(b *testing.B, n int) []string {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		return benchtext.Texts(32)
	}
	return benchtext.SitePosts(b, root, n)
}

// BenchmarkTagPosts tags the posts of postTexts (64 of VEIL_BENCH_SITE)
// one after another in each iteration, each a document whose shared
// analysis (the words, the clinical-note verdict, the dictionary's
// analysis and the lexicon facts it reads) was made once before the timer:
// nothing but the tagger runs in the loop, so that an instruction count
// of N iterations minus one of fewer is the tagger's alone. ns/op is for
// all the posts; MB/s is text bytes.
func BenchmarkTagPosts(b *testing.B) {
	d, docs, n := postDocs(b)
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := d.Detect(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTagPostsCold is BenchmarkTagPosts with the processor's caches
// emptied of the tagger's data before each post, as a build's other stages
// (the dictionary's, NER, rules, risk, Markdown) empty them between two
// posts of a worker: it writes a buffer of 8 MB, larger than the second
// level of cache, before each post. The writes are timed too (the same
// count in every run), so compare its cache misses by function
// (callgrind --cache-sim=yes) rather than its ns/op.
func BenchmarkTagPostsCold(b *testing.B) {
	d, docs, n := postDocs(b)
	ctx := context.Background()
	other := make([]byte, 8<<20)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for k, doc := range docs {
			evict(other, byte(k))
			if _, err := d.Detect(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// evict writes v to every cache line of buf.
func evict(buf []byte, v byte) {
	for i := 0; i < len(buf); i += 64 {
		buf[i] = v
	}
}

// BenchmarkTagSite tags 512 posts of VEIL_BENCH_SITE (or benchtext's
// texts) once each in each iteration, as a build's worker meets them: each
// iteration starts with a new Detector, whose caches of common words fill
// as it goes, as in a build, rather than hold every word of the posts from
// the iterations before (BenchmarkTagPosts's 64 posts, tagged again and
// again, find all their words cached after the first time). The shared
// analysis of each post is made once before the timer. ns/op is for all
// the posts; MB/s is text bytes.
func BenchmarkTagSite(b *testing.B) {
	_, docs, n := postDocsN(b, 512)
	lex := lexicon.Default()
	ctx := context.Background()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		d := New(lex, WithNote(dict.ClinicalNote))
		b.StartTimer()
		for _, doc := range docs {
			if _, err := d.Detect(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTagSiteCold is BenchmarkTagSite with the processor's caches
// emptied before each post (evict, as BenchmarkTagPostsCold does), as a
// build's other stages empty them: compare its cache misses by function
// (callgrind --cache-sim=yes) rather than its ns/op.
func BenchmarkTagSiteCold(b *testing.B) {
	_, docs, n := postDocsN(b, 512)
	lex := lexicon.Default()
	ctx := context.Background()
	other := make([]byte, 8<<20)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		d := New(lex, WithNote(dict.ClinicalNote))
		b.StartTimer()
		for k, doc := range docs {
			evict(other, byte(k))
			if _, err := d.Detect(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// postDocs returns the tagger and the posts of postTexts (64 of
// VEIL_BENCH_SITE) as documents whose shared analysis (the words, the
// clinical-note verdict, the dictionary's analysis and the lexicon facts
// it reads) is already made, with their length in bytes.
func postDocs(b *testing.B) (*Detector, []*deid.Doc, int64) { return postDocsN(b, 64) }

// postDocsN is postDocs of up to n posts.
func postDocsN(b *testing.B, count int) (*Detector, []*deid.Doc, int64) {
	texts := postTexts(b, count)
	lex := lexicon.Default()
	lex.LoadAll()
	if _, err := Embedded(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	before := dict.Default(lex)[0]
	docs := make([]*deid.Doc, len(texts))
	var n int64
	for i, t := range texts {
		docs[i] = &deid.Doc{Text: t}
		dict.ClinicalNote(docs[i])
		if _, err := before.Detect(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
		n += int64(len(t))
	}
	return New(lex, WithNote(dict.ClinicalNote)), docs, n
}
