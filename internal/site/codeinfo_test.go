package site

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// A fenced code block's info string is markup, never text to de-identify:
// a known language reaches the page as the code's class exactly as the
// language, even where a recognizer takes the word for a name ("ruby");
// anything else (a name, words) is dropped. The code itself is text a
// reader sees and is de-identified like the rest of the body.
func TestCodeBlockInfoIsNotDeidentified(t *testing.T) {
	body := "Odette wrote some code.\n\n```ruby\nputs \"Odette\"\n```\n\n" +
		"~~~ Odette notes\nMarchand was here\n~~~\n\n```Python {linenos=true}\nprint(1)\n```\n\n```\nplain\n```\n"
	root := writeSite(t, map[string]string{"content/posts/a.md": post("Code", "2024-01-01", body)})
	// A recognizer that takes the lower-case word "ruby" for a name, as
	// the first-name lexicon does.
	rubyIsAName := nameDetector{regexp.MustCompile(`\bruby\b`)}
	rep, err := Render(context.Background(), options(t, root, rubyIsAName))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Published) != 1 {
		t.Fatalf("published %d, held %v, errors %v", len(rep.Published), rep.Held, rep.Errors)
	}
	var page string
	for name, data := range rep.Files {
		if strings.HasSuffix(name, "index.html") && strings.Contains(string(data), "<pre>") {
			page = string(data)
		}
	}
	for _, want := range []string{`<pre><code class="language-ruby">`, `<pre><code class="language-python">`, " was here", "<pre><code>plain"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not hold %q:\n%s", want, page)
		}
	}
	for _, leak := range []string{"Odette", "Marchand", "notes", "linenos"} {
		if strings.Contains(page, leak) {
			t.Errorf("the page holds %q", leak)
		}
	}
	if n, bare := strings.Count(page, "<pre>"), strings.Count(page, "<pre><code>"); n != 4 || bare != 2 {
		t.Errorf("%d code blocks, %d without a class; want 4 and 2", n, bare)
	}
}
