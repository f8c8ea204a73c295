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
	caps, lower := 0, 0 // words marked and not marked as in a line in capitals
	for _, text := range texts {
		got, want := Tokenize(text), tokenizeRef(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokenize(%q):\n got %+v\nwant %+v", text, got, want)
		}
		for _, w := range want {
			if w.Caps {
				caps++
			} else {
				lower++
			}
		}
	}
	if caps < 1000 || lower < 1000 {
		t.Errorf("%d words in capitals, %d not: the texts test markCaps too little", caps, lower)
	}
}

// tokenizeTexts returns invented texts and random mixtures of the pieces
// that matter to Tokenize.
func tokenizeTexts() []string {
	texts := benchtext.Texts(4)
	pieces := []string{"a", "Bo", "CD", "e", "-", "‐", "'", "’", "'s", "’s", ".", ". ", " ", "  ", "\n", "!", "?", "“", "«",
		"é", "Ünal", "3", "x7", "@", "#", "Dr.", "R.", "son", "Rob-who", "W.", "—", ",", ":", "\t", "\u00a0", "ǅ", "\u0301",
		"Bo", "BO", "bo", "Bo’s", "BO'S", "Ǆx", "ÉTÉ", "PT SEEN ", "HX OF ", "\nNOTE: "}
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
	markCapsRef(toks)
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

// markCapsRef is markCaps as first written: the whole text counted, then
// each line counted and every word of it written.
func markCapsRef(toks []Word) {
	count := func(ts []Word) (up, other int) {
		for i := range ts {
			if ts[i].Letters < 2 {
				continue
			}
			if ts[i].Shape == ShapeUpper {
				up++
			} else if ts[i].Shape != ShapeNone {
				other++
			}
		}
		return up, other
	}
	dup, dother := count(toks)
	docCaps := dup >= 3 && dup >= 2*dother
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].Line == toks[i].Line {
			j++
		}
		up, other := count(toks[i:j])
		caps := up >= 2 && up >= 2*other
		if up+other < 4 {
			caps = docCaps || (up >= 2 && other == 0)
		}
		for k := i; k < j; k++ {
			toks[k].Caps = caps
		}
		i = j
	}
}
