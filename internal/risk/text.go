package risk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/risk/phrase"
)

// token is one word of the published text. It holds no pointer (its text is the span of
// the published text, its key a word of the document's vocabulary), so that the slice of a
// post's tokens is neither scanned by the garbage collector nor copied with write barriers
// as it grows.
type token struct {
	start, end int
	sent       int32 // sentence number
	clause     int32 // clause number (commas, semicolons, colons, brackets and dashes split clauses)
	id         int32 // the word's index in the document's vocabulary (vocab.words)
	upper      bool  // starts with an upper-case letter
}

// vocabWord is one distinct key of a document, with what the tables say of it, looked up
// once per document instead of once per use.
type vocabWord struct {
	key  string // phrase.Key form
	row  int32  // the key's row in the phrase table (-1: none)
	cls  uint32 // the key's closed classes (wordClasses)
	bits uint32 // the row's kinds and marks (Tables.bits)
	// facts: what the lexicon says of the key, looked up on first use (fact*).
	facts uint8
	num   int // see factDigits and factNumberWord
}

// Bits of vocabWord.facts: each fact has a bit saying it was looked up and one for its
// value.
const (
	factPersonKnown uint8 = 1 << iota
	factPerson
	factCondKnown
	factCond
	factNumKnown
	factDigits     // num is the word read as digits (atoi)
	factNumberWord // num is the number the word names (numberWords)
)

// vocab is a document's distinct keys.
type vocab struct {
	ids   map[string]int32
	words []vocabWord
	buf   []byte // the key of a word being looked up
}

// id returns the id of the key of raw (a word as tokenize cuts it), adding it when new.
func (v *vocab) id(t *Tables, raw string) int32 {
	var key string
	b, ascii := appendWordKey(v.buf[:0], raw)
	v.buf = b
	if ascii {
		// The lookup allocates nothing; the key is copied only for a new word.
		if id, ok := v.ids[string(b)]; ok {
			return id
		}
		if string(b) == raw {
			key = raw
		} else {
			key = string(b)
		}
	} else {
		key = phrase.Key(raw)
		if id, ok := v.ids[key]; ok {
			return id
		}
	}
	id := int32(len(v.words))
	v.ids[key] = id
	row := t.phrase(key)
	v.words = append(v.words, vocabWord{key: key, row: int32(row), cls: wordClasses[key], bits: t.bits(row)})
	return id
}

// tokenize splits text into words with their byte spans, sentences and clauses, and gives
// each the id of its key in the document's vocabulary. A word is a run of letters and
// digits with inner apostrophes; a hyphen or dash ends a word, as in phrase.Key, so
// "Brightwater–Lowe" is two words.
func tokenize(t *Tables, text string) ([]token, []vocabWord) {
	// About one word in six bytes of prose; a guess that is short costs one growth.
	toks := make([]token, 0, len(text)/6+1)
	v := vocab{ids: make(map[string]int32, min(len(text)/24+16, 4096))}
	var sent, clause int32
	i := 0
	gapStart := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); !isWord(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf && asciiWord[c] {
				i++
				continue
			}
			r, n := rune(c), 1
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
				if isWord(r) {
					i += n
					continue
				}
			}
			if (r == '\'' || r == '’') && i+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r2) {
					i += n
					continue
				}
			}
			break
		}
		if len(toks) > 0 {
			if gap := text[gapStart:start]; gap != " " {
				s, c := boundary(gap)
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
		toks = append(toks, token{start: start, end: i, sent: sent, clause: clause, id: v.id(t, raw), upper: upper})
		gapStart = i
	}
	return toks, v.words
}

// asciiWord tells the ASCII letters and digits.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = isWord(rune(c))
	}
	return w
}()

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// boundary reports whether the text between two words ends a sentence or a clause.
func boundary(gap string) (sentence, clause bool) {
	if strings.ContainsAny(gap, ".!?|#") || strings.Contains(gap, "\n\n") {
		// A full stop after a one-letter initial or a title ("Dr.") does not end a
		// sentence often enough to matter here.
		return true, true
	}
	if i := strings.IndexByte(gap, '\n'); i >= 0 {
		rest := strings.TrimLeft(gap[i+1:], " \t")
		// A wrapped line goes on with a word; a list item or quote starts a new sentence.
		if rest != "" && strings.ContainsAny(rest[:1], "-*+>0123456789") {
			return true, true
		}
	}
	return false, strings.ContainsAny(gap, ",;:()[]–—\"“”")
}

// wordKey is phrase.Key of a word (letters, digits and inner apostrophes), without its
// Unicode normalisation when the word is ASCII (most are): lower case, apostrophes
// dropped, and the word itself when that changes nothing.
func wordKey(raw string) string {
	b, ascii := appendWordKey(nil, raw)
	switch {
	case !ascii:
		return phrase.Key(raw)
	case string(b) == raw:
		return raw
	}
	return string(b)
}

// appendWordKey appends wordKey(raw) to b when raw is ASCII; ascii is false (and b
// undefined) otherwise.
func appendWordKey(b []byte, raw string) (_ []byte, ascii bool) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c >= utf8.RuneSelf:
			return b, false
		case c == '\'':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return b, true
}
