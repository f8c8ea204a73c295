package site

import (
	"context"
	"regexp"
	"testing"
)

// TestMarkupBesideLettersIsRead: markup written right after a letter is
// read like any other. The text view once set aside everything from "<"
// plus a letter to the next ">" between two letters, as an invisible tag:
// the values of a real tag's attributes (a title, a link) were then
// never read although they are published, and what is no tag at all
// ("<le=...>", which the page shows as text) hid the name after it.
// FuzzRender found the second, and then a name joined by an unpaired '*'.
func TestMarkupBesideLettersIsRead(t *testing.T) {
	for _, body := range []string{
		"tdiv ti<le=\"Odette\">Odette</div>\n<!-- Marchand -->\n`Odette` and\n\n```\nMarchand\n```\n",
		"We met ti<span title=\"Odette\">x</span> today. Odette Marchand came.\n",
		"We met Dr<abbr title=\"Odette Marchand\">OM</abbr> today. Odette Marchand came.\n",
		"We met ti<a href=\"https://example.org/Odette\">x</a> today. Odette Marchand came.\n",
		"Ode<b>tte</b> Mar<em>ch</em>and phoned. Odette Marchand came.\n",
		// A '*' or '`' that pairs with nothing shows as written, yet the
		// view joined the name to the letter after it.
		"00000000000 Odette  Odette*A",
		"Odette phoned. Later Odette*x and Marchand`y came.\n",
		// An autolink's domain ends at a capital: the page shows the name
		// after the link as a word.
		"Odette Marchand phoned. Her page: https://care.aOdette and www.x.orgMarchand\n",
	} {
		root := writeSite(t, map[string]string{
			"content/posts/p.md": "---\ntitle: \"Plain\"\ndate: 2024-01-01\ntags: [x]\n---\n" + body,
		})
		rep, err := Render(context.Background(), options(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Published) != 1 {
			t.Fatalf("%q: %d posts published, want 1", body, len(rep.Published))
		}
		name := regexp.MustCompile(`(?i)odette|marchand`)
		for file, data := range rep.Files {
			if loc := name.FindIndex(data); loc != nil {
				t.Errorf("%q: %s shows %q: ...%s...", body, file, data[loc[0]:loc[1]], data[max(0, loc[0]-60):min(len(data), loc[1]+20)])
			}
		}
	}
}

// TestDelimiterApartIsRead: a delimiter between two letters that the view
// sets aside, because a run of its length is on the line, yet that the
// page shows, because the paragraph pairs that other run with another.
// The name before it must be read apart too.
func TestDelimiterApartIsRead(t *testing.T) {
	for _, body := range []string{
		"At the clinic Odette*ly told me about *this* week.\n",
		"After lunch Marchand*s asked the *whole* group to stay.\n",
		"At the clinic Odette~~ly told me about ~~this~~ week.\n",
		"At *the* clinic Odette*ly told me about *this* week.\n",
		// Both readings at once: a name split by a pair, and a name that
		// the pair's partner run sits beside.
		"Ode**tt**e told me. Marchand**s came **back**.\n",
	} {
		root := writeSite(t, map[string]string{
			"content/posts/p.md": "---\ntitle: \"Plain\"\ndate: 2024-01-01\ntags: [x]\n---\n" + body,
		})
		rep, err := Render(context.Background(), options(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Published) != 1 {
			t.Fatalf("%q: %d posts published, want 1", body, len(rep.Published))
		}
		name := regexp.MustCompile(`(?i)odette|marchand|Ode(\*\*|<strong>)tt`)
		for file, data := range rep.Files {
			if loc := name.FindIndex(data); loc != nil {
				t.Errorf("%q: %s shows %q: ...%s...", body, file, data[loc[0]:loc[1]], data[max(0, loc[0]-60):min(len(data), loc[1]+20)])
			}
		}
	}
}
