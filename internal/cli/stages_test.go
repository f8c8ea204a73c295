package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/deid/plan"
	"github.com/veil-blog/veil/internal/lexicon"
	"github.com/veil-blog/veil/internal/markdown"
	"github.com/veil-blog/veil/internal/render"
	"github.com/veil-blog/veil/internal/risk"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// benchSite returns a site for the stage benchmarks: VEIL_BENCH_SITE (a
// site made by ../shared/bench/gen_corpus.py, which varies its prose and
// identifiers far more) or else n posts made by genSite.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	if root := os.Getenv("VEIL_BENCH_SITE"); root != "" {
		return root
	}
	root := b.TempDir()
	genSite(b, root, n)
	return root
}

// benchBodies returns up to n post bodies of the site, without front
// matter: the benchmarks cycle through them so that no stage sees the same
// text twice in a row (the recognizers once kept the tokens of the last
// text, which made BenchmarkPipeline, one text over and over, under-report;
// now nothing of a text outlives its run).
func benchBodies(b *testing.B, root string, n int) []string {
	return benchtext.SitePosts(b, root, n)
}

func totalLen(texts []string) int64 {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkStages times each stage of a build on its own, over varied
// posts, so that a regression shows in the stage that has it. MB/s is
// Markdown bytes. detect/<name> is one recognizer alone (with the
// document's analysis, which the others would share);
// detect/all is every recognizer plus the resolvers (Engine.Detect);
// deidentify adds the planner and the splice; plan is the planner alone on
// the findings of detect/all; risk scores the de-identified text. render is Markdown plus templates for a whole site, so
// templates ≈ render − markdown. write is the files of the rendered site
// written to a fresh directory.
func BenchmarkStages(b *testing.B) {
	ctx := context.Background()
	root := benchSite(b, 64)
	texts := benchBodies(b, root, 64)
	eng := engineForTest(b)
	for _, t := range texts[:2] { // load the models and lexicons
		if _, err := eng.Deidentify(ctx, &deid.Doc{Text: t}); err != nil {
			b.Fatal(err)
		}
	}
	each := func(b *testing.B, f func(text string)) {
		b.SetBytes(totalLen(texts) / int64(len(texts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f(texts[i%len(texts)])
			i++
		}
	}
	for _, d := range detectors() {
		b.Run("detect/"+d.Name(), func(b *testing.B) {
			each(b, func(t string) {
				if _, err := d.Detect(ctx, &deid.Doc{Text: t}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	b.Run("detect/all", func(b *testing.B) {
		each(b, func(t string) {
			if _, err := eng.Detect(ctx, &deid.Doc{Text: t}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("deidentify", func(b *testing.B) {
		each(b, func(t string) {
			if _, err := eng.Deidentify(ctx, &deid.Doc{Text: t}); err != nil {
				b.Fatal(err)
			}
		})
	})
	// plan is the planner alone, on the findings Detect returned.
	found := make([][]deid.Finding, len(texts))
	for i, t := range texts {
		fs, err := eng.Detect(ctx, &deid.Doc{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		found[i] = fs
	}
	planner, settings := plan.New(), deid.Settings{Key: []byte("bench key"), Actions: deid.DefaultActions(), Gazetteer: gazetteer{lexicon.Default()}}
	b.Run("plan", func(b *testing.B) {
		b.SetBytes(totalLen(texts) / int64(len(texts)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			planner.Plan(&deid.Doc{Text: texts[i%len(texts)]}, found[i%len(texts)], settings)
			i++
		}
	})
	cleared := make([]string, len(texts))
	for i, t := range texts {
		res, err := eng.Deidentify(ctx, &deid.Doc{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		cleared[i] = res.Text
	}
	b.Run("risk", func(b *testing.B) {
		b.SetBytes(totalLen(cleared) / int64(len(cleared)))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			risk.Assess(cleared[i%len(cleared)], risk.Policy{})
			i++
		}
	})
	conv := markdown.New()
	b.Run("markdown", func(b *testing.B) {
		each(b, func(t string) {
			if _, err := conv.Convert([]byte(t)); err != nil {
				b.Fatal(err)
			}
		})
	})

	// The site-wide stages run on the posts of a rendered site.
	cfg, _, err := config.Load(root, config.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rep, err := site.Render(ctx, site.Options{Root: root, Config: cfg, Theme: theme.FS(), Engine: eng,
		Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	posts := make([]render.Post, len(rep.Published))
	var mdBytes int64
	for i, c := range rep.Published {
		posts[i] = c.Post
		mdBytes += int64(len(c.Post.Markdown))
	}
	r, err := render.New(theme.FS())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("render", func(b *testing.B) {
		b.SetBytes(mdBytes)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.Render(ctx, render.Site{Title: "Bench", BaseURL: "https://example.org/", Now: time.Unix(0, 0)}, posts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		var n int64
		for _, data := range rep.Files {
			n += int64(len(data))
		}
		b.SetBytes(n)
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			out := filepath.Join(dir, "out"+strings.Repeat("x", i%2))
			os.RemoveAll(out)
			for name, data := range rep.Files {
				p := filepath.Join(out, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			i++
		}
	})
}
