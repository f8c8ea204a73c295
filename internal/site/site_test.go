package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/veil-blog/veil/internal/config"
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/plan"
	"github.com/veil-blog/veil/theme"
)

// nameDetector reports capitalised words from a fixed list as people: a
// stand-in for the real recognizers.
type nameDetector struct{ re *regexp.Regexp }

func (nameDetector) Name() string { return "test/names" }
func (d nameDetector) Detect(_ context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	var out []deid.Finding
	for _, m := range d.re.FindAllStringIndex(doc.Text, -1) {
		out = append(out, deid.Finding{Start: m[0], End: m[1], Kind: deid.Person, Text: doc.Text[m[0]:m[1]], Confidence: 0.9})
	}
	return out, nil
}

// failOn errors on any text containing a marker, to test fail-closed.
type failOn struct{ marker string }

func (failOn) Name() string { return "test/fail" }
func (f failOn) Detect(_ context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	if strings.Contains(doc.Text, f.marker) {
		if f.marker == "PANIC" {
			panic("detector bug")
		}
		return nil, errors.New("detector failed")
	}
	return nil, nil
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func options(t *testing.T, root string, ds ...deid.Detector) Options {
	t.Helper()
	cfg, _, err := config.Load(root, config.Options{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	ds = append([]deid.Detector{nameDetector{regexp.MustCompile(`\b(?:Odette|Marchand)\b`)}}, ds...)
	return Options{
		Root: root, Config: cfg, Theme: theme.FS(),
		Engine: deid.New(deid.WithDetectors(ds...), deid.WithKey([]byte("test key")), deid.WithPlanner(plan.New())),
		Now:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

func post(title, date, body string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\ntags: [Odette, care]\ndescription: About Odette\n---\n" + body
}

func TestBuildPublishesOnlyDeidentifiedText(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("What Odette taught me", "2024-01-01", "# Odette Marchand\n\nOdette's [site](https://example.org/Odette) and ![Odette smiling](/img/x.png)\n\n<div title=\"Odette\">raw Odette</div>\n<!-- a comment about Marchand -->\n"),
		"content/about.md":   "---\ntitle: About\n---\nHello.\n",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || len(rep.Held) != 0 || len(rep.Published) != 2 {
		t.Fatalf("errors %v held %v published %d", rep.Errors, rep.Held, len(rep.Published))
	}
	for name, data := range rep.Files {
		if strings.Contains(name, "odette") || bytes.Contains(bytes.ToLower(data), []byte("odette")) || bytes.Contains(data, []byte("Marchand")) {
			t.Errorf("%s leaks the name", name)
		}
		if bytes.Contains(data, []byte("<!--")) {
			t.Errorf("%s keeps an HTML comment", name)
		}
	}
	var slug string
	for _, c := range rep.Published {
		if !c.Post.IsPage {
			slug = c.Post.Slug
		}
	}
	if !strings.HasPrefix(slug, "what-") || !strings.HasSuffix(slug, "-taught-me") {
		t.Errorf("slug = %q, want the de-identified title", slug)
	}
}

func TestFailingStageHoldsPostBack(t *testing.T) {
	for _, marker := range []string{"BREAK", "PANIC"} {
		root := writeSite(t, map[string]string{
			"content/posts/ok.md":  post("Fine", "2024-01-01", "nothing here"),
			"content/posts/bad.md": post("Bad", "2024-01-02", "Odette "+marker),
		})
		rep, err := Render(context.Background(), options(t, root, failOn{marker}))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Held) != 1 || !strings.HasSuffix(rep.Held[0].Path, "bad.md") || len(rep.Errors) != 1 {
			t.Fatalf("%s: held %+v errors %v", marker, rep.Held, rep.Errors)
		}
		for name, data := range rep.Files {
			if bytes.Contains(data, []byte(marker)) || strings.Contains(name, "bad") {
				t.Errorf("%s: held post reached %s", marker, name)
			}
		}
	}
}

func TestThemeErrorKeepsPreviousOutput(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("A", "2024-01-01", "text"),
	})
	dest := filepath.Join(root, "public")
	opts := options(t, root)
	if _, err := Build(context.Background(), opts, dest); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	os.MkdirAll(filepath.Join(root, "theme", "layouts"), 0o755)
	os.WriteFile(filepath.Join(root, "theme", "layouts", "single.html"), []byte("{{ define \"main\" }}\n{{ .Nope \n{{ end }}"), 0o644)
	_, err := Build(context.Background(), opts, dest)
	if err == nil || !strings.Contains(err.Error(), "single.html:3") {
		t.Fatalf("err = %v, want a theme error naming single.html:3", err)
	}
	after, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !bytes.Equal(before, after) || len(after) == 0 {
		t.Errorf("previous output changed after a failed build")
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary output %s left behind", e.Name())
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": post("Odette one", "2024-01-01", "Odette Marchand and Odette."),
		"content/posts/b.md": post("Odette two", "2024-01-01", "Marchand again."),
	})
	r1, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := Render(context.Background(), options(t, root))
	if len(r1.Files) != len(r2.Files) {
		t.Fatalf("file counts differ")
	}
	for name, data := range r1.Files {
		if !bytes.Equal(data, r2.Files[name]) {
			t.Errorf("%s differs between builds", name)
		}
	}
	// Two posts with the same de-identified title get distinct URLs.
	links := map[string]bool{}
	for _, c := range r1.Published {
		links[c.Post.Permalink] = true
	}
	if len(links) != 2 {
		t.Errorf("permalinks not unique: %v", links)
	}
}

func TestCheckDestRefusesTheSite(t *testing.T) {
	root := writeSite(t, map[string]string{"content/posts/a.md": post("A", "2024-01-01", "x")})
	opts := options(t, root)
	for _, dest := range []string{root, filepath.Dir(root), filepath.Join(root, "content"), "/"} {
		if _, err := Build(context.Background(), opts, dest); err == nil {
			t.Errorf("Build into %s: no error", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content/posts/a.md")); err != nil {
		t.Fatalf("site damaged: %v", err)
	}
}

func TestStaticFiles(t *testing.T) {
	photo := jpegWith(t, exifSegment("Odette", "48.85"), jpegSegment(0xFE, "taken by Marchand"))
	root := writeSite(t, map[string]string{
		"content/posts/a.md":     post("A", "2024-01-01", "x"),
		"static/img/photo.jpg":   string(photo),
		"static/img/Odette.jpg":  string(photo),
		"static/css/extra.css":   "/* by Marchand */ body{}",
		"static/notes.pdf":       "%PDF",
		"static/img/broken.jpg":  "not a jpeg",
		"static/.veil/key":       "secret",
		"static/img/pic.png":     string(pngWith(t, pngChunk("tEXt", "Comment\x00GPS 51.5"))),
		"theme/layouts/.gitkeep": "",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Files["img/photo.jpg"]
	if len(got) == 0 || bytes.Contains(got, []byte("Odette")) || bytes.Contains(got, []byte("Marchand")) || bytes.Contains(got, []byte("48.85")) {
		t.Errorf("jpeg metadata kept or jpeg dropped: %q", got)
	}
	if css := string(rep.Files["css/extra.css"]); css != " body{}" {
		t.Errorf("css = %q, want the rule without its comment", css)
	}
	for _, name := range []string{"img/Odette.jpg", "notes.pdf", "img/broken.jpg", ".veil/key"} {
		if _, ok := rep.Files[name]; ok {
			t.Errorf("%s published", name)
		}
	}
	if p := rep.Files["img/pic.png"]; len(p) == 0 || bytes.Contains(p, []byte("GPS")) || bytes.Contains(p, []byte("tEXt")) {
		t.Errorf("png text chunk kept or png dropped: %q", p)
	}
	warns := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(warns, "Odette.jpg: not published") || !strings.Contains(warns, "notes.pdf: not published") {
		t.Errorf("warnings = %s", warns)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Error(), "broken.jpg") {
		t.Errorf("errors = %v", rep.Errors)
	}
}

// A slug or tag is written in lower case with hyphens or underscores; the
// name in it is found as it would be in the title, and it reaches neither
// a URL nor a page.
func TestLowerCaseSlugAndTagNamesAreFound(t *testing.T) {
	root := writeSite(t, map[string]string{
		"content/posts/a.md": "---\ntitle: A visit\ndate: 2024-01-01\nslug: odette-marchand\ntags: [marchand_odette, care]\n---\nText.\n",
	})
	rep, err := Render(context.Background(), options(t, root))
	if err != nil || len(rep.Published) != 1 {
		t.Fatalf("err %v, published %d, errors %v", err, len(rep.Published), rep.Errors)
	}
	for name, data := range rep.Files {
		for _, s := range []string{"odette", "marchand"} {
			if strings.Contains(strings.ToLower(name), s) || strings.Contains(strings.ToLower(string(data)), s) {
				t.Errorf("%s holds %q", name, s)
			}
		}
	}
}

// A file the author put into the output after a build (a CNAME for the
// host, notes) is not veil's to delete: the next build refuses and says
// which, and replaces the output again once it is moved away.
func TestBuildKeepsFilesAddedToOutput(t *testing.T) {
	root := writeSite(t, map[string]string{"content/posts/a.md": post("A", "2024-01-01", "x")})
	dest := filepath.Join(t.TempDir(), "docs")
	if _, err := Build(context.Background(), options(t, root), dest); err != nil {
		t.Fatal(err)
	}
	// A file manager's own files are not the author's.
	if err := os.WriteFile(filepath.Join(dest, ".DS_Store"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), options(t, root), dest); err != nil {
		t.Fatalf("build over a .DS_Store: %v", err)
	}
	added := filepath.Join(dest, "extra", "notes.txt")
	if err := os.MkdirAll(filepath.Dir(added), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(added, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), options(t, root), dest)
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "extra/notes.txt") {
		t.Errorf("build over an added file: err %v", err)
	}
	if _, err := os.Stat(added); err != nil {
		t.Errorf("added file gone: %v", err)
	}
	if err := os.RemoveAll(filepath.Join(dest, "extra")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), options(t, root), dest); err != nil {
		t.Errorf("build after the file was moved: %v", err)
	}
}
