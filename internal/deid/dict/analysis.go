package dict

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/lexfacts"
	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// feat is what the lexicons say about one word, looked up once.
type feat struct {
	wl      int32 // SCOWL level of the lower-case word; 0 when not a word
	rank    int32 // Wikipedia frequency rank; 0 when not in the top 100,000
	births  int   // SSA births with this first name; 0 when not a first name
	surname int32 // Census surname rank; 0 when not a surname
	proper  int32 // SCOWL level as a proper noun; 0 when absent
	abbrev  int32 // SCOWL level as an abbreviation; 0 when absent
	date    bool
	title   bool
	kin     bool
}

// isName reports whether the word is in a first-name or surname list.
func (f *feat) isName() bool { return f.births > 0 || f.surname > 0 }

// common reports whether the word is an ordinary English word at or below
// SCOWL level max, or one of the most frequent words of running text.
func (f *feat) common(max int32) bool {
	return f.wl > 0 && (f.wl <= max || (f.rank > 0 && f.rank <= 1500))
}

// analysis is one text's words with their lexicon features, computed on
// demand. It is built once per document (see analyse) and read by the three
// detectors of Default.
type analysis struct {
	lex  *lexicon.Lexicon
	sc   *scratch // the arrays it was made in, and lends (scratch.borrow)
	doc  *deid.Analysis
	text string
	toks []token
	// feats holds the features of each distinct word, by its id
	// (token.ID), and after them those of a word without letters: each is worked out once per text, when the analysis is
	// made (lexfacts has looked every distinct word up by then), however
	// often it recurs.
	feats []feat
	// fid holds, by word, its index in feats and flags: its id, or
	// len(a.lists) for a word without letters (whose features are none).
	fid []int32
	// tff holds, by word, the featFlags of its features (ff).
	tff []featFlags
	// prep says, by word id, that the word is one placeContextOf reads
	// before a place (placePrep).
	prep []bool
	// flags holds, by word id, tests of its features that the rules ask
	// first of most words (featFlags).
	flags []featFlags
	// tf holds, by word, the gates of the rule passes (tokFlags), worked
	// out in one pass when the analysis is made.
	tf []tokFlags
	// socialMay holds, by word, the rules of socialRules that may start
	// there (mayStart).
	socialMay []ruleSet
	// lists says which word lists each distinct word (by token.ID) is in
	// (vocabSet); vowels whether it has a vowel (hasVowel).
	lists  []wordLists
	vowels []bool
	// spell holds, by word id, what its spelling says (spellContraction,
	// spellStretched), worked out once per distinct word.
	spell []uint8
	// cityLower, prefixMemo and countryMemo are cityAbbrevLower,
	// countryStatePrefix and isCountry by word id (see memo).
	cityLower, prefixMemo, countryMemo []int8
	// orgStarts, orgStartsDot and extraCues are mayOpenOrgCueAt's two
	// lookups and extraCue by word id (see memo).
	orgStarts, orgStartsDot, extraCues []int8
	// chainMasks holds, by ruleChain and word id, the rules whose
	// pre-tests admit the word, with the wordKey they were worked out for
	// (mayStart): two entries by id, at 2*id the last worked out and at
	// 2*id+1 the one before.
	chainMasks [numChains][]uint32
	// csFirsts is countryStateFirsts of lex, once asked (csDone).
	csFirsts map[string]bool
	csDone   bool
	// ctx is placeContext by word, plus one (0: not yet asked).
	ctx   []int8
	facts *lexfacts.Words // what the word lists say of the words, by id
	// lowerCount and capCount count the words written in lower case and
	// capitalised, by word id (token.ID), made with the analysis.
	lowerCount, capCount []int32
	// others holds the features of words that are not words of the text
	// (the parts of a hashtag).
	others map[string]packedFeat
	cue    map[string]int // organisation-cue matches by window
	// gaz holds the gazetteer entries of the phrases looked up; gazIDs
	// those of single words, by word id (gazWord).
	gaz    map[string]gazHit
	gazIDs []int32
	// clinical says whether the text reads as a clinical note (isClinical).
	clinical, clinicalDone bool
	clinicalHits           int             // clinical markers in the text (isClinical)
	typos                  map[string]bool // words found misspelt (clinicalWord)
	// register says whether the text is written in lower case (lowerRegister).
	register, registerDone bool
	// informalVal says whether the text is written as a comment (informal).
	informalVal, informalDone bool
	// foreignVal says whether the text is mostly not in English (see foreign).
	foreignVal, foreignDone bool
	// join holds, for each word, how it is joined to the word before
	// (joinAdjacent, joinComma), worked out once: the rules ask it of the
	// same words many times.
	join []uint8
}

