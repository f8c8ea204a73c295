package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildWritesWhatRenderMakes checks that Build, which streams a site
// (each post converted when it is cleared, its HTML spooled to a file
// until its page is written, its text dropped), writes the very files
// that Render makes holding everything in memory: on a site with ref
// links (converted late, once permalinks are known), a bundle, a page,
// aliases, and a theme whose home page shows each post's whole content
// (read from the spool for every post, not only on its own page).
func TestBuildWritesWhatRenderMakes(t *testing.T) {
	files := map[string]string{
		"content/notes/first.md": "+++\ntitle = \"Meeting Odette\"\ndate = 2024-01-05\ncategories = [\"Visits\"]\n" +
			"aliases = [\"/2024/01/first-meeting/\"]\n+++\n" +
			"Odette came in. See {{< ref \"second\" >}} and [the walk]({{< relref \"walk/index.md\" >}}).\n\n## Later\n\nMarchand left.\n",
		"content/notes/second.md":     post("Second visit", "2024-02-01", "Later, *with* a list:\n\n- one\n- two\n"),
		"content/notes/walk/index.md": "---\ntitle: A walk\ndate: 2024-03-01\n---\nA walk in the park.\n",
		"content/about.md":            "---\ntitle: About\n---\nWho writes here.\n",
		"theme/layouts/home.html":     "{{ define \"main\" }}{{ range .Posts }}<article>{{ .Title }}{{ .Content }}</article>{{ end }}{{ end }}\n",
	}
	for i := range 12 {
		files["content/posts/p"+string(rune('a'+i))+".md"] = post("Week "+string(rune('A'+i)), "2024-04-0"+string(rune('1'+i%9)), strings.Repeat("Odette Marchand talked about the garden. ", 20+i))
	}
	root := writeSite(t, files)
	opts := options(t, root)
	want, err := Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Errors) > 0 {
		t.Fatalf("errors: %v", want.Errors)
	}
	dest := filepath.Join(root, "public")
	if _, err := Build(context.Background(), opts, dest); err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel == MarkerName {
			return nil
		}
		b, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range want.Files {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s: Build wrote\n%s\nRender made\n%s", name, got[name], b)
		}
	}
	for name := range got {
		if _, ok := want.Files[name]; !ok {
			t.Errorf("Build wrote %s, which Render did not make", name)
		}
	}
	if !bytes.Contains(want.Files["index.html"], []byte("talked about the garden.</p>\n</article>")) {
		t.Errorf("the home page does not show the posts' content:\n%s", want.Files["index.html"])
	}
	// The spool is gone with the build.
	left, _ := filepath.Glob(filepath.Join(root, privateDir, "spool-*"))
	if len(left) > 0 {
		t.Errorf("spool left behind: %v", left)
	}
}

// TestBuildPageErrorKeepsOutput: a page whose template fails while Build
// writes (pages are written from the renderer's buffer, not from a copy)
// fails the build with the page's error, leaves the previous output as
// it was and no fresh folder beside it.
func TestBuildPageErrorKeepsOutput(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("First visit", "2024-01-01", "Odette came in.\n"),
		"content/posts/b.md": post("Second visit", "2024-01-02", "Marchand left.\n"),
	})
	opts := options(t, root)
	dest := filepath.Join(root, "public")
	if _, err := Build(context.Background(), opts, dest); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	// Runs on the sample page New executes (no tag 99 there either, an
	// execution error New ignores), fails on every post's page.
	if err := os.MkdirAll(filepath.Join(root, "theme", "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "theme", "layouts", "single.html"), []byte(`{{ define "main" }}{{ index .Post.Tags 99 }}{{ end }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), opts, dest)
	if err == nil || !strings.HasPrefix(err.Error(), "render: render posts/") || !strings.Contains(err.Error(), "index out of range") {
		t.Fatalf("Build with a failing page: %v, want the page's render error", err)
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after the failed build, %d before", len(after), len(before))
	}
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed by the failed build", name)
		}
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.new-") {
			t.Errorf("fresh folder %s left beside the output", e.Name())
		}
	}
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
