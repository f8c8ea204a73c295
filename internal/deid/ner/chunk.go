package ner

import (
	"iter"
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
	for c := range eachChunk(text, max) {
		out = append(out, c)
	}
	return out
}

// eachChunk yields the chunks of text, as chunks returns them, one at a
// time: Detect reads each once, and a slice of them all cost a post eight
// allocations as it grew.
func eachChunk(text string, max int) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		eachChunkFunc(text, max, yield)
	}
}

// eachChunkFunc calls yield with each chunk of text until it returns false.
func eachChunkFunc(text string, max int, yield func(Span) bool) {
	stopped := false
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
		if s < e && !stopped {
			stopped = !yield(Span{s, e})
		}
	}
	start := 0      // start of the current chunk
	wideSpace := -1 // end of the last white space rune beyond ASCII
	for i := 0; i < len(text); {
		// An ASCII byte other than white space changes nothing but the
		// length of the chunk, which is checked from start+max on; nor
		// does ASCII white space (but a line break) unless it follows a
		// byte that may end a sentence. Where the last white space and
		// the current word begin is worked out when it is needed, by
		// looking back.
		lim := min(len(text), start+max)
		for i < lim {
			// Eight bytes at a time while none of them is a line
			// break, a byte beyond ASCII or one that may end a
			// sentence, nor is the byte before them.
			if i+8 <= lim && (i == start || chunkKinds[text[i-1]] < chunkEnd) {
				b := text[i : i+8]
				if chunkKinds[b[0]]|chunkKinds[b[1]]|chunkKinds[b[2]]|chunkKinds[b[3]]|
					chunkKinds[b[4]]|chunkKinds[b[5]]|chunkKinds[b[6]]|chunkKinds[b[7]] < chunkEnd {
					i += 8
					continue
				}
			}
			k := chunkKinds[text[i]]
			if k == 0 || k == chunkEnd || k == chunkSpace && (i == start || !mayEndSentence(text[i-1])) {
				i++
				continue
			}
			break
		}
		if i == len(text) {
			break
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if i+size-start > max && i > start {
			// Cut before this rune, at the last white space if there is one
			// in the second half of the chunk.
			cut := i
			if l := lastSpaceEnd(text, start+max/2, i, wideSpace); l > start+max/2 {
				cut = l
			}
			emit(start, cut)
			if stopped {
				return
			}
			start = cut
			continue
		}
		switch {
		case r == '\n':
			emit(start, i)
			if stopped {
				return
			}
			start = i + size
		case isSpace(r):
			if i > start && mayEndSentence(text[i-1]) && endsSentence(text[lastSpaceEnd(text, start, i, wideSpace):i]) {
				emit(start, i)
				if stopped {
					return
				}
				start = i + size
			}
			if r >= utf8.RuneSelf {
				wideSpace = i + size
			}
		}
		i += size
	}
	emit(start, len(text))
}

// The kinds of bytes chunks tells apart (chunkKinds): other ASCII bytes
// are 0.
const (
	chunkSpace = 1 << iota // ASCII white space but a line break
	chunkEnd               // an ASCII byte that may end a sentence (mayEndSentence)
	chunkStop              // a line break, or a byte beyond ASCII
)

// chunkKinds is the kind of each byte for chunks (read only).
var chunkKinds = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c == '\n' || c >= utf8.RuneSelf:
			k[c] = chunkStop
		case isASCIISpace(byte(c)):
			k[c] = chunkSpace
		case mayEndSentence(byte(c)):
			k[c] = chunkEnd
		}
	}
	return k
}()

// lastSpaceEnd returns the end of the last white space rune of text that
// ends in (lo, i], or lo if there is none; wide is the end of the last
// white space rune beyond ASCII before i (or less). An ASCII byte is a rune
// of its own however the bytes around it decode, so the ASCII white space
// can be found looking back byte by byte.
func lastSpaceEnd(text string, lo, i, wide int) int {
	j := i
	for j > lo && !isASCIISpace(text[j-1]) {
		j--
	}
	return max(j, wide)
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