// How word i is joined to word i-1 (analysis.join).
const (
	joinAdjacent = 1 << iota // adjacent(i)
	joinComma                // afterComma(i)
)

// newAnalysis makes the analysis of doc in the arrays of s (see scratch).
func newAnalysis(lex *lexicon.Lexicon, doc *deid.Analysis, s *scratch) *analysis {
	toks := doc.Words()
	words := doc.Vocab()
	n := len(words)
	facts := lexfacts.Of(doc, lex)
	// By word id, plus one slot (n) for the words without letters: fid
	// points them there, so that f and ff read one index whatever the word.
	lists, vowels, spell, idx := sized(s.lists, n), sized(s.vowels, n), sized(s.spell, n), vocabIndex()
	feats, prep, flags := sized(s.feats, n+1), sized(s.prep, n), sized(s.flags, n+1)
	// lowTF holds, by word id, the tokFlags of the word written in lower
	// case that depend on the word alone (tfLowerSeedNo but for the capitals
	// line and an initial before, tfOrgNo, tfNoElemOut, tfNoElem).
	lowTF := sized(s.lowTF, n)
	for id, w := range words {
		l := idx.lists(w)
		lists[id], vowels[id] = l, hasVowel(w)
		var sp uint8
		if isContraction(w) {
			sp |= spellContraction
		}
		if stretched(w) {
			sp |= spellStretched
		}
		if w == "and" || w == "or" {
			sp |= spellAndOr
		}
		spell[id] = sp
		feats[id] = lookFeat(lex, w, facts.Facts(int32(id)))
		prep[id] = placePrep(w)
		fi := feats[id].flags()
		flags[id] = fi
		var lt tokFlags
		if fi&ffSeed == 0 {
			lt |= tfLowerSeedNo
		}
		if !l.has(vBodyNouns) && !l.has(vCareCues) {
			lt |= tfOrgNo
		}
		if !l.has(vStrongTitles) {
			lt |= tfNoElemOut
			if fi&ffListLower == 0 {
				lt |= tfNoElem
			}
		}
		lowTF[id] = lt
	}
	if len(toks) <= maxScratchWords {
		s.lowTF = lowTF
	}
	feats[n], flags[n] = feat{}, noneFlags
	others, cue, gaz := s.others, s.cue, s.gaz
	if others == nil {
		others, cue, gaz = map[string]packedFeat{}, map[string]int{}, map[string]gazHit{}
	}
	nt := len(toks)
	a := &analysis{lex: lex, sc: s, doc: doc, text: doc.Text(), toks: toks, feats: feats, prep: prep, flags: flags, lists: lists, vowels: vowels, spell: spell, facts: facts,
		others: others, cue: cue, gaz: gaz,
		cityLower: lazy(s.cityLower, n), prefixMemo: lazy(s.prefixMemo, n), countryMemo: lazy(s.countryMemo, n),
		orgStarts: lazy(s.orgStarts, n), orgStartsDot: lazy(s.orgStartsDot, n), extraCues: lazy(s.extraCues, n),
		gazIDs: lazy(s.gazIDs, n),
		ctx:    lazy(s.ctx, nt)}
	for c := range a.chainMasks {
		a.chainMasks[c] = lazy(s.chainMasks[c], 2*n)
	}
	// One pass over the words: each word's feature index and flags, its
	// join to the word before, its gates (tokFlags; the look-ahead of
	// tfPlaceNear is set from the two words after, when the pass reaches
	// them), its social rules, the counts that lowerRegisterOnce and
	// foreignOnce would make in passes of their own, and usedAsWord's
	// counts by word id. (Two passes, the second for the gates, read every
	// 96-byte word twice.)
	join, fid, tff := sized(s.join, nt), sized(s.fid, nt), sized(s.tff, nt)
	tf, socialMay := sized(s.tf, nt), sized(s.socialMay, nt)
	lowerCount, capCount := zeroed(s.lowerCount, n), zeroed(s.capCount, n)
	a.join, a.fid, a.tff = join, fid, tff
	a.tf, a.socialMay, a.lowerCount, a.capCount = tf, socialMay, lowerCount, capCount
	all, capd, lower, known := 0, 0, 0, 0
	// What the pass keeps of the word before: its place context
	// (placePrep), whether it is a letter with a full stop (an initial),
	// whether it has neither a possessive nor a full stop, its line.
	prevPrep, prevInitial, prevPlain, prevLine := false, false, false, 0
	for i := range toks {
		t := &toks[i]
		id := t.ID
		if t.Shape == shapeNone {
			id = int32(n)
		}
		fi := flags[id]
		fid[i], tff[i] = id, fi
		var j uint8
		switch {
		case i == 0:
		case t.Gap == " " && prevPlain:
			// What adjacentWords and commaBetween say of one space.
			j = joinAdjacent
		default:
			if a.adjacentWords(i) {
				j |= joinAdjacent
			}
			if a.commaBetween(i) {
				j |= joinComma
			}
		}
		join[i] = j
		// The tests of each flag's comment (tokFlags), but tfPlaceNear's
		// look-ahead, set below from the words after.
		var m tokFlags
		switch t.Shape {
		case shapeNone:
			m = tfNone | tfNoElem | tfNoElemOut
		case shapeLower:
			m = lowTF[t.ID]
			if t.Caps || prevInitial {
				m &^= tfLowerSeedNo // !lowerSeedMay(i)
			}
			if t.Letters >= 3 {
				m |= tfPlaceLow
			}
		}
		if prevPrep {
			m |= tfPlaceNear
		}
		if fi&ffUncommon35 != 0 {
			m |= tfUncommon35
		}
		if t.Handle {
			m |= tfHandle
		}
		if t.IsCap() {
			m |= tfCap
		}
		if i > 0 && t.Line != prevLine {
			m |= tfNewLine
		}
		tf[i] = m
		prevPrep, prevInitial, prevPlain, prevLine = prep[t.ID], t.Dot && t.Letters == 1, !t.Poss && !t.Dot, t.Line
		if fi&ffProper != 0 {
			// tfPlaceNear of the two words before.
			if i >= 1 {
				tf[i-1] |= tfPlaceNear
			}
			if i >= 2 {
				tf[i-2] |= tfPlaceNear
			}
		}
		socialMay[i] = a.mayStart(&socialRules, i)
		switch t.Shape {
		case shapeLower:
			lowerCount[t.ID]++
			if t.Letters >= 2 {
				lower++
				if fi&ffWord != 0 {
					known++
				}
			}
		case shapeTitle, shapeUpper:
			capCount[t.ID]++
		}
		if !(t.Letters < 2 || t.SentStart || t.Caps || t.Handle || t.Shape == shapeNone) {
			all++
			if t.IsCap() || t.Shape == shapeMixed {
				capd++
			}
		}
	}
	a.register, a.registerDone = all >= 3 && capd*10 <= all, true
	a.foreignVal, a.foreignDone = lower >= 40 && 2*known < lower, true
	return a
}

