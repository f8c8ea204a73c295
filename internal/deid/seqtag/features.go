package seqtag

import (
	"hash/maphash"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/lexfacts"
	"github.com/veil-blog/veil/internal/lexicon"
)

// The tags, B- and I- for each kind of name, and O.
const (
	tagO = iota
	tagBPer
	tagIPer
	tagBLoc
	tagILoc
	tagBOrg
	tagIOrg
	numTags
)

// TagName returns the name of tag t (0 to 6: "O", "B-PER", "I-PER",
// "B-LOC", "I-LOC", "B-ORG", "I-ORG"), as the training tool writes them.
// A function, not a package variable, so that no caller can change it.
func TagName(t int) string {
	return [numTags]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}[t]
}

// Word flags: what the lexicons say of a word beside its frequencies.
const (
	flCountry = 1 << iota
	flState
	flTitle
	flKin
	flOrgCue
	flOrgType
	flStreet
	flDateWord
	flNationality
	flOccupation
	flLanguage
	numFlags = 11
)

// info is what the lexicons say of one word, in small buckets.
type info struct {
	fn, sex, sn, wl, wr, pl, pop uint8
	flags                        uint16
}

// lookup asks the lexicons about the word w: x is what the word lists say
// of it (lexicon.Facts of w, or of a word with the same lookup form);
// lower is strings.ToLower(w).
func lookup(lex *lexicon.Lexicon, w, lower string, x lexicon.Facts) info {
	var in info
	if f, m, ok := int(x.Female), int(x.Male), x.First; ok {
		in.fn = uint8(1 + min(6, int(math.Log10(float64(f+m)))))
		switch {
		case f >= 4*m:
			in.sex = 1
		case m >= 4*f:
			in.sex = 2
		default:
			in.sex = 3
		}
	}
	if r := int(x.Surname); r != 0 {
		in.sn = rankBucket(r)
	}
	if lv := int(x.Level); lv != 0 {
		in.wl = uint8(1 + lv/10)
	}
	if r := int(x.Rank); r != 0 {
		in.wr = rankBucket(r)
	}
	if lv := int(x.Proper); lv != 0 {
		in.pl = uint8(1 + lv/10)
	}
	// lex.Place(w), lex.IsCountry(lower) and lex.USState(w) at once:
	// IsCountry(lower) is IsCountry(w), since the lexicon's lookup form of
	// a word, its lower case with plain apostrophes, is that of its lower
	// case (TestLowerCaseKey). That is lex.WordPlace(w), which x, the facts
	// of w's lookup form, answer from their place word without a probe of
	// the word table (but for a state code, matched as written):
	// TestLookupPlaceFromFacts.
	pl := x.Place(lex, w)
	if pl.Place {
		in.pop = uint8(1 + min(8, int(math.Log10(float64(pl.Population+1)))))
	}
	if len(lower) >= 2 {
		if pl.Country {
			in.flags |= flCountry
		}
		if pl.State {
			in.flags |= flState
		}
	}
	// The categories of the word, each a flag (dates and holidays one).
	if x.In(lexicon.Title) {
		in.flags |= flTitle
	}
	if x.In(lexicon.Kinship) {
		in.flags |= flKin
	}
	if x.In(lexicon.OrgCue) {
		in.flags |= flOrgCue
	}
	if x.In(lexicon.OrgType) {
		in.flags |= flOrgType
	}
	if x.In(lexicon.StreetSuffix) {
		in.flags |= flStreet
	}
	if x.In(lexicon.DateWord) || x.In(lexicon.Holiday) {
		in.flags |= flDateWord
	}
	if x.In(lexicon.Nationality) {
		in.flags |= flNationality
	}
	if x.In(lexicon.Occupation) {
		in.flags |= flOccupation
	}
	if x.In(lexicon.Language) {
		in.flags |= flLanguage
	}
	return in
}

func rankBucket(r int) uint8 {
	switch {
	case r <= 100:
		return 1
	case r <= 1000:
		return 2
	case r <= 10000:
		return 3
	case r <= 50000:
		return 4
	}
	return 5
}

