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
