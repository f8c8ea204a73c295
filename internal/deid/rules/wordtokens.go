package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
)

// tokensFromWords is tokenizeAll(text), made from the words deid.Tokenize
// found in text (ws, in order) instead of from every byte: most words are
// ASCII letters only, and each such word whose run of word bytes it starts
// is one token, its letters the whole word. The rest of the text (the gaps
// between words and the other words) is read as tokenizeAll reads it.
//
// This holds because a word of deid.Tokenize is a maximal run of letters,
// digits and marks with inner apostrophes and hyphens: a word of ASCII
// letters only (Letters == End-Start: a letter counts one and a byte
// beyond ASCII is never a whole rune) is followed by the end of the text
// or a byte that is no ASCII letter or digit, so its letters end where
// the word does; and no ASCII letter or digit lies in a gap, so every
// byte tokenizeAll reads as part of a run is either in a word or is '_'
// (read here as there).
func tokensFromWords(text string, ws []deid.Word) (_ []token, inner bool) {
	return tokensFromWordsInto(make([]token, 0, len(text)/5+1), text, ws)
}

// tokensFromWordsInto is tokensFromWords, appending the tokens to ts.
func tokensFromWordsInto(ts []token, text string, ws []deid.Word) (_ []token, inner bool) {
	tz := wordTokenizer{text: text, ts: ts}
	inner = strings.IndexByte(text, '_') >= 0
	i := 0
	for k := range ws {
		w := &ws[k]
		if w.Start < i {
			continue // read already, as a part of a run before it
		}
		for i < w.Start {
			// Most bytes of gaps are blanks and punctuation that start no
			// token: what step does with them, without the call.
			if b := text[i]; b < utf8.RuneSelf && byteClass[b] == 0 {
				tz.prevWord = false
				i++
				continue
			}
			i = tz.step(i, &inner)
		}
		if i != w.Start || tz.prevWord || w.Letters != w.End-w.Start {
			continue // read with the next gap, byte by byte
		}
		tz.ts = append(tz.ts, token{start: i, wend: min(w.End, i+24)})
		tz.prevWord = true
		i = w.End
	}
	for i < len(text) {
		i = tz.step(i, &inner)
	}
	for ; tz.pending < len(tz.ts); tz.pending++ {
		tz.ts[tz.pending].digit = len(text)
	}
	return tz.ts, inner
}

// wordTokenizer is the state of tokenizeAll's loop, for tokensFromWords.
type wordTokenizer struct {
	text     string
	ts       []token
	prevWord bool
	pending  int // the first token whose next digit is not known yet
}

// step reads what tokenizeAll's loop reads at i (a byte, a run of ASCII
// word bytes or a character beyond ASCII) and returns where it stops.
func (tz *wordTokenizer) step(i int, inner *bool) int {
	text := tz.text
	b := text[i]
	if b < utf8.RuneSelf {
		c := byteClass[b]
		if c&classWord == 0 {
			if c&classMark != 0 {
				tz.ts = append(tz.ts, token{start: i, wend: i})
			}
			tz.prevWord = false
			return i + 1
		}
		start, tok := i, -1
		if !tz.prevWord {
			tok = len(tz.ts)
			tz.ts = append(tz.ts, token{start: i})
		}
		for i < len(text) && byteClass[text[i]]&classLetter != 0 {
			i++
		}
		wend := i
		for ; i < len(text); i++ {
			c := byteClass[text[i]]
			if c&classWord == 0 {
				break
			}
			if c&classDigit != 0 {
				for ; tz.pending < len(tz.ts); tz.pending++ {
					tz.ts[tz.pending].digit = i
				}
			}
		}
		if tok >= 0 {
			tz.ts[tok].wend = min(wend, start+24)
		}
		tz.prevWord = true
		return i
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	w := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
	if w && !tz.prevWord || r == '’' {
		tz.ts = append(tz.ts, token{start: i, wend: i})
	}
	if w && i+size < len(text) && byteClass[text[i+size]]&(classLetter|classDigit) != 0 {
		*inner = true
	}
	tz.prevWord = w
	return i + size
}
