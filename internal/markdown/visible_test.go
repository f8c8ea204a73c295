package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestVisible: what a reader sees of each source, and the source span that
// shows one span of it.
func TestVisible(t *testing.T) {
	for _, tt := range []struct {
		src  string
		text string // the view
		span string // a part of the view...
		from string // ...and the source that must show it
	}{
		{"plain Odette here", "plain Odette here", "Odette", "Odette"},
		{"ask Ｏｄｅｔｔｅ now", "ask Odette now", "Odette", "Ｏｄｅｔｔｅ"},
		{"ask 𝐎𝐝𝐞𝐭𝐭𝐞 now", "ask Odette now", "Odette", "𝐎𝐝𝐞𝐭𝐭𝐞"},
		{"ask Ⓞdette now", "ask Odette now", "Odette", "Ⓞdette"},
		{"ask Odétte now", "ask Odétte now", "Odétte", "Odétte"},
		{"ask Od%65tte now", "ask Odette now", "Odette", "Od%65tte"},
		{"ask 5%ab%20Odette", "ask 5%ab Odette", "5%ab Od", "5%ab%20Od"},
		{"ask Оdеttе now", "ask Odette now", "Odette", "Оdеttе"},
		{"ask Одетта now", "ask Одетта now", "Одетта", "Одетта"},
		{"ask Ｏd&eacute;t\u00adte now", "ask Odétte now", "Odétte", "Ｏd&eacute;t\u00adte"},
		{"x &#79;&#100;&#101;tte y", "x Odette y", "Odette", "&#79;&#100;&#101;tte"},
		{"x &#x4F;&#X64;ette y", "x Odette y", "Odette", "&#x4F;&#X64;ette"},
		{"Ren&eacute;e B", "Renée B", "Renée", "Ren&eacute;e"},
		{"Ren&eacutee B", "Renée B", "Renée", "Ren&eacutee"}, // no semicolon: browsers still decode
		{"Ren&#233e B", "Renée B", "Renée", "Ren&#233e"},
		{"Od\u200bette Ma\u00adrch\u200dand", "Odette Marchand", "Odette Marchand", "Od\u200bette Ma\u00adrch\u200dand"},
		{"\ufeff\u200eOdette\u200c.", "Odette.", "Odette", "Odette"}, // invisible at the edges stays out
		{"O&shy;dette O&#8203;dette", "Odette Odette", "Odette Odette", "O&shy;dette O&#8203;dette"},
		{"Ode\u2060tt\u202ee\u202c", "Odette", "Odette", "Ode\u2060tt\u202ee"},
		{"a&amp;#79;b", "a&#79;b", "&#79;", "&amp;#79;"}, // decoded once, as shown
		{"AT&T and R&D; &notit &nosuch;", "AT&T and R&D; ¬it &nosuch;", "¬it", "&notit"},
		{"&#0; &#x110000; &#128;", "\ufffd \ufffd \u20ac", "\u20ac", "&#128;"},
		{"&#99999999999999999999999999;", "\ufffd", "\ufffd", "&#99999999999999999999999999;"},
		{"Caf&eacute;&#x301;s", "Café\u0301s", "é", "&eacute;"},
		{"& &# &#x &; &a", "& &# &#x &; &a", "&#x", "&#x"},
		// Inline markup between two letters shows nothing.
		{"Ode<b>tte</b> M<!-- x -->ar<span></span>chand", "Odette</b> Marchand", "Odette", "Ode<b>tte"},
		{"Ode<br/>tte Mar<em >ch</em>and O</SPAN\t>dette", "Odette Marchand Odette", "Marchand", "Mar<em >ch</em>and"},
		// A delimiter with nothing on its line to pair with shows as written.
		{"Odette*x Mar`y Ode~~tte O**de\ntt**e", "Odette*x Mar`y Ode~~tte O**de\ntt**e", "Odette", "Odette"},
		{"Ode*tt*e and x y", "Odette and x y", "Odette", "Ode*tt*e"},
		// A tag with attributes is read whole, letters or not around it:
		// its values are published too. What is no tag shows as written.
		{"ti<span title=\"Odette\">x</span> Ode<b class=\"c\">tte", "ti<span title=\"Odette\">x</span> Ode<b class=\"c\">tte", "Odette", "Odette"},
		{"ti<le=\"Odette\">Odette a<a href=x>b a<1>b a<b c", "ti<le=\"Odette\">Odette a<a href=x>b a<1>b a<b c", "Odette", "Odette"},
		{"Ode**tt**e Mar~~ch~~and O`det`te", "Odette Marchand Odette", "Marchand", "Mar~~ch~~and"},
		{"**Odette** x*y 2*3 a~b <b>Odette</b> a < b > c", "**Odette** xy 2*3 a~b <b>Odette</b> a < b > c", "Odette", "Odette"},
		{"Ode<b\ntte> Ode<b>&#116;te", "Ode<b\ntte> Odette", "Odette", "Ode<b>&#116;te"},
	} {
		v := Visible(tt.src)
		if v.Text != tt.text {
			t.Errorf("Visible(%q) = %q, want %q", tt.src, v.Text, tt.text)
			continue
		}
		i := strings.Index(v.Text, tt.span)
		s, e := v.Source(i, i+len(tt.span))
		if got := tt.src[s:e]; got != tt.from {
			t.Errorf("Visible(%q): %q is shown by %q, want %q", tt.src, tt.span, got, tt.from)
		}
		checkView(t, tt.src, v)
	}
}

