package render

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/theme"
)

// benchPosts returns n posts for the benchmarks: the bodies of
// VEIL_BENCH_SITE's posts (a site made by ../shared/bench/gen_corpus.py)
// when it is set, otherwise the sample posts' bodies over and over; each
// with a date, two or three of twenty tags and one of five categories, as
// a generated site has.
func benchPosts(b *testing.B, n int) []Post {
	b.Helper()
	var bodies []string
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		bodies = benchtext.SitePosts(b, root, n)
	} else {
		for _, p := range samplePosts() {
			bodies = append(bodies, string(p.Markdown))
		}
	}
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	posts := make([]Post, n)
	for i := range posts {
		tags := []string{fmt.Sprintf("Topic %d", i%20), fmt.Sprintf("Theme %d", i%7)}
		if i%3 == 0 {
			tags = append(tags, "Reflection")
		}
		posts[i] = Post{
			Title: fmt.Sprintf("Post number %d & more", i), Slug: fmt.Sprintf("post-%d", i), Section: "posts",
			Date: start.Add(time.Duration(i) * 26 * time.Hour), Tags: tags,
			Categories: []string{fmt.Sprintf("Area %d", i%5)},
			Markdown:   []byte(strings.Clone(bodies[i%len(bodies)])),
		}
	}
	return posts
}

// BenchmarkPages plans a 200-post site whose posts are converted already
// (as a build's are, before the write phase) and executes the theme's
// templates for every page (posts, home pages, tag and category pages
// and their feeds, sitemap), one after another: the write phase of a
// build without the files. ns/op is per site; B/op counts the pages'
// bytes.
func BenchmarkPages(b *testing.B) {
	r, err := New(theme.FS())
	if err != nil {
		b.Fatal(err)
	}
	posts := benchPosts(b, 200)
	for i := range posts {
		r.Preconvert(&posts[i], nil)
	}
	b.ReportAllocs()
	for b.Loop() {
		p, err := r.Plan(context.Background(), sampleSite(), posts)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range p.Names() {
			if _, _, err := p.File(n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPreconvert converts posts as a cold veil build does: each
// post's Markdown converted, saved to a store-only memo and its HTML put in
// a spool. One op is one post.
func BenchmarkPreconvert(b *testing.B) {
	r, err := New(theme.FS(), WithMemo(NewStoreMemo(discardStore{})))
	if err != nil {
		b.Fatal(err)
	}
	spool, err := NewSpool(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer spool.Close()
	posts := benchPosts(b, 200)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := Post{Markdown: posts[i%len(posts)].Markdown}
		r.Preconvert(&p, spool)
		if p.converted.err != nil {
			b.Fatal(p.converted.err)
		}
	}
}

// discardStore is a Store that keeps nothing.
type discardStore struct{}

func (discardStore) Load([32]byte) ([]byte, bool) { return nil, false }
func (discardStore) Save([32]byte, []byte)        {}
