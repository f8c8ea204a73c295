package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
)

// TestNoNonsenseInPosts runs the whole pipeline on invented sentences of a
// practitioner's blog post: ordinary words that the rules used to take for
// names or places (a trade after an age, a site something was shared on, a
// book of scripture cited by chapter and verse) stay as written, and the
// names beside them are still replaced.
func TestNoNonsenseInPosts(t *testing.T) {
	eng := engineForTest(t)
	for _, tt := range []struct {
		text string
		gone []string // identifiers that must not survive
		kept []string // ordinary prose that must survive unchanged
		not  []string // replacements that would be nonsense here
	}{
		// A common noun after an age adjective is the phrase's head,
		// even when it is also a surname.
		{"Her neighbour, a 58-year-old fisher, called Odalys that night.", []string{"Odalys"}, []string{"fisher, called"}, nil},
		{"A 34-year-old weaver and a 71-year-old potter shared the ward.", nil, []string{"weaver and", "potter shared"}, nil},
		{"We hired a part-time cooper for the workshop.", nil, []string{"part-time cooper"}, nil},
		// A site or an app something was posted on is no town.
		{"I first posted the drawing on DeviantArt, then on Vimeo and Pinterest.", nil, nil, []string{"a small town", "a city"}},
		{"Nobody should find a client on GoFundMe.", nil, nil, []string{"a small town", "a city"}},
		// A book cited by chapter and verse, and again by name.
		{"Read Lamentations 3:22 with me. As Lamentations says, mercies are new.", nil, []string{"Lamentations 3:22", "As Lamentations says"}, nil},
		// A language is no one's name, even one a surname list has.
		{"At home they speak Amharic and Farsi; she writes to me in Tagalog.", nil, []string{"speak Amharic and Farsi", "in Tagalog"}, nil},
		// A job title written with capitals, after an article.
		{"The Charge Nurse rang the Senior Social Worker about Ilse Brandvold.", []string{"Ilse", "Brandvold"}, []string{"The Charge Nurse rang the Senior Social Worker"}, nil},
		// A kinship word alone is a relation; with a name, the name goes.
		{"Later my Nanna brought soup, and Grandad sat with her.", nil, []string{"my Nanna brought soup, and Grandad sat"}, nil},
		{"Then Auntie Wendeline rang.", []string{"Wendeline"}, nil, nil},
		// Names stay replaced: a lower-case name after a kinship word, a
		// client quoted with "as ... says".
		{"My son tobias called from the car.", []string{"tobias"}, []string{"My son"}, nil},
		{"My niece kat came by, and dtr liv rang twice.", []string{"kat", "liv"}, []string{"My niece", "rang twice"}, nil},
		{"As Marisol says, the bus is never on time.", []string{"Marisol"}, nil, nil},
		{"We chatted on Zoom with Wendeline Okonjo.", []string{"Wendeline", "Okonjo"}, nil, nil},
	} {
		res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range tt.gone {
			if strings.Contains(res.Text, g) {
				t.Errorf("%q -> %q: %q survived", tt.text, res.Text, g)
			}
		}
		for _, k := range tt.kept {
			if !strings.Contains(res.Text, k) {
				t.Errorf("%q -> %q: want %q as written", tt.text, res.Text, k)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(res.Text, n) {
				t.Errorf("%q -> %q: nonsense %q", tt.text, res.Text, n)
			}
		}
	}
}
