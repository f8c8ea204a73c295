package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/content"
)

func TestThemeStaticTakesTheStaticPath(t *testing.T) {
	photo := jpegWith(t, exifSegment("Marchand", "41.38"))
	root := writeSite(t, map[string]string{
		"content/posts/a.md":            post("A", "2024-01-01", "x"),
		"theme/static/img/banner.jpg":   string(photo),
		"theme/static/img/Odette.png":   string(pngWith(t)),
		"theme/static/js/site.js":       "/*! theme by Marchand */\n// Odette helped\nvar a = 1 / 2; var r = /x\\/*y/; // end\n",
		"theme/static/css/custom.css":   "/* Marchand */ a::after { content: \"/* kept */\" }",
		"static/css/custom.css":         "b { color: red }",
		"theme/static/notes/plan.docx":  "PK",
		"static/css/bg.css":             "body { background: url(\"/img/odette-garden.jpg\") }",
		"static/css/fonts.css":          "body { font-family: \"Quiet Sans\", serif; background: url(data:image/png;base64,AAAA) }",
		"static/img/OdetteMarchand.png": string(pngWith(t)),
		"static/img/odette2024.png":     string(pngWith(t)),
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if b := rep.Files["img/banner.jpg"]; len(b) == 0 || bytes.Contains(b, []byte("Marchand")) || bytes.Contains(b, []byte("41.38")) {
		t.Errorf("theme image published with its metadata, or dropped: %q", b)
	}
	if _, ok := rep.Files["img/Odette.png"]; ok {
		t.Error("theme file named after a person published")
	}
	for _, name := range []string{"img/OdetteMarchand.png", "img/odette2024.png"} {
		if _, ok := rep.Files[name]; ok {
			t.Errorf("%s: a file named after a person in joined words was published", name)
		}
	}
	if _, ok := rep.Files["notes/plan.docx"]; ok {
		t.Error("theme file of an unchecked type published")
	}
	js := string(rep.Files["js/site.js"])
	if strings.Contains(js, "Marchand") || strings.Contains(js, "Odette") || strings.Contains(js, "end") || !strings.Contains(js, `/x\/*y/`) {
		t.Errorf("script = %q, want it without comments and with its regexp", js)
	}
	if css := string(rep.Files["css/custom.css"]); css != "b { color: red }" {
		t.Errorf("css = %q, want the site's static file over the theme's", css)
	}
	if _, ok := rep.Files["css/bg.css"]; ok {
		t.Error("a style sheet that names a person's image by path was published")
	}
	if _, ok := rep.Files["css/fonts.css"]; !ok {
		t.Error("a style sheet with a font name and a data URL was left out")
	}
	if _, ok := rep.Files["css/style.css"]; !ok {
		t.Error("built-in theme style sheet missing")
	}
	warns := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(warns, filepath.Join("theme", "static", "img", "Odette.png")+": not published") {
		t.Errorf("warnings = %s", warns)
	}
}

func TestStripCSSComments(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/* a */a{b:c}/* d */", "a{b:c}"},
		{`a::before{content:"/* not a comment */"}`, `a::before{content:"/* not a comment */"}`},
		{"a { background: url(x/*y.png) }", "a { background: url(x/*y.png) }"},
		{"/*! licence, Someone */\nb{}", "\nb{}"},
	} {
		got, err := stripCSSComments([]byte(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("stripCSSComments(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestStripJSComments(t *testing.T) {
	for _, in := range []string{
		"#!/usr/bin/env node\n/*! (c) Someone Named */\nvar a = 1;",
		"function f() {\n  /*! inner, Someone Named */\n  return `// Someone Named ${1}`.length; // trailing Someone Named\n}",
		"class K { m() { /*! Someone Named */ return 1 } }",
	} {
		got, err := stripJSComments([]byte(in))
		if err != nil {
			if strings.Contains(in, "class") {
				continue // refusing is fine; publishing the comment is not
			}
			t.Errorf("stripJSComments(%q): %v", in, err)
			continue
		}
		if strings.Contains(strings.ReplaceAll(string(got), "`// Someone Named ${1}`", ""), "Someone") {
			t.Errorf("stripJSComments(%q) = %q keeps a comment", in, got)
		}
	}
	if _, err := stripJSComments([]byte("var = ;")); err == nil {
		t.Error("a script that does not parse was published")
	}
}

func TestThemeSymlinkOutOfSite(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "single.html"), []byte(`{{ define "main" }}elsewhere{{ end }}`), 0o644)
	os.WriteFile(filepath.Join(outside, "x.css"), []byte("a{}"), 0o644)
	os.MkdirAll(filepath.Join(outside, "img"), 0o755)
	root := writeSite(t, map[string]string{"content/posts/a.md": post("A", "2024-01-01", "x")})
	os.MkdirAll(filepath.Join(root, "theme", "layouts"), 0o755)
	os.MkdirAll(filepath.Join(root, "theme", "static"), 0o755)
	os.Symlink(filepath.Join(outside, "x.css"), filepath.Join(root, "theme", "static", "x.css"))
	os.Symlink(filepath.Join(outside, "img"), filepath.Join(root, "theme", "static", "img"))
	os.MkdirAll(filepath.Join(root, "shared"), 0o755)
	os.Symlink(filepath.Join(root, "shared"), filepath.Join(root, "theme", "static", "shared"))
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Files["x.css"]; ok || len(rep.Errors) != 2 || !strings.Contains(rep.Errors[1].Error(), "x.css: symlink points outside the site") {
		t.Errorf("static symlink out of the site: errors %v", rep.Errors)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "symlinked folder not followed") {
		t.Errorf("symlinked folder not reported: %v", rep.Warnings)
	}
	os.Symlink(filepath.Join(outside, "single.html"), filepath.Join(root, "theme", "layouts", "single.html"))
	if _, err := Render(context.Background(), options(t, root)); err == nil || !strings.Contains(err.Error(), "single.html: symlink points outside the site") {
		t.Errorf("layout symlink out of the site: err = %v", err)
	}
}

func TestFolderNamesDoNotReachURLs(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/odette-marchand/a.md":       post("First visit", "2024-01-01", "x"),
		"content/notes/b.md":                 post("Second visit", "2024-01-02", "y"),
		"content/essays/c.md":                post("Third visit", "2024-01-03", "z"),
		"content/posts/okonkwo-family/d.md":  post("Fourth visit", "2024-01-04", "w"),
		"config.yaml":                        "permalinks:\n  essays: /writing/:year/:slug/\n",
		"content/vantresse/e.md":             post("Fifth visit", "2024-01-05", "v"),
		"content/posts/quillon-vantresse.md": post("Sixth visit", "2024-01-06", "u"),
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range rep.Files {
		for _, leak := range []string{"odette", "marchand", "quillon", "vantresse", "okonkwo"} {
			if strings.Contains(strings.ToLower(name), leak) || bytes.Contains(bytes.ToLower(data), []byte(leak)) {
				t.Errorf("%s: %q reaches the output", name, leak)
			}
		}
	}
	links := map[string]string{}
	for _, c := range rep.Published {
		links[c.Post.Title] = c.Post.Permalink
	}
	for title, want := range map[string]string{
		"First visit": "/posts/first-visit/", "Second visit": "/notes/second-visit/",
		"Third visit": "/writing/2024/third-visit/", "Fifth visit": "/posts/fifth-visit/",
	} {
		if links[title] != want {
			t.Errorf("%s: permalink %q, want %q", title, links[title], want)
		}
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "content/odette-marchand: the folder name may name someone") {
		t.Errorf("warnings = %v", rep.Warnings)
	}
}

func TestBuildLock(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("A", "2024-01-01", "x"),
		// Left by a build that was killed: nobody holds it any more.
		".veil/build.lock": "veil build, process 999999 on elsewhere, since 2020-01-01T00:00:00Z\n",
	})
	if _, err := Build(context.Background(), options(t, root), filepath.Join(root, "public")); err != nil {
		t.Fatalf("a stale lock file blocks the build: %v", err)
	}
	unlock, err := lockSite(root)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(context.Background(), options(t, root), filepath.Join(root, "public"))
	var locked *LockedError
	if !errors.As(err, &locked) || !strings.Contains(err.Error(), "process ") {
		t.Fatalf("second build: err = %v, want a lock error naming the holder", err)
	}
	unlock()
	if _, err := Build(context.Background(), options(t, root), filepath.Join(root, "public")); err != nil {
		t.Fatalf("build after the lock was released: %v", err)
	}
}

func TestThemeTextIsDeidentified(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md":     post("A", "2024-01-01", "x"),
		"theme/layouts/404.html": "{{ define \"main\" }}\n<p title=\"Photo by Odette\">Lost? Ask Odette Marchand.</p>\n{{ .Title }}{{ end }}\n",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	page := string(rep.Files["404.html"])
	if strings.Contains(page, "Odette") || strings.Contains(page, "Marchand") || !strings.Contains(page, "Lost? Ask ") || !strings.Contains(page, "Page not found") {
		t.Errorf("404.html = %s", page)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), filepath.Join("theme", "layouts", "404.html")+":2: the theme's own text") {
		t.Errorf("warnings = %v", rep.Warnings)
	}
}

