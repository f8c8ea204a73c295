package content

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheTrust: a trusting cache hands out a remembered post without
// looking at its file again until it is told the file changed (Forget);
// one that does not trust sees the change by the file's size and time.
func TestCacheTrust(t *testing.T) {
	for _, trust := range []bool{false, true} {
		root := t.TempDir()
		dir := filepath.Join(root, "content")
		file := filepath.Join(dir, "posts", "a.md")
		os.MkdirAll(filepath.Dir(file), 0o755)
		write := func(title string, mtime time.Time) {
			t.Helper()
			if err := os.WriteFile(file, []byte("---\ntitle: "+title+"\ndate: 2024-01-02\n---\nText.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Chtimes(file, mtime, mtime)
		}
		title := func(c *Cache) string {
			t.Helper()
			s, err := c.Load(context.Background(), root, dir)
			if err != nil || len(s.Posts) != 1 {
				t.Fatalf("load: %v, %d posts %v", err, len(s.Posts), s.Errors)
			}
			return s.Posts[0].Meta.Title
		}
		c := NewCache()
		c.Trust(trust)
		write("First", time.Unix(1e9, 0))
		if got := title(c); got != "First" {
			t.Fatalf("trust %v: title %q", trust, got)
		}
		write("Second one", time.Unix(2e9, 0))
		want := "Second one"
		if trust {
			want = "First" // not reported yet: not looked at
		}
		if got := title(c); got != want {
			t.Errorf("trust %v: before Forget, title %q, want %q", trust, got, want)
		}
		c.Forget(file)
		if got := title(c); got != "Second one" {
			t.Errorf("trust %v: after Forget, title %q", trust, got)
		}
	}
}

// TestCacheTrustChecksLinks: a post read through a symbolic link is
// checked by its file's size and time even by a trusting cache, since a
// watcher reports a change to the linked file under that file's path.
func TestCacheTrustChecksLinks(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	target := filepath.Join(root, "drafts", "kept.md")
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.MkdirAll(filepath.Join(dir, "posts"), 0o755)
	write := func(title string, mtime time.Time) {
		t.Helper()
		if err := os.WriteFile(target, []byte("---\ntitle: "+title+"\ndate: 2024-01-02\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(target, mtime, mtime)
	}
	write("First", time.Unix(1e9, 0))
	if err := os.Symlink(target, filepath.Join(dir, "posts", "kept.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	c := NewCache()
	c.Trust(true)
	for _, want := range []string{"First", "Second one"} {
		s, err := c.Load(context.Background(), root, dir)
		if err != nil || len(s.Posts) != 1 {
			t.Fatalf("load: %v, %d posts %v", err, len(s.Posts), s.Errors)
		}
		if got := s.Posts[0].Meta.Title; got != want {
			t.Errorf("title %q, want %q", got, want)
		}
		write("Second one", time.Unix(2e9, 0))
	}
}
