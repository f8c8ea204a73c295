package dict

import (
	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// scratch holds the arrays of one document's analysis for the next
// (shared.pool): by word and by word id, they were made to each document's
// size and cleared by the allocator, a third of the stage's allocated
// bytes; kept, most of them are written whole by newAnalysis and need no
// clearing, and the counts and memos are cleared only as far as the next
// document's words reach. A scratch holds no reference into a document:
// release clears its maps.
type scratch struct {
	// By word id (newAnalysis writes every element).
	lists  []wordLists
	vowels []bool
	spell  []uint8
	feats  []feat
	prep   []bool
	flags  []featFlags
	lowTF  []tokFlags
	// By word (newAnalysis writes every element).
	join      []uint8
	fid       []int32
	tff       []featFlags
	tf        []tokFlags
	socialMay []ruleSet
	// Counts by word id, cleared for each document.
	lowerCount, capCount []int32
	// Memos made on first use (memo, mayStartOnce, placeContext), cleared
	// for each document when they can hold it.
	cityLower, prefixMemo, countryMemo []int8
	orgStarts, orgStartsDot, extraCues []int8
	chainMasks                         [numChains][]uint32
	ctx                                []int8
	others                             map[string]packedFeat
	cue                                map[string]int
	gaz                                map[string]gazHit
	gazIDs                             []int32
	blockSeed, blockExt                []bool
	// Lent for one use (borrow): signatureLines, coordinated.
	sig, inPerson []bool
	orgReach      []int
}

// maxScratchWords is the most words of a document whose arrays are kept
// for the next one: a long document's are left to the collector rather
// than held for every shorter one after it.
const maxScratchWords = 1 << 16

// sized returns s with n elements, its own array when it can hold them:
// the caller writes every element.
func sized[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// zeroed returns s with n elements, all zero, its own array when it can
// hold them.
func zeroed[T any](s []T, n int) []T {
	if cap(s) >= n {
		s = s[:n]
		clear(s)
		return s
	}
	return make([]T, n)
}

// lazy returns s with n elements, all zero, when it has an array that can
// hold them, and nil otherwise: for a memo that is made on first use
// (make of n zeros), which a nil slice still asks for.
func lazy[T any](s []T, n int) []T {
	if s == nil || cap(s) < n {
		return nil
	}
	s = s[:n]
	clear(s)
	return s
}

// borrow returns the array *p, with n elements, all zero, and takes it
// from s until giveBack: a second borrow before then gets a new array.
func (s *scratch) borrow(p *[]bool, n int) []bool {
	b := zeroed(*p, n)
	*p = nil
	return b
}

// giveBack gives b, borrowed as *p, back to s for the next use, unless it
// is the array of a document too long to keep (maxScratchWords).
func (s *scratch) giveBack(p *[]bool, b []bool) {
	if len(b) <= maxScratchWords {
		*p = b
	}
}

// release gives the arrays of a back to s for the next document and clears
// the maps. a must not be used afterwards.
func (a *analysis) release(s *scratch) {
	if len(a.toks) > maxScratchWords {
		return
	}
	s.lists, s.vowels, s.spell, s.feats, s.prep, s.flags = a.lists, a.vowels, a.spell, a.feats, a.prep, a.flags
	s.join, s.fid, s.tff, s.tf, s.socialMay = a.join, a.fid, a.tff, a.tf, a.socialMay
	s.lowerCount, s.capCount = a.lowerCount, a.capCount
	keep := func(old, cur []int8) []int8 {
		if cur != nil {
			return cur
		}
		return old
	}
	s.cityLower, s.prefixMemo, s.countryMemo = keep(s.cityLower, a.cityLower), keep(s.prefixMemo, a.prefixMemo), keep(s.countryMemo, a.countryMemo)
	s.orgStarts, s.orgStartsDot, s.extraCues = keep(s.orgStarts, a.orgStarts), keep(s.orgStartsDot, a.orgStartsDot), keep(s.extraCues, a.extraCues)
	s.ctx = keep(s.ctx, a.ctx)
	if a.gazIDs != nil {
		s.gazIDs = a.gazIDs
	}
	for c := range a.chainMasks {
		if a.chainMasks[c] != nil {
			s.chainMasks[c] = a.chainMasks[c]
		}
	}
	clear(a.others)
	clear(a.cue)
	clear(a.gaz)
	s.others, s.cue, s.gaz = a.others, a.cue, a.gaz
}

// analyse is analyse with the arrays of sh's pool, given back after.
func (sh *shared) analyse(doc *deid.Analysis) *result {
	s, _ := sh.pool.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	r := analyseWith(sh.lex, doc, s)
	sh.pool.Put(s)
	return r
}

// analyse finds the people, places and organisations of a text, with
// arrays of its own.
func analyse(lex *lexicon.Lexicon, doc *deid.Analysis) *result {
	return analyseWith(lex, doc, new(scratch))
}
