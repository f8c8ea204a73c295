package render

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/veil-blog/veil/theme"
)

// TestPreconvertedPostsRenderTheSame: posts converted ahead of Plan,
// with their HTML in a spool or in memory, render every file as posts
// converted by Plan do; the Markdown is dropped; Close removes the spool.
func TestPreconvertedPostsRenderTheSame(t *testing.T) {
	want := renderSample(t)
	dir := t.TempDir()
	spool, err := NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []*Spool{spool, nil} {
		r := newRenderer(t, theme.FS())
		posts := samplePosts()
		for i := range posts {
			r.Preconvert(&posts[i], sp)
			if posts[i].Markdown != nil {
				t.Fatalf("post %d keeps its Markdown after Preconvert", i)
			}
		}
		got, err := r.Render(context.Background(), sampleSite(), posts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("spool %v: %d files, want %d", sp != nil, len(got), len(want))
		}
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Errorf("spool %v: %s differs:\n%s", sp != nil, name, firstDiff(got[name], b))
			}
		}
	}
	if err := spool.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("spool files left: %v", left)
	}
}
