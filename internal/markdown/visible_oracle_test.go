package markdown

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// visiblePlain is Visible as it was before its loops skipped quiet bytes
// by table (and before needsView read a percent-escape only at a '%'): the
// oracle for TestVisibleAsPlain.
func visiblePlain(src string) *View {
	if !needsViewPlain(src) {
		return &View{Text: src}
	}
	var b strings.Builder
	b.Grow(len(src))
	var edits []edit
	plain := 0
	add := func(at, end int, shown string) {
		b.WriteString(src[plain:at])
		edits = append(edits, edit{view: b.Len(), viewEnd: b.Len() + len(shown), src: at, srcEnd: end})
		b.WriteString(shown)
		plain = end
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case (c == '<' || c == '*' || c == '~' || c == '`') && letterBefore(src, plain, i, &b):
			if k, _ := markupBetweenLetters(src, i, false); k > i {
				add(i, k, "")
				i = k
				continue
			}
			i++
		case c == '&':
			if n, shown := referenceAt(src, i); n > 0 {
				add(i, i+n, withoutInvisible(shown))
				i += n
				continue
			}
			i++
		case c == '%':
			if shown, ok := percentAt(src, i); ok {
				add(i, i+3, shown)
				i += 3
				continue
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			if Invisible(r) {
				add(i, i+size, "")
			} else if f := folded(src[i : i+size]); f != "" {
				add(i, i+size, f)
			} else if l, ok := homoglyph(src, i, r, size); ok {
				add(i, i+size, string(l))
			}
			i += size
		}
	}
	b.WriteString(src[plain:])
	return &View{Text: b.String(), edits: edits}
}

func needsViewPlain(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch c {
			case '&', '<', '*', '~', '`':
				return true
			}
			if _, ok := percentAt(src, i); ok {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if _, ok := homoglyph(src, i, r, size); ok || Invisible(r) || folded(src[i:i+size]) != "" {
			return true
		}
		i += size
	}
	return false
}

// TestVisibleAsPlain compares Visible with the byte-at-a-time oracle on
// random text built from the pieces the view reacts to (markup between
// letters, references, percent-escapes, invisible, folded and look-alike
// characters, invalid UTF-8) and plain prose, and on every byte value
// between letters.
func TestVisibleAsPlain(t *testing.T) {
	pieces := []string{
		"a", "Z", "e", "q", " ", "\n", "4", "F", "d9", "%", "%4", "%41", "%7f", "%zz", "&", "&amp;", "&#77;", "&#x4d;",
		"&eacute;", "&shy;", "&no", "<", "<b>", "</i>", "<!--", "-->", "<!-- c -->", "*", "**", "~", "~~", "`", "``",
		"\u200b", "\u00ad", "\ufeff", "\u202e", "\ufe0f", "Ｍ", "𝐌", "Ⓜ", "\u041e", "\u0435", "é", "ß", "’", "—",
		"\xff", "\xe2\x80", "\xc3", "x<y>z", "a*b", "[l](/p%20q)", "plain words of prose ",
	}
	r := rand.New(rand.NewPCG(7, 8))
	check := func(src string) {
		t.Helper()
		got, want := Visible(src), visiblePlain(src)
		if got.Text != want.Text || !reflect.DeepEqual(got.edits, want.edits) {
			t.Fatalf("Visible(%q) = %q %+v, want %q %+v", src, got.Text, got.edits, want.Text, want.edits)
		}
	}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
	for c := range 256 {
		for _, f := range []string{"%c", "a%cb", "%c41", "ab%c", "x%c%c%cy"} {
			check(strings.ReplaceAll(f, "%c", string([]byte{byte(c)})))
		}
	}
}
