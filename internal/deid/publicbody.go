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
			out = append(out, termMatch{start: run[0].start, end: run[len(run)-1].end})
		}
	}
	var run []word
	for i, w := range ws {
		k := bodyKey(w.key)
		// The cheap test first: most words are in lower case and no joiner.
		inName := (isUpperByte(text[w.start]) || vocab.PublicBodyJoiners().Has(k)) && vocab.PublicBodyWords().Has(k)
		if inName && len(run) > 0 && strings.Trim(text[ws[i-1].end:w.start], " ") != "" {
			flush(run) // punctuation or a line break between the words
			run = nil
		}
		if !inName {
			flush(run)
			run = nil
			continue
		}
		run = append(run, w)
	}
	flush(run)
	return out
}

// bodyKey is a word's key without a possessive ending.
func bodyKey(k string) string {
	return strings.TrimSuffix(strings.TrimSuffix(k, "'s"), "’s")
}