// FuzzVisible: whatever the source, the view is made of the source's own
// bytes between edits, each edit shows what its source bytes show on their
// own, and Source maps every span inside the source, in order, covering
// whole edits.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{
		"&#79;&#100;ette", "Ren&eacute;e", "Od\u200bette", "a&amp;#79;b", "&notit", "&#x1F600;",
		"\xff&#\xfe&", "Ma\u00adrie &#xAD; &shy; O\u200d", "&#0000000000079;", "[Od&#101;tte](/p/Od&#101;tte) ![Od\u200bette](x.png)",
		"<b title=\"Od&#101;tte\">Od&#x65;tte</b>", "---\ntitle: Jos&eacute; M\n---\nbody",
		"Ode<b>tte</b> O<!-- -->de**tt**e~~x~~ M`a`r<i\n>", "a<b and c>d <!-- unterminated",
		"Ｏｄｅｔｔｅ 𝐎d Оdеttе Од %4Fd%e9 5%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		v := Visible(src)
		checkView(t, src, v)
		prevS, prevE := 0, 0
		for i := 0; i < len(v.Text); i++ {
			s, e := v.Source(i, i+1)
			if s < 0 || e > len(src) || s >= e || s < prevS || e < prevE {
				t.Fatalf("Visible(%q): byte %d maps to [%d,%d) after [%d,%d)", src, i, s, e, prevS, prevE)
			}
			prevS, prevE = s, e
		}
		for _, ed := range v.edits {
			for i := ed.view; i < ed.viewEnd; i++ {
				if s, e := v.Source(i, i+1); s != ed.src || e != ed.srcEnd {
					t.Fatalf("Visible(%q): byte %d of edit %+v maps to [%d,%d), not the whole edit", src, i, ed, s, e)
				}
			}
		}
		if len(v.Text) > 0 {
			if s, e := v.Source(0, len(v.Text)); s < 0 || e > len(src) || s >= e {
				t.Fatalf("Visible(%q): the whole view maps to [%d,%d)", src, s, e)
			}
		}
		// The other reading sets no delimiter aside, and differs from the
		// view only where the view joined letters across one.
		a := VisibleApart(src)
		checkView(t, src, a)
		for _, ed := range a.edits {
			if strings.ContainsRune("*~`", rune(src[ed.src])) {
				t.Fatalf("VisibleApart(%q) sets %q aside", src, src[ed.src:ed.srcEnd])
			}
		}
		if a.Joined() {
			t.Fatalf("VisibleApart(%q) is joined", src)
		}
		if !v.Joined() && a.Text != v.Text {
			t.Fatalf("Visible(%q) = %q is not joined, but VisibleApart = %q", src, v.Text, a.Text)
		}
	})
}