func TestCNAME(t *testing.T) {
	for _, c := range []struct {
		config, cname string
		published     bool
	}{
		{"baseURL: https://notes.example.org/\n", "notes.example.org\n", true},
		{"baseURL: https://notes.example.org/\n", "odette.example.org\n", false},
		{"", "notes.example.org\n", false},
	} {
		root := writeSite(t, map[string]string{"content/posts/a.md": post("A", "2024-01-01", "x"), "config.yaml": c.config, "static/CNAME": c.cname})
		rep, err := Render(context.Background(), options(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := rep.Files["CNAME"]; ok != c.published {
			t.Errorf("config %q, CNAME %q: published %v", c.config, c.cname, ok)
		}
	}
}

// A script whose regular expression holds a quote still has its strings
// read: a name in one keeps the script out.
func TestScriptStringsAfterAQuoteInARegexp(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("A", "2024-01-01", "x"),
		"static/js/a.js":     "var q = /\"/, who = \"Odette Marchand\", r = \"x\";\n",
		"static/js/b.js":     "var q = /\"/, what = \"menu open\", r = \"x\";\n",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Files["js/a.js"]; ok {
		t.Errorf("a script naming someone in a string was published: %q", rep.Files["js/a.js"])
	}
	if _, ok := rep.Files["js/b.js"]; !ok {
		t.Errorf("a script without a name was left out: %v", rep.Warnings)
	}
}

// A style sheet larger than a post may be is left out with a warning
// rather than read whole by de-identification.
func TestLargeStyleSheetIsLeftOut(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("A", "2024-01-01", "x"),
		"static/css/big.css": strings.Repeat(".a{color:red}\n", content.MaxPostBytes/14+1),
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rep.Files["css/big.css"]; ok || !strings.Contains(strings.Join(rep.Warnings, "\n"), "big.css: not published: a style sheet or script is checked") {
		t.Errorf("large style sheet published or not reported: %v", rep.Warnings)
	}
}