// tokFlags are the parts of the rule passes' gates that read only a word
// and its neighbours (seedSkip, lowerPlacesMay, orgsSkip, noListElem), and
// the fields of the word the passes read first, one bit each: a pass reads
// them from this one byte array and turns most words away without loading
// the word itself (a word is 96 bytes; the passes were each a walk through
// all of them).
type tokFlags uint16

const (
	tfNone        tokFlags = 1 << iota // a word without letters
	tfLowerSeedNo                      // seedSkip of a word in lower case, but for sig
	tfPlaceNear                        // lowerPlacesMay's tests of the words around
	tfUncommon35                       // ffUncommon35 of the word
	tfOrgNo                            // orgsSkip, but for the clinical reading
	tfHandle                           // Handle
	tfCap                              // IsCap
	tfPlaceLow                         // in lower case, of three letters or more
	tfNoElem                           // noListElem whatever the register
	tfNoElemOut                        // noListElem in a text not written in lower case
	tfNewLine                          // on another line than the word before
)

// stop reports whether word t of the text is a stop word, as isStop(t.Lower)
// does.
func (a *analysis) stop(t *token) bool { return a.in(t, vStopWords) }

// vowel reports whether word t of the text has a vowel, as
// hasVowel(t.Lower) does.
func (a *analysis) vowel(t *token) bool { return a.vowels[t.ID] }

// What a word's spelling says (analysis.spell).
const (
	spellContraction = 1 << iota // isContraction
	spellStretched               // stretched
	spellAndOr                   // "and" or "or" (listSepMay)
)

// contraction reports whether word t of the text is a contraction, as
// isContraction(t.Lower) does.
func (a *analysis) contraction(t *token) bool { return a.spell[t.ID]&spellContraction != 0 }

// stretchedWord reports whether word t of the text is stretched, as
// stretched(t.Lower) does.
func (a *analysis) stretchedWord(t *token) bool { return a.spell[t.ID]&spellStretched != 0 }

// chat reports whether word t of the text is a chat word, as
// vocab.ChatWords().Has(t.Lower) does.
func (a *analysis) chat(t *token) bool { return a.in(t, vChatWords) }

