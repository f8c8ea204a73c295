package importer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// fakeClean stands in for de-identification: it replaces the given people
// with "Person N" and drops nothing else, so a test can see that names
// went through it.
func fakeClean(calls *int) Cleaner {
	return func(_ context.Context, texts, people []string) ([]string, error) {
		*calls++
		out := make([]string, len(texts))
		for i, t := range texts {
			for j, p := range people {
				t = strings.ReplaceAll(t, p, fmt.Sprintf("Person %d", j+1))
				for _, w := range strings.Fields(p) {
					t = strings.ReplaceAll(t, w, fmt.Sprintf("Person %d", j+1))
				}
			}
			out[i] = t
		}
		return out, nil
	}
}

var fixedNow = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

// files lists every file under root, slash paths, sorted.
func files(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(r))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImportFixture(t *testing.T) {
	root := site(t)
	// A post already there keeps its name; the import picks the next one.
	os.WriteFile(filepath.Join(root, "content/posts/2021-02-09-post-1.md"), []byte("---\ntitle: mine\ndate: 2021-02-09\n---\n"), 0o644)
	calls := 0
	res, err := WordPress(context.Background(), "testdata/export.xml", Options{Root: root, ContentDir: "content", Comments: true, Clean: fakeClean(&calls), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Posts != 3 || res.Pages != 1 || res.Drafts != 2 || res.Comments != 2 {
		t.Errorf("posts %d pages %d drafts %d comments %d, want 3 1 2 2", res.Posts, res.Pages, res.Drafts, res.Comments)
	}
	if res.Skipped["type nav_menu_item"] != 1 {
		t.Errorf("skipped = %v", res.Skipped)
	}
	want := []string{
		".veil/wordpress-attachments.tsv", ".veil/wordpress-import.yaml",
		"content/page-1.md", "content/posts/2021-02-09-post-1.md", "content/posts/2021-02-09-post-2.md",
		"content/posts/2021-03-05-post-1.md", "content/posts/2021-04-02-post-1.md",
	}
	if got := files(t, root); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range files(t, filepath.Join(root, "content")) {
		if strings.Contains(strings.ToLower(f), "teodora") || strings.Contains(f, "reflection") {
			t.Errorf("file name %s comes from a title", f)
		}
	}

	post := read(t, filepath.Join(root, "content/posts/2021-02-09-post-2.md"))
	for _, w := range []string{
		"title: What Teodora Quillmoor taught me about night shifts\n",
		"date: 2021-02-09T15:15:00\n", "lastmod: 2021-03-01T08:00:00\n",
		"tags: [night shift, Teodora]\n", "categories: [Practice & care]\n",
		"author: Person 1\n", "text: Person 1 here, Teodora's niece.", "reply_to: 1\n",
		"![Teodora in the garden](/uploads/file-1.jpg)",
		"was admitted to our ward in Greeley on January 14, 2021.\n\n<!--more-->\n\nShe told me",
		`[about me]({{< ref "page-1.md" >}}), [my handover draft]({{< ref "posts/2021-03-05-post-1.md" >}}) and [another site](https://elsewhere.example.org/about/)`,
	} {
		if !strings.Contains(post, w) {
			t.Errorf("post lacks %q:\n%s", w, post)
		}
	}
	for _, no := range []string{"lucinda.farrow@example.net", "203.0.113.9", "lucinda.example.net", "Lucinda", "Cheap Pills", "Another blog", "Uncategorized", "[gallery", "[caption", "srcset", "wp-content", "slug:", "draft:"} {
		if strings.Contains(post, no) {
			t.Errorf("post holds %q:\n%s", no, post)
		}
	}
	if calls != 1 {
		t.Errorf("cleaner called %d times, want once (one post has comments)", calls)
	}
	if d := read(t, filepath.Join(root, "content/posts/2021-03-05-post-1.md")); !strings.Contains(d, "title: Handover & notes\n") || !strings.Contains(d, "draft: true") || !strings.Contains(d, "- check the charts") || strings.Contains(d, "wp:paragraph") {
		t.Errorf("draft:\n%s", d)
	}
	if p := read(t, filepath.Join(root, "content/posts/2021-04-02-post-1.md")); !strings.Contains(p, "draft: true") || !strings.Contains(p, "summary: A short excerpt.") {
		t.Errorf("private post:\n%s", p)
	}
	if p := read(t, filepath.Join(root, "content/page-1.md")); !strings.Contains(p, "[My CV](/uploads/file-2.pdf)") {
		t.Errorf("page:\n%s", p)
	}

	var m struct {
		Posts []mapEntry
	}
	if err := yaml.Unmarshal([]byte(read(t, res.MapPath)), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Posts) != 4 || m.Posts[0].Slug != "what-teodora-quillmoor-taught-me" || m.Posts[0].Author != "nightnurse" || m.Posts[0].File != "content/posts/2021-02-09-post-2.md" {
		t.Errorf("mapping = %+v", m.Posts)
	}
	tsv := read(t, res.AttachmentsPath)
	for _, w := range []string{
		"uploads/2021/02/teodora-garden.jpg\tstatic/uploads/file-1.jpg\ttrue",
		"uploads/2021/02/ward-door.png\tstatic/uploads/file-3.png\tfalse",
	} {
		if !strings.Contains(tsv, w) {
			t.Errorf("attachments lack %q:\n%s", w, tsv)
		}
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "export.xml:20: post 12: [gallery] shortcode removed") {
		t.Errorf("notes = %q", res.Notes)
	}

	// A second import is refused: it would double every post.
	_, err = WordPress(context.Background(), "testdata/export.xml", Options{Root: root, ContentDir: "content", Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "had an import already") {
		t.Errorf("second import: err = %v", err)
	}
}

func TestImportWithoutComments(t *testing.T) {
	root := site(t)
	res, err := WordPress(context.Background(), "testdata/export.xml", Options{Root: root, ContentDir: "content", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	post := read(t, filepath.Join(root, res.Files[1]))
	if strings.Contains(post, "comments:") || strings.Contains(post, "Lucinda") || res.Comments != 0 {
		t.Errorf("comments imported without --comments:\n%s", post)
	}
}

// TestMalformedExports: each broken export is refused with its line and
// leaves the site exactly as it was.
func TestMalformedExports(t *testing.T) {
	good, err := os.ReadFile("testdata/export.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := strings.Index(string(good), "<title><![CDATA[A private reflection")
	latin1 := strings.Replace(string(good), "Greeley", "Gr\xe9eley", 1)
	tests := []struct {
		name, src string
		want      string
	}{
		{"truncated", string(good[:cut]), "looks truncated"},
		{"wrong encoding", latin1, "not valid UTF-8"},
		{"utf-16", "\xff\xfe<\x00?\x00", "UTF-16"},
		{"not xml", "this is not an export\n", "not a WordPress export"},
		{"html page", "<!DOCTYPE html>\n<html><body><p>hello</body></html>", "malformed XML"},
		{"rss without wordpress", "<?xml version=\"1.0\"?>\n<html><item><title>x</title></item></html>", "not a WordPress export"},
		{"plain rss feed", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>x</title><description>y</description></item></channel></rss>", "its items have no wp:post_type"},
		{"bad declared charset", "<?xml version=\"1.0\" encoding=\"x-no-such\"?>\n<rss><channel></channel></rss>", "encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t)
			src := filepath.Join(t.TempDir(), "export.xml")
			os.WriteFile(src, []byte(tt.src), 0o644)
			before := files(t, root)
			calls := 0
			_, err := WordPress(context.Background(), src, Options{Root: root, ContentDir: "content", Comments: true, Clean: fakeClean(&calls), Now: fixedNow})
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing was written") || !strings.HasPrefix(err.Error(), src+":") {
				t.Errorf("err = %q, want %q with the path and 'nothing was written'", err, tt.want)
			}
			after := files(t, root)
			if strings.Join(before, ",") != strings.Join(after, ",") {
				t.Errorf("site changed: %v -> %v", before, after)
			}
			if entries, _ := os.ReadDir(filepath.Join(root, ".veil")); len(entries) != 0 {
				t.Errorf(".veil holds %d entries after a failed import", len(entries))
			}
		})
	}
}

func TestByteOrderMarkAndEntities(t *testing.T) {
	src := "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>A&nbsp;blog</title><item><title>Tea &amp; talk</title><content:encoded>Cups.</content:encoded><wp:post_id>3</wp:post_id><wp:post_date>2020-01-02 10:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>"
	root := site(t)
	p := filepath.Join(t.TempDir(), "e.xml")
	os.WriteFile(p, []byte(src), 0o644)
	res, err := WordPress(context.Background(), p, Options{Root: root, ContentDir: "content", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(root, res.Files[0])); !strings.Contains(got, "title: Tea & talk") {
		t.Errorf("post:\n%s", got)
	}
}

func TestLatin1Declared(t *testing.T) {
	// An export that says it is ISO-8859-1 is read as such.
	src := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item><title>Caf\xe9 notes</title><content:encoded>Un caf\xe9.</content:encoded><wp:post_id>3</wp:post_id><wp:post_date>2020-01-02 10:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>"
	root := site(t)
	p := filepath.Join(t.TempDir(), "e.xml")
	os.WriteFile(p, []byte(src), 0o644)
	res, err := WordPress(context.Background(), p, Options{Root: root, ContentDir: "content", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(root, res.Files[0])); !strings.Contains(got, "title: Café notes") || !strings.Contains(got, "Un café.") {
		t.Errorf("post:\n%s", got)
	}
}

// TestLargeExport streams a generated export of about 50 MB: every post
// is written and memory stays bounded by one item.
func TestLargeExport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and imports a 50 MB export")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "big.xml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>`+"\n")
	para := "<p>" + strings.Repeat("A long evening on the ward, and the kettle. ", 40) + "</p>\n"
	body := strings.Repeat(para, 12) // about 21 KB a post
	n := 0
	for size := 0; size < 50<<20; n++ {
		item := fmt.Sprintf("<item><title>Shift %d</title><content:encoded><![CDATA[%s]]></content:encoded><wp:post_id>%d</wp:post_id><wp:post_date>2020-01-%02d 10:00:00</wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n", n, body, n+1, n%28+1)
		f.WriteString(item)
		size += len(item)
	}
	fmt.Fprint(f, "</channel></rss>\n")
	f.Close()
	root := site(t)
	res, err := WordPress(context.Background(), p, Options{Root: root, ContentDir: "content", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("imported %d posts from a %d-byte export", res.Posts, fileSize(t, p))
	if res.Posts != n || len(res.Files) != n {
		t.Errorf("imported %d posts (%d files), want %d", res.Posts, len(res.Files), n)
	}
}

func TestCancelledImportWritesNothing(t *testing.T) {
	root := site(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := WordPress(ctx, "testdata/export.xml", Options{Root: root, ContentDir: "content", Now: fixedNow}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if got := files(t, root); len(got) != 0 {
		t.Errorf("files after cancel: %v", got)
	}
}

func fileSize(t *testing.T, p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
