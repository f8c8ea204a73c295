package risk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/risk/phrase"
)

// token is one word of the published text.
type token struct {
	start, end int
	raw        string // as written
	key        string // phrase.Key form
	sent       int    // sentence number
	clause     int    // clause number (commas, semicolons, colons, brackets and dashes split clauses)
	upper      bool   // starts with an upper-case letter
	row        int32  // the key's row in the phrase table (-1: none); set by newFinder
	cls        uint32 // the key's closed classes (wordClasses); set by newFinder
}

// tokenize splits text into words with their byte spans, sentences and clauses. A word is a
// run of letters and digits with inner apostrophes; a hyphen or dash ends a word, as in
// phrase.Key, so "Brightwater–Lowe" is two words.
func tokenize(text string) []token {
	var toks []token
	sent, clause := 0, 0
	i := 0
	gapStart := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWord(r) {
				i += n
				continue
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
			s, c := boundary(text[gapStart:start])
			if s {
				sent++
				clause++
			} else if c {
				clause++
			}
		}
		raw := text[start:i]
		first, _ := utf8.DecodeRuneInString(raw)
		toks = append(toks, token{start: start, end: i, raw: raw, key: wordKey(raw), sent: sent, clause: clause, upper: unicode.IsUpper(first), row: -1})
		gapStart = i
	}
	return toks
}

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
	plain := true
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= utf8.RuneSelf {
			return phrase.Key(raw)
		}
		if 'A' <= c && c <= 'Z' || c == '\'' {
			plain = false
		}
	}
	if plain {
		return raw
	}
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\'':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
