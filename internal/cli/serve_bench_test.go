package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"

	"github.com/spf13/cobra"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/preview"
)

// BenchmarkServeRebuild times veil serve's rebuild after a save of one
// post, on a 1,000-post site (or the site in VEIL_BENCH_SITE), from the
// batch to the new snapshot published and the post's page rendered: what
// a save costs besides the debounce and the browser. The first build (all
// posts analysed) is set-up, not timed.
func BenchmarkServeRebuild(b *testing.B) {
	root := os.Getenv("VEIL_BENCH_SITE")
	if root == "" {
		root = b.TempDir()
		genSite(b, root, 1000)
	}
	cmd := &cobra.Command{}
	f := &siteFlags{}
	f.register(cmd, true)
	f.source = root
	p := &previewer{e: &env{stdout: io.Discard, stderr: io.Discard}, f: f, cmd: cmd, pv: preview.New(), loaded: content.NewCache()}
	if err := p.configure(); err != nil {
		b.Fatal(err)
	}
	p.loaded.Trust(true) // as serve does: each rebuild is told what changed
	ctx := context.Background()
	p.rebuild(ctx, nil)
	if p.good == nil || len(p.good.rep.Published) == 0 {
		b.Fatal("first build published nothing")
	}
	// The post to edit, and its page.
	c := p.good.rep.Published[len(p.good.rep.Published)/2]
	post, name := c.Path, pageName(c.Post.Permalink)
	orig, err := os.ReadFile(post)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(post, orig, 0o644) })
	// VEIL_BENCH_PROFILE=<file> profiles the timed rebuilds only, without
	// the first build (go test's -cpuprofile includes it).
	if out := os.Getenv("VEIL_BENCH_PROFILE"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(post, fmt.Appendf(append([]byte(nil), orig...), "\nEdit number %d of this note.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p.rebuild(ctx, []string{filepath.Clean(post)})
		if _, _, ok := p.good.lookup(name); !ok {
			b.Fatalf("%s not served after the edit", name)
		}
	}
}
