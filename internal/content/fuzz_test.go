package content

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestByteOrderMarkBeforeFrontMatter(t *testing.T) {
	src := "\ufeff---\ntitle: Kept title\ndate: 2024-05-06\n---\nBody.\n"
	p, err := Parse("content/posts/bom.md", "posts/bom.md", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if p.Meta.Title != "Kept title" || string(p.Body) != "Body.\n" || p.Meta.Lines["title"] != 2 {
		t.Errorf("title %q body %q line %d", p.Meta.Title, p.Body, p.Meta.Lines["title"])
	}
	page, err := Parse("content/about.md", "about.md", []byte("\ufeffJust text.\n"))
	if err == nil || !strings.Contains(err.Error(), "no title") || page != nil {
		t.Errorf("a BOM file without front matter: err %v", err)
	}
}

// FuzzParse feeds arbitrary files to the front-matter parser: it must not
// panic, must refuse with a *Error carrying a line inside the file, and
// on success its offsets must point into the source: the body is the
// source from BodyOffset on, every key's line exists, and a byte-order mark
// in front changes nothing but the offset.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2024-01-02\ntags: [x, y]\n---\nbody\n",
		"\ufeff---\ntitle: B\ndate: 2024-01-02T10:00:00Z\n---\n",
		"---\ntitle: [unclosed\n---\n",
		"---\ntitle: C\n",
		"---\r\ntitle: D\r\ndate: 2024-01-02\r\n---\r\nbody\r\n",
		"---\ntitle: E\ndate: 2024-01-02\nveil:\n  known: [Someone]\n  allow: [X]\ndraft: true\n---\n# h\n",
		"---\n- a\n- b\n---\n",
		"---\ntitle: &a F\nslug: *a\ndate: 2024-01-02\n---\n",
		"no front matter\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("content/posts/f.md", "posts/f.md", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *content.Error", err)
			}
			if lines := bytes.Count(src, []byte("\n")) + 1; e.Line < 0 || e.Line > lines {
				t.Fatalf("error line %d outside a file of %d lines", e.Line, lines)
			}
			return
		}
		// Shortcodes are rewritten into Source line by line; without any,
		// Source is the file.
		if p.BodyOffset < 0 || p.BodyOffset > len(p.Source) || !bytes.Equal(p.Source[p.BodyOffset:], p.Body) {
			t.Fatalf("body offset %d does not point at the body", p.BodyOffset)
		}
		if !bytes.Contains(src, []byte("{{")) && !bytes.Equal(p.Source, src) {
			t.Fatalf("source changed without a shortcode in it")
		}
		if bytes.Count(p.Source, []byte("\n")) < bytes.Count(src, []byte("\n")) {
			t.Fatalf("rewriting lost lines: %d < %d", bytes.Count(p.Source, []byte("\n")), bytes.Count(src, []byte("\n")))
		}
		if strings.TrimSpace(p.Meta.Title) == "" && !p.Headless {
			t.Fatal("parsed without a title")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for k, l := range p.Meta.Lines {
			if l < 1 || l > lines {
				t.Fatalf("key %s on line %d of %d", k, l, lines)
			}
		}
		if bytes.HasPrefix(src, []byte("\ufeff")) {
			return
		}
		q, err := Parse("content/posts/f.md", "posts/f.md", append([]byte("\ufeff"), src...))
		if err != nil || q.Meta.Title != p.Meta.Title || !bytes.Equal(q.Body, p.Body) || q.BodyOffset != p.BodyOffset+3 {
			t.Fatalf("a byte-order mark changes the parse: %v", err)
		}
	})
}

// FuzzParseKind: Hugo and Jekyll files of any bytes either parse into a
// post whose Body is the tail of its Source, or give an *Error; never a
// panic.
func FuzzParseKind(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\ndate: 2024-01-01\n---\nbody {{< figure src=\"x.png\" caption=\"c\" >}}\n",
		"+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n{{< highlight go >}}\nx\n{{< /highlight >}}\n{{% aside %}}t{{% /aside %}}\n",
		"{\n\"title\": \"a\", \"date\": \"2024-01-01\"\n}\n{{</* x */>}} {{< ref \"b.md\" >}}\n",
		"+++\n+++\n{{< unclosed\n",
		"{\"title\": [1, {\"x\": null}]}",
		"---\na: &x [*x]\nb: &y {k: *y}\ntitle: *z\n---\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Add([]byte("---\n---\n{% highlight ruby %}\nx\n{% endhighlight %}{% raw %}{{ y }}{% endraw %}{% comment %}z"), true)
	f.Fuzz(func(t *testing.T, src []byte, jekyll bool) {
		kind := Native
		if jekyll {
			kind = JekyllPost
		}
		p, err := ParseKind("content/posts/2024-01-02-x.md", "posts/2024-01-02-x.md", src, kind)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			return
		}
		if !bytes.Equal(p.Source[p.BodyOffset:], p.Body) {
			t.Fatalf("Body is not Source[BodyOffset:]")
		}
	})
}
