package site

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzRender checks the invariant of the whole build: no text that
// de-identification reported as replaced appears, as a word, in any output
// file's path or bytes, whatever Markdown, front matter or HTML surrounds
// it. The names come from the test recognizer; the fuzzer writes the rest.
func FuzzRender(f *testing.F) {
	for _, s := range [][3]string{
		{"What Odette taught me", "Odette, care", "# Odette Marchand\n\nOdette's [site](https://example.org/Odette) and ![Odette](/x.png)\n"},
		{"Plain", "x", "<div title=\"Odette\">Odette</div>\n<!-- Marchand -->\n`Odette` and\n\n```\nMarchand\n```\n"},
		{"Notes", "a, b", "| Odette | x |\n|---|---|\n| Marchand | y |\n\n[^1]: Odette\n\nText[^1] <https://Odette.example/>\n"},
		{"Odette", "Marchand", "Setext Odette\n===\n\n- [Odette]\n\n[Odette]: /odette \"Marchand\"\n"},
		{"Plain", "x", "tdiv ti<le=\"Odette\">Odette</div>\n<!-- Marchand -->\n`Odette` and\n\n```\nMarchand\n```\n"},
		{"Plain", "x", "Odette told me. Later Odette*ly and *this* came, Ode**tt**e ~~too~~.\n"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, title, tags, body string) {
		if strings.ContainsAny(title+tags, "\n\r\"\\") || len(body) > 4000 {
			return
		}
		root := t.TempDir()
		src := "---\ntitle: \"" + title + "\"\ndate: 2024-01-01\ntags: [" + tags + "]\n---\n" + body
		if err := os.MkdirAll(filepath.Join(root, "content", "posts"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "content", "posts", "p.md"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := Render(context.Background(), options(t, root))
		if err != nil {
			return // a theme or render error publishes nothing
		}
		seen := map[string]bool{}
		for _, c := range rep.Published {
			for _, fd := range c.Findings {
				if seen[fd.Text] || len(fd.Text) < 3 {
					continue
				}
				seen[fd.Text] = true
				word := regexp.MustCompile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(fd.Text) + `($|[^\pL\pN])`)
				for name, data := range rep.Files {
					if word.MatchString(name) || word.Match(data) {
						t.Fatalf("%q, reported as replaced, appears in %s", fd.Text, name)
					}
				}
			}
		}
	})
}
