package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/risk"
	"github.com/veil-blog/veil/internal/site"
	"github.com/veil-blog/veil/theme"
)

// TestSnapshotHeldBack: a post the risk gate held back is shown at its
// address with the banner and the reasons, and the home page does not
// list it. (The gate is simulated: the build's report is given a held
// post, as the risk stage would.)
func TestSnapshotHeldBack(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "content", "posts", "open.md"), "---\ntitle: An open door\ndate: 2025-01-01\n---\nA plain reflection.\n")
	writeFile(t, filepath.Join(root, "content", "posts", "rare.md"), "---\ntitle: A rare case\ndate: 2025-01-02\n---\nSomething only one family shares.\n")
	cfg, _, err := config.Load(root, config.Options{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	opts := site.Options{Root: root, Config: cfg, Theme: theme.FS(), Engine: engineForTest(t), Now: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), Lazy: true, Unlisted: true}
	// The gate, simulated: hold back the post about the rare case.
	opts.Prepare = func(next site.PrepareFunc) site.PrepareFunc {
		return func(ctx context.Context, p *content.Post) (*site.Cleared, *site.Held) {
			c, h := next(ctx, p)
			if c != nil && strings.HasSuffix(p.Path, "rare.md") {
				v := risk.Verdict{Score: 0.9, Blocked: true, Reasons: []string{"a detail few people share"}}
				c.Verdict = v
				return nil, &site.Held{Path: p.Path, Reason: "re-identification risk 0.90 at or above 0.70; held back", Verdict: &v, Post: c}
			}
			return c, h
		}
	}
	rep, err := site.Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	s := newSnapshot(root, "/", 0.7, rep, nil)
	home, _, ok := s.lookup("index.html")
	if !ok || !strings.Contains(string(home), "An open door") || strings.Contains(string(home), "A rare case") {
		t.Errorf("home: want the published post listed and the held one not:\n%s", home)
	}
	body, info, ok := s.lookup("posts/a-rare-case/index.html")
	if !ok || info == nil {
		t.Fatalf("held post not served at its address; links %v", s.links)
	}
	if !strings.HasPrefix(info.Banner, "held back: would not be published") || !strings.Contains(strings.Join(info.Reasons, "|"), "a detail few people share") {
		t.Errorf("banner %q reasons %q", info.Banner, info.Reasons)
	}
	if !strings.Contains(string(body), "Something only one family shares.") || info.Risk == nil || !info.Risk.Blocked {
		t.Errorf("held post page: text or risk panel missing: %+v\n%s", info.Risk, body)
	}
	if len(s.links) != 1 || s.links[0].Href != "/posts/a-rare-case/" {
		t.Errorf("toolbar links %+v, want the held post", s.links)
	}
}
