package ner

import (
	"os"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// TestMaxentMatchesProse checks that the tokens, tags and labels the
// Detector gets (prose's tokenizer, then tagger, maxent and sharing) are exactly
// those of prose's own pipeline, on whole lines, sentences and the windows
// the Detector cuts.
func TestMaxentMatchesProse(t *testing.T) {
	full, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"I met Jon Dawes in Lisbon and Vienna yesterday.",
		// Repeated words share prose's cached tokens, and their labels.
		"RT @someone: RT for Alice #vote http://t.co/x RT",
		"Vienna is not Vienna without Liesl, said Liesl in Vienna .",
		"Tom's dog, Tom's cat and Tom's, Tom's. Tom's",
		// Pieces prose drops ("he's." keeps "he", "Don't," keeps "Do").
		"He's. He's. he's, Don't, Don't, \u201cDon\u2019t,\u201d won't.",
		"It\u2019s Ama\u2019s &rsquo;s and Ama's, Ama&rsquo;s, ama's.",
		"Sloppy Joe Pelletier < Shorty Lo Chow :) :-) xD O_o 8-) 1.5 +3 NaN inf -",
		"THE WHOLE LINE IN CAPITALS, THE WHOLE LINE AGAIN",
		"Ms. O'Neil-Smith met Dr. Ávila and Mr Øster at St. Mary's on 3/4/2021.",
		"ȺȺȺ's café in İstanbul with ǅemal \u00a0and\u2003Ǆ .",
		"Go to Go to Go to Go",
		"a b a b a b",
		"trailing space  ",
		// The tagger's special cases.
		"see http://example.com/a.b or www.x.org, mail a.b@c.org, @handle - -LRB- -RRB- 0 *-1 *T*-2 * 1999 2024-25 12 3rd",
		"Émile et Ørsted à l'École; ¿Qué? «Oui» 日本 東京 Δx",
	}
	for e := range vocab.Emoticons().All() {
		texts = append(texts, e, "Sam said "+e+" to Kim", "Sam "+e)
	}
	if b, err := os.ReadFile("testdata/reflection.txt"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			texts = append(texts, line)
			for _, c := range chunks(line, maxChunk) {
				texts = append(texts, line[c.Start:c.End])
				for _, w := range windows(line[c.Start:c.End], windowWords) {
					texts = append(texts, line[c.Start:c.End][w.Start:w.End])
				}
			}
		}
	} else {
		t.Fatal(err)
	}
	d := New()
	for _, s := range texts {
		got, seen, ok := d.tag(s, nil)
		if !ok {
			t.Fatalf("%q: tag failed", s)
		}
		doc, err := prose.NewDocument(seen, prose.UsingModel(full.Model), prose.WithSegmentation(false))
		if err != nil {
			t.Fatal(err)
		}
		want := doc.Tokens()
		if len(got) != len(want) {
			t.Fatalf("%q: %d tokens, prose has %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: token %d is %+v, prose has %+v", s, i, got[i], want[i])
			}
		}
	}
}

func TestShape(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"", "other"}, {"12", "number"}, {"-1.5e3", "number"}, {"Inf", "number"}, {"nan", "number"},
		{"1st", "downcase"}, {"n't", "downcase"}, {"Maria", "upcase"}, {"RT", "upcase"},
		{"McAllister", "upcase"}, {"iPhone", "mixedcase"}, {"Ávila", "upcase"},
		{"ok.", "punct"}, {"café", "punct"}, {"\"", "punct"}, {"x\xff", "punct"},
	} {
		if got := shape(c.word); got != c.want {
			t.Errorf("shape(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}
