package risk

import "math/bits"

// Candidate lists. Each finder walks the tokens and passes over most of them at its first
// test, which reads only what a token is (its word's classes and phrase bits, its key, its
// spelling): "continue: none of the cases below starts here". newFinder reads those tests
// once per token (and the word's part once per distinct word) and lists, per finder, the
// tokens that pass them; a finder then steps from one listed token to the next instead of
// through every token. A finder still asks its own first test of each listed token, so a
// list only has to hold every token the test lets through (TestCandsHoldEveryStart checks
// that against each finder's test on random texts): the tokens it leaves out are ones the
// finder's loop would have passed over without doing anything.
const (
	candCondition   = iota // conditions
	candOccupation         // occupations
	candRole               // roles
	candUnique             // uniqueness
	candDistinction        // distinctions
	candOrigin             // origins
	candAge                // ages
	candChildren           // children
	candEvent              // events
	candMedia              // media
	candArea               // area's size classes and place names
	candNumber             // area's populations
	numCands
)

// wordCands returns the candidate bits that follow from w alone (its key, classes and
// phrase bits), for every finder whose first test reads no more than those.
func wordCands(w *vocabWord) uint16 {
	var m uint16
	add := func(k int, ok bool) {
		if ok {
			m |= 1 << k
		}
	}
	// conditions: a phrase of the tables may start here (match), or a condition of the
	// lexicon (startsCondition, asked only of a key of four letters or more; for a word
	// whose answer is not known yet, it is assumed).
	add(candCondition, w.bits&(1<<tabCondition|bitPrefix) != 0 ||
		len(w.key) >= 4 && (w.facts&factCondKnown == 0 || w.facts&factCond != 0))
	add(candOccupation, w.cls&clsArticle != 0 || occupationCue(w.key))
	add(candRole, w.bits&(1<<tabRole|bitPrefix) != 0)
	add(candUnique, w.cls&clsUnique != 0 || w.key == "one")
	add(candDistinction, w.cls&(clsDistinction|clsDistinctionCue) != 0)
	add(candOrigin, w.bits&(1<<tabReligion|1<<tabNationality|1<<tabLanguage|bitPrefix) != 0)
	add(candAge, w.cls&(clsAgeCue|clsNumberWord) != 0 || startsDigit(w.key))
	add(candChildren, w.cls&(clsParent|clsMultiple) != 0)
	add(candEvent, w.cls&(clsSmallEvent|clsLargeEvent) != 0)
	add(candMedia, w.cls&clsCueStart != 0)
	add(candArea, w.cls&clsArticle != 0)
	return m
}

// markCands fills f.cands from the tokens. A token adds what its spelling says (a
// capital, a possessive, a leading digit) to its word's bits; a child word ("three
// children") or an eponym's head word ("<Name> disease") makes the token before it a
// candidate of children or conditions.
func (f *finder) markCands() {
	s := f.scratch
	for k := range s.cands {
		s.cands[k] = s.cands[k][:0]
	}
	lists := &s.cands
	text := f.text
	for i := range f.toks {
		tk := &f.toks[i]
		w := &f.vocab[tk.id]
		if w.facts&factCandsKnown == 0 {
			w.cands = wordCands(w)
			w.facts |= factCandsKnown
		}
		m := w.cands
		if tk.upper {
			m |= 1 << candArea
			if mayBeAcronym(text[tk.start:tk.end]) {
				m |= 1 << candCondition
			}
		}
		if c := text[tk.start]; '0' <= c && c <= '9' {
			m |= 1 << candNumber
		}
		if text[tk.end-1] == 's' && possessive(text[tk.start:tk.end]) {
			m |= 1 << candRole
		}
		if i > 0 && tk.cls&(clsChild|clsEponymHead) != 0 {
			// The token before: added before this token's own entries, so each list stays
			// in order.
			if tk.cls&clsChild != 0 {
				addCand(&lists[candChildren], i-1)
			}
			if tk.cls&clsEponymHead != 0 && f.toks[i-1].upper {
				addCand(&lists[candCondition], i-1)
			}
		}
		for m != 0 {
			k := bits.TrailingZeros16(m)
			lists[k] = append(lists[k], int32(i))
			m &= m - 1
		}
	}
	f.cands = lists
}

// addCand appends token i to a list unless it is already its last entry.
func addCand(list *[]int32, i int) {
	if l := *list; len(l) == 0 || l[len(l)-1] != int32(i) {
		*list = append(l, int32(i))
	}
}

// candIter steps through one finder's candidate tokens.
type candIter struct {
	list []int32
	c    int
}

// iter returns an iterator over the candidates of finder k.
func (f *finder) iter(k int) candIter { return candIter{list: f.cands[k]} }

// from returns the first candidate at or after token i, or n when none is left. Calls
// must not go back (i never falls), as a finder's loop index does not.
func (it *candIter) from(i, n int) int {
	for it.c < len(it.list) {
		if c := int(it.list[it.c]); c >= i {
			return c
		}
		it.c++
	}
	return n
}