// stopAt reports whether word i is a stop word.
func (a *analysis) stopAt(i int) bool { return a.stop(&a.toks[i]) }

// f returns the lexicon features of word i (none for a word without
// letters). The result is shared by every use of the word: callers must
// not modify it.
func (a *analysis) f(i int) *feat { return &a.feats[a.fid[i]] }

// featFlags are tests of a word's features (feat.flags), one bit each.
type featFlags uint8

const (
	// ffProper: a proper noun SCOWL lists (proper > 0).
	ffProper featFlags = 1 << iota
	// ffSeed: in a name list, a proper noun, in no word list or a rare
	// word (SCOWL above 50): lowerSeedMay's test of the word.
	ffSeed
	// ffListLower: in a name list or in no word list (noListElem).
	ffListLower
	// ffUncommon35: no word at SCOWL 35 or below (lowerCountry's first
	// test of the word).
	ffUncommon35
	// ffWord: in SCOWL's word list (wl != 0).
	ffWord
	// ffLowerTail: a first name of 1,000 births or more, no common word at
	// SCOWL 50, or a name SCOWL lists as a less common word (wordNameFeat):
	// what lowerPair, lowerName and lowerCued each need of the word
	// (personSeedAll's last rules for a word in lower case; lowerName
	// takes a name of fewer births only when it is in no word list).
	ffLowerTail
)

// flags works out the featFlags of f.
func (f *feat) flags() featFlags {
	var m featFlags
	if f.proper > 0 {
		m |= ffProper
	}
	if f.isName() || f.proper > 0 || f.wl == 0 || f.wl > 50 {
		m |= ffSeed
	}
	if f.isName() || f.wl == 0 {
		m |= ffListLower
	}
	if !(f.wl != 0 && f.wl <= 35) {
		m |= ffUncommon35
	}
	if f.wl != 0 {
		m |= ffWord
	}
	if f.births >= 1000 || !f.common(50) || wordNameFeat(f) {
		m |= ffLowerTail
	}
	return m
}

// ff returns the featFlags of word i: those of f(i).
func (a *analysis) ff(i int) featFlags { return a.tff[i] }

// noneFlags are the featFlags of a word without letters (feat{}.flags()).
const noneFlags = ffSeed | ffListLower | ffUncommon35 | ffLowerTail

// inCategoryLower reports whether word t of the text is an entry of c, as
// a.lex.InCategory(c, t.Lower) does: read from the word's facts (a word's
// one-word categories are kept with its record), without a lookup.
func (a *analysis) inCategoryLower(t *token, c lexicon.Category) bool {
	return a.facts.Facts(t.ID).In(c)
}

// inCategoryText reports whether word t of the text is an entry of c, as
// a.lex.InCategory(c, t.Text) does: as inCategoryLower when t.Text is
// ASCII, whose lookup form is then its Lower's; otherwise asked.
func (a *analysis) inCategoryText(t *token, c lexicon.Category) bool {
	for i := 0; i < len(t.Text); i++ {
		if t.Text[i] >= utf8.RuneSelf {
			return a.lex.InCategory(c, t.Text)
		}
	}
	return a.facts.Facts(t.ID).In(c)
}

// wordFeat returns the lexicon features of a lower-case word.
func (a *analysis) wordFeat(w string) feat {
	if id, ok := a.doc.ID(w); ok {
		return a.feats[id]
	}
	if c, ok := a.others[w]; ok {
		return c.unpack()
	}
	f := lookFeat(a.lex, w, a.lex.Facts(w))
	if p, ok := f.pack(); ok {
		a.others[w] = p
	}
	return f
}

// lookFeat derives the features of a lower-case word from what the word
// lists say of it (x).
func lookFeat(lex *lexicon.Lexicon, w string, x lexicon.Facts) feat {
	var f feat
	f.wl, f.rank = int32(x.Level), x.Rank
	if x.First {
		f.births = int(x.Female) + int(x.Male)
	}
	f.surname = x.Surname
	if f.births == 0 && f.surname == 0 && hasHyphen(w) {
		// "Lou-Bette", "Penrose-Sabori": a name when a part is one and no
		// part is an ordinary word ("A-fib", "Non-Hodgkin" are not).
		var births int
		var surname int32 // a rank of the lexicon's, an int32 (Surname)
		parts := strings.FieldsFunc(w, isHyphen)
		ordinary := 0 // parts that are ordinary words
		for _, p := range parts {
			if lv, ok := lex.WordLevel(p); ok && lv <= 60 || len(p) < 3 {
				ordinary++
			}
		}
		for _, p := range parts {
			fe, ma, okF := lex.FirstName(p)
			r, okS := lex.Surname(p)
			if lv, ok := lex.WordLevel(p); ok && lv <= 60 && !okF && !okS || len(p) < 2 || ordinary == len(parts) {
				// An ordinary part, or only ordinary parts: "A-fib",
				// "POST-OP", "son-in-law".
				births, surname = 0, 0
				break
			}
			if okF {
				births = max(births, fe+ma)
			}
			if okS && (surname == 0 || int32(r) < surname) {
				surname = int32(r)
			}
		}
		f.births, f.surname = births, surname
	}
	f.proper, f.abbrev = int32(x.Proper), int32(x.Abbrev)
	f.date, f.title, f.kin = x.In(lexicon.DateWord), x.In(lexicon.Title), x.In(lexicon.Kinship)
	return f
}

