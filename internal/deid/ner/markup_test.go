package ner

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// A name inside Markdown or HTML markup, or after an opening quote or
// bracket of any kind, is found as it is in the same sentence without the
// marks, and the finding is the name alone: the punctuation glued to it is
// markup the reader needs ("![" opens an image, "_" emphasis) and goes on
// to the output as written. Each case is a sentence in which prose finds
// the names, with "%s" where the marked-up name goes. The names are
// invented; "Hazel" and "Ivy" are also words.
func TestNamesInMarkup(t *testing.T) {
	d := newVetted()
	sentences := []struct{ text, name string }{
		{"%s smiling", "Marisol Okonkwo"},
		{"a photo of %s at lunch", "Marisol Okonkwo"},
		{"lunch with %s", "Marisol"},
		{"%s at the clinic, she said.", "Odalys"},
		{"She met %s at the clinic.", "Odalys"},
		{"%s at the clinic, she said.", "Hazel"},
		{"She met %s at the clinic.", "Hazel"},
		{"%s at the clinic, she said.", "Ivy"},
		{"the window and %s", "Odalys Brennick"},
	}
	marks := []string{
		"![%s](x.png)", "[%s](https://example.org/a)", "_%s_", "*%s*", "**%s**", "~~%s~~", "`%s`",
		`"%s"`, "\u201c%s\u201d", "\u2018%s\u2019", "'%s'", "\u00ab%s\u00bb", "\u201e%s\u201c", "\u2039%s\u203a",
		"(%s)", "[%s]", "{%s}", `<img alt="%s" src="x.png">`, `<img alt='%s'>`, "<b>%s</b>",
	}
	for _, sn := range sentences {
		plain := detectTexts(t, d, fmt.Sprintf(sn.text, sn.name))
		if len(plain) == 0 || plain[0] != sn.name {
			t.Fatalf("%q: prose finds %q without markup; the case needs another sentence", sn.text, plain)
		}
		for _, m := range marks {
			// The marks go round the whole sentence, as an alt text's
			// brackets do, and round the name alone.
			for _, text := range []string{fmt.Sprintf(m, fmt.Sprintf(sn.text, sn.name)), fmt.Sprintf(sn.text, fmt.Sprintf(m, sn.name))} {
				got := detectTexts(t, d, text)
				if strings.Join(got, "|") != strings.Join(plain, "|") {
					t.Errorf("%q: got %q, want %q", text, got, plain)
				}
			}
		}
	}
}

func detectTexts(t *testing.T, d *Detector, text string) []string {
	t.Helper()
	fs, err := d.Detect(context.Background(), &deid.Doc{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, text, fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Text)
	}
	return got
}

// proseText leaves every byte where it was and blanks only the quotes,
// brackets and markup marks at the edges of words.
func TestProseText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"![Ana smiling](x.png)", "  Ana smiling  x.png "},
		{`"Ana," she said`, ` Ana," she said`},
		{"\u201cAna\u201d", "   Ana   "},
		{"\u00abAna\u00bb", "  Ana  "},
		{"_Ana_ and **Ana**.", " Ana  and   Ana  ."},
		{`<img alt="Ana" src='x.png'>`, `          Ana       x.png  `},
		{"<b>Ana</b>", "   Ana    "},
		{"a < b and c=d", "a < b and c=d"},
		{"don't, Ana's, snake_case", "don't, Ana's, snake_case"},
		{"(1990)", " 1990 "},
		{`" ( *`, `" ( *`},
	} {
		got := proseText(tt.in)
		if got != tt.want {
			t.Errorf("proseText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("proseText(%q) changes the length", tt.in)
		}
	}
}

// Marks that proseText blanks end an entity, as the tokens prose kept did:
// a bracket or a quote between two capitalised terms parts them, and no
// finding spans it.
func TestBlankedMarksEndEntities(t *testing.T) {
	d := New()
	for _, text := range []string{
		"under the Federal Statute (Grundgesetzbuch) of Ruritania",
		"the Welfare Act \u00abVolkswohlfahrtsgesetz\u00bb was",
		"I met **Marisol** **Okonkwo** at the clinic.",
	} {
		for _, f := range detect(t, d, text) {
			if strings.ContainsAny(f.Text, "()\u00ab\u00bb*") {
				t.Errorf("%q: finding %q spans a mark", text, f.Text)
			}
		}
	}
}
