package markdown

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzConvert: whatever the input, conversion does not fail or panic and
// nothing executable survives sanitising.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# Title\n\ntext[^1]\n\n[^1]: note",
		"<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"[x](javascript:alert(1))",
		"<a href=\"JaVaScRiPt:alert(1)\">x</a>",
		"<svg><script>alert(1)</script></svg>",
		"<!--more-->\n\n<!-- x --> <style>*{}</style>",
		"| a |\n|---|\n| <iframe src=x> |",
		"- [ ] <input type=text onfocus=x>",
	} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		res, err := c.Convert([]byte(src))
		if err != nil {
			t.Fatalf("Convert(%q): %v", src, err)
		}
		for _, out := range [][]byte{res.HTML, res.Summary} {
			if bad := unsafeMarkup(out); bad != "" {
				t.Errorf("Convert(%q) output has %s:\n%s", src, bad, out)
			}
		}
	})
}

// unsafeMarkup tokenises HTML as a browser would and names the first
// executable or hidden thing in it, or returns "".
func unsafeMarkup(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.CommentToken:
			return "a comment"
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "object", "embed", "form", "svg", "math", "link", "meta", "base":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(a.Key, "on"):
					return "attribute " + a.Key
				case a.Key == "style" && strings.Contains(v, "url("):
					return "a style with url()"
				case a.Key == "href" || a.Key == "src":
					switch urlScheme(v) {
					case "", "http", "https", "mailto":
					default:
						return a.Key + "=" + a.Val
					}
				case tok.Data == "input" && a.Key == "type" && v != "checkbox":
					return "input type " + v
				}
			}
		}
	}
}

// urlScheme returns the scheme a browser would see in v: the text before
// the first ':' if no '/', '?' or '#' comes first, ignoring the tabs and
// newlines browsers strip from URLs.
func urlScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}
