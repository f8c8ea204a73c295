package risk

// Candidate lists. Each finder walks the tokens and passes over most of them at its first
// test, which reads only what a token is (its word's classes and phrase bits, its key, its
// spelling): "continue: none of the cases below starts here". Those tests are read once per
// token (a word's part once per distinct word, wordCands; the spelling's as tokenize reads
// the word, tokenCands), and newFinder lists, per finder, the tokens that pass them; a
// finder then steps from one listed token to the next instead of through every token. A
// finder still asks its own first test of each listed token, so a list only has to hold
// every token the test lets through (TestCandsHoldEveryStart checks that against each
// finder's test on random texts): the tokens it leaves out are ones the finder's loop would
// have passed over without doing anything.
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
// phrase bits), for every finder whose first test reads no more than those. It is read
// when the word is added to the document's vocabulary (vocab.lookup).
func wordCands(w *vocabWord) uint16 {
	var m uint16
	// conditions: a phrase of the tables may start here (match), or a condition of the
	// lexicon (startsCondition, asked only of a key of four letters or more; for a word
	// whose answer is not known yet, it is assumed).
	// A word that only begins phrases (bitPrefix) is a candidate of these three when the
	// next word can follow it (newFinder, pairCands).
	if w.bits&(1<<tabCondition) != 0 || len(w.key) >= 4 && (w.facts&factCondKnown == 0 || w.facts&factCond != 0) {
		m |= 1 << candCondition
	}
	if w.bits&(1<<tabRole) != 0 {
		m |= 1 << candRole
	}
	if w.bits&(1<<tabReligion|1<<tabNationality|1<<tabLanguage) != 0 {
		m |= 1 << candOrigin
	}
	if w.cls != 0 {
		if w.cls&clsArticle != 0 {
			m |= 1<<candOccupation | 1<<candArea
		}
		if w.cls&clsUnique != 0 {
			m |= 1 << candUnique
		}
		if w.cls&(clsDistinction|clsDistinctionCue) != 0 {
			m |= 1 << candDistinction
		}
		if w.cls&clsNumberWord != 0 || w.cls&clsAgeCue != 0 && w.cls&clsAgeOwner == 0 {
			m |= 1 << candAge // "her", "his", "their": see newFinder
		}
		if w.cls&(clsParent|clsMultiple) != 0 {
			m |= 1 << candChildren
		}
		if w.cls&(clsSmallEvent|clsLargeEvent) != 0 {
			m |= 1 << candEvent
		}
		if w.cls&clsCueOne != 0 {
			m |= 1 << candMedia // a cue of more words: see newFinder
		}
	}
	if occupationCue(w.key) {
		m |= 1 << candOccupation
	}
	if w.key == "one" {
		m |= 1 << candUnique
	}
	if startsDigit(w.key) {
		m |= 1 << candAge
	}
	return m
}

// clearCands empties the candidate lists of s for a new text.
func (s *scratch) clearCands() *[numCands][]int32 {
	for k := range s.cands {
		s.cands[k] = s.cands[k][:0]
	}
	return &s.cands
}

// tokenCands is a token's candidate bits: its word's (m, wordCands) and what its spelling
// (raw) adds: a capital, a leading digit, a possessive.
func tokenCands(m uint16, raw string, upper bool) uint16 {
	if upper {
		m |= 1 << candArea
		if mayBeAcronym(raw) {
			m |= 1 << candCondition
		}
	}
	if c := raw[0]; '0' <= c && c <= '9' {
		m |= 1 << candNumber
	}
	if raw[len(raw)-1] == 's' && possessive(raw) {
		m |= 1 << candRole
	}
	return m
}

// pairCands are the finders that call match at a word: match finds a phrase of two words
// or more only where the first word begins some phrase (bitPrefix) and the next word, in
// the same sentence, is the second word of some phrase (bitSecond), as phraseRow tests.
const pairCands = 1<<candCondition | 1<<candRole | 1<<candOrigin

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
