package cli

import (
	"bytes"
	"context"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/veil-blog/veil/internal/imgclean/imgtest"
	"github.com/veil-blog/veil/theme"
)

// The identifiers the leak site hides; all invented. None may appear, in
// any case, in any output file's content or path.
var leakSecrets = []string{"Ysolde", "Brannagh", "Tavish", "Quorral", "SN-4471-QX", "Vellmoor"}

// leakSite writes a site that hides the identifiers in every place a
// build reads: folder and file names under content/, static/ and the
// theme; front matter (title, description, summary, tags, slug); the body
// (headings, link text and URLs, image alt text, raw HTML, an HTML
// comment); theme and site static files named after a person; EXIF Artist,
// camera serial and GPS in a theme photo; a progressive JPEG with EXIF and
// a comment after its first scan and a second EXIF-carrying JPEG after its
// end; a PNG with tEXt, iTXt, eXIf and an unknown chunk and data after
// IEND; names written as HTML entities or split by soft hyphens and
// zero-width characters; comments in CSS and JavaScript; a style sheet naming a person's
// image by url(); a theme template whose own text and attributes name
// people.
func leakSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	exif := imgtest.EXIF("Ysolde Brannagh", "SN-4471-QX", "Vellmoor 51.7734")
	second := imgtest.JPEG(imgtest.EXIF("Tavish Quorral", "SN-4471-QX", "Vellmoor"))
	progressive, err := imgtest.Progressive(append([]byte("MotionPhoto Tavish"), second...), exif, imgtest.Segment(0xFE, "shot by Tavish Quorral"))
	if err != nil {
		t.Fatal(err)
	}
	png := imgtest.PNG([]byte("after IEND: Ysolde Brannagh"),
		imgtest.Chunk("tEXt", "Author\x00Ysolde Brannagh"),
		imgtest.Chunk("iTXt", "Description\x00\x00\x00en\x00\x00Tavish Quorral at Vellmoor"),
		imgtest.Chunk("eXIf", "MM\x00*Artist Tavish Quorral SN-4471-QX"),
		imgtest.Chunk("vlLm", "Vellmoor"))
	post := `---
title: "What Ysolde Brannagh taught me"
date: 2024-03-04
description: "Ysolde and Tavish Quorral at Vellmoor"
summary: "A visit with Ysolde Brannagh"
tags: [Ysolde Brannagh, practice, Tavish, ysolde-brannagh, tavish_quorral, alzheimers]
slug: ysolde-brannagh-visit
---
# Meeting Ysolde Brannagh

Ysolde Brannagh met Tavish Quorral in Vellmoor. See [Ysolde's notes](https://example.org/ysolde-brannagh) and
![Tavish Quorral smiling](/img/progressive.jpg).

<div title="Ysolde Brannagh">Raw Tavish Quorral</div>

Written as entities, &#89;&#115;&#111;&#108;&#100;&#101; B&#x72;annagh came with T&aacute;vish Quorral;
split by a word processor, Bran­nagh and Ta​vish Quor‍ral.
<!-- Brannagh file, serial SN-4471-QX -->

## Filed under {#ysolde-brannagh}

Her folder was ysolde-brannagh, his tavish_quorral; typed in wide letters, Ｙｓｏｌｄｅ Ｂｒａｎｎａｇｈ, or
in bold maths, 𝐓𝐚𝐯𝐢𝐬𝐡 𝐐𝐮𝐨𝐫𝐫𝐚𝐥, or with Cyrillic letters, brаnnagh and Тavish. [Write to the desk](mailto:desk@example.org?subject=Tavish%20Quorral).
`
	files := map[string][]byte{
		"config.yaml":                             []byte("title: Practice notes from Vellmoor\ndescription: What Ysolde Brannagh taught me\nauthor: Tavish Quorral\nbaseURL: https://example.org/\n"),
		".veil/known.yaml":                        []byte("people: [Ysolde Brannagh, Tavish Quorral]\nplaces: [Vellmoor]\n"),
		"content/about.md":                        []byte("---\ntitle: About\n---\nAbout this site.\n"),
		"content/posts/a.md":                      []byte(post),
		"content/ysolde-brannagh/visit.md":        []byte("---\ntitle: A second visit\ndate: 2024-04-05\n---\nPlain words.\n"),
		"content/posts/tavish-quorral/third.md":   []byte("\ufeff---\ntitle: A third visit\ndate: 2024-05-06\n---\nMore plain words.\n"),
		"content/posts/brannagh-2024-03-04.md":    []byte("---\ntitle: A fourth visit\ndate: 2024-06-07\n---\nStill plain.\n"),
		"theme/layouts/404.html":                  []byte("{{ define \"main\" }}\n<p title=\"Photo: Ysolde Brannagh\">Lost? Tavish Quorral at Vellmoor can help.</p>\n<p>{{ \"Ask Tavish Quorral\" }} {{ printf \"%s at %s\" \"Ysolde Brannagh\" `Vellmoor` }} {{ .Site.Now.Format \"2 January 2006\" }}</p>\n{{ end }}\n"),
		"theme/static/img/header.jpg":             imgtest.JPEG(exif, imgtest.Segment(0xFE, "Ysolde Brannagh")),
		"theme/static/img/ysolde-brannagh.jpg":    imgtest.JPEG(),
		"theme/static/css/theme.css":              []byte("/* theme by Tavish Quorral */\nbody { margin: 0 } /*! Vellmoor */\n"),
		"theme/static/js/menu.js":                 []byte("/*! (c) Ysolde Brannagh */\n// Tavish wrote this\nvar open = false; // Vellmoor\n"),
		"static/img/progressive.jpg":              progressive,
		"static/img/chart.png":                    png,
		"static/tavish-quorral/plan.css":          []byte("p { color: red }"),
		"static/css/bg.css":                       []byte(".hero { background: url('/img/ysolde-brannagh.jpg') }"),
		"static/css/site.css":                     []byte("a { color: blue } /* asked by Ysolde Brannagh */"),
		"static/files/ysolde-brannagh-letter.pdf": []byte("%PDF-1.4 Ysolde"),
		"static/css/quote.css":                    []byte(".quote::after { content: \"Tavish Quorral\" } .ysolde-brannagh { color: red }"),
		"static/js/greet.js":                      []byte("var who = 'Ysolde Brannagh'; document.title = `Tavish ${'Quorral'}`;\n"),
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestLeakSite(t *testing.T) {
	root := leakSite(t)
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"build", "-s", root}, nil, &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("build exit %d:\n%s", code, stderr.String())
	}
	// The terminal is an output too: warnings name kinds and paths the
	// author wrote, never a matched original beyond them.
	out := filepath.Join(root, "public")
	var names []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, s := range leakSecrets {
			if strings.Contains(strings.ToLower(rel), strings.ToLower(s)) {
				t.Errorf("output path %s holds %q", rel, s)
			}
		}
		if d.IsDir() {
			return nil
		}
		names = append(names, filepath.ToSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Search the bytes, and the text a reader sees: entities decoded,
		// invisible format characters removed.
		seen := strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, foldLookalikes(norm.NFKC.String(html.UnescapeString(string(data)))))
		if u, err := url.PathUnescape(seen); err == nil {
			seen += "\n" + u
		}
		for _, text := range []string{string(data), seen} {
			lower := strings.ToLower(text)
			for _, s := range leakSecrets {
				if strings.Contains(lower, strings.ToLower(s)) {
					t.Errorf("output file %s holds %q", rel, s)
				}
			}
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jpg", ".jpeg":
			markers, trailing := imgtest.JPEGMarkers(data)
			for _, m := range markers {
				if (m >= 0xE0 && m <= 0xEF && m != 0xEE) || m == 0xFE {
					t.Errorf("%s keeps JPEG segment %02X", rel, m)
				}
			}
			if trailing != 0 {
				t.Errorf("%s keeps %d bytes after its end", rel, trailing)
			}
		case ".png":
			types, trailing := imgtest.PNGChunks(data)
			for _, typ := range types {
				if !slices.Contains([]string{"IHDR", "IDAT", "IEND", "PLTE", "tRNS"}, typ) {
					t.Errorf("%s keeps PNG chunk %s", rel, typ)
				}
			}
			if trailing != 0 {
				t.Errorf("%s keeps %d bytes after IEND", rel, trailing)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// What may be published is: cleaned, not merely dropped.
	for _, want := range []string{"img/header.jpg", "img/progressive.jpg", "img/chart.png", "css/theme.css", "js/menu.js", "css/site.css", "css/style.css"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s missing from the output:\n%s", want, stderr.String())
		}
	}
	// A condition named after a person, written as a tag, names no one.
	for _, p := range []string{"tags/alzheimers/index.html", "posts/a-second-visit/index.html", "posts/a-third-visit/index.html", "posts/a-fourth-visit/index.html"} {
		if !slices.Contains(names, p) {
			t.Errorf("%s missing from the output (have %d files)", p, len(names))
		}
	}
	for _, w := range []string{"ysolde-brannagh.jpg: not published", "ysolde-brannagh-letter.pdf: not published", "plan.css: not published", "bg.css: not published", "the folder name may name someone", "404.html:2: the theme's own text", "quote.css: not published", "greet.js: not published", "config.yaml: title: holds", "config.yaml: author: holds"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr does not say %q:\n%s", w, stderr.String())
		}
	}
}

// A site that copies the built-in theme's templates into its theme folder
// gets the same pages: the template text check finds nothing in them.
func TestCopiedThemeIsUnchanged(t *testing.T) {
	root := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/posts/a.md", []byte("---\ntitle: A quiet week\ndate: 2024-01-02\ntags: [practice]\n---\nText.\n"))
	err := fs.WalkDir(theme.FS(), "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme.FS(), p)
		write("theme/"+p, b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "-s", root}, nil, &stdout, &stderr); code != ExitOK || strings.Contains(stderr.String(), "theme's own text") {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
}

// foldLookalikes reads the Cyrillic letters drawn like Latin ones as those.
func foldLookalikes(s string) string {
	return strings.NewReplacer("а", "a", "е", "e", "о", "o", "р", "p", "с", "c", "Т", "T", "В", "B").Replace(s)
}
