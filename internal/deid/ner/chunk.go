package ner

import (
	"unicode"
	"unicode/utf8"
)

// maxChunk bounds the bytes given to prose at once. Sentences are normally
// far shorter; the bound keeps a single 10 MB line from becoming a single
// prose document (whose tokenizer cache and token slices grow with it) and
// keeps anchor's work per chunk bounded.
const maxChunk = 1024

// chunks splits text into pieces that prose can classify independently:
// lines, then sentences (a '.', '!' or '?' followed by white space, unless
// the word before it looks like an abbreviation or an initial, as in
// "Dr." or "J."), then at most max bytes, cut at the last white space when
// there is one. It returns byte ranges into text, trimmed of white space,
// never empty, never splitting a UTF-8 sequence. It runs in one pass.
func chunks(text string, max int) []Span {
	var out []Span
	emit := func(s, e int) {
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			e -= size
		}
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	start := 0      // start of the current chunk
	lastSpace := -1 // end of the last white space rune in the chunk
	wordStart := 0  // start of the current word
	for i := 0; i < len(text); {
		// An ASCII byte other than white space changes nothing but the
		// length of the chunk, which is checked from start+max on.
		if lim := min(len(text), start+max); i < lim && byteKinds[text[i]]&^kindUpper == 0 {
			i++
			for i < lim && byteKinds[text[i]]&^kindUpper == 0 {
				i++
			}
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if i+size-start > max && i > start {
			// Cut before this rune, at the last white space if there is one
			// in the second half of the chunk.
			cut := i
			if lastSpace > start+max/2 {
				cut = lastSpace
			}
			emit(start, cut)
			start, lastSpace = cut, -1
			if wordStart < start {
				wordStart = start
			}
			continue
		}
		switch {
		case r == '\n':
			emit(start, i)
			start, lastSpace, wordStart = i+size, -1, i+size
		case isSpace(r):
			if i > start && mayEndSentence(text[i-1]) && endsSentence(text[wordStart:i]) {
				emit(start, i)
				start, lastSpace = i+size, -1
			} else {
				lastSpace = i + size
			}
			wordStart = i + size
		}
		i += size
	}
	emit(start, len(text))
	return out
}

// mayEndSentence reports whether c, the last byte of a word, may end a
// sentence (endsSentence): a full stop, '!' or '?', or a closing quote or
// bracket after one (the typographic quotes end in a byte >= 0x80).
func mayEndSentence(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c >= utf8.RuneSelf
}

// endsSentence reports whether word, the text between two white spaces,
// ends a sentence.
func endsSentence(word string) bool {
	n := len(word)
	if n == 0 {
		return false
	}
	// Allow closing quotes and brackets after the punctuation.
	for n > 0 && (word[n-1] == '"' || word[n-1] == '\'' || word[n-1] == ')') {
		n--
	}
	for n >= 3 && (word[n-3:n] == "\u201d" || word[n-3:n] == "\u2019") {
		n -= 3
	}
	if n == 0 {
		return false
	}
	switch word[n-1] {
	case '!', '?':
		return true
	case '.':
		return !isAbbrev(word[:n])
	}
	return false
}

// isAbbrev reports whether w (ending in '.') looks like a title or an
// initial: one upper-case letter followed by at most two lower-case ones
// ("J.", "Dr.", "Mrs."), or letters separated by dots ("U.S.").
func isAbbrev(w string) bool {
	body := w[:len(w)-1]
	if body == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(body)
	if unicode.IsUpper(r) {
		rest := body[size:]
		if utf8.RuneCountInString(rest) <= 2 {
			lower := true
			for _, c := range rest {
				if !unicode.IsLower(c) {
					lower = false
				}
			}
			if lower {
				return true
			}
		}
	}
	// Dotted abbreviations: "U.S", "e.g".
	dots := 0
	for i := 0; i < len(body); i++ {
		if body[i] == '.' {
			dots++
		}
	}
	return dots > 0 && dots*2 >= utf8.RuneCountInString(body)-1
}
