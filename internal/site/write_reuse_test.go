//go:build unix

package site

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// TestWriteReusesSameBytes: a second write keeps (hard-links) the files
// whose bytes did not change and writes the others, including one edited
// in the output by hand to the same size, and never one reached through a
// symbolic link.
func TestWriteReusesSameBytes(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	files := map[string][]byte{
		"index.html":      []byte("home"),
		"a/index.html":    []byte("post a"),
		"b/index.html":    []byte("post b"),
		"hand/index.html": []byte("kept"),
		"l/x.html":        []byte("linked"),
		"empty.txt":       {},
	}
	if err := writeAtomic(dest, files, []byte("marker\n")); err != nil {
		t.Fatal(err)
	}
	same, changed := inode(t, filepath.Join(dest, "a/index.html")), inode(t, filepath.Join(dest, "b/index.html"))
	empty := inode(t, filepath.Join(dest, "empty.txt"))
	// Edited by hand, same size: must be written again.
	if err := os.WriteFile(filepath.Join(dest, "hand/index.html"), []byte("KEPT"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder replaced by a link to one outside the output holding the
	// same bytes: not reused.
	outside := filepath.Join(dir, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "x.html"), []byte("linked"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dest, "l")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dest, "l")); err != nil {
		t.Fatal(err)
	}
	files["b/index.html"] = []byte("post B")
	if err := writeAtomic(dest, files, []byte("marker\n")); err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
		if fi, err := os.Lstat(filepath.Join(dest, name)); err != nil || fi.Mode() != 0o644 {
			t.Errorf("%s: mode %v, %v; want a 0644 file", name, fi.Mode(), err)
		}
	}
	if got := inode(t, filepath.Join(dest, "a/index.html")); got != same {
		t.Errorf("unchanged a/index.html was written again (inode %d, was %d)", got, same)
	}
	if got := inode(t, filepath.Join(dest, "empty.txt")); got != empty {
		t.Errorf("unchanged empty.txt was written again")
	}
	if got := inode(t, filepath.Join(dest, "b/index.html")); got == changed {
		t.Errorf("changed b/index.html kept its old file")
	}
	if inode(t, filepath.Join(dest, "l/x.html")) == inode(t, filepath.Join(outside, "x.html")) {
		t.Errorf("l/x.html is the file outside the output, reached through a link")
	}
	if fi, err := os.Lstat(filepath.Join(dest, "l")); err != nil || !fi.IsDir() {
		t.Errorf("l: %v, %v; want a real folder", fi, err)
	}
	if b, err := os.ReadFile(filepath.Join(outside, "x.html")); err != nil || string(b) != "linked" {
		t.Errorf("the file outside the output changed: %q, %v", b, err)
	}
}

// TestWriteKeepsUnchangedOutput: a write of exactly what the output holds
// leaves it as it is (the same folder, the same files); a stray folder in
// it, a different marker or one changed file make a fresh output again,
// with the unchanged files linked and the changed one written.
func TestWriteKeepsUnchangedOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string][]byte{
		"index.html":     []byte("home"),
		"a/index.html":   []byte("post a"),
		"b/c/index.html": []byte("post c"),
	}
	if err := writeAtomic(dest, files, []byte("marker\n")); err != nil {
		t.Fatal(err)
	}
	folder, file := inode(t, dest), inode(t, filepath.Join(dest, "a/index.html"))
	if err := writeAtomic(dest, files, []byte("marker\n")); err != nil {
		t.Fatal(err)
	}
	if inode(t, dest) != folder || inode(t, filepath.Join(dest, "a/index.html")) != file {
		t.Errorf("an unchanged output was replaced")
	}

	// A folder no output needs: a fresh output, without it.
	if err := os.MkdirAll(filepath.Join(dest, "stray"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(dest, files, []byte("marker\n")); err != nil {
		t.Fatal(err)
	}
	if inode(t, dest) == folder {
		t.Errorf("an output with a stray folder was kept")
	}
	if _, err := os.Stat(filepath.Join(dest, "stray")); err == nil {
		t.Errorf("the stray folder is still there")
	}
	// Another marker (another key): a fresh output with the new marker.
	folder = inode(t, dest)
	if err := writeAtomic(dest, files, []byte("other marker\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, MarkerName)); inode(t, dest) == folder || string(b) != "other marker\n" {
		t.Errorf("marker %q; the output was kept: %v", b, inode(t, dest) == folder)
	}
	// One changed file: written; the others linked.
	folder, file = inode(t, dest), inode(t, filepath.Join(dest, "a/index.html"))
	files["b/c/index.html"] = []byte("post C")
	if err := writeAtomic(dest, files, []byte("other marker\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "b/c/index.html")); inode(t, dest) == folder || string(got) != "post C" {
		t.Errorf("changed file: %q, output kept: %v", got, inode(t, dest) == folder)
	}
	if inode(t, filepath.Join(dest, "a/index.html")) != file {
		t.Errorf("an unchanged file was not linked")
	}
}
