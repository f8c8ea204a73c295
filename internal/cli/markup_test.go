package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildSite writes files into a new site, builds it with the real
// recognizers and returns the output folder.
func buildSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["config.yaml"] = "title: Notes\nbaseURL: https://example.org/\n"
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "-s", root}, nil, &stdout, &stderr); code != ExitOK {
		t.Fatalf("build exit %d:\n%s", code, stderr.String())
	}
	return filepath.Join(root, "public")
}

func readOut(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A name in the text of an image, a link, emphasis, a heading, a table
// cell, after a character reference or in raw HTML is replaced, and the
// markup around it is published as markup: an image stays an image with a
// de-identified alt text, never raw Markdown. The name is invented.
func TestNamesInMarkupKeepTheMarkup(t *testing.T) {
	body := `Marisol came to the clinic on Tuesday.

![Marisol smiling](/img/a.png)

![a photo of Marisol at lunch](/img/b.png)

![lunch with Marisol](/img/c.png)

See [Marisol](https://example.org/notes) for more.

It was *Marisol* who spoke, then **Marisol**, and _Marisol_.

## Marisol and the garden

| who | what |
|---|---|
| Marisol | tea |

&nbsp;Marisol said &ldquo;Marisol&rdquo; twice.

"Marisol at the clinic" she said.

<img alt="Marisol at the clinic" src="/img/d.png">
`
	out := buildSite(t, map[string]string{
		"content/posts/a.md": "---\ntitle: A visit\ndate: 2024-03-04\n---\n" + body,
	})
	page := readOut(t, out, "posts/a-visit/index.html")
	for _, s := range []string{"Marisol"} {
		if strings.Contains(page, s) {
			t.Errorf("the page holds %q", s)
		}
	}
	for _, raw := range []string{"](", "![", "**", "_"} {
		if i := strings.Index(page, raw); i >= 0 && strings.Contains(page[max(0, i-80):i+80], "clinic") {
			t.Errorf("the page holds raw Markdown %q: %s", raw, page[max(0, i-80):i+80])
		}
	}
	imgs := regexp.MustCompile(`<img [^>]*alt="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(imgs) != 4 {
		t.Fatalf("the page has %d images with alt text, want 4:\n%s", len(imgs), page)
	}
	for i, want := range []string{"^\\S+ smiling$", "^a photo of \\S+ at lunch$", "^lunch with \\S+$", "^\\S+ at the clinic$"} {
		if !regexp.MustCompile(want).MatchString(imgs[i][1]) {
			t.Errorf("image %d has alt %q, want it to match %s", i, imgs[i][1], want)
		}
	}
	for _, tag := range []string{`<a href=`, `<em>`, `<strong>`, `<h2 id=`, `<td>`} {
		if !strings.Contains(page, tag) {
			t.Errorf("the page lost its %s", tag)
		}
	}
	if n := strings.Count(page, "<em>"); n != 2 {
		t.Errorf("the page has %d <em>, want 2 (*...* and _..._)", n)
	}
}
