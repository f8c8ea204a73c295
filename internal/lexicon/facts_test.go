package lexicon

import (
	"strings"
	"testing"
)

// TestFacts: Facts answers what each lookup method answers, for words of
// every list, in every case, with possessives, and for words in none.
func TestFacts(t *testing.T) {
	l := Default()
	words := []string{"", "Quillon", "the", "The", "THE", "nurse's", "Marguerite’s", "zzxqv", "ÉLODIE", "o'neill", "a-fib",
		"new york", " New\tYork ", "st\u00a0louis", "los  angeles\n", "june\r"}
	i := 0
	for w := range l.Words() {
		if i%97 == 0 {
			words = append(words, w, strings.ToUpper(w), w+"'s")
		}
		i++
	}
	for _, w := range []string{"harriet", "okafor", "june", "monday", "pastor", "nephew", "avenue", "hospital", "catholic", "french", "asthma", "delacroix", "rivers", "patel", "june", "page", "asap", "nyc", "facebook"} {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:], w+"’s")
	}
	for _, w := range words {
		f := l.Facts(w)
		fe, ma, first := l.FirstName(w)
		sn, _ := l.Surname(w)
		rk, _ := l.WordRank(w)
		lv, _ := l.WordLevel(w)
		pr, _ := l.ProperLevel(w)
		ab, _ := l.AbbrevLevel(w)
		want := Facts{First: first, Surname: int32(sn), Rank: int32(rk), Level: uint8(lv), Proper: uint8(pr), Abbrev: uint8(ab)}
		if first {
			want.Female, want.Male = int32(fe), int32(ma)
		}
		for _, c := range AllCategories() {
			if f.In(c) != l.InCategory(c, w) {
				t.Errorf("Facts(%q).In(%v) = %v, want %v", w, c, f.In(c), !f.In(c))
			}
		}
		f.cats, f.place = 0, 0
		if f != want {
			t.Errorf("Facts(%q) = %+v, want %+v", w, f, want)
		}
	}
	if len(words) < 1000 {
		t.Errorf("only %d words tried", len(words))
	}
}

// TestCategorySetOfWords: the categories of every one-word entry, read
// from the index of one-word entries, are those whose tables hold it.
func TestCategorySetOfWords(t *testing.T) {
	l := Default()
	n := 0
	for _, c := range AllCategories() {
		tab := l.category(c)
		for r := range tab.Len() {
			k := tab.Key(r)
			if strings.Contains(k, " ") {
				continue
			}
			n++
			var want uint16
			for _, d := range AllCategories() {
				if l.has(d, []byte(k)) {
					want |= 1 << d
				}
			}
			if got := l.categorySet([]byte(k)); got != want {
				t.Errorf("categorySet(%q) = %b, want %b", k, got, want)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d one-word entries", n)
	}
}
