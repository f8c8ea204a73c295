package content

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseFrontMatter(t *testing.T) {
	src := "---\ntitle: \"On waiting: a reflection\"\ndate: 2024-03-05\nlastmod: 2024-04-01T10:00:00Z\ntags: [supervision, ethics]\ndraft: true\ndescription: short\nslug: on-waiting\nveil:\n  known: [Odette]\n  allow: [HIPAA]\n---\n# Heading\n\nBody text.\n"
	p, err := Parse("content/posts/a.md", "posts/a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := p.Meta
	if m.Title != "On waiting: a reflection" || m.Slug != "on-waiting" || !m.Draft || m.Description != "short" {
		t.Errorf("meta = %+v", m)
	}
	if !m.Date.Equal(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)) || m.Lastmod.Hour() != 10 {
		t.Errorf("dates = %v %v", m.Date, m.Lastmod)
	}
	if strings.Join(m.Tags, ",") != "supervision,ethics" || m.Veil.Known[0] != "Odette" || m.Veil.Allow[0] != "HIPAA" {
		t.Errorf("tags/veil = %v %+v", m.Tags, m.Veil)
	}
	if p.Section != "posts" || p.IsPage() {
		t.Errorf("section = %q", p.Section)
	}
	if got := string(p.Body); got != "# Heading\n\nBody text.\n" {
		t.Errorf("body = %q", got)
	}
	if string(p.Source[p.BodyOffset:]) != string(p.Body) {
		t.Errorf("BodyOffset %d does not point at the body", p.BodyOffset)
	}
	if m.Lines["tags"] != 5 {
		t.Errorf("line of tags = %d, want 5", m.Lines["tags"])
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"broken yaml", "---\ntitle: ok\ndate: 2024-01-01\nbroken: a: b\n---\nbody\n", 4, "front matter: mapping values"},
		{"unknown date", "---\ntitle: ok\ndate: 5th of March\n---\nbody\n", 3, "unknown date format"},
		{"unclosed", "---\ntitle: ok\n", 1, "never closed"},
		{"no title", "---\ndate: 2024-01-01\n---\nbody\n", 1, "no title"},
		{"no date", "---\ntitle: x\n---\nbody\n", 1, "no date"},
		{"bad draft", "---\ntitle: x\ndate: 2024-01-01\ndraft: maybe\n---\n", 4, "true or false"},
		{"not a mapping", "---\n- a\n- b\n---\n", 2, "mapping"},
		{"invalid utf8", "---\ntitle: x\ndate: 2024-01-01\n---\nline\nbad \xff here\n", 6, "invalid UTF-8"},
		{"binary", "---\ntitle: x\n---\n\x00\x01", 4, "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("content/posts/x.md", "posts/x.md", []byte(tt.src))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if ce.Line != tt.line || !strings.Contains(ce.Msg, tt.want) {
				t.Errorf("got %q (line %d), want line %d containing %q", err, ce.Line, tt.line, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "content/posts/x.md:") {
				t.Errorf("error %q does not start with the path", err)
			}
		})
	}
}

func TestPageNeedsNoDate(t *testing.T) {
	p, err := Parse("content/about.md", "about.md", []byte("---\ntitle: About\n---\nHello\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !p.IsPage() {
		t.Errorf("about.md should be a page")
	}
}

func TestTooLarge(t *testing.T) {
	big := make([]byte, MaxPostBytes+1)
	_, err := Parse("big.md", "big.md", big)
	if err == nil || !strings.Contains(err.Error(), "limited") {
		t.Fatalf("err = %v", err)
	}
}

func TestLineIndex(t *testing.T) {
	x := NewLineIndex("ab\nçd\n\nx")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {7, 3, 1}, {8, 4, 1}, {100, 4, 2}} {
		l, c := x.Position(tt.off)
		if l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestLoadSkipsAndRefuses(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/posts/good.md", "---\ntitle: Good\ndate: 2024-01-01\n---\nok\n")
	write("content/posts/bad.md", "---\ntitle: Bad\ndate: someday\n---\nok\n")
	write("content/posts/.hidden.md", "---\ntitle: Hidden\n---\n")
	write("content/posts/photo.jpg", "jpeg")
	for i := 0; i < 5; i++ {
		write(fmt.Sprintf("content/posts/many%d.md", i), "---\ntitle: M\ndate: 2024-01-01\nlayout: [x]\n---\nok\n")
	}
	write("content/posts/once.md", "---\ntitle: O\ndate: 2024-01-01\nweight: 3\n---\nok\n")
	write("content/about.md", "---\ntitle: About\n---\nme\n")
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: S\ndate: 2024-01-01\n---\nsecret\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(root, "content/posts/leak.md")); err != nil {
		t.Skip("no symlinks here")
	}
	s, err := Load(context.Background(), root, filepath.Join(root, "content"))
	if err != nil {
		t.Fatal(err)
	}
	var rels []string
	for _, p := range s.Posts {
		rels = append(rels, p.Rel)
	}
	if strings.Join(rels, ",") != "about.md,posts/good.md,posts/many0.md,posts/many1.md,posts/many2.md,posts/many3.md,posts/many4.md,posts/once.md" {
		t.Errorf("posts = %v", rels)
	}
	var msgs []string
	for _, e := range s.Errors {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	if len(s.Errors) != 2 || !strings.Contains(all, "bad.md:3: ") || !strings.Contains(all, "leak.md: symlink points outside") {
		t.Errorf("errors = %q", all)
	}
	warns := strings.Join(s.Warnings, "\n")
	if !strings.Contains(warns, "photo.jpg: not a Markdown file") ||
		!strings.Contains(warns, `many0.md:4: unknown front matter key "layout" ignored (and in 4 more files)`) ||
		!strings.Contains(warns, `once.md:4: unknown front matter key "weight" ignored`) || len(s.Warnings) != 3 {
		t.Errorf("warnings = %q", s.Warnings)
	}
}
