package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// recorded keeps what each detector found in each text it saw, in the
// order the detectors ran, so that a benchmark can replay them.
type recorded struct {
	mu sync.Mutex
	fs map[string][]deid.Finding // by the text the detectors saw
}

// recorder runs a detector and keeps its findings.
type recorder struct {
	d   deid.Detector
	rec *recorded
}

func (r recorder) Name() string { return r.d.Name() }

func (r recorder) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	fs, err := r.d.Detect(ctx, doc)
	if err != nil {
		return nil, err
	}
	for i := range fs {
		if fs[i].Recognizer == "" {
			fs[i].Recognizer = r.d.Name()
		}
	}
	r.rec.mu.Lock()
	defer r.rec.mu.Unlock()
	r.rec.fs[doc.Text] = append(r.rec.fs[doc.Text], fs...)
	return fs, nil
}

// replay returns, for each text, what the recorded detectors found there.
type replay struct{ rec *recorded }

func (replay) Name() string { return "replay" }

func (r replay) Detect(_ context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	r.rec.mu.Lock()
	defer r.rec.mu.Unlock()
	return slices.Clone(r.rec.fs[doc.Text]), nil
}

// BenchmarkGluePlanner measures the engine's own work after the recognizers
// (the author's lists, public terms and bodies, propagation, ages in words,
// eponyms, merging) and the planner, on the first 100 posts of
// VEIL_BENCH_SITE (or a generated site): the recognizers run once, before
// the timer, and each run replays their findings for each post.
func BenchmarkGluePlanner(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		root = b.TempDir()
		genSite(b, root, 100)
	}
	paths, err := filepath.Glob(filepath.Join(root, "content", "posts", "*.md"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no posts in %s: %v", root, err)
	}
	sort.Strings(paths)
	paths = paths[:min(100, len(paths))]
	rec := &recorded{fs: map[string][]deid.Finding{}}
	var ds []deid.Detector
	for _, d := range detectors() {
		ds = append(ds, recorder{d, rec})
	}
	opts := []deid.Option{deid.WithKey([]byte("bench key"))}
	full := deid.New(append(append(opts, deid.WithDetectors(ds...)), engineOptions()...)...)
	glue := deid.New(append(append(opts, deid.WithDetectors(replay{rec})), engineOptions()...)...)
	var texts []string
	size := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		t := string(src)
		texts = append(texts, t)
		size += len(src)
		want, err := full.Deidentify(context.Background(), &deid.Doc{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		got, err := glue.Deidentify(context.Background(), &deid.Doc{Text: t})
		if err != nil {
			b.Fatal(err)
		}
		if got.Text != want.Text {
			b.Fatalf("%s: replaying the findings gives another text", p)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := glue.Deidentify(context.Background(), &deid.Doc{Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
