package ner

import (
	"strings"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text. A Span with Start
// < 0 marks a token that could not be placed.
type Span struct {
	Start, End int
}

// Found reports whether the span was placed in the text.
func (s Span) Found() bool { return s.Start >= 0 }

// searchWindow bounds how far past the cursor anchor looks for a token that
// is not where it is expected. It keeps anchor linear in the length of the
// text even when many tokens cannot be found; prose only drops text inside
// one whitespace-delimited word (see anchor), so a gap longer than this is
// not expected.
const searchWindow = 256

// anchor places each token of tokens, in order, in text and returns one
// Span per token (Span{-1, -1} for a token it could not place). It never
// fails and runs in time linear in len(text) plus the total token length
// (times a small constant window for tokens that are not where expected).
//
// prose's tokenizer does not report offsets and its tokens are not always
// verbatim substrings of its input:
//
//   - before tokenizing it rewrites U+201C and U+201D to `"`, U+2018 and
//     U+2019 to `'`, and the HTML entity "&rsquo;" to `'` (the sanitizer
//     replacer in tokenize.go), so a token `"` or `'` may stand for 1, 3 or 7
//     bytes of text;
//   - it splits words into pieces ("don't" -> "do", "n't"; "$100" -> "$",
//     "100"; "(Well)" -> "(", "Well", ")"), which are adjacent in the text;
//   - it silently drops some pieces (`Don't,"` yields only `"` and "Do": the
//     remainder `n't,"` is lost), so there can be gaps between tokens;
//   - whitespace between tokens is dropped.
//
// anchor therefore matches tokens with the sanitizer's replacements as
// equivalences, skips whitespace, tries the cursor first and then searches a
// bounded window ahead. A token it cannot place is skipped and the cursor is
// left where it was, so later tokens resynchronise.
func anchor(text string, tokens []string) []Span {
	spans := make([]Span, len(tokens))
	cur := 0
	for i, tok := range tokens {
		spans[i] = Span{-1, -1}
		if tok == "" {
			continue
		}
		// Skip whitespace: it never starts a token.
		p := skipSpace(text, cur)
		if n := matchAt(text, p, tok); n > 0 {
			spans[i] = Span{p, p + n}
			cur = p + n
			continue
		}
		limit := p + searchWindow + len(tok)
		if limit > len(text) {
			limit = len(text)
		}
		for q := p + 1; q < limit; q++ {
			if c := tok[0]; c != '"' && c != '\'' {
				// Jump to the next occurrence of the first byte.
				k := strings.IndexByte(text[q:limit], c)
				if k < 0 {
					break
				}
				q += k
			}
			if n := matchAt(text, q, tok); n > 0 {
				spans[i] = Span{q, q + n}
				cur = q + n
				break
			}
		}
	}
	return spans
}

// skipSpace returns the first index at or after i that does not start a
// white-space rune (as unicode.IsSpace defines it, which is what prose's
// tokenizer splits on).
func skipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// matchAt reports how many bytes of text, starting at i, token tok stands
// for, or 0 if it does not match there. `"` and `'` in tok match the
// characters prose's sanitizer rewrites to them.
func matchAt(text string, i int, tok string) int {
	start := i
	for j := 0; j < len(tok); j++ {
		if i >= len(text) {
			return 0
		}
		c := tok[j]
		if text[i] == c {
			i++
			continue
		}
		switch c {
		case '"':
			if hasAt(text, i, "\u201c") || hasAt(text, i, "\u201d") {
				i += 3
				continue
			}
		case '\'':
			if hasAt(text, i, "\u2018") || hasAt(text, i, "\u2019") {
				i += 3
				continue
			}
			if hasAt(text, i, "&rsquo;") {
				i += len("&rsquo;")
				continue
			}
		}
		return 0
	}
	return i - start
}

func hasAt(text string, i int, s string) bool {
	return len(text)-i >= len(s) && text[i:i+len(s)] == s
}
