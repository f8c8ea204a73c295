package dict

import (
	"testing"

	"github.com/veil-blog/veil/internal/lexicon"
)

func TestLooseMisspellings(t *testing.T) {
	lex := lexicon.Default()
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"intermitent", true},   // one edit: Misspelt's too
		{"imtermittant", true},  // two letters off, one sound off
		{"comode", true},        // a letter dropped, sounds the same
		{"trendelenberg", true}, // a clinical term, a vowel off
		{"pnuemothorax", true},  // vowels swapped
		{"yanulis", false},      // a name: too few consonants to judge
		{"okonkwo", false},      // a name like no word
		{"zabrowski", false},    // a name like no word
		{"ostrowski", false},    // a name like no word
		{"bantamide", false},    // first letter kept: "pantamide" is not near
	} {
		if got := Misspelt(lex, tt.w) || nearMisspelt(lex, tt.w); got != tt.want {
			t.Errorf("misspelling(%q) = %v, want %v (loose form %q)", tt.w, got, tt.want, looseForm(tt.w))
		}
	}
}

func TestGluedWords(t *testing.T) {
	lex := lexicon.Default()
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"nasotracheal", true},   // combining form + word
		{"hemdynamically", true}, // the form's vowel dropped
		{"airbolus", true},       // a word run into a clinical term
		{"creatinineand", true},  // a long term run into "and"
		{"kettleworth", false},   // two plain words: a ward's or a building's name
		{"fairhaven", false},
		{"stonebridge", false},
	} {
		if got := gluedWords(lex, tt.w); got != tt.want {
			t.Errorf("gluedWords(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
