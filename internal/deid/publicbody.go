package deid

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// publicBodySpans returns the spans in text, whose words are ws, of the
// names of public bodies: runs of two or more capitalised institution words
// (vocab.PublicBodyWords), joined by spaces and the small words of names (vocab.PublicBodyJoiners), one of
// them a head (vocab.PublicBodyHeads). A detector may have found only part of
// such a name ("Family Therapists" in "the Society of Family
// Therapists"); the part goes with the whole.
func publicBodySpans(text string, ws []word) []termMatch {
	var out []termMatch
	flush := func(run []word) {
		for len(run) > 0 && vocab.PublicBodyJoiners().Has(run[len(run)-1].key) {
			run = run[:len(run)-1]
		}
		for len(run) > 0 && vocab.PublicBodyJoiners().Has(run[0].key) {
			run = run[1:]
		}
		if len(run) < 2 {
			return
		}
		head := false
		for _, w := range run {
			head = head || vocab.PublicBodyHeads().Has(bodyKey(w.key))
		}
		if head {
			out = append(out, termMatch{start: int(run[0].start), end: int(run[len(run)-1].end)})
		}
	}
	// The run is always the words ws[from:to], one after another: a slice
	// of ws, not a copy grown word by word.
	from, to := 0, 0
	for i := 0; i < len(ws); i++ {
		if from == to {
			// A word in lower case can start a run only as a joiner, which
			// flush trims from the front of any run it heads: the word
			// makes no span and is not looked up. (With a possessive
			// ending, a joiner's key may not be one, and is kept.) Such
			// words are passed over in a loop of their own.
			for i < len(ws) && !isUpperByte(text[ws[i].start]) && !possessiveKey(ws[i].key) {
				i++
			}
			if i == len(ws) {
				break
			}
		}
		w := ws[i]
		k := bodyKey(w.key)
		// The cheap test first: most words are in lower case and no joiner.
		inName := (isUpperByte(text[w.start]) || vocab.PublicBodyJoiners().Has(k)) && vocab.PublicBodyWords().Has(k)
		if inName && from < to && strings.Trim(text[ws[i-1].end:w.start], " ") != "" {
			flush(ws[from:to]) // punctuation or a line break between the words
			from, to = i, i
		}
		if !inName {
			flush(ws[from:to])
			from, to = i+1, i+1
			continue
		}
		if from == to {
			from = i
		}
		to = i + 1
	}
	flush(ws[from:to])
	return out
}

// possessiveKey reports whether a key ends in "'s" or "’s" (most keys
// end otherwise, which the last byte tells).
func possessiveKey(k string) bool {
	return len(k) >= 2 && k[len(k)-1] == 's' && (strings.HasSuffix(k, "'s") || strings.HasSuffix(k, "’s"))
}

// bodyKey is a word's key without a possessive ending.
func bodyKey(k string) string {
	return strings.TrimSuffix(strings.TrimSuffix(k, "'s"), "’s")
}
