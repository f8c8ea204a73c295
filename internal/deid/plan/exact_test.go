package plan

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// pseudonymsInRef is pseudonymsIn as first written, rune by rune and
// looking every word up.
func pseudonymsInRef(text string) map[string]bool {
	used := map[string]bool{}
	var buf [32]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start, ascii := i, true
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = ascii && r < utf8.RuneSelf
			i += n
		}
		w := text[start:i]
		if !ascii {
			// strings.ToLower may turn other letters into ASCII ones (the
			// Kelvin sign into "k").
			if l := strings.ToLower(w); pseudonymWords[l] {
				used[l] = true
			}
			continue
		}
		if len(w) > maxPseudonymWord || len(w) > len(buf) {
			continue
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if pseudonymWords[string(buf[:len(w)])] {
			used[string(buf[:len(w)])] = true
		}
	}
	return used
}

func TestPseudonymsInIsRef(t *testing.T) {
	pieces := []string{" ", " ", ".", ",", "-", "'", "\n", "é", "\xff", "K", "ſ", "Ann", "ANNA", "smith", "Smith's",
		"Cedar", "Hill", "Rockport", "Westfield", "Okafor", "Odette", "the", "a", "WOOD", "wood", "Young", "Youngs", "x1"}
	r := rand.New(rand.NewSource(8))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		got, want := pseudonymsIn(text), pseudonymsInRef(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pseudonymsIn(%q)\n got %v\nwant %v", text, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d pseudonyms found", found)
	}
}