func TestVisibleApart(t *testing.T) {
	for _, tt := range []struct {
		src, text, apart string
		joined           bool
	}{
		{"Ode**tt**e came", "Odette came", "Ode**tt**e came", true},
		{"Name*x and *word*", "Namex and *word*", "Name*x and *word*", true},
		{"Ode~~tt~~e and M`a`r", "Odette and Mar", "Ode~~tt~~e and M`a`r", true},
		{"Ode<b>tte</b> came", "Odette</b> came", "Odette</b> came", false},
		{"Ode<b>**tt**</b>e", "Odette", "Ode<b>**tt**</b>e", true},
		{"Name*x alone", "Name*x alone", "Name*x alone", false},
		{"no markup at all", "no markup at all", "no markup at all", false},
	} {
		v, a := Visible(tt.src), VisibleApart(tt.src)
		if v.Text != tt.text || v.Joined() != tt.joined {
			t.Errorf("Visible(%q) = %q, joined %v; want %q, %v", tt.src, v.Text, v.Joined(), tt.text, tt.joined)
		}
		if a.Text != tt.apart || a.Joined() {
			t.Errorf("VisibleApart(%q) = %q, joined %v; want %q, false", tt.src, a.Text, a.Joined(), tt.apart)
		}
	}
}

// checkView rebuilds the view from the source and the edits: plain runs
// are copied, each edit's source decodes to what it shows, and invisible
// characters show as nothing.
func checkView(t *testing.T, src string, v *View) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for _, e := range v.edits {
		if e.src < prev || e.srcEnd <= e.src || e.srcEnd > len(src) {
			t.Fatalf("Visible(%q): edit %+v out of order or range", src, e)
		}
		b.WriteString(src[prev:e.src])
		if b.Len() != e.view {
			t.Fatalf("Visible(%q): edit %+v starts at view %d", src, e, b.Len())
		}
		shown := v.Text[e.view:e.viewEnd]
		unit := src[e.src:e.srcEnd]
		if unit[0] == '&' {
			if n, s := referenceAt(unit, 0); n != len(unit) || withoutInvisible(s) != shown {
				t.Fatalf("Visible(%q): %q shows %q, want %q", src, unit, shown, s)
			}
		} else if strings.ContainsRune("<*~`", rune(unit[0])) {
			if shown != "" || e.src == 0 || e.srcEnd == len(src) {
				t.Fatalf("Visible(%q): markup %q shows %q", src, unit, shown)
			}
		} else if unit[0] == '%' {
			if p, ok := percentAt(unit, 0); !ok || len(unit) != 3 || p != shown {
				t.Fatalf("Visible(%q): escape %q shows %q", src, unit, shown)
			}
		} else if r, size := utf8.DecodeRuneInString(unit); size != len(unit) ||
			!(Invisible(r) && shown == "" || folded(unit) != "" && folded(unit) == shown || lookalikes[r] != 0 && string(lookalikes[r]) == shown) {
			t.Fatalf("Visible(%q): edit %q shows %q", src, unit, shown)
		}
		b.WriteString(shown)
		prev = e.srcEnd
	}
	b.WriteString(src[prev:])
	if b.String() != v.Text {
		t.Fatalf("Visible(%q): rebuilt %q, view %q", src, b.String(), v.Text)
	}
	// (Bytes of invalid UTF-8 on either side of an edit may join into an
	// invisible character in the view; only valid text is held to this.)
	if utf8.ValidString(src) && strings.ContainsFunc(v.Text, Invisible) {
		t.Fatalf("Visible(%q) = %q keeps an invisible character", src, v.Text)
	}
}
