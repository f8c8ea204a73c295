package seqtag

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
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

// span is a token of a text by its byte offsets, and 1 + the id of the
// word of the document's analysis with the same span (deid.Word.ID), or 0
// (tokenizeWords; tokenize leaves it 0).
type span struct {
	start, end int
	word       int32
	// lower: the token is a word of the analysis all in small ASCII
	// letters, so its text is its lookup form (deid.Word.Lower).
	lower bool
}

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
			toks = append(toks, span{start: i, end: end})
			i = end
			continue
		case '.':
			toks = append(toks, span{start: i, end: i + 1})
			i++
			continue
		}
		start := i
		if i = otherEnd(text, i); i > 0 {
			toks = append(toks, span{start: start, end: i})
		} else {
			i = -i
		}
	}
	return toks
}

// otherEnd returns the end of the token at text[i], a byte that is no
// ASCII blank, letter, digit or other mark but '#', '@' and the
// apostrophe (asciiClass '-'), or minus the end of the blank there.
func otherEnd(text string, i int) int {
	r, n := rune(text[i]), 1
	if r >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return -(i + n)
		}
	}
	if (r == '#' || r == '@') && i+n < len(text) {
		if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
			i += n
			r, n = r2, 0
		}
	}
	if (r == '\'' || r == '’') && possessive(text[i+n:]) {
		return i + n + 1
	}
	if !isWordRune(r) {
		return i + n
	}
	return wordEnd(text, i)
}

// tokenizeWords is tokenize of the text whose words dw are
// (deid.Analysis.Words), giving each token that has the span of a word of
// dw that word's id (span.word). A token that opens with an ASCII letter at a
// word of dw all in ASCII letters ends where wordEnd ends it, from the
// word's end on: the bytes before are letters, which wordEnd's first loop
// passes (TestTokenizeWords).
func tokenizeWords(text string, dw []deid.Word, toks []span) []span {
	k := 0 // the first word of dw not before the token
	next := wordStart(dw, 0)
	for i := 0; i < len(text); {
		start := i
		switch asciiClass[text[i]] {
		case ' ':
			i++
			continue
		case 'w':
			for next < i {
				k++
				next = wordStart(dw, k)
			}
			if next != i {
				i = wordEnd(text, i)
				toks = append(toks, span{start: start, end: i})
				continue
			}
			// A word of ASCII letters alone has as many letters as bytes
			// (a digit, mark or rune beyond ASCII counts for fewer), and
			// the byte after it is none; wordEnd stops at a blank after
			// it, as at the text's end.
			d := &dw[k]
			e := d.End
			if d.Letters == e-i && (e == len(text) || asciiClass[text[e]] == ' ') {
				// Most words, and the words after them each after a
				// blank, in a loop of their own.
				for {
					toks = append(toks, span{i, e, d.ID + 1, d.Shape == deid.ShapeLower})
					i = e
					k++
					next = wordStart(dw, k)
					if i < len(text) && text[i] == ' ' {
						i++ // the blank after most words
					}
					if next != i || asciiClass[text[i]] != 'w' {
						break
					}
					d = &dw[k]
					e = d.End
					if d.Letters != e-i || e != len(text) && asciiClass[text[e]] != ' ' {
						break
					}
				}
				continue
			}
			if d.Letters == e-i && asciiWordBytes[text[e]] != 'w' {
				i = wordEndFrom(text, i, e)
			} else {
				i = wordEnd(text, i)
			}
			var w int32
			var low bool
			if e == i {
				w = d.ID + 1
				low = d.Shape == deid.ShapeLower && d.Letters == i-start
			}
			toks = append(toks, span{start, i, w, low})
			continue
		case '.':
			// No word of dw starts at a mark: they open with a letter.
			toks = append(toks, span{start: i, end: i + 1})
			i++
			continue
		}
		if i = otherEnd(text, i); i < 0 {
			i = -i
			continue
		}
		for next < start {
			k++
			next = wordStart(dw, k)
		}
		var w int32
		if next == start && dw[k].End == i {
			w = dw[k].ID + 1
		}
		toks = append(toks, span{start: start, end: i, word: w})
	}
	return toks
}

// wordStart returns where word k of dw starts, or beyond any text when
// there is none.
func wordStart(dw []deid.Word, k int) int {
	if k < len(dw) {
		return dw[k].Start
	}
	return math.MaxInt
}

// wordEnd returns the end of the word whose first letter (or digit) is at
// text[i]: its letters, marks and digits, with apostrophes and hyphens
// between them, and full stops between single letters.
func wordEnd(text string, i int) int {
	return wordEndFrom(text, i, i)
}

// wordEndFrom is wordEnd(text, start) when the bytes of text[start:i] are
// ASCII letters and digits.
func wordEndFrom(text string, start, i int) int {
	partStart := start
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
