package deid

import (
	"context"
	"regexp"
	"testing"
)

func TestCitedAuthors(t *testing.T) {
	names := reDetector{re: regexp.MustCompile(`\b(?:Ada Quill|Ana Ruiz|Tomas Brek|Ada|Quill|Ana|Brek)\b`), kind: Person, conf: 0.9}
	e := New(WithDetectors(names), WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		kept []string // person findings that remain
	}{
		{"As Ada Quill wrote, meaning is made.", nil},
		{"Grief, as Tomas Brek reminds us, takes time.", nil},
		{"\u201cWe are not our worst day.\u201d \u2014 Ada Quill\nThen I met Ana.", []string{"Ana"}},
		// Speech, a first name alone, no clause: the person stays.
		{"As Ana Ruiz said, the flat was cold.", []string{"Ana Ruiz"}},
		{"As Ana wrote in her diary, it was cold.", []string{"Ana"}},
		{"Then Ada Quill wrote to me.", []string{"Ada Quill"}},
		{"\u201cKeep going.\u201d - Mr. Quill", []string{"Quill"}},
		// The same name elsewhere without the context is found, and with it
		// everywhere.
		{"As Tomas Brek wrote, it helps. Brek came to the group.", []string{"Brek", "Brek"}},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind == Person {
				got = append(got, f.Text)
			}
		}
		if len(got) != len(tt.kept) {
			t.Errorf("%q: persons %q, want %q", tt.text, got, tt.kept)
			continue
		}
		for i := range got {
			if got[i] != tt.kept[i] {
				t.Errorf("%q: persons %q, want %q", tt.text, got, tt.kept)
			}
		}
	}
}

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
