package plan

import (
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
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
	pieces := []string{" ", " ", ".", ",", "-", "'", "\n", "é", "\xff", "K", "ſ", "Okafor", "Odette", "the", "a", "x1"}
	// Pseudonyms from each list, as written, in capitals, in lower case
	// and with a possessive or a letter after them.
	for _, list := range [][]string{femaleNames, maleNames, unisexNames, surnames, placeNames} {
		for _, n := range list[:4] {
			pieces = append(pieces, n, strings.ToUpper(n), strings.ToLower(n), n+"'s", n+"s")
		}
	}
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

// titledPositionsRef is titledPositions as first written, asking the set
// at every length of a title.
func titledPositionsRef(lower string) []int {
	var lengths []int // the lengths of the titles, each once
	for _, h := range vocab.Honorifics().Words() {
		if !slices.Contains(lengths, len(h)) {
			lengths = append(lengths, len(h))
		}
	}
	titleEndsAt := func(end int) int { // how many titles end at end
		n := 0
		for _, l := range lengths {
			if l <= end && vocab.Honorifics().Has(lower[end-l:end]) {
				n++
			}
		}
		return n
	}
	qs := []int{}
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		if c != ' ' && c != '.' {
			continue
		}
		n := titleEndsAt(i) // "dr " and "dr."
		if c == ' ' && i > 0 && lower[i-1] == '.' {
			n += titleEndsAt(i - 1) // "dr. "
		}
		for ; n > 0; n-- {
			qs = append(qs, i+1)
		}
	}
	sort.Slice(qs, func(i, j int) bool { return titledAt(lower, qs[i]) < titledAt(lower, qs[j]) })
	return qs
}

func TestTitledPositionsIsRef(t *testing.T) {
	pieces := []string{" ", " ", ".", ". ", "dr", "mr", "mrs", "miss", "prof", "of", "st", "rev", "x", "okafor", "ms", "\n", "é"}
	r := rand.New(rand.NewSource(10))
	found := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(30); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		lower := b.String()
		got, want := titledPositions(lower), titledPositionsRef(lower)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("titledPositions(%q)\n got %v\nwant %v", lower, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d titled positions", found)
	}
}

// shoutingLinesRef is shoutingLines as first written, rune by rune.
func shoutingLinesRef(text string) []shoutLine {
	var out []shoutLine
	for start := 0; ; {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		upper, letters := 0, 0
		for _, r := range text[start:end] {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		out = append(out, shoutLine{end: end, shout: letters > 0 && upper*10 >= letters*7})
		if end == len(text) {
			return out
		}
		start = end + 1
	}
}

func TestShoutingLinesIsRef(t *testing.T) {
	pieces := []string{" ", "\n", "A", "b", "QUIET", "quiet", "É", "é", "ǅ", "1", ".", "\xff", "Ω", "ω", "K"}
	r := rand.New(rand.NewSource(11))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n > 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		if got, want := shoutingLines(text), shoutingLinesRef(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("shoutingLines(%q)\n got %v\nwant %v", text, got, want)
		}
	}
}
