//go:build unix

package site

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestStaticNamedPipeDoesNotBlock(t *testing.T) {
	root := writeSite(t, map[string]string{"content/posts/a.md": post("A", "2024-01-01", "x"), "static/ok.css": "a{}"})
	if err := syscall.Mkfifo(filepath.Join(root, "static", "pipe.css"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	rep, err := Render(context.Background(), options(t, root))
	if err != nil || !strings.Contains(fmt.Sprint(rep.Errors), "pipe.css: not published: not a regular file") {
		t.Errorf("named pipe: err %v, errors %v", err, rep.Errors)
	}
}