// Shapes of a word.
const (
	shLower = iota + 1
	shTitle // "Tavi", "O'Neill"
	shUpper // "GRACE", "NY"
	shMixed // "McKay", "iPhone"
	shDigit
	shAlnum
	shPunct
	shHash    // "#word"
	shMention // "@word"
)

func shapeOf(w string) uint8 {
	switch w[0] {
	case '#':
		if len(w) > 1 {
			return shHash
		}
	case '@':
		if len(w) > 1 {
			return shMention
		}
	}
	var up, low, dig int
	firstUp := false
	ascii := true
	for k := 0; k < len(w) && ascii; k++ {
		switch c := w[k]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case 'A' <= c && c <= 'Z':
			up++
			firstUp = firstUp || k == 0
		case 'a' <= c && c <= 'z':
			low++
		case '0' <= c && c <= '9':
			dig++
		}
	}
	if !ascii {
		up, low, dig, firstUp = shapeCounts(w)
	}
	return shapeFrom(w, up, low, dig, firstUp)
}

// shapeCounts counts the capitals, small letters (with letters of no
// case) and digits of w, and reports whether its first rune is a capital.
func shapeCounts(w string) (up, low, dig int, firstUp bool) {
	first := true
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			up++
			if first {
				firstUp = true
			}
		case unicode.IsLower(r):
			low++
		case unicode.IsDigit(r):
			dig++
		case unicode.IsLetter(r):
			low++
		}
		first = false
	}
	return up, low, dig, firstUp
}

// shapeFrom is the shape of w from shapeCounts.
func shapeFrom(w string, up, low, dig int, firstUp bool) uint8 {
	switch {
	case up+low == 0 && dig > 0:
		return shDigit
	case up+low == 0:
		return shPunct
	case dig > 0:
		return shAlnum
	case up == 0:
		return shLower
	case low == 0:
		return shUpper
	case firstUp && up == 1:
		return shTitle
	case firstUp && strings.ContainsAny(w, "'’-"):
		return shTitle
	}
	return shMixed
}

// Registers of a text.
const (
	regProse = iota + 1
	regCaps  // most words in capitals: clinical notes
	regSocial
	// regNote is added to the register of a clinical note, whose words
	// weigh differently in every shape ("PT SEEN BY", "Pt seen by").
	regNote = 3
	// regForeign is added to the register of a text most of whose
	// lower-case words the word lists do not know.
	regForeign = 6
)

// word is one token with what is known of it.
type word struct {
	// typ is the index of the token's text among the document's distinct
	// token texts (wtype), which holds its lower case and info.
	typ   int32
	shape uint8
	// sentStart: the first word of a line or after a full stop.
	sentStart bool
	// plain: plainWord, which depends on the word's type alone.
	plain bool
}

// wtype is a distinct token text of a document: what every word of that
// text shares (its lower case, shape and lexicon facts) is found once, and
// what the tagger derives from it (the weights of the features that depend
// on the word alone, the rows of the features that name it) is kept here
// when first needed.
type wtype struct {
	lower string
	shape uint8
	info  info
	plain bool // plainWord of the shape and info
	// text is the token text.
	text string
	// capsInner counts the uses of this text with a capital inside a
	// sentence (title or mixed case, not a sentence's first word);
	// capsLower, the same of every text with this lower case.
	capsInner, capsLower int32
	// uses counts the tokens of this text.
	uses int32
	// next is 1 + the next type whose text is a word of the document's
	// analysis with the same vocabulary id (another case of it), or 0.
	next int32
	// vocab is the id of lower in the document's vocabulary when it is
	// known to be one (the lower case of a word of the analysis without a
	// typographic apostrophe), or -1.
	vocab int32
	// rows: the table slots of the features naming this word in each
	// role (rowUnknown until asked).
	rows [numRoles]int32
	// tagRows: the same of fPrevTagWord after each tag.
	tagRows [numTags]int32
	// looked: the tagger looked the type's rows up in its caches (cached);
	// set is where the rowCache keeps them, or nil (the infoCache keeps
	// them in the entry of islot).
	looked bool
	set    *rowSet
	// islot: 1 + the slot of the type's text in the scratch's infoCache,
	// or 0.
	islot int32
	// prefix: the summed weights of the word's own features (prefixFeatures)
	// inside a sentence and at its start, once prefixDone.
	prefix     [2][numTags]float32
	prefixDone [2]bool
}

