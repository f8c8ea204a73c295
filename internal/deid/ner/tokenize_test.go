package ner

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// proseTokens returns the texts of prose's tokens of s.
func proseTokens(t *testing.T, s string) []string {
	t.Helper()
	doc, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tok := range doc.Tokens() {
		out = append(out, tok.Text)
	}
	return out
}

// tokenizeTexts are refTexts and random strings of the pieces prose's
// tokenizer treats specially: its prefixes and suffixes, contractions in
// either case, abbreviations, emoticons, typographic quotes and "&rsquo;"
// (which its sanitizer rewrites), white space of several kinds and
// non-ASCII letters.
func tokenizeTexts(t *testing.T) []string {
	texts := refTexts(t)
	pieces := []string{"$", "(", "\"", "[", ",", ")", "]", "!", ";", ".", "?", ":", "'",
		"'ll", "'LL", "'s", "'S", "'re", "'Re", "'m", "'M", "n't", "N'T", "n’t", "’s", "‘", "“", "”",
		"&rsquo;", "&rsquo;s", "&", "rsquo;", "a", "B", "c", "Dr", "Mrs", "U", "S", "e", "g", "x", "Q",
		"é", "Ø", "ß", "日本", "1", "42", "-", "_", "@", "#", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003"}
	for e := range vocab.Emoticons().All() {
		pieces = append(pieces, e)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestSplitWordMatchesProse checks splitWord, word by word, against
// prose's tokenizer of the word alone.
func TestSplitWordMatchesProse(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range tokenizeTexts(t) {
		for _, w := range fieldSpans(s) {
			word := sanitize(s[w.Start:w.End])
			if seen[word] {
				continue
			}
			seen[word] = true
			if got, want := splitWord(nil, word), proseTokens(t, word); !slices.Equal(got, want) {
				t.Errorf("%q: tokens %q, prose has %q", word, got, want)
			}
		}
	}
	if len(seen) < 5000 {
		t.Fatalf("only %d distinct words", len(seen))
	}
}

// TestIsSpecialWord checks isSpecialWord against prose's regular expression
// and emoticon list.
func TestIsSpecialWord(t *testing.T) {
	re := regexp.MustCompile(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)
	alphabet := []string{"A", "z", "Q", "b", ".", ".", "1", "é", "-", ":", ")"}
	rng := rand.New(rand.NewPCG(3, 5))
	words := []string{"Q.X.", "e.g.", "Dr.", "Mrs.", "Mr", "D.", "DR.", "Mrss.", "a.b.c.", "a.b.c", "ab.", ".a.", "A.é."}
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		want := vocab.Emoticons().Has(w) || re.MatchString(w)
		if got := isSpecialWord(w); got != want {
			t.Errorf("isSpecialWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestTokensMatchProse checks that tokenCache.tokens gives the tokens of a
// text that prose's tokenizer gives, with the sharing of repeated words
// that sharingRef (the code it replaced) found, with one cache for all the
// texts, as for the windows of one text.
func TestTokensMatchProse(t *testing.T) {
	cache := newTokenCache(loadModel())
	for _, s := range tokenizeTexts(t) {
		s = proseText(s)
		toks, feats, src := cache.tokens(s)
		want := proseTokens(t, s)
		got := make([]string, len(toks))
		for i, tok := range toks {
			got[i] = tok.Text
			if feats[i] != cache.featsOf(tok.Text) {
				t.Fatalf("%q: token %d has the features of another text", s, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: tokens %q, prose has %q", s, got, want)
		}
		wantToks := make([]prose.Token, len(want))
		for i, w := range want {
			wantToks[i].Text = w
		}
		if wantSrc := sharingRef(s, wantToks, nil); !slices.Equal(src, wantSrc) {
			t.Fatalf("%q: sharing %v, want %v", s, src, wantSrc)
		}
	}
}
