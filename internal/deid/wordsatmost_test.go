package deid

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestWordsAtMostIsBound checks that Tokenize never finds more words than
// wordsAtMost allows (so its slice is never grown), and that the count read
// eight bytes at a time is the plain count it stands for (wordStartsRef),
// on Tokenize's test texts, on random bytes of every value and on random
// mixtures of letters, digits, joiners and characters beyond ASCII.
func TestWordsAtMostIsBound(t *testing.T) {
	texts := tokenizeTexts()
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"a", "Z", "0", "9", "@", "[", "`", "{", "/", ":", "'", "’", "-", ".", " ", "\n",
		"é", "\u0301", "ǅ", "—", "\xff", "\xc3", "\x80", "\x7f", "\x00", "\xc0a", "aé", "é9"}
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		texts = append(texts, string(b))
		var s []byte
		for range r.IntN(30) {
			s = append(s, pieces[r.IntN(len(pieces))]...)
		}
		texts = append(texts, string(s))
	}
	// every byte value at every offset of an eight-byte word and its ends
	for c := range 256 {
		for off := range 17 {
			b := []byte("xx xx xx xx xx xx xx xx xx")[:off+1]
			b[off] = byte(c)
			texts = append(texts, string(b), "a"+string(b), string(b)+"a")
		}
	}
	tight := 0
	for _, text := range texts {
		bound := wordsAtMost(text)
		if ref := wordStartsRef(text); bound != ref {
			t.Fatalf("wordsAtMost(%q) = %d, want %d", text, bound, ref)
		}
		got := tokenize(text, nil)
		if len(got) > bound {
			t.Fatalf("Tokenize(%q) found %d words, wordsAtMost %d", text, len(got), bound)
		}
		if cap(got) != bound {
			t.Fatalf("Tokenize(%q) grew its slice: cap %d, wordsAtMost %d", text, cap(got), bound)
		}
		if len(got) == bound {
			tight++
		}
	}
	if tight < len(texts)/8 {
		t.Errorf("the bound was exact for only %d of %d texts", tight, len(texts))
	}
}

// wordStartsRef is wordsAtMost byte by byte: ASCII letters and digits not
// after one, and bytes that start a character of two bytes or more.
func wordStartsRef(text string) int {
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		alnum := c < utf8.RuneSelf && asciiLetterRune[c]
		if alnum && (i == 0 || !(text[i-1] < utf8.RuneSelf && asciiLetterRune[text[i-1]])) || c >= 0xc0 {
			n++
		}
	}
	return n
}
