package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The written shapes of words that are no names.

// CapsThenLower reports whether w opens with two capitals or more and goes
// on in lower case ("PMed", "DEline", "NSicu", "LLleg"): an abbreviation run
// into a word, or a word typed with the shift key held; names are written
// "Mark", "McKay", "LaToya".
func CapsThenLower(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'A' && w[n] <= 'Z' {
		n++
	}
	if n < 2 || n == len(w) {
		return false
	}
	for i := n; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// BrandShaped reports whether a word is written as the names of products,
// sites and apps are, with a capital inside ("PhotoBooth", "iMovie",
// "SoundCloud") after a part that is no surname particle: "McKee" and
// "DeLuca" are names.
func BrandShaped(w string) bool {
	start := 0
	for k, r := range w {
		if k > 0 && unicode.IsUpper(r) {
			prev, _ := utf8.DecodeLastRuneInString(w[:k])
			if unicode.IsLower(prev) && !namePrefixes.Has(strings.ToLower(w[start:k])) {
				return true
			}
		}
		if !unicode.IsLetter(r) {
			start = k + utf8.RuneLen(r)
		}
	}
	return false
}

// WordBefore returns the word (letters and apostrophes) that ends just
// before position i, skipping spaces, and where it starts.
func WordBefore(text string, i int) (int, string) {
	for i > 0 && text[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		j -= size
	}
	return j, text[j:i]
}

// LeadingWord returns the letters at the start of s.
func LeadingWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}
