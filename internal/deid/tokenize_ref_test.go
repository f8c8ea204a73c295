package deid

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/benchtext"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// TestTokenizeAsBefore compares Tokenize, whose loops read ASCII bytes
// without decoding them, with the rune-by-rune reading it replaced
// (tokenizeRef), on invented texts and random mixtures of the pieces that
// matter to it: letters in both cases, apostrophes, hyphens and dashes,
// full stops, quotes, line breaks, digits and letters beyond ASCII.
func TestTokenizeAsBefore(t *testing.T) {
	texts := tokenizeTexts()
	for _, text := range texts {
		if got, want := Tokenize(text), tokenizeRef(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q):\n got %+v\nwant %+v", text, got, want)
		}
	}
}

// tokenizeTexts returns invented texts and random mixtures of the pieces
// that matter to Tokenize.
func tokenizeTexts() []string {
	texts := benchtext.Texts(4)
	pieces := []string{"a", "Bo", "CD", "e", "-", "‐", "'", "’", "'s", "’s", ".", ". ", " ", "  ", "\n", "!", "?", "“", "«",
		"é", "Ünal", "3", "x7", "@", "#", "Dr.", "R.", "son", "Rob-who", "W.", "—", ",", ":", "\t", "\u00a0", "ǅ", "\u0301",
		"Bo", "BO", "bo", "Bo’s", "BO'S", "Ǆx", "ÉTÉ"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// tokenizeRef is Tokenize as it was before its ASCII fast paths.
func tokenizeRef(text string) []Word {
	toks := make([]Word, 0, len(text)/6+1)
	prevEnd := 0 // end of the previous word with its possessive
	line := 0
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !isLetterRune(r) {
			i += sz
			continue
		}
		start := i
		j := i + sz
		for j < len(text) {
			r, sz := utf8.DecodeRuneInString(text[j:])
			if isLetterRune(r) {
				j += sz
				continue
			}
			if IsApostrophe(r) || IsHyphen(r) && !dashSeparates(text, start, j, j+sz) {
				if r2, sz2 := utf8.DecodeRuneInString(text[j+sz:]); j+sz < len(text) && unicode.IsLetter(r2) {
					j += sz + sz2
					continue
				}
			}
			break
		}
		end, rawEnd := j, j
		poss := false
		for _, suf := range [...]string{"'s", "’s"} {
			if strings.HasSuffix(text[start:end], suf) && end-len(suf) > start {
				end -= len(suf)
				poss = true
				break
			}
		}
		gap := text[prevEnd:start]
		t := Word{Start: start, End: end, Text: text[start:end], Poss: poss, Gap: gap}
		t.Lower = LookupForm(t.Text)
		t.Shape, t.Letters = shapeOfRunes(t.Text)
		t.Dot = rawEnd < len(text) && text[rawEnd] == '.'
		t.Handle = start > 0 && (text[start-1] == '@' || text[start-1] == '#')
		nl := strings.Count(gap, "\n")
		line += nl
		t.Line = line
		t.LineStart = len(toks) == 0 || nl > 0
		if n := len(toks); n > 0 && nl > 0 {
			toks[n-1].LineEnd = true
		}
		t.SentStart = t.LineStart || opensSentenceRef(gap, toks)
		toks = append(toks, t)
		prevEnd = rawEnd
		i = rawEnd
	}
	if n := len(toks); n > 0 {
		toks[n-1].LineEnd = true
	}
	markCaps(toks)
	return toks
}

// opensSentenceRef is opensSentence as it was before gapOpens.
func opensSentenceRef(gap string, toks []Word) bool {
	if strings.ContainsAny(gap, "!?:;\"“«") {
		return true
	}
	if !strings.Contains(gap, ".") {
		return false
	}
	prev := &toks[len(toks)-1]
	if strings.HasPrefix(gap, ".") && prev.Dot && (prev.Letters == 1 || vocab.AbbrevDot().Has(prev.Lower)) {
		return strings.Contains(gap[1:], ".")
	}
	return true
}
