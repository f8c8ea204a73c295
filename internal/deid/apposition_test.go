package deid

import (
	"context"
	"regexp"
	"strings"
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

func TestPredicateAges(t *testing.T) {
	names := reDetector{re: regexp.MustCompile(`\b(?:Walter|Marisol Lopez)\b`), kind: Person, conf: 0.9}
	e := New(WithDetectors(names), WithKey([]byte("k")))
	for _, tt := range []struct {
		text string
		ages []string // the age findings' texts, in order
		out  string   // a phrase the de-identified text must hold
	}{
		{"Walter was 97 when he came to us.", []string{"97"}, "was over 89 when"},
		{"She is 92 and lives alone.", []string{"92"}, "She is over 89 and"},
		{"He was only 91.", []string{"91"}, "He was only over 89."},
		{"I was 14 when it happened.", []string{"14"}, "I was in my teens when"},
		{"I'm 34.", []string{"34"}, "I'm in my mid-30s."},
		{"She turned 45 this week.", []string{"45"}, "She turned 40-something"},
		{"It rained. At 94, she still swims.", []string{"At 94"}, "Aged over 89, she still swims."},
		{"At 8, he moved.", []string{"At 8"}, "As a child, he moved."},
		{"At 45, Marisol Lopez left.", []string{"At 45"}, "Aged mid-40s, "},
		// Measurements, counts and times are no ages.
		{"BP was 97 over 60.", nil, "97 over 60"},
		{"HR was 97.", nil, "HR was 97."},
		{"She was 5 minutes late.", nil, "5 minutes"},
		{"He is 1 of 3.", nil, "1 of 3"},
		{"We were 3 and then 4.", nil, "We were 3"},
		{"At 3, the clinic opens.", nil, "At 3, the clinic"},
		{"She is 150 and counting.", nil, "150"},
		{"He was 92.5 kg.", nil, "92.5"},
		{"She is 1 in a million.", nil, "1 in a million"},
		{"She was 45 in 2019.", []string{"45"}, "in her mid-40s in 2019"},
	} {
		res, err := e.Deidentify(context.Background(), &Doc{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			if f.Kind == Age {
				got = append(got, f.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.ages, "|") {
			t.Errorf("%q: ages %q, want %q", tt.text, got, tt.ages)
		}
		if !strings.Contains(res.Text, tt.out) {
			t.Errorf("%q -> %q, want it to hold %q", tt.text, res.Text, tt.out)
		}
	}
}
