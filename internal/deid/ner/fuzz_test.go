package ner

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"I met Jon Dawes in Lisbon and Vienna yesterday.",
	"\u201cDon\u2019t,\u201d said Dr. Jane Doe of Microsoft in New York City. It's $100 :-) \U0001F600 ok\tdone",
	"Bob&rsquo;s (very) \u2018odd\u2019 friend [Ann] paid $5.50; they'll see!",
	"Ann \xff went to \xc3 Vienna\x80 with \xe2\x80 Bob.",
	"\u023a\u023a\u023a's \xff\xff's \u0130stanbul \u212aelvin Smith",
	"MARISOL WENT HOME TO BOSTON WITH JON DAWES.",
	"we met Mr D.E. Penhallow, then Dr. Okafor; Lol We'd go to Phoenix",
	"The applicant, Mr Gordon Pettigrew, lives in Cheshire.\n\nHe met Ann.",
	"",
}

// FuzzAnchor checks that anchor never panics, keeps one span per token,
// and places found tokens in order, inside the text.
func FuzzAnchor(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "Ann 'll \" n't $")
	}
	f.Fuzz(func(t *testing.T, text, toks string) {
		var tokens []string
		for i := 0; i < len(toks); {
			j := i + 1 + int(toks[i])%4
			if j > len(toks) {
				j = len(toks)
			}
			tokens = append(tokens, toks[i:j])
			i = j
		}
		spans := anchor(text, tokens)
		if len(spans) != len(tokens) {
			t.Fatalf("%d spans for %d tokens", len(spans), len(tokens))
		}
		prev := 0
		for _, sp := range spans {
			if !sp.Found() {
				continue
			}
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("span %v out of order or range (previous end %d, len %d)", sp, prev, len(text))
			}
			prev = sp.End
		}
	})
}

// FuzzDetect checks that Detect never panics and that every finding lies
// inside the input, on rune boundaries, with Text equal to its bytes.
func FuzzDetect(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	plain, vetted := New(), newVetted()
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range []*Detector{plain, vetted} {
			for _, x := range detect(t, d, text) {
				if !utf8.RuneStart(text[x.Start]) {
					t.Fatalf("finding %+v does not start a rune", x)
				}
			}
		}
	})
}
