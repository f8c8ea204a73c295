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

// Tags reach the page and their own URLs (/tags/<slug>/). Ordinary words
// in them stay, even one that is also a surname and in a short post; a
// first name in a tag is replaced though tags are written in lower case.
// The names are invented.
func TestTagsKeepOrdinaryWords(t *testing.T) {
	out := buildSite(t, map[string]string{
		// "Shortcodes" capitalised in the title and a heading is read as
		// a name there; the tag is not one.
		"content/posts/a.md": "---\ntitle: Using Shortcodes\ndate: 2024-03-04\n" +
			"tags: [shortcodes, small-towns, marsh, rural-life, marisol-visit, visit-with-teodora]\n" +
			"categories: [practice, Jaxon]\n---\n## Shortcodes\n\nWe talked about small towns and the marsh behind the house.\n",
	})
	for _, keep := range []string{"tags/shortcodes/index.html", "tags/small-towns/index.html", "tags/marsh/index.html",
		"tags/rural-life/index.html", "categories/practice/index.html"} {
		if _, err := os.Stat(filepath.Join(out, keep)); err != nil {
			t.Errorf("%s is missing: an ordinary word was taken for a name", keep)
		}
	}
	entries, err := os.ReadDir(filepath.Join(out, "tags"))
	if err != nil {
		t.Fatal(err)
	}
	var visits int
	for _, e := range entries {
		for _, name := range []string{"marisol", "teodora"} {
			if strings.Contains(e.Name(), name) {
				t.Errorf("tag folder %s holds %q", e.Name(), name)
			}
		}
		if strings.Contains(e.Name(), "visit") {
			visits++
		}
	}
	if visits != 2 {
		t.Errorf("%d tags with visit, want 2 (the names in them replaced)", visits)
	}
	if _, err := os.Stat(filepath.Join(out, "categories", "jaxon")); err == nil {
		t.Error("the category Jaxon is published as written")
	}
}

// A slug is written like a tag and becomes the post's URL: the same
// reading applies.
func TestSlugKeepsOrdinaryWords(t *testing.T) {
	out := buildSite(t, map[string]string{
		"content/posts/a.md": "---\ntitle: Another\ndate: 2024-03-05\nslug: small-towns-and-marsh\n---\nPlain words.\n",
		"content/posts/b.md": "---\ntitle: A visit\ndate: 2024-03-04\nslug: teodora-visit-notes\n---\nPlain words about the week.\n",
	})
	entries, err := os.ReadDir(filepath.Join(out, "posts"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	got := strings.Join(names, " ")
	if !strings.Contains(got, "small-towns-and-marsh") {
		t.Errorf("posts %q: the ordinary words of a slug were replaced", got)
	}
	if strings.Contains(got, "teodora") || !strings.Contains(got, "-visit-notes") {
		t.Errorf("posts %q: the name in a slug was kept, or the slug lost", got)
	}
}
