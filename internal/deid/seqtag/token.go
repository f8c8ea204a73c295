package seqtag

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word or a punctuation mark of a text, by byte offsets.
type Token struct {
	Start, End int
	Text       string
}

// Tokenize splits text into words and single punctuation marks. A word is a
// run of letters, marks and digits, with apostrophes and hyphens between
// its parts ("O'Neill", "Lou-Bette") and full stops between single letters
// ("N.Z", "U.S.A"); a full stop with no space after between longer parts
// ends a word ("Dr.Vance", "seen.plan"). A leading "#" or "@" stays with
// the word it opens.
func Tokenize(text string) []Token {
	spans := tokenize(text, nil)
	toks := make([]Token, len(spans))
	for i, s := range spans {
		toks[i] = Token{s.start, s.end, text[s.start:s.end]}
	}
	return toks
}

// span is a token of a text by its byte offsets.
type span struct{ start, end int }

// tokenize appends the tokens of text (see Tokenize) to toks.
func tokenize(text string, toks []span) []span {
	if toks == nil {
		toks = make([]span, 0, len(text)/5+1)
	}
	i := 0
	for i < len(text) {
		// Most bytes are ASCII blanks, letters and marks, which asciiClass
		// tells apart without the tests below.
		switch asciiClass[text[i]] {
		case ' ':
			i++
			continue
		case 'w':
			end := wordEnd(text, i)
			toks = append(toks, span{i, end})
			i = end
			continue
		case '.':
			toks = append(toks, span{i, i + 1})
			i++
			continue
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
		}
		start := i
		if (r == '#' || r == '@') && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
				i += n
				r, n = r2, 0
			}
		}
		if (r == '\'' || r == '’') && possessive(text[i+n:]) {
			i += n + 1
			toks = append(toks, span{start, i})
			continue
		}
		if !isWordRune(r) {
			i += n
			toks = append(toks, span{start, i})
			continue
		}
		i = wordEnd(text, i)
		toks = append(toks, span{start, i})
	}
	return toks
}

// wordEnd returns the end of the word whose first letter (or digit) is at
// text[i]: its letters, marks and digits, with apostrophes and hyphens
// between them, and full stops between single letters.
func wordEnd(text string, i int) int {
	partStart := i
	for i < len(text) {
		for i < len(text) && asciiWordBytes[text[i]] == 'w' {
			i++
		}
		if i == len(text) || asciiClass[text[i]] == ' ' {
			break
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
		}
		if (r == '\'' || r == '’') && possessive(text[i+n:]) {
			break // "Ada's": the possessive is a word of its own
		}
		if (r == '\'' || r == '’' || r == '-') && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
				i += n
				continue
			}
		}
		if r == '.' && initials(text[partStart:i], text[i+n:]) {
			i += n
			partStart = i
			continue
		}
		break
	}
	return i
}

// asciiClass sorts bytes for tokenize: ' ' at the ASCII blanks
// (unicode.IsSpace), 'w' at the ASCII letters and digits (isWordRune),
// '.' at every other ASCII character but '#', '@' and the apostrophe (a token of its
// own), and '-' at those three and at the bytes of other runes.
const asciiClass = "" +
	".........     .................." + // control characters: '\t' to '\r' are blanks
	" ..-...-........wwwwwwwwww......" + // ' ' to '?': '#' and '\'' and the digits
	"-wwwwwwwwwwwwwwwwwwwwwwwwww....." + // '@' to '_': '@' and the capitals
	".wwwwwwwwwwwwwwwwwwwwwwwwww....." + // '`' to DEL: the small letters
	"--------------------------------" + // bytes 0x80 and above
	"--------------------------------" +
	"--------------------------------" +
	"--------------------------------"

// asciiWordBytes has a 'w' at each ASCII letter and digit (isWordRune's
// ASCII), and a '-' at every other byte.
const asciiWordBytes = "" +
	"--------------------------------" + // control characters
	"----------------wwwwwwwwww------" + // ' ' to '?': the digits
	"-wwwwwwwwwwwwwwwwwwwwwwwwww-----" + // '@' to '_': the capitals
	"-wwwwwwwwwwwwwwwwwwwwwwwwww-----" + // '`' to DEL: the small letters
	"--------------------------------" + // bytes 0x80 and above
	"--------------------------------" +
	"--------------------------------" +
	"--------------------------------"

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// possessive reports whether rest, the text after an apostrophe, opens
// with a lone "s".
func possessive(rest string) bool {
	if len(rest) == 0 || rest[0] != 's' && rest[0] != 'S' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !isWordRune(r)
}

// initials reports whether a full stop between part (the letters before
// it, since the word's last mark) and rest (the text after it) joins
// initials: a single letter on each side.
func initials(part, rest string) bool {
	if utf8.RuneCountInString(part) != 1 {
		return false
	}
	r, n := utf8.DecodeRuneInString(rest)
	if !isWordRune(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(rest[n:])
	return n == len(rest) || !isWordRune(r2)
}