// analyse prepares the words of a text, its tokens toks; note says
// whether it is a clinical note. What the lexicons say of a word is looked
// up once per distinct token text, and once per document when an is the
// document's analysis (nil otherwise). It returns the words, the distinct
// token texts they point to (word.typ) and the register.
func analyse(lex *lexicon.Lexicon, an *deid.Analysis, text string, toks []span, note bool) ([]word, []wtype, uint8) {
	if an != nil {
		toks = tokenizeWords(text, an.Words(), nil)
	}
	return analyseInto(new(scratch), lex, an, text, toks, note)
}

// analyseInto is analyse, in the buffers of sc (which it keeps there); with
// an, the tokens are tokenizeWords's, which know their words of an.
func analyseInto(sc *scratch, lex *lexicon.Lexicon, an *deid.Analysis, text string, toks []span, note bool) ([]word, []wtype, uint8) {
	// Every field of every word is written below: ws is not cleared.
	ws := grow(&sc.ws, len(toks))
	var facts *lexfacts.Words
	// A token that is a word of the analysis (the same span) finds its
	// type among the others of its vocabulary id (byID, then wtype.next):
	// most tokens, without hashing them. The others use the table ids.
	var byID []int32  // 1 + the first type of a vocabulary id
	var byLow []int32 // 1 + the type of a vocabulary id's lookup form, once a token had it
	var vocab []string
	var ids typeTable
	if an != nil {
		facts = lexfacts.Of(an, lex)
		vocab = an.Vocab()
		byID = grow(&sc.byID, 2*len(vocab))
		clear(byID)
		byID, byLow = byID[:len(vocab)], byID[len(vocab):]
		ids = sc.typeTable(len(toks) / 8)
	} else {
		ids = sc.typeTable(len(toks))
	}
	var ic *infoCache
	if sc.keepRows {
		sc.info.begin(lex)
		ic = &sc.info
		if an != nil {
			// The texts of most words are their lookup forms.
			sc.sink = ic.touch(vocab)
		}
	}
	var ascii [utf8.RuneSelf]int32 // 1 + the id of a one-character ASCII token
	if cap(sc.types) < len(toks)/4+1 {
		sc.types = make([]wtype, 0, len(toks)/4+1)
	}
	types := sc.types[:0]
	prevEnd := 0
	opens := true // whether the token before opens a sentence ('.', '!', '?', ':', '"', '“'), or none
	for i := range toks {
		t := &toks[i]
		start, end := t.start, t.end
		var id int32
		next := false // opens: whether this token opens a sentence
		if c := text[start]; end-start == 1 && c < utf8.RuneSelf {
			if ascii[c] == 0 {
				ascii[c] = int32(len(types)) + 1
				types = append(types, wtype{})
				newType(&types[len(types)-1], lex, an, facts, text[start:end])
			}
			id = ascii[c] - 1
			next = c == '.' || c == '!' || c == '?' || c == ':' || c == '"'
		} else if v := t.word - 1; v >= 0 && t.lower && byLow[v] != 0 {
			// A word in its lookup form, as before.
			id = byLow[v] - 1
		} else if v >= 0 {
			// A word (which no mark is: next stays false).
			s := text[start:end]
			id = -1
			for c := byID[v]; c != 0; c = types[c-1].next {
				if types[c-1].text == s {
					id = c - 1
					break
				}
			}
			if id < 0 {
				id = int32(len(types))
				types = append(types, wtype{})
				wordType(&types[id], lex, facts, s, vocab[v], v, ic)
				types[id].next = byID[v]
				byID[v] = id + 1
			}
			if t.lower {
				byLow[v] = id + 1
			}
		} else {
			s := text[start:end]
			var ok bool
			if id, ok = ids.find(types, s); !ok {
				id = int32(len(types))
				types = append(types, wtype{})
				newType(&types[id], lex, an, facts, s)
				ids.add(types, id)
			}
			next = s == "“"
		}
		ty := &types[id]
		// The first word of a line or after a full stop.
		sentStart := false
		switch g := start - prevEnd; {
		case opens:
			sentStart = true
		case g == 1:
			sentStart = text[prevEnd] == '\n'
		case g > 1:
			sentStart = strings.IndexByte(text[prevEnd:start], '\n') >= 0
		}
		sh := ty.shape
		ws[i] = word{typ: id, shape: sh, plain: ty.plain, sentStart: sentStart}
		prevEnd, opens = end, next
		ty.uses++
		if !sentStart && (sh == shTitle || sh == shMixed) {
			ty.capsInner++
		}
	}
	// The counts that decide the register, by type.
	var caps, letters, social int
	var plain, known int // lower-case words of three letters or more, and those the word lists know
	for k := range types {
		ty := &types[k]
		n := int(ty.uses)
		switch ty.shape {
		case shUpper:
			caps += n
			letters += n
		case shLower:
			letters += n
			if len(ty.lower) > 2 {
				plain += n
				if ty.info.wl > 0 {
					known += n
				}
			}
		case shTitle, shMixed:
			letters += n
		case shHash, shMention:
			social += n
		}
	}
	capsLower(an, types, &sc.capsBuf)
	reg := uint8(regProse)
	switch {
	case letters >= 8 && caps*2 > letters:
		reg = regCaps
	case social > 0 || strings.Contains(text, "http"):
		reg = regSocial
	}
	if note {
		reg += regNote
	}
	// Text mostly in another language: its ordinary words, unknown to the
	// word lists, look like names.
	if plain >= 5 && known*2 < plain {
		reg += regForeign
	}
	sc.types = types
	return ws, types, reg
}

