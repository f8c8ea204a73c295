package deid

import (
	"context"
	"regexp"
	"testing"
)

func TestAppositiveAges(t *testing.T) {
	names := reDetector{re: regexp.MustCompile(`\b(?:Marisol|Tom|Ana)\b`), kind: Person, conf: 0.9}
	e := New(WithDetectors(names), WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		ages []string // the age findings' texts, in order
	}{
		{"Marisol, 34, came in.", []string{"34"}},
		{"We saw Tom (72) and Ana, 7.", []string{"72", "7"}},
		{"Marisol, 41 and Tom, 43, met.", []string{"41", "43"}},
		{"Ana, 34 Elm Street, is her address.", nil},
		{"Ana, 2021, was a long year.", nil},
		{"Ana, 2, 3 and 4 are the options.", nil},
		{"Marisol, 130, is no age.", nil},
		{"The room, 34, was empty.", nil}, // no person before it
		// After a kinship word, the bracketed age or one between commas.
		{"My brother (9) and I walked to school.", []string{"9"}},
		{"Her son, 14, and her daughter came.", []string{"14"}},
		{"Her twins (3) and (5) slept.", []string{"3"}},
		{"Her son, 14 and up, is the rule.", nil},
		{"My brother (2nd) came.", nil},
		{"The ward (12) was full.", nil},
	} {
		fs, err := e.Detect(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Kind == Age {
				got = append(got, f.Text)
			}
		}
		want := tt.ages
		if len(got) != len(want) {
			t.Errorf("%q: ages %q, want %q", tt.text, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: ages %q, want %q", tt.text, got, want)
			}
		}
	}
}
