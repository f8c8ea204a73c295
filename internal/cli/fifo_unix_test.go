//go:build unix

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe where veil expects a file (a post, config.yaml, the known
// list, the key, a theme template) would block a read forever: nothing ever
// writes to it. Each is refused with a message that names it, and the build
// ends.
func TestNamedPipeInSiteDoesNotBlock(t *testing.T) {
	for _, pipe := range []string{"content/posts/pipe.md", "config.yaml", ".veil/known.yaml", ".veil/key", "theme/layouts/single.html", "theme/layouts/partials/pipe.html"} {
		t.Run(pipe, func(t *testing.T) {
			root := t.TempDir()
			for name, data := range map[string]string{
				"content/posts/a.md":     "---\ntitle: A quiet week\ndate: 2024-01-02\n---\nText.\n",
				"theme/layouts/.keep":    "",
				"theme/layouts/partials": "",
				".veil/.keep":            "",
			} {
				p := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if name == "theme/layouts/partials" {
					continue
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := filepath.Join(root, filepath.FromSlash(pipe))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"build", "-s", root}, nil, &stdout, &stderr)
			if code == ExitOK && !strings.Contains(stderr.String(), filepath.Base(pipe)) {
				t.Errorf("exit %d and no word of %s:\n%s", code, pipe, stderr.String())
			}
			if !strings.Contains(stderr.String(), "not a regular file") {
				t.Errorf("exit %d:\n%s", code, stderr.String())
			}
		})
	}
}
