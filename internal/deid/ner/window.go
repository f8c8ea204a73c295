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
func windows(s string, ctx int) []Span { return windowsWhere(s, ctx, nil) }

// windowsWhere is windows with a further test of the words that may be
// names: cand, if not nil, is given the words of s and the index of one
// that may be a name, and says whether prose should look at it.
func windowsWhere(s string, ctx int, cand func(words []string, i int) bool) []Span {
	var words []Span
	var names []int // indexes into words of words that may be names
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		if mayBeName(s[i:j]) {
			names = append(names, len(words))
		}
		words = append(words, Span{i, j})
		i = j
	}
	if cand != nil && len(names) > 0 {
		texts := make([]string, len(words))
		for k, w := range words {
			texts[k] = s[w.Start:w.End]
		}
		kept := names[:0]
		for _, n := range names {
			if cand(texts, n) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	var out []Span
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

// mayBeName reports whether a white-space delimited word may be (part of) a
// name: it has an upper-case letter followed by a lower-case one and is not
// one of a few function words that start sentences.
func mayBeName(w string) bool {
	if !mayHoldName(w) {
		return false
	}
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return !vocab.CapitalFunctionWords().Has(w)
}

// isSpace is unicode.IsSpace, answered without a call for ASCII, which is
// nearly every character the NER detector scans.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}
