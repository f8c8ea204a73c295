package lexicon

import (
	"strings"
	"testing"
)

// TestWordPlace: WordPlace says what Place, IsCountry and USState say, of place
// names, countries, states and state codes in every case, words that are none, and
// odd strings.
func TestWordPlace(t *testing.T) {
	l := Default()
	words := []string{"", "a", "I", "the", "harbour", "Tuesday", "idaho", "Idaho", "IDAHO", "ID", "id", "Id",
		"in", "IN", "dc", "DC", "lesotho", "LESOTHO", "Côte d’Ivoire", "côte d'ivoire", "usa", "USA",
		"tulsa", "TULSA", "Springfield", "São Paulo", "sao paulo", "bogota", "Bogotá", "rhode island",
		"Rhode Island", "Zoë", "\xff", "\xe2\x80", "İz", strings.Repeat("x", 70), strings.Repeat("É", 40)}
	n := 0
	for w := range l.Words() {
		if n++; n%97 == 0 {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	found := [3]int{}
	for _, w := range words {
		p, pok := l.Place(w)
		_, sok := l.USState(w)
		want := WordPlace{Place: pok, Population: p.Population, Country: l.IsCountry(w), State: sok}
		if got := l.WordPlace(w); got != want {
			t.Errorf("WordPlace(%q) = %+v, want %+v", w, got, want)
		}
		for i, ok := range []bool{pok, want.Country, sok} {
			if ok {
				found[i]++
			}
		}
	}
	if found[0] < 20 || found[1] < 4 || found[2] < 6 {
		t.Errorf("places, countries, states found: %v; too few to compare", found)
	}
}
