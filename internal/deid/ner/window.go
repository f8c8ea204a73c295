package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// windowWords is how many words on each side of a possible name are given
// to prose with it. prose's tagger looks two words to each side and its
// entity extracter one word and one label back and one word ahead, so three
// words give nearly the same labels as the whole sentence.
const windowWords = 3

// windows returns the parts of chunk s that prose needs to see: every word
// that may be a name (see mayBeName) with ctx words on each side, merging
// windows that overlap or touch. It returns nil if no word may be a name.
// Running prose on windows rather than whole sentences skips most of the
// words of ordinary prose, and prose's cost is linear in the words it sees.
func windows(s string, ctx int) []Span { return windowsWhere(s, ctx, nil, nil) }

// chunkWords are the white-space delimited words of a chunk.
type chunkWords struct {
	s     string
	spans []Span
}

func (c chunkWords) len() int        { return len(c.spans) }
func (c chunkWords) at(k int) string { return c.s[c.spans[k].Start:c.spans[k].End] }
func fieldWords(s string) chunkWords { return chunkWords{s, fieldSpans(s)} }

// windowScratch is space windowsWhere reuses from one chunk to the next,
// and the windows it returns (valid until its next call).
type windowScratch struct {
	words []Span
	names []int
	out   []Span
}

// windowsWhere is windows with a further test of the words that may be
// names: cand, if not nil, is given the words of s and the index of one
// that may be a name, and says whether prose should look at it. scratch,
// if not nil, lends its slices, the one returned among them: it is valid
// until the next call with the same scratch.
func windowsWhere(s string, ctx int, cand func(words chunkWords, i int) bool, scratch *windowScratch) []Span {
	first, ascii := firstNameWord(s)
	if first < 0 {
		return nil // most chunks: the scan below would find no name
	}
	if scratch == nil {
		scratch = &windowScratch{}
	}
	if cap(scratch.words) == 0 {
		// Room for a usual chunk's words, names and windows: the
		// scratch is reused for the rest of the text's chunks.
		scratch.words, scratch.names, scratch.out = make([]Span, 0, 64), make([]int, 0, 16), make([]Span, 0, 8)
	}
	words, names := scratch.words[:0], scratch.names[:0] // names: indexes into words of words that may be names
	out := scratch.out[:0]
	defer func() { scratch.words, scratch.names, scratch.out = words, names, out }()
	// No word before the first name word opens a window, so the words
	// are split from the one a window around it starts at (and one more
	// word back, the one cand reads before a name): the words before
	// those only shift the indexes. Looking back by bytes finds the same
	// words as the scan forward when those bytes are ASCII, each a rune
	// of its own.
	i := 0
	if ascii {
		i = first
		for range max(ctx, 1) {
			for i > 0 && isASCIISpace(s[i-1]) {
				i--
			}
			for i > 0 && !isASCIISpace(s[i-1]) {
				i--
			}
		}
	}
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if isASCIISpace(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); isSpace(r) {
			i += size
			continue
		}
		// The word runs to the next white space. A word of ASCII bytes
		// without a capital cannot hold a name (mayHoldName), which is
		// noted on the way; any other word is asked.
		j := i
		var kinds uint8
		for j < len(s) {
			k := byteKinds[s[j]]
			if k == 0 || k == kindUpper {
				kinds |= k
				j++
				continue
			}
			if k == kindSpace {
				break
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			kinds |= kindNonASCII
			j += size
		}
		if kinds != 0 && mayBeName(s[i:j]) {
			names = append(names, len(words))
		}
		words = append(words, Span{i, j})
		i = j
	}
	if cand != nil && len(names) > 0 {
		cw := chunkWords{s, words}
		kept := names[:0]
		for _, n := range names {
			if cand(cw, n) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	last := -1 // last word index covered by out
	for _, n := range names {
		lo, hi := max(n-ctx, 0), min(n+ctx, len(words)-1)
		if len(out) > 0 && lo <= last+1 {
			out[len(out)-1].End = words[hi].End
		} else {
			out = append(out, Span{words[lo].Start, words[hi].End})
		}
		last = hi
	}
	return out
}

// holdsNameWord reports whether some white-space delimited word of s may be
// a name (mayBeName). Only a word with an ASCII capital or a non-ASCII byte
// can be (mayHoldName), so it looks for those bytes first and asks only
// about the words that hold them.
func holdsNameWord(s string) bool {
	first, _ := firstNameWord(s)
	return first >= 0
}

// firstNameWord returns the start of the first white-space delimited word
// of s that may be a name (mayBeName), or -1, and whether the bytes of s
// before it are all ASCII.
func firstNameWord(s string) (first int, ascii bool) {
	ascii = true
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			b := s[i : i+8]
			if (byteKinds[b[0]]|byteKinds[b[1]]|byteKinds[b[2]]|byteKinds[b[3]]|
				byteKinds[b[4]]|byteKinds[b[5]]|byteKinds[b[6]]|byteKinds[b[7]])&(kindUpper|kindNonASCII) != 0 {
				break
			}
			i += 8
		}
		for i < len(s) && byteKinds[s[i]]&(kindUpper|kindNonASCII) == 0 {
			i++
		}
		if i == len(s) {
			return -1, ascii
		}
		// The word around i: back to the white space before it, on to the
		// white space after it.
		start := i
		for start > 0 {
			r, size := rune(s[start-1]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeLastRuneInString(s[:start])
			}
			if isSpace(r) {
				break
			}
			start -= size
		}
		end := i
		for end < len(s) {
			r, size := rune(s[end]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[end:])
				ascii = false
			}
			if isSpace(r) {
				break
			}
			end += size
		}
		if end == i {
			// i begins a non-ASCII white space rune.
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if mayBeName(s[start:end]) {
			return start, ascii
		}
		i = end
	}
	return -1, ascii
}

// mayBeName reports whether a white-space delimited word may be (part of) a
// name: it has an upper-case letter followed by a lower-case one and is not
// one of a few function words that start sentences.
func mayBeName(w string) bool {
	if !mayHoldName(w) {
		return false
	}
	w = trimNonLetters(w)
	return !vocab.CapitalFunctionWords().Has(w)
}

// The kinds of bytes the scans of a chunk tell apart (byteKinds): other
// ASCII bytes are 0.
const (
	kindSpace    = 1 << iota // ASCII white space
	kindUpper                // an ASCII capital
	kindNonASCII             // a byte of a longer UTF-8 sequence, or invalid
)

// byteKinds is the kind of each byte (read only).
var byteKinds = func() (k [256]uint8) {
	for c := range k {
		switch {
		case c >= utf8.RuneSelf:
			k[c] = kindNonASCII
		case isASCIISpace(byte(c)):
			k[c] = kindSpace
		case 'A' <= c && c <= 'Z':
			k[c] = kindUpper
		}
	}
	return k
}()

// isASCIISpace is isSpace of an ASCII byte.
func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// isSpace is unicode.IsSpace, answered without a call for ASCII, which is
// nearly every character the NER detector scans.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// trimNonLetters is strings.TrimFunc(w, func(r rune) bool { return
// !unicode.IsLetter(r) }), which it answers byte by byte while the ends of
// w are ASCII: an ASCII byte is a rune of its own, so trimming it alone is
// a step of TrimFunc's.
func trimNonLetters(w string) string {
	for w != "" && w[0] < utf8.RuneSelf && !isASCIILetter(w[0]) {
		w = w[1:]
	}
	for w != "" && w[len(w)-1] < utf8.RuneSelf && !isASCIILetter(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if w != "" && (w[0] >= utf8.RuneSelf || w[len(w)-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	}
	return w
}
