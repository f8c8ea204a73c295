package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// start runs a Watcher over root's content/ (recursive) and config.yaml,
// and returns the channel its batches arrive on.
func start(t *testing.T, root string, quiet time.Duration) <-chan []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan []string, 16)
	ready := make(chan struct{})
	w := New(WithDirs(filepath.Join(root, "content")), WithFiles(filepath.Join(root, "config.yaml")),
		WithDebounce(quiet, 5*time.Second), WithReady(func() { close(ready) }))
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, func(b []string) { out <- b }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	<-ready
	return out
}

// next waits for a batch; the deadline only guards against a hang.
func next(t *testing.T, ch <-chan []string) []string {
	t.Helper()
	select {
	case b := <-ch:
		return b
	case <-time.After(10 * time.Second):
		t.Fatal("no batch within 10 s")
		return nil
	}
}

// none checks that no batch arrives within a few quiet periods.
func none(t *testing.T, ch <-chan []string, quiet time.Duration) {
	t.Helper()
	select {
	case b := <-ch:
		t.Errorf("unexpected batch %q", b)
	case <-time.After(4 * quiet):
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func site(t *testing.T) (root string, rel func(string) string) {
	root = t.TempDir()
	write(t, filepath.Join(root, "content", "posts", "a.md"), "a")
	write(t, filepath.Join(root, "config.yaml"), "title: x\n")
	return root, func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
}

func TestWatcherFiles(t *testing.T) {
	// Saves of several steps get a long quiet period, so that a busy
	// machine pausing between two steps does not split the batch (at
	// 500 ms a burst of writes was once split at a load average of 19).
	const quick, slow = 30 * time.Millisecond, 1000 * time.Millisecond
	tests := []struct {
		name  string
		quiet time.Duration
		do    func(t *testing.T, at func(string) string)
		want  []string // slash paths under root
	}{
		{"create", quick, func(t *testing.T, at func(string) string) {
			write(t, at("content/posts/b.md"), "b")
		}, []string{"content/posts/b.md"}},
		{"write", quick, func(t *testing.T, at func(string) string) {
			write(t, at("content/posts/a.md"), "a2")
		}, []string{"content/posts/a.md"}},
		{"delete", quick, func(t *testing.T, at func(string) string) {
			if err := os.Remove(at("content/posts/a.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/posts/a.md"}},
		{"rename over, as editors save: temp file, backup, rename into place", slow, func(t *testing.T, at func(string) string) {
			write(t, at("content/posts/4913"), "")
			os.Remove(at("content/posts/4913"))
			write(t, at("content/posts/.a.md.swp"), "swap")
			if err := os.Rename(at("content/posts/a.md"), at("content/posts/a.md~")); err != nil {
				t.Fatal(err)
			}
			write(t, at("content/posts/.goutputstream-XYZ"), "new a")
			if err := os.Rename(at("content/posts/.goutputstream-XYZ"), at("content/posts/a.md")); err != nil {
				t.Fatal(err)
			}
			write(t, at("content/posts/.#a.md"), "lock")
		}, []string{"content/posts/a.md"}},
		{"rename a post", quick, func(t *testing.T, at func(string) string) {
			if err := os.Rename(at("content/posts/a.md"), at("content/posts/c.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/posts/a.md", "content/posts/c.md"}},
		{"a config file replaced by rename", slow, func(t *testing.T, at func(string) string) {
			write(t, at("config.yaml.tmp"), "title: y\n")
			if err := os.Rename(at("config.yaml.tmp"), at("config.yaml")); err != nil {
				t.Fatal(err)
			}
		}, []string{"config.yaml"}},
		{"a burst of writes is one batch", slow, func(t *testing.T, at func(string) string) {
			for i := range 30 {
				write(t, at("content/posts/a.md"), string(rune('a'+i%26)))
			}
			write(t, at("content/posts/b.md"), "b")
		}, []string{"content/posts/a.md", "content/posts/b.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, at := site(t)
			ch := start(t, root, tt.quiet)
			tt.do(t, at)
			got := next(t, ch)
			var want []string
			for _, w := range tt.want {
				want = append(want, at(w))
			}
			if !slices.Equal(got, want) {
				t.Errorf("batch = %q, want %q", got, want)
			}
			none(t, ch, tt.quiet)
		})
	}
}

// TestWatcherNewFolder: a folder made after the watch started is watched
// too, and so are folders inside it.
func TestWatcherNewFolder(t *testing.T) {
	const quiet = 30 * time.Millisecond
	root, at := site(t)
	ch := start(t, root, quiet)
	if err := os.MkdirAll(at("content/notes/2025"), 0o755); err != nil {
		t.Fatal(err)
	}
	if b := next(t, ch); !slices.Contains(b, at("content/notes")) {
		t.Fatalf("batch = %q, want it to hold the new folder", b)
	}
	write(t, at("content/notes/2025/x.md"), "x")
	if b := next(t, ch); !slices.Equal(b, []string{at("content/notes/2025/x.md")}) {
		t.Errorf("batch = %q, want the file in the new folder", b)
	}
}

// TestWatcherIgnores: siblings of a watched file and editors' own files
// make no batch.
func TestWatcherIgnores(t *testing.T) {
	const quiet = 30 * time.Millisecond
	root, at := site(t)
	ch := start(t, root, quiet)
	write(t, at("notes.txt"), "not watched")
	write(t, at("content/posts/.a.md.swp"), "swap")
	write(t, at("content/posts/a.md~"), "backup")
	write(t, at("content/posts/#a.md#"), "autosave")
	write(t, at("content/posts/4913"), "")
	none(t, ch, quiet)
}

// TestWatcherMissingRoot: a watched folder that does not exist yet is
// picked up when it is made.
func TestWatcherMissingRoot(t *testing.T) {
	const quiet = 30 * time.Millisecond
	root, at := site(t)
	os.RemoveAll(at("content"))
	ch := start(t, root, quiet)
	write(t, at("content/posts/a.md"), "a")
	if b := next(t, ch); !slices.Contains(b, at("content")) {
		t.Fatalf("batch = %q, want it to hold the new content folder", b)
	}
	write(t, at("content/posts/b.md"), "b")
	if b := next(t, ch); !slices.Equal(b, []string{at("content/posts/b.md")}) {
		t.Errorf("batch = %q, want the new post", b)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"post.md": false, "2024-01-02-x.md": false, "config.yaml": false, "known.yaml": false,
		".post.md.swp": true, "post.md.swo": true, "post.md~": true, "4913": true, "5036": true, "2025": false, "4914": false,
		".#post.md": true, "#post.md#": true, ".goutputstream-AB12": true, "x.tmp": true,
	} {
		if got := Ignored(filepath.Join("site", name)); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
