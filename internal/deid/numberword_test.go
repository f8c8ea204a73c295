package deid

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// numberWordValueRef is numberWordValue as first written, with lists.
func numberWordValueRef(w string) int {
	units := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	value := func(w string, list []string, mul int) int {
		for k, u := range list {
			if u != "" && w == u {
				return k * mul
			}
		}
		return 0
	}
	if t, u, ok := strings.Cut(w, "-"); ok {
		tv, uv := value(t, tens, 10), value(u, units, 1)
		if tv == 0 || uv == 0 || uv > 9 {
			return 0
		}
		return tv + uv
	}
	if v := value(w, units, 1); v > 0 {
		return v
	}
	return value(w, tens, 10)
}

// TestNumberWordValue compares numberWordValue with its first form on
// every pair of the words it knows and some it does not, and checks that
// numberFirst and the length bound of wordAges keep every number word.
func TestNumberWordValue(t *testing.T) {
	words := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
		"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "zero", "a", "fourty", "-",
		"twenty-", "x", "On", "t", "ninet", "sixt"}
	n := 0
	for _, a := range words {
		for _, b := range words {
			for _, w := range []string{a, a + "-" + b, a + b, a + "-" + b + "-" + a} {
				got, want := numberWordValue([]byte(w)), numberWordValueRef(w)
				if got != want {
					t.Errorf("numberWordValue(%q) = %d, want %d", w, got, want)
				}
				if want > 0 {
					n++
					if !numberFirst[w[0]] || !numberLast[w[len(w)-1]] || len(w) > len("seventy-seven") || len(w) < len("one") {
						t.Errorf("wordAges would pass over %q", w)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d number words", n)
	}
}

// wordAgesRef is wordAges as it was before its byte tables and the test of
// the last letter.
func wordAgesRef(text string, fs []Finding) []Finding {
	var personEnds, personStarts map[int]bool
	var out []Finding
	for i := 0; i < len(text); {
		if !isLetterASCII(text[i]) || i > 0 && isLetterASCII(text[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (isLetterASCII(text[j]) || text[j] == '-' && j+1 < len(text) && isLetterASCII(text[j+1])) {
			j++
		}
		if w := strings.ToLower(text[i:j]); len(w) <= len("seventy-seven") {
			if n := numberWordValueRef(w); n >= 2 {
				if personEnds == nil {
					personEnds, personStarts = personBounds(fs)
				}
				if start, age, typ, ok := ageBeforeN(text, i, j, n, personEnds, personStarts); ok {
					out = append(out, Finding{Start: start, End: j, Kind: Age, Type: typ, Text: text[start:j],
						Recognizer: "context", Confidence: 0.7, Age: age})
				}
			}
		}
		i = j
	}
	return out
}

// TestWordAgesIsRef compares wordAges with wordAgesRef on random texts of
// invented sentences around number words, with and without person findings.
func TestWordAgesIsRef(t *testing.T) {
	words := []string{"she", "was", "only", "I", "am", "is", "aged", "Nessa", "Tobin", "when", "and", "sixteen",
		"Twenty-two", "forty-ONE", "seven", "NINETY", "one", "ten", "eleven", "twenty-", "-five", "fourty",
		"eighty-eight", "son", "her", "turned", "at", "At", "died", "nearly", "xseven", "é", "3"}
	seps := []string{" ", " ", " ", " ", " ", "  ", "\n", ", ", ". ", "-", ""}
	r := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 60000 {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		var fs []Finding
		for i := 0; ; i += len("Nessa") {
			k := strings.Index(text[i:], "Nessa")
			if k < 0 {
				break
			}
			if i += k; r.IntN(2) == 0 {
				fs = append(fs, Finding{Start: i, End: i + 5, Kind: Person, Text: text[i : i+5]})
			}
		}
		got, want := wordAges(text, fs), wordAgesRef(text, fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("wordAges(%q)\n got %+v\nwant %+v", text, got, want)
		}
		found += len(got)
	}
	if found < 100 {
		t.Errorf("only %d ages found: the texts test too little", found)
	}
}

// TestMayHoldNumberWordIsExact checks that wordAges finds nothing in a
// text whose forms mayHoldNumberWord rules out, on random texts of number
// words in every case and every mark that joins or ends a word (digits,
// apostrophes, possessives, hyphens, letters beyond ASCII, the Kelvin sign
// and the dotted capital I, which lower to ASCII), and that it rules out
// texts often enough to be worth asking.
func TestMayHoldNumberWordIsExact(t *testing.T) {
	words := []string{"she", "was", "only", "I", "am", "aged", "Nessa", "when", "sixteen", "Twenty-two", "forty-ONE",
		"seven", "NINETY", "one", "ten", "often", "written", "weight", "twenty-", "-five", "fourty", "eighty-eight",
		"son", "her", "turned", "at", "died", "xseven", "é", "éseven", "3", "7seven", "seven's", "seven’s", "O'seven",
		"\u212aseven", "seven\u212a", "\u0130ten", "ten\u0130", "Rob-who", "Twenty-who", "SEVEN-", "thirty-three",
		"she was sixteen.", "I was twenty-two and", "he died at Forty-one.", "she was only SEVEN when"}
	seps := []string{" ", " ", " ", "  ", "\n", ", ", ". ", "-", "", "'", "’"}
	r := rand.New(rand.NewPCG(7, 8))
	ruled, ages := 0, 0
	for range 60000 {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		doc := &Doc{Text: text}
		a := doc.Analysis()
		a.Words()
		found := wordAgesRef(text, nil)
		ages += len(found)
		if !mayHoldNumberWord(text, a.Vocab()) {
			ruled++
			if len(found) > 0 {
				t.Fatalf("mayHoldNumberWord(%q) is false, but wordAges finds %+v", text, found)
			}
		}
	}
	if ruled < 5000 || ages < 1000 {
		t.Errorf("%d texts ruled out, %d ages found: the texts test too little", ruled, ages)
	}
}

// TestLowersToASCII checks that the Kelvin sign and the dotted capital I
// are the only characters beyond ASCII that lower to ASCII, which
// mayHoldNumberWord relies on.
func TestLowersToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf && r != '\u212a' && r != '\u0130' {
			t.Errorf("%U lowers to %q", r, l)
		}
	}
}
