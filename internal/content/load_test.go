package content

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Load reads and parses posts in parallel; what it returns (posts, and
// errors and warnings in order) must be what a walk loading each file at
// once returns.
func TestLoadParallelSameAsSerial(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	write := func(rel, body string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 120 {
		sec := []string{"posts", "notes", "posts/deep"}[i%3]
		switch i % 7 {
		case 0: // broken front matter: an error
			write(fmt.Sprintf("%s/p%03d.md", sec, i), "---\ntitle: [unclosed\n---\nbody\n")
		case 1: // not Markdown: a warning
			write(fmt.Sprintf("%s/f%03d.txt", sec, i), "a text file\n")
		case 2: // an unknown front-matter key: a warning gathered per key
			write(fmt.Sprintf("%s/p%03d.md", sec, i), fmt.Sprintf("---\ntitle: Post %d\nflavour: %d\n---\nSome words.\n", i, i))
		case 3: // a bundle with a resource the post names and one it does not
			write(fmt.Sprintf("%s/b%03d/index.md", sec, i), fmt.Sprintf("---\ntitle: Bundle %d\n---\n![a chart](chart.png)\n", i))
			write(fmt.Sprintf("%s/b%03d/chart.png", sec, i), "png")
			write(fmt.Sprintf("%s/b%03d/other.pdf", sec, i), "pdf")
		case 4: // headless: a warning, no post
			write(fmt.Sprintf("%s/p%03d.md", sec, i), "---\ntitle: Hidden\nheadless: true\n---\nx\n")
		default:
			write(fmt.Sprintf("%s/p%03d.md", sec, i), fmt.Sprintf("---\ntitle: Post %d\ndate: 2024-01-%02d\n---\nText %d.\n", i, 1+i%28, i))
		}
	}
	got, err := Load(context.Background(), root, dir)
	if err != nil {
		t.Fatal(err)
	}
	// The serial walk: a loader without parts loads each file at once.
	l := &loader{ctx: context.Background(), s: &Site{}, unknown: map[string][]string{}}
	if l.realRoot, err = RealPath(root); err != nil {
		t.Fatal(err)
	}
	if err := l.walk(dir, "", Native); err != nil {
		t.Fatal(err)
	}
	want := l.finish()
	if len(want.Posts) == 0 || len(want.Errors) == 0 || len(want.Warnings) == 0 {
		t.Fatalf("the site should give posts, errors and warnings: %d, %d, %d", len(want.Posts), len(want.Errors), len(want.Warnings))
	}
	if !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("warnings differ:\n got %q\nwant %q", got.Warnings, want.Warnings)
	}
	if fmt.Sprint(got.Errors) != fmt.Sprint(want.Errors) {
		t.Errorf("errors differ:\n got %v\nwant %v", got.Errors, want.Errors)
	}
	if !reflect.DeepEqual(got.Posts, want.Posts) {
		t.Errorf("posts differ: got %d, want %d", len(got.Posts), len(want.Posts))
	}
}