// packedFeat is a feat in 16 bytes rather than 56, for the maps that cache
// features: their entries are then a third of the size, cheaper to insert,
// copy and probe. pack refuses a feat whose numbers do not fit, which is then
// simply not cached (the lists' numbers all fit).
type packedFeat struct {
	births, rank, surname int32
	wl, proper, abbrev    uint8
	flags                 uint8 // 1 date, 2 title, 4 kin
}

func (f *feat) pack() (packedFeat, bool) {
	fits32 := func(n int) bool { return n >= 0 && n <= math.MaxInt32 }
	fits8 := func(n int) bool { return n >= 0 && n <= math.MaxUint8 }
	if !fits32(f.births) || !fits32(int(f.rank)) || !fits32(int(f.surname)) || !fits8(int(f.wl)) || !fits8(int(f.proper)) || !fits8(int(f.abbrev)) {
		return packedFeat{}, false
	}
	p := packedFeat{births: int32(f.births), rank: f.rank, surname: f.surname,
		wl: uint8(f.wl), proper: uint8(f.proper), abbrev: uint8(f.abbrev)}
	if f.date {
		p.flags |= 1
	}
	if f.title {
		p.flags |= 2
	}
	if f.kin {
		p.flags |= 4
	}
	return p, true
}

func (p packedFeat) unpack() feat {
	return feat{wl: int32(p.wl), rank: p.rank, births: int(p.births), surname: p.surname,
		proper: int32(p.proper), abbrev: int32(p.abbrev), date: p.flags&1 != 0, title: p.flags&2 != 0, kin: p.flags&4 != 0}
}

// adjacent reports whether words i-1 and i belong to one name: only
// horizontal space between them, or the period of an initial or an
// abbreviation ("R. Kowal", "D.E. Penhallow", "Dr.Varelli").
func (a *analysis) adjacent(i int) bool {
	return i > 0 && i < len(a.join) && a.join[i]&joinAdjacent != 0
}

// adjacentWords works out adjacent(i), 0 < i < len(a.toks).
func (a *analysis) adjacentWords(i int) bool {
	prev, t := &a.toks[i-1], &a.toks[i]
	if prev.Poss {
		return false
	}
	g := t.Gap
	if prev.Dot {
		if !(prev.Letters == 1 || a.in(prev, vAbbrevDot)) {
			return false
		}
		g = g[1:]
		if g == "" {
			// "C.A.", "Dr.Varelli"; not "t.co".
			return a.in(prev, vAbbrevDot) || t.Letters == 1 && t.Dot
		}
	}
	if g == "" || len(g) > 4 {
		return false
	}
	for _, c := range g {
		if c != ' ' && c != '\t' && c != '\u00a0' {
			return false
		}
	}
	return true
}

// afterComma reports whether word i follows word i-1 with a comma between
// them and nothing else but spaces.
func (a *analysis) afterComma(i int) bool {
	return i > 0 && a.join[i]&joinComma != 0
}

// commaBetween works out afterComma(i), 0 < i < len(a.toks).
func (a *analysis) commaBetween(i int) bool {
	gap := a.toks[i].Gap
	if strings.IndexByte(gap, ',') < 0 {
		return false // a gap that trims to "," holds one
	}
	g := strings.TrimSpace(gap)
	return g == "," && !strings.Contains(gap, "\n")
}

// span is a candidate finding over words [i, j).
type span struct {
	i, j int
	conf float64
	typ  string
	// poss takes the possessive of the last word into the finding: it is
	// part of the name ("St. Mary's").
	poss bool
}

// isStop reports whether a lower-case word is a function word that never
// begins or ends a name.
func isStop(w string) bool { return vocab.StopWords().Has(w) }
