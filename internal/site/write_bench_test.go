package site

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/theme"
)

// BenchmarkWritePages is the write phase of a cold build of a 300-post
// site (its posts converted already, as a build's are when it starts
// writing): every page rendered and written, with its folder, into a
// fresh output folder, as Build writes them (reportPut), against "File",
// the same through Pages.File, which hands each page over as a copy. The
// bodies are VEIL_BENCH_SITE's posts when it is set, else
// benchtext.Texts. One op is the whole site; B/op counts what rendering
// and writing allocate.
func BenchmarkWritePages(b *testing.B) {
	bodies := benchtext.SiteOrTexts(b, 300)
	r, err := render.New(theme.FS())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC)
	posts := make([]render.Post, 300)
	for i := range posts {
		posts[i] = render.Post{
			Title: fmt.Sprintf("Visit number %d", i), Slug: fmt.Sprintf("visit-%d", i), Section: "posts",
			Date: start.Add(time.Duration(i) * 26 * time.Hour), Tags: []string{fmt.Sprintf("topic %d", i%20), fmt.Sprintf("theme %d", i%7)},
			Categories: []string{fmt.Sprintf("area %d", i%5)},
			Markdown:   []byte(strings.Clone(bodies[i%len(bodies)])),
		}
		r.Preconvert(&posts[i], nil)
	}
	pages, err := r.Plan(context.Background(), render.Site{Title: "Notes", BaseURL: "https://example.org/", FeedLimit: 20, Now: start}, posts)
	if err != nil {
		b.Fatal(err)
	}
	rep := &Report{Pages: pages, Files: map[string][]byte{}}
	names := outputNames(rep)
	for _, bc := range []struct {
		name string
		put  putFunc
	}{
		{"FileTo", reportPut(rep)},
		{"File", func(name string, use func([]byte) error) error {
			data, _, err := pages.File(name)
			if err != nil {
				return err
			}
			return use(data)
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			dir := b.TempDir()
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				if err := writeStreamTo(context.Background(), filepath.Join(dir, fmt.Sprint(n)), names, bc.put, []byte("marker\n")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