// capsElsewhere returns how many other times the text writes word i with
// a capital inside a sentence (0, 1, 2: more), evidence of a name that the
// word's own position may lack.
func capsElsewhere(ws []word, types []wtype, i int) uint8 {
	w := &ws[i]
	n := types[w.typ].capsLower
	if !w.sentStart && (w.shape == shTitle || w.shape == shMixed) {
		n--
	}
	return uint8(min(n, 2))
}

// capsLower sets the capsLower of each type of a word: how many times the
// text writes its lower case with a capital inside a sentence, over all
// the types that have it. With the document's analysis an, types with the
// same lower case are those with the same vocabulary id (wtype.vocab, or
// an.ID of the lower case), counted in *buf; a lower case not in the
// vocabulary, or any without an, is counted in a map.
func capsLower(an *deid.Analysis, types []wtype, buf *[]int32) {
	var byLower map[string]int32
	var byID []int32
	if an != nil {
		for k := range types {
			ty := &types[k]
			if sh := ty.shape; ty.vocab < 0 && sh != shPunct && sh != shDigit {
				if v, ok := an.ID(ty.lower); ok {
					ty.vocab = v
				}
			}
		}
	}
	for k := range types {
		ty := &types[k]
		n := ty.capsInner
		if n == 0 {
			continue
		}
		if ty.vocab >= 0 {
			if byID == nil {
				byID = grow(buf, len(an.Vocab()))
				clear(byID)
			}
			byID[ty.vocab] += n
			continue
		}
		if byLower == nil {
			byLower = make(map[string]int32)
		}
		byLower[ty.lower] += n
	}
	if byID == nil && byLower == nil {
		return
	}
	for k := range types {
		ty := &types[k]
		switch {
		case ty.shape == shPunct || ty.shape == shDigit:
		case ty.vocab >= 0:
			if byID != nil {
				ty.capsLower = byID[ty.vocab]
			}
		case byLower != nil:
			ty.capsLower = byLower[ty.lower]
		}
	}
}

