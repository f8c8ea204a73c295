package site

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"sort"
	"strings"
	"testing"
)

// bundlePNG is a 1x1 PNG carrying a tEXt chunk that names someone.
func bundlePNG(text string) string {
	var enc bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.RGBA{200, 100, 50, 255})
	if err := png.Encode(&enc, img); err != nil {
		panic(err)
	}
	b := enc.Bytes()
	data := []byte("Author\x00" + text)
	var chunk bytes.Buffer
	binary.Write(&chunk, binary.BigEndian, uint32(len(data)))
	chunk.WriteString("tEXt")
	chunk.Write(data)
	binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("tEXt"), data...)))
	ihdrEnd := 8 + 8 + 13 + 4 // signature, IHDR length and type, data, CRC
	return string(b[:ihdrEnd]) + chunk.String() + string(b[ihdrEnd:])
}

var pngSig = []byte("\x89PNG\r\n\x1a\n")

// TestHugoSiteBuilds builds a Hugo-shaped site: TOML and JSON front
// matter, a section named "notes", a section page, a leaf bundle with an
// image, ref links, aliases, categories and a post scheduled for later.
func TestHugoSiteBuilds(t *testing.T) {
	root := writeSite(t, map[string]string{
		"hugo.toml":               "baseURL = 'https://notes.example.org/'\ntitle = 'Notes'\nlanguageCode = 'en-gb'\n",
		"content/notes/_index.md": "+++\ntitle = \"All notes\"\n+++\nNotes from practice.\n",
		"content/notes/first.md": "+++\ntitle = \"Meeting Odette\"\ndate = 2024-01-05\ncategories = [\"Visits\", \"Odette\"]\n" +
			"aliases = [\"/2024/01/first-meeting/\", \"/2024/01/meeting-odette/\"]\n+++\n" +
			"Odette came in. See {{< ref \"second\" >}} and [the walk]({{< relref \"walk/index.md\" >}}) and {{< ref \"missing.md\" >}}.\n",
		"content/notes/second.md": "{\n  \"title\": \"Second visit\",\n  \"date\": \"2024-02-01\",\n  \"categories\": [\"visits\"],\n  \"aliases\": [\"/old/odette-notes/\"]\n}\nLater.\n",
		"content/notes/later.md":  "+++\ntitle = \"Not yet\"\ndate = 2024-01-01\npublishDate = 2099-01-01\n+++\nSoon.\n",
		"content/notes/gone.md":   "+++\ntitle = \"Expired\"\ndate = 2020-01-01\nexpiryDate = 2021-01-01\n+++\nOld.\n",
		"content/notes/walk/index.md": "---\ntitle: A walk\ndate: 2024-03-01\n---\n" +
			"{{< figure src=\"odette-in-the-park.png\" caption=\"The park with Odette\" >}}\n",
		"content/notes/walk/odette-in-the-park.png": bundlePNG("Odette Marchand"),
	})
	opts := options(t, root)
	rep, err := Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	var names []string
	for n := range rep.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	all := strings.Join(names, "\n")
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), "odette") {
			t.Errorf("output path %s holds the name", n)
		}
		if bytes.Contains(bytes.ToLower(rep.Files[n]), []byte("odette")) || bytes.Contains(rep.Files[n], []byte("Marchand")) {
			t.Errorf("%s holds the name", n)
		}
	}
	for _, want := range []string{
		"notes/second-visit/index.html", "all-notes/index.html", "categories/index.html",
		"categories/visits/index.html", "categories/visits/index.xml", "2024/01/first-meeting/index.html",
	} {
		if _, ok := rep.Files[want]; !ok {
			t.Errorf("no %s in\n%s", want, all)
		}
	}
	// (an alias whose name is lower case and nowhere in the post is read
	// as a path, name-like words capitalised, as static file paths are)
	for _, no := range []string{"notes/not-yet/index.html", "notes/expired/index.html", "2024/01/meeting-odette/index.html", "old/odette-notes/index.html"} {
		if _, ok := rep.Files[no]; ok {
			t.Errorf("%s was published", no)
		}
	}
	// The bundle image: published beside the post under a neutral name,
	// without its text chunk; the figure points at it.
	var walk, img string
	for _, n := range names {
		if strings.HasPrefix(n, "notes/a-walk/") {
			if strings.HasSuffix(n, ".png") {
				img = n
			} else {
				walk = n
			}
		}
	}
	if img != "notes/a-walk/image-1.png" || bytes.Contains(rep.Files[img], []byte("tEXt")) || !bytes.HasPrefix(rep.Files[img], pngSig) {
		t.Errorf("bundle image %q (%d bytes)", img, len(rep.Files[img]))
	}
	if page := string(rep.Files[walk]); !strings.Contains(page, `<img src="image-1.png" alt="The park with `) {
		t.Errorf("walk page:\n%s", page)
	}
	// ref links point at the new permalinks; a missing target at home.
	var first string
	for _, n := range names {
		if strings.HasPrefix(n, "notes/meeting-") {
			first = string(rep.Files[n])
		}
	}
	for _, w := range []string{`See /notes/second-visit/ and <a href="/notes/a-walk/">the walk</a> and /.`, `href="/categories/visits/"`} {
		if !strings.Contains(first, w) {
			t.Errorf("first post lacks %q:\n%s", w, first)
		}
	}
	if redirect := string(rep.Files["2024/01/first-meeting/index.html"]); !strings.Contains(redirect, `url=https://notes.example.org/notes/meeting-`) {
		t.Errorf("redirect = %s", redirect)
	}
	warns := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{"not built: 2 posts before their publish date or after their expiry date (--drafts builds them)", "first.md:5: an alias (earlier URL) holds an identifying detail", "second.md:5: an alias (earlier URL) holds an identifying detail", "first.md: a link to another post (ref 3) names no published post"} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings lack %q:\n%s", w, warns)
		}
	}
	if strings.Contains(warns, "Odette") {
		t.Errorf("warnings hold the name:\n%s", warns)
	}

	// With drafts (a preview), scheduled and expired posts are in.
	opts.Drafts = true
	rep, err = Render(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Files["notes/not-yet/index.html"]; !ok {
		t.Errorf("--drafts should include a post scheduled for later")
	}
}

