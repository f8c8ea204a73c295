package lexicon

import (
	"strings"
	"testing"
)

// TestFirstWords: every entry of a category starts with one of its first
// words, and MatchAt finds nothing at a word that is none.
func TestFirstWords(t *testing.T) {
	l := Default()
	fw := l.FirstWords(OrgCue)
	if len(fw) == 0 {
		t.Fatal("no first words for OrgCue")
	}
	for _, words := range [][]string{{"Memorial", "Hospital"}, {"Hospital"}, {"Zqxv", "Hospital"}, {"Inc."}, {"St.", "Brigid's"}, {"Day", "Care", "Centre"}} {
		if l.MatchAt(OrgCue, words) > 0 && !fw[key(words[0])] {
			t.Errorf("MatchAt(%q) > 0, but %q is no first word", words, key(words[0]))
		}
	}
	c := l.category(OrgCue)
	for r := range c.Len() {
		k := c.Key(r)
		first, _, _ := strings.Cut(k, " ")
		if !fw[first] {
			t.Errorf("entry %q: %q is no first word", k, first)
		}
	}
}