// wordType sets ty as newType does of s, the text of a word of the
// document's analysis whose lookup form is form (deid.Word.Lower, the
// vocabulary's form of its id) and id is id, and whose lexicon facts are in
// facts: its lookup form is its lower case unless it has a typographic
// apostrophe (whose first byte, 0xE2, the lower case keeps and the lookup
// form does not), and its facts are those of its id. ic, when not nil,
// keeps the info of common words from text to text.
func wordType(ty *wtype, lex *lexicon.Lexicon, facts *lexfacts.Words, s, form string, id int32, ic *infoCache) {
	ty.text, ty.vocab = s, -1
	u := unknownRows()
	ty.rows, ty.tagRows = u.rows, u.tagRows
	if strings.IndexByte(s, 0xE2) < 0 {
		ty.lower, ty.vocab = form, id
	} else {
		ty.lower = strings.ToLower(s)
	}
	slot := -1
	if ic != nil {
		var ok bool
		if slot, ok = ic.find(s); ok {
			e := &ic.entries[slot]
			ty.shape, ty.info, ty.plain, ty.islot = e.shape, e.info, e.plain, int32(slot+1)
			return
		}
	}
	ty.shape = shapeOf(s)
	if ty.shape == shPunct || ty.shape == shDigit {
		ty.plain = true
		return
	}
	ty.info = lookup(lex, s, ty.lower, facts.Facts(id))
	ty.plain = plainWord(ty.shape, ty.info)
	if ic != nil && ic.put(slot, ty) {
		ty.islot = int32(slot + 1)
	}
}

// newType sets ty to what is known of the token text s: its lower case and
// shape, and, for a word, what the lexicons say of it (of the word after
// its "#" or "@" for a handle).
func newType(ty *wtype, lex *lexicon.Lexicon, an *deid.Analysis, facts *lexfacts.Words, s string) {
	ty.text, ty.lower, ty.shape, ty.vocab = s, strings.ToLower(s), shapeOf(s), -1
	u := unknownRows()
	ty.rows, ty.tagRows = u.rows, u.tagRows
	if ty.shape == shPunct || ty.shape == shDigit {
		ty.plain = true
		return
	}
	key, lower := s, ty.lower
	if ty.shape == shHash || ty.shape == shMention {
		// The lower case of "#Word" is "#" and the lower case of "Word".
		key, lower = s[1:], lower[1:]
	}
	var x lexicon.Facts
	if facts != nil {
		// facts.FactsOf(key), whose lookup form, deid.LookupForm(key), is
		// the lower case unless the word has a typographic apostrophe
		// (whose first byte, 0xE2, the lower case keeps).
		form := lower
		if strings.IndexByte(lower, 0xE2) >= 0 {
			form = deid.LookupForm(key)
		}
		if id, ok := an.ID(form); ok {
			x = facts.Facts(id)
		} else {
			x = lex.Facts(key)
		}
	} else {
		x = lex.Facts(key)
	}
	ty.info = lookup(lex, key, lower, x)
	ty.plain = plainWord(ty.shape, ty.info)
}

// Feature ids: the first byte hashed into each feature.
const (
	fBias = iota + 1
	fWord
	fSuf3
	fSuf2
	fPre2
	fShape
	fSent
	fReg
	fRegShape
	fFn
	fSex
	fSn
	fWl
	fWr
	fPl
	fPop
	fFlag
	fShapeFn
	fShapeSn
	fShapeWl
	fShapePop
	fLen
	fPrevWord
	fPrev2Word
	fNextWord
	fNext2Word
	fPrevShape
	fNextShape
	fPrevFlag
	fNextFlag
	fPrevName
	fNextName
	fPrevTag
	fPrevTags
	fPrevTagShape
	fPrevTagWord
	fRegShapeWl
	fNextCap
	fPrevCap
	fCapsElsewhere
	fPrevWordSkip
	fPrevFlagSkip
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hash1(id byte, a uint64) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(id)) * fnvPrime
	for k := 0; k < 8; k++ {
		h = (h ^ (a & 0xff)) * fnvPrime
		a >>= 8
	}
	return h
}

func hashS(id byte, s string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(id)) * fnvPrime
	for k := 0; k < len(s); k++ {
		h = (h ^ uint64(s[k])) * fnvPrime
	}
	return h
}

// hashTagWord is hashS(fPrevTagWord, string(rune('A'+p)) + w), without
// making the string.
func hashTagWord(p uint8, w string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(fPrevTagWord)) * fnvPrime
	h = (h ^ uint64('A'+p)) * fnvPrime
	for k := 0; k < len(w); k++ {
		h = (h ^ uint64(w[k])) * fnvPrime
	}
	return h
}

