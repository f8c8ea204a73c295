package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// TestOutputSameWithAnyWorkers builds one site with one worker and with
// several, and checks that every output file has the same bytes and the
// same posts are held back: nothing a post gets (its pseudonyms, its slug,
// its place in lists and feeds) may depend on which post finished first.
// The site has posts that share a title and a date, whose slugs are made
// unique in a stable order, and people and places named in several posts.
func TestOutputSameWithAnyWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 60-post site three times")
	}
	root := t.TempDir()
	genSite(t, root, 54)
	dir := filepath.Join(root, "content", "posts")
	for i := range 6 {
		post := fmt.Sprintf("---\ntitle: Same Week\ndate: 2024-05-0%d\n---\nI saw Ingrid Thorvaldsen-Pike again in Port Elsmere; she is %d and her son Bram called.\n", 1+i%2, 30+i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("same%d.md", i)), []byte(post), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _, err := config.Load(root, config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	build := func(workers int) *site.Report {
		t.Helper()
		var calls, last, lastHeld int
		opts := site.Options{Root: root, Config: cfg, Theme: theme.FS(), Engine: engineForTest(t), Workers: workers,
			Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			Progress: func(done, total, held int) {
				calls++
				if done != last+1 || total != 60 || held < lastHeld {
					t.Errorf("workers %d: progress %d/%d held %d after %d", workers, done, total, held, last)
				}
				last, lastHeld = done, held
			}}
		rep, err := site.Render(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if calls != 60 || lastHeld != len(rep.Held) {
			t.Errorf("workers %d: %d progress calls, %d held reported, %d held", workers, calls, lastHeld, len(rep.Held))
		}
		return rep
	}
	one := build(1)
	if len(one.Published) < 50 {
		t.Fatalf("only %d posts published", len(one.Published))
	}
	for _, n := range []int{4, 7} {
		many := build(n)
		if !slices.Equal(held(one), held(many)) {
			t.Errorf("workers %d: held %v, one worker held %v", n, held(many), held(one))
		}
		if len(many.Files) != len(one.Files) {
			t.Errorf("workers %d: %d files, one worker wrote %d", n, len(many.Files), len(one.Files))
		}
		for name, b := range one.Files {
			if !bytes.Equal(many.Files[name], b) {
				t.Errorf("workers %d: %s differs", n, name)
			}
		}
	}
}

func held(rep *site.Report) []string {
	var out []string
	for _, h := range rep.Held {
		out = append(out, h.Path+": "+h.Reason)
	}
	return out
}
