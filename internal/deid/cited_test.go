package deid

import (
	"context"
	"regexp"
	"testing"
)

func TestCitedWorks(t *testing.T) {
	people := reDetector{re: regexp.MustCompile(`\b(?:Obadiah|Marisol)\b`), kind: Person, conf: 0.9}
	places := reDetector{re: regexp.MustCompile(`\b(?:Leviticus|Thessalonians|Dunmore)\b`), kind: Place, conf: 0.6}
	e := New(WithDetectors(people, places), WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		kept []string // name findings that remain
	}{
		// Chapter and verse make any name a book; a place finding of
		// the same book elsewhere is the book too.
		{"Obadiah 1:4 is short.", nil},
		{"Read Leviticus 19:18. Leviticus is long.", nil},
		{"As Leviticus says, love your neighbour.", nil},
		{"Read 2 Thessalonians 3 tonight.", nil},
		// A person needs the verse; a place is a place after "in".
		{"As Marisol says, the bus is late.", []string{"Marisol"}},
		{"We met at 3 Marisol 4.", []string{"Marisol"}},
		{"Obadiah 1:4 is short. Then Obadiah phoned me.", []string{"Obadiah", "Obadiah"}},
		{"She grew up in Dunmore, and as Dunmore goes, so goes the county.", []string{"Dunmore", "Dunmore"}},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind == Person || f.Kind == Place {
				got = append(got, f.Text)
			}
		}
		if len(got) != len(tt.kept) {
			t.Errorf("%q: findings %q, want %q", tt.text, got, tt.kept)
			continue
		}
		for i := range got {
			if got[i] != tt.kept[i] {
				t.Errorf("%q: findings %q, want %q", tt.text, got, tt.kept)
			}
		}
	}
}