func pack(vs ...uint8) uint64 {
	var a uint64
	for _, v := range vs {
		a = a<<8 | uint64(v)
	}
	return a
}

// staticFeatures appends the features of word i that do not depend on the
// tags before it: the word's own (prefixFeatures), then those of its
// context (contextFeatures).
func staticFeatures(dst []uint64, ws []word, types []wtype, i int, reg uint8) []uint64 {
	w := &ws[i]
	dst = prefixFeatures(dst, types[w.typ].lower, w.shape, types[w.typ].info, w.sentStart, reg)
	return contextFeatures(dst, ws, types, i, reg)
}

// prefixFeatures appends the features of a word that depend on nothing but
// the word (its lower case, shape and lexicon facts), whether it starts a
// sentence and the register: the same for every use of a word in a
// sentence's first place or in another, so that the tagger sums their
// weights once per document (wtype.prefix).
func prefixFeatures(dst []uint64, lower string, shape uint8, in info, sentStart bool, reg uint8) []uint64 {
	sent := uint8(0)
	if sentStart {
		sent = 1
	}
	dst = append(dst,
		hash1(fBias, 0),
		hashS(fWord, lower),
		hash1(fShape, uint64(shape)),
		hash1(fSent, pack(sent, shape)),
		hash1(fReg, uint64(reg)),
		hash1(fRegShape, pack(reg, shape, sent)),
		hash1(fFn, pack(in.fn, sent)),
		hash1(fSex, uint64(in.sex)),
		hash1(fSn, uint64(in.sn)),
		hash1(fWl, uint64(in.wl)),
		hash1(fWr, uint64(in.wr)),
		hash1(fPl, uint64(in.pl)),
		hash1(fPop, uint64(in.pop)),
		hash1(fShapeFn, pack(shape, in.fn, in.wl)),
		hash1(fShapeSn, pack(shape, in.sn, in.wl)),
		hash1(fShapeWl, pack(shape, in.wl, in.wr)),
		hash1(fShapePop, pack(shape, in.pop, in.wl)),
		hash1(fRegShapeWl, pack(reg, shape, in.wl, in.fn, in.sn)),
		hash1(fLen, pack(shape, uint8(min(utf8.RuneCountInString(lower), 12)))),
	)
	if n := len(lower); n >= 3 {
		dst = append(dst, hashS(fSuf3, lower[n-3:]), hashS(fSuf2, lower[n-2:]), hashS(fPre2, lower[:2]))
	}
	for b := 0; b < numFlags; b++ {
		if in.flags&(1<<b) != 0 {
			dst = append(dst, hash1(fFlag, uint64(b)))
		}
	}
	return dst
}

// contextFeatures appends the features of word i that depend on the words
// around it. tagger.static sums the same features in the same order.
func contextFeatures(dst []uint64, ws []word, types []wtype, i int, reg uint8) []uint64 {
	w := &ws[i]
	in := types[w.typ].info
	sent := uint8(0)
	if w.sentStart {
		sent = 1
	}
	ctx := func(j int) (string, uint8, info, bool) {
		if j < 0 {
			return "<s>", 0, info{}, false
		}
		if j >= len(ws) {
			return "</s>", 0, info{}, false
		}
		return types[ws[j].typ].lower, ws[j].shape, types[ws[j].typ].info, true
	}
	pw, ps, pi, _ := ctx(i - 1)
	p2w, _, _, _ := ctx(i - 2)
	nw, ns, ni, _ := ctx(i + 1)
	n2w, _, _, _ := ctx(i + 2)
	dst = append(dst,
		hashS(fPrevWord, pw), hashS(fPrev2Word, p2w), hashS(fNextWord, nw), hashS(fNext2Word, n2w),
		hash1(fPrevShape, pack(ps, w.shape)), hash1(fNextShape, pack(ns, w.shape)),
		hash1(fPrevName, pack(pi.fn, pi.sn, w.shape)), hash1(fNextName, pack(ni.fn, ni.sn, ni.wl, w.shape)),
		hash1(fPrevCap, pack(ps, pi.wl, w.shape, in.wl)), hash1(fNextCap, pack(ns, ni.wl, ni.pop, w.shape)),
	)
	dst = append(dst, hash1(fCapsElsewhere, pack(capsElsewhere(ws, types, i), w.shape, sent, reg)))
	// The word before across marks ("Dr. Vance", "son - Mateo").
	if j := skipBack(ws, i); j >= 0 {
		dst = append(dst, hashS(fPrevWordSkip, types[ws[j].typ].lower))
		for b := 0; b < numFlags; b++ {
			if types[ws[j].typ].info.flags&(1<<b) != 0 {
				dst = append(dst, hash1(fPrevFlagSkip, pack(uint8(b), w.shape)))
			}
		}
	}
	for b := 0; b < numFlags; b++ {
		if pi.flags&(1<<b) != 0 {
			dst = append(dst, hash1(fPrevFlag, pack(uint8(b), w.shape)))
		}
		if ni.flags&(1<<b) != 0 {
			dst = append(dst, hash1(fNextFlag, pack(uint8(b), w.shape)))
		}
	}
	return dst
}

