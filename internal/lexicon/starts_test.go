package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestStartsAgreesWithMatchAt checks the promise callers rely on: wherever MatchAt finds an
// entry, Starts is true of its first word, in any case; and Starts is false of words that
// begin no entry.
func TestStartsAgreesWithMatchAt(t *testing.T) {
	l := Default()
	var vocab []string
	for w := range l.Words() {
		vocab = append(vocab, w)
		if len(vocab) == 30000 {
			break
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, cat := range AllCategories() {
		tab := l.category(cat)
		falses := 0
		for r := range tab.Len() {
			words := strings.Fields(tab.Key(r))
			for _, w := range []string{words[0], strings.ToUpper(words[0]), strings.ToUpper(words[0][:1]) + words[0][1:]} {
				if !l.Starts(cat, w) {
					t.Errorf("%s: Starts(%q) is false, but %q is an entry", cat, w, tab.Key(r))
				}
			}
			// Another first word before the entry's other words: where MatchAt finds an
			// entry, Starts must say so.
			other := append([]string{vocab[rng.IntN(len(vocab))]}, words[1:]...)
			if n := l.MatchAt(cat, other); n > 0 && !l.Starts(cat, other[0]) {
				t.Errorf("%s: MatchAt(%q) = %d, but Starts(%q) is false", cat, other, n, other[0])
			}
			if !l.Starts(cat, other[0]) {
				falses++
			}
		}
		if falses == 0 {
			t.Errorf("%s: Starts is true of every word tried", cat)
		}
	}
	if l.Starts(Condition, "bipolar disorder") {
		t.Error("Starts is true of two words")
	}
}
