package risk

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTokenizeIsRef compares tokenize with its former form (tokenizeRef, one loop that
// added each word itself, to a vocabulary kept in a Go map) on random texts of words, numbers, apostrophes, letters and
// punctuation that are not ASCII, line breaks, list items and every gap boundary reads:
// the same tokens (spans, sentences, clauses, ids, bits) and the same vocabulary.
func TestTokenizeIsRef(t *testing.T) {
	pieces := []string{"the", "The", "a", "ferry", "Captain", "o'clock", "it’s", "Brennick's", "naïve", "Zoë", "ÉTÉ",
		"lighthouses", "Lighthouses", "LIGHTHOUSE", "lighthouse", "harbourmaster", "Harbourmaster's", "abcdefgh", "Abcdefgh",
		"abcdefghi", "bbcdefghi", "abcdefgh1", "12345678", "123456789", "0123456789", "x", "X", "ab", "ba", "caféteria",
		"straße", "ﬁne", "x2", "1961", "300", "I", "we", "one", "only", "she", "twins", "mother", "of", "three",
		"'", "’", "-", "–", "—", " ", " ", " ", "  ", ", ", ". ", "! ", "? ", "; ", ": ", "(", ")", "[", "]", "\"", "“", "”",
		"|", "#", "\n", "\n\n", "\n- ", "\n* ", "\n> ", "\n3. ", "\n  wrapped", "\t", "…", "é", "\u00a0", "٣", "_", "/", "&"}
	rng := rand.New(rand.NewSource(5))
	tab := DefaultTables()
	sc := new(scratch) // reused, as from post to post
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(3) > 0 && utf8.RuneCountInString(p) > 1 && p[0] != ' ' && p[0] != '\n' {
				b.WriteByte(' ')
			}
			b.WriteString(p)
		}
		text := b.String()
		gotT, gotV := tokenize(tab, text, sc)
		wantT, wantV := tokenizeRef(tab, text)
		if len(gotT) == 0 && len(wantT) == 0 && len(gotV) == 0 && len(wantV) == 0 {
			continue
		}
		if !reflect.DeepEqual(gotT, wantT) || !reflect.DeepEqual(gotV, wantV) {
			t.Fatalf("%q:\n got %+v\n%+v\nwant %+v\n%+v", text, gotT, gotV, wantT, wantV)
		}
	}
}

// tokenizeRef is tokenize as it was before it skipped the gaps between words in a loop of
// their own (skipASCIIGap, scanASCIIWordGap), with a vocabulary in a Go map (refVocab)
// instead of tokenize's hash table.
func tokenizeRef(t *Tables, text string) ([]token, []vocabWord) {
	var toks []token
	v := refVocab{ids: map[string]int32{}}
	var sent, clause int32
	i := 0
	gapStart := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if wordByte[c] == 0 {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWord(r) {
			i += n
			continue
		}
		start := i
		// The word's key is hashed as the word is read (wordKey's ASCII form: lower case,
		// apostrophes dropped); plain: the key is the word itself.
		plain, ascii := true, true
		for {
			var lower bool
			i, lower = scanASCIIWord(text, i)
			plain = plain && lower
			if i >= len(text) {
				break
			}
			c := text[i]
			r, n := rune(c), 1
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWord(r) {
					ascii = false
					i += n
					continue
				}
			}
			if (r == '\'' || r == '’') && i+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r2) {
					plain, ascii = false, ascii && r == '\''
					i += n
					continue
				}
			}
			break
		}
		if len(toks) > 0 {
			if gap := text[gapStart:start]; gap != " " {
				s, c := boundaryASCII(gap)
				if s {
					sent++
					clause++
				} else if c {
					clause++
				}
			}
		}
		raw := text[start:i]
		upper := 'A' <= raw[0] && raw[0] <= 'Z'
		if raw[0] >= utf8.RuneSelf {
			first, _ := utf8.DecodeRuneInString(raw)
			upper = unicode.IsUpper(first)
		}
		id := v.id(t, raw, ascii)
		w := &v.words[id]
		// A word that is its own key (plain ASCII, lower case) adds to its word's candidate
		// bits only when it starts with a digit (tokenCands).
		cands := w.cands
		if !(plain && ascii) || raw[0] <= '9' {
			cands = tokenCands(cands, raw, upper)
		}
		toks = append(toks, token{start: start, end: i, sent: sent, clause: clause, id: id, upper: upper, cands: cands, cls: w.cls, bits: w.bits})
		gapStart = i
	}
	return toks, v.words
}

// refVocab is a document's vocabulary in a Go map: ids in the order the keys first occur,
// each key's word filled as vocab.add fills it (ascii: the first word with the key is
// ASCII), without the Bloom filter and the class filter.
type refVocab struct {
	ids   map[string]int32
	words []vocabWord
}

func (v *refVocab) id(t *Tables, raw string, ascii bool) int32 {
	key := wordKey(raw)
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := int32(len(v.words))
	row := t.phrase(key)
	w := vocabWord{key: key, pre: keyPre(key), row: int32(row), cls: wordClasses[key], bits: t.bits(row)}
	if ascii {
		w.facts = factCondKnown
		if w.bits&bitLexCondition != 0 {
			w.facts |= factCond
		}
	}
	w.cands = wordCands(&w)
	v.ids[key] = id
	v.words = append(v.words, w)
	return id
}

// scanASCIIWord (tokenizeRef's) reads the ASCII letters and digits of text from i: it
// returns where they end and whether each was lower case already. A function of its own, not inlined, so that its few variables stay in
// registers (inlined into tokenize, the loop reloaded them at every byte: 26 instructions a
// byte against 7).
//
//go:noinline
func scanASCIIWord(text string, i int) (int, bool) {
	lower := true
	for ; i < len(text); i++ {
		c := text[i]
		k := wordByte[c]
		if k == 0 {
			break
		}
		if k != c {
			lower = false
		}
	}
	return i, lower
}