// skipBack returns the word before word i across one to three marks
// ("Dr. Vance", "son - Mateo"), or -1 when word i follows no mark or the
// marks run back further or to the start.
func skipBack(ws []word, i int) int {
	if i == 0 || ws[i-1].shape != shPunct {
		return -1
	}
	j := i - 2
	for j >= 0 && i-j <= 3 && ws[j].shape == shPunct {
		j--
	}
	if j >= 0 && ws[j].shape != shPunct {
		return j
	}
	return -1
}

// tagFeatures appends the features of word i that depend on the two tags
// before it.
func tagFeatures(dst []uint64, ws []word, types []wtype, i int, p1, p2 uint8) []uint64 {
	return append(dst,
		hash1(fPrevTag, uint64(p1)),
		hash1(fPrevTags, pack(p1, p2)),
		hash1(fPrevTagShape, pack(p1, ws[i].shape)),
		hashTagWord(p1, types[ws[i].typ].lower),
	)
}

// plainWord reports whether a word of shape sh and lexicon facts in can
// only be tagged O after an O: a mark, a number, a word in lower case that
// is an ordinary word (in SCOWL's lists) and no first name, surname or
// place, or one in capitals that is a common word and none of those.
// The tagger does not score such words, which saves most of its work.
func plainWord(sh uint8, in info) bool {
	switch sh {
	case shPunct, shDigit:
		return true
	case shLower:
		return in.wl >= 1 && in.fn == 0 && in.sn == 0 && in.pop == 0 && in.flags == 0
	case shUpper:
		// In capitals ("PT SEEN BY"), a common word that no list of
		// names or places holds.
		return in.wl >= 1 && in.wl <= 3 && in.fn == 0 && in.sn == 0 && in.pop == 0 && in.pl == 0 && in.flags == 0
	}
	return false
}

// typeTable finds the type of a token text among a document's types: open
// addressing over the types' ids, cheaper than a Go map for the many
// lookups and few insertions of a text's tokens.
type typeTable struct {
	seed  maphash.Seed
	slots []int32 // 1 + a type's id; 0: empty
	n     int
}

// find returns the id of the type whose text is s.
func (tt *typeTable) find(types []wtype, s string) (int32, bool) {
	mask := len(tt.slots) - 1
	for i := int(maphash.String(tt.seed, s)) & mask; ; i = (i + 1) & mask {
		id := tt.slots[i] - 1
		if id < 0 {
			return 0, false
		}
		if types[id].text == s {
			return id, true
		}
	}
}

// add adds type id, not yet in the table, growing it to keep it at most
// half full.
func (tt *typeTable) add(types []wtype, id int32) {
	if 2*(tt.n+1) > len(tt.slots) {
		old := tt.slots
		tt.slots, tt.n = make([]int32, 2*len(old)), 0
		for _, o := range old {
			if o != 0 {
				tt.add(types, o-1)
			}
		}
	}
	mask := len(tt.slots) - 1
	i := int(maphash.String(tt.seed, types[id].text)) & mask
	for tt.slots[i] != 0 {
		i = (i + 1) & mask
	}
	tt.slots[i] = id + 1
	tt.n++
}
