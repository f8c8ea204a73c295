package site

import (
	"bytes"
	"context"
	"maps"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/veil-blog/veil/internal/content"
	"github.com/veil-blog/veil/internal/render"
)

// TestSpansLocateReplacements: each span of a cleared post points at its
// finding's replacement in the de-identified Markdown.
func TestSpansLocateReplacements(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("A", "2024-01-01", "Odette came. Then Marchand and Odette Marchand left; Odette."),
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Published[0]
	md := string(c.Post.Markdown)
	if len(c.Spans) != 5 {
		t.Fatalf("spans = %+v in %q, want 5", c.Spans, md)
	}
	for _, s := range c.Spans {
		f := c.Findings[s.Finding]
		if f.Field != "body" || md[s.Start:s.End] != f.Replacement {
			t.Errorf("span %+v = %q, want %q of a body finding (field %s)", s, md[s.Start:s.End], f.Replacement, f.Field)
		}
	}
}

// TestUnlistedDrafts: with Unlisted, drafts are prepared into Drafts with
// their own permalinks and stay out of the site.
func TestUnlistedDrafts(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("Same title", "2024-01-01", "published"),
		"content/posts/b.md": "---\ntitle: Same title\ndate: 2024-02-01\ndraft: true\n---\nOdette's draft\n",
	})
	opts := options(t, root)
	opts.Unlisted = true
	rep, err := Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.DraftPosts) != 1 || len(rep.Published) != 1 {
		t.Fatalf("drafts %d published %d, want 1 and 1", len(rep.DraftPosts), len(rep.Published))
	}
	d, p := rep.DraftPosts[0].Post, rep.Published[0].Post
	if d.Permalink == p.Permalink || p.Permalink != "/posts/same-title/" {
		t.Errorf("draft at %s, published at %s: want the published post to keep /posts/same-title/ and the draft another", d.Permalink, p.Permalink)
	}
	if strings.Contains(string(d.Markdown), "Odette") {
		t.Errorf("draft not de-identified: %q", d.Markdown)
	}
	for name, b := range rep.Files {
		if bytes.Contains(b, []byte("s draft")) {
			t.Errorf("the draft reached %s", name)
		}
	}
}

// TestHooksSameOutput: a build through the hooks (a prepare wrapper, the
// conversion memo, the content cache) writes what a plain build writes,
// and a lazy build's pages render to the same bytes.
func TestHooksSameOutput(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("One", "2024-01-01", "Odette came."),
		"content/posts/b.md": post("Two", "2024-01-02", "Marchand left."),
		"content/about.md":   "---\ntitle: About\n---\nHello.\n",
	})
	plain, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	opts := options(t, root)
	opts.Prepare = func(next PrepareFunc) PrepareFunc {
		return func(ctx context.Context, p *content.Post) (*Cleared, *Held) {
			calls.Add(1)
			return next(ctx, p)
		}
	}
	opts.Memo, opts.Loaded = render.NewMemo(), content.NewCache()
	for run := range 2 {
		rep, err := Render(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(rep.Files, plain.Files, bytes.Equal) {
			t.Errorf("run %d: output through the hooks differs", run)
		}
	}
	if calls.Load() != 6 {
		t.Errorf("prepare wrapper called %d times, want 6 (3 posts, 2 runs)", calls.Load())
	}
	opts.Lazy = true
	rep, err := Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Files["index.html"]; ok {
		t.Error("a lazy build rendered index.html")
	}
	for name, want := range plain.Files {
		got, ok, err := rep.Pages.File(name)
		if !ok {
			got, ok = rep.Files[name]
		}
		if !ok || err != nil || !bytes.Equal(got, want) {
			t.Errorf("lazy %s: ok %v err %v, differs from the plain build", name, ok, err)
		}
	}
}
