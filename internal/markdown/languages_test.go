package markdown

import (
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	for _, tt := range []struct{ info, want string }{
		{"ruby", "ruby"},
		{"Python", "python"},
		{"go {linenos=true}", "go"},
		{"  c++  ", "c++"},
		{".yaml", "yaml"},
		{"js,title=x", "js"},
		{"text", "text"},
		// Not a language: words, a name, nothing.
		{"Marisol", ""},
		{"notes from the visit", ""},
		{"", ""},
	} {
		if got := Language(tt.info); got != tt.want {
			t.Errorf("Language(%q) = %q, want %q", tt.info, got, tt.want)
		}
	}
}

// The list is generated, not typed: it holds hundreds of identifiers, each
// one the sanitiser accepts after "language-".
func TestLanguageList(t *testing.T) {
	if n := len(languages()); n < 300 {
		t.Fatalf("%d languages; the embedded list is incomplete", n)
	}
	for l := range languages() {
		if !langClass.MatchString("language-" + l) {
			t.Errorf("%q would not pass the sanitiser", l)
		}
	}
}

func TestFenceInfos(t *testing.T) {
	src := "Text.\n\n```ruby\nputs 1\n```\n\n~~~ Marisol notes\nx\n~~~\n\n```\nno info\n```\n\n    indented\n"
	got := New().FenceInfos([]byte(src))
	if len(got) != 2 {
		t.Fatalf("FenceInfos = %+v, want 2", got)
	}
	for i, want := range []struct{ text, lang string }{{"ruby", "ruby"}, {"Marisol notes", ""}} {
		if s := src[got[i].Start:got[i].End]; s != want.text || got[i].Language != want.lang {
			t.Errorf("info %d = %q (%q), want %q (%q)", i, s, got[i].Language, want.text, want.lang)
		}
	}
}

// A fenced code block's class names a known language or is left out.
func TestCodeBlockClass(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"```ruby\nputs 1\n```\n", `<pre><code class="language-ruby">`},
		{"```Go {linenos=true}\nx\n```\n", `<pre><code class="language-Go">`},
		{"```Marisol\nx\n```\n", "<pre><code>"},
		{"```my notes\nx\n```\n", "<pre><code>"},
	} {
		html := string(convert(t, tt.src).HTML)
		if !strings.Contains(html, tt.want) {
			t.Errorf("%q: HTML %q does not hold %q", tt.src, html, tt.want)
		}
	}
}

// Raw HTML may name a language too; only a known one stays.
func TestRawCodeClass(t *testing.T) {
	html := string(convert(t, `<code class="language-python">x</code> and <code class="language-marisol">y</code>`).HTML)
	if !strings.Contains(html, `<code class="language-python">x</code>`) || strings.Contains(html, "marisol") {
		t.Errorf("HTML %q", html)
	}
}