func TestJekyllSiteBuilds(t *testing.T) {
	root := writeSite(t, map[string]string{
		"_config.yml":                          "title: Journal\nurl: https://journal.example.net\nbaseurl: /j\n",
		"_posts/2023-05-06-visiting-odette.md": "---\nlayout: post\ncategories: [visits]\n---\nOdette waited. {% include aside.html %} Next: {% post_url 2023-06-01-later %}\n",
		"_posts/2023-06-01-later.md":           "---\ntitle: Later\n---\nAfter.\n",
		"about.md":                             "---\ntitle: About\n---\nMe.\n",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Published) != 3 || len(rep.Errors) != 0 {
		t.Fatalf("published %d, errors %v", len(rep.Published), rep.Errors)
	}
	for n, b := range rep.Files {
		if strings.Contains(strings.ToLower(n), "odette") || bytes.Contains(b, []byte("Odette")) || bytes.Contains(b, []byte("{%")) {
			t.Errorf("%s leaks the name or a Liquid tag", n)
		}
	}
	if !bytes.Contains(rep.Files["posts/later/index.html"], []byte("After.")) || !bytes.Contains(rep.Files["about/index.html"], []byte("Me.")) {
		t.Errorf("posts missing")
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), `Liquid tag "include"`) {
		t.Errorf("warnings = %q", rep.Warnings)
	}
	found := false
	for n, b := range rep.Files {
		if strings.HasPrefix(n, "posts/visiting-") && bytes.Contains(b, []byte("Next: /j/posts/later/")) {
			found = true
		}
	}
	if !found {
		t.Errorf("post_url not resolved")
	}
}
