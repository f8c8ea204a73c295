package seqtag

// The tagger as it was before it was made faster (commit 51082ea), kept
// whole so that TestSameAsReference can show the fast one finds the same
// names with the same margins, bit for bit.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/lexfacts"
	"github.com/veil-blog/veil/internal/lexicon"
)

// refToken is Token.
type refToken struct {
	Start, End int
	Text       string
}

// refModel is the model as the old code held it.
type refModel struct {
	table   refTable
	weights []float32
}

// readRefModel reads the embedded model file as the old ReadModel did.
func readRefModel(data []byte) (*refModel, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("not a model file")
	}
	data = data[len(magic)+6*4:]
	n := int(binary.LittleEndian.Uint32(data))
	data = data[4:]
	index := make(map[uint64]int32, n)
	for i := 0; i < n; i++ {
		index[binary.LittleEndian.Uint64(data[i*8:])] = int32(i * numTags)
	}
	data = data[n*8:]
	m := &refModel{weights: make([]float32, n*numTags)}
	for i := range m.weights {
		m.weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[i*4:]))
	}
	m.table = refNewTable(index)
	return m, nil
}

func refTokenize(text string) []refToken {
	toks := make([]refToken, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		if (r == '#' || r == '@') && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); refIsWordRune(r2) {
				i += n
				r, n = r2, 0
			}
		}
		if (r == '\'' || r == '’') && refPossessive(text[i+n:]) {
			i += n + 1
			toks = append(toks, refToken{start, i, text[start:i]})
			continue
		}
		if !refIsWordRune(r) {
			i += n
			toks = append(toks, refToken{start, i, text[start:i]})
			continue
		}
		partStart := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if refIsWordRune(r) {
				i += n
				continue
			}
			if (r == '\'' || r == '’') && refPossessive(text[i+n:]) {
				break // "Ada's": the refPossessive is a refWord of its own
			}
			if (r == '\'' || r == '’' || r == '-') && i+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); refIsWordRune(r2) {
					i += n
					continue
				}
			}
			if r == '.' && refInitials(text[partStart:i], text[i+n:]) {
				i += n
				partStart = i
				continue
			}
			break
		}
		toks = append(toks, refToken{start, i, text[start:i]})
	}
	return toks
}

func refIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func refPossessive(rest string) bool {
	if len(rest) == 0 || rest[0] != 's' && rest[0] != 'S' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !refIsWordRune(r)
}

func refInitials(part, rest string) bool {
	if utf8.RuneCountInString(part) != 1 {
		return false
	}
	r, n := utf8.DecodeRuneInString(rest)
	if !refIsWordRune(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(rest[n:])
	return n == len(rest) || !refIsWordRune(r2)
}

type refInfo struct {
	fn, sex, sn, wl, wr, pl, pop uint8
	flags                        uint16
}

// categories are the lexicon's categories, in order.
var categories = lexicon.AllCategories()

func refLookup(lex *lexicon.Lexicon, w, lower string, x lexicon.Facts) refInfo {
	var in refInfo
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
		in.sn = refRankBucket(r)
	}
	if lv := int(x.Level); lv != 0 {
		in.wl = uint8(1 + lv/10)
	}
	if r := int(x.Rank); r != 0 {
		in.wr = refRankBucket(r)
	}
	if lv := int(x.Proper); lv != 0 {
		in.pl = uint8(1 + lv/10)
	}
	if p, ok := lex.Place(w); ok {
		in.pop = uint8(1 + min(8, int(math.Log10(float64(p.Population+1)))))
	}
	if len(lower) >= 2 {
		if lex.IsCountry(lower) {
			in.flags |= flCountry
		}
		if _, ok := lex.USState(w); ok {
			in.flags |= flState
		}
	}
	for _, c := range categories {
		if !x.In(c) {
			continue
		}
		switch c {
		case lexicon.Title:
			in.flags |= flTitle
		case lexicon.Kinship:
			in.flags |= flKin
		case lexicon.OrgCue:
			in.flags |= flOrgCue
		case lexicon.OrgType:
			in.flags |= flOrgType
		case lexicon.StreetSuffix:
			in.flags |= flStreet
		case lexicon.DateWord, lexicon.Holiday:
			in.flags |= flDateWord
		case lexicon.Nationality:
			in.flags |= flNationality
		case lexicon.Occupation:
			in.flags |= flOccupation
		case lexicon.Language:
			in.flags |= flLanguage
		}
	}
	return in
}

func refRankBucket(r int) uint8 {
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

func refShapeOf(w string) uint8 {
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
	var up, low, dig, other int
	first := true
	firstUp := false
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
		default:
			other++
		}
		first = false
	}
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

type refWord struct {
	lower string
	shape uint8
	info  refInfo
	// sentStart: the first refWord of a line or after a full stop.
	sentStart bool
	// capsElsewhere: how many other times the text writes the refWord with
	// a capital inside a sentence (0, 1, 2: more), evidence of a name that
	// the refWord's own position may lack.
	capsElsewhere uint8
}

func refAnalyse(lex *lexicon.Lexicon, an *deid.Analysis, text string, toks []refToken, note bool) ([]refWord, uint8) {
	ws := make([]refWord, len(toks))
	var facts *lexfacts.Words
	if an != nil {
		facts = lexfacts.Of(an, lex)
	}
	cache := make(map[string]refInfo, len(toks)/4+1)
	var caps, letters, social int
	prevEnd := 0
	for i, t := range toks {
		w := &ws[i]
		w.shape = refShapeOf(t.Text)
		w.lower = strings.ToLower(t.Text)
		if i == 0 || strings.ContainsRune(text[prevEnd:t.Start], '\n') {
			w.sentStart = true
		} else if p := toks[i-1].Text; p == "." || p == "!" || p == "?" || p == ":" || p == "\"" || p == "“" {
			w.sentStart = true
		}
		prevEnd = t.End
		switch w.shape {
		case shUpper:
			caps++
			letters++
		case shLower, shTitle, shMixed:
			letters++
		case shHash, shMention:
			social++
		}
		if w.shape == shPunct || w.shape == shDigit {
			continue
		}
		key := t.Text
		if w.shape == shHash || w.shape == shMention {
			key = t.Text[1:]
		}
		in, ok := cache[key]
		if !ok {
			var x lexicon.Facts
			if facts != nil {
				x = facts.FactsOf(key)
			} else {
				x = lex.Facts(key)
			}
			in = refLookup(lex, key, strings.ToLower(key), x)
			cache[key] = in
		}
		w.info = in
	}
	inner := make(map[string]int, len(toks)/8+1)
	for i := range ws {
		if !ws[i].sentStart && (ws[i].shape == shTitle || ws[i].shape == shMixed) {
			inner[ws[i].lower]++
		}
	}
	for i := range ws {
		n := inner[ws[i].lower]
		if !ws[i].sentStart && (ws[i].shape == shTitle || ws[i].shape == shMixed) {
			n--
		}
		ws[i].capsElsewhere = uint8(min(n, 2))
	}
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
	// refWord lists, look like names.
	var plain, known int
	for i := range ws {
		if ws[i].shape == shLower && len(ws[i].lower) > 2 {
			plain++
			if ws[i].info.wl > 0 {
				known++
			}
		}
	}
	if plain >= 5 && known*2 < plain {
		reg += regForeign
	}
	return ws, reg
}

func refHash1(id byte, a uint64) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(id)) * fnvPrime
	for k := 0; k < 8; k++ {
		h = (h ^ (a & 0xff)) * fnvPrime
		a >>= 8
	}
	return h
}

func refHashS(id byte, s string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(id)) * fnvPrime
	for k := 0; k < len(s); k++ {
		h = (h ^ uint64(s[k])) * fnvPrime
	}
	return h
}

func refHashTagWord(p uint8, w string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(fPrevTagWord)) * fnvPrime
	h = (h ^ uint64('A'+p)) * fnvPrime
	for k := 0; k < len(w); k++ {
		h = (h ^ uint64(w[k])) * fnvPrime
	}
	return h
}

func refPack(vs ...uint8) uint64 {
	var a uint64
	for _, v := range vs {
		a = a<<8 | uint64(v)
	}
	return a
}

func refStaticFeatures(dst []uint64, ws []refWord, i int, reg uint8) []uint64 {
	w := &ws[i]
	in := w.info
	sent := uint8(0)
	if w.sentStart {
		sent = 1
	}
	dst = append(dst,
		refHash1(fBias, 0),
		refHashS(fWord, w.lower),
		refHash1(fShape, uint64(w.shape)),
		refHash1(fSent, refPack(sent, w.shape)),
		refHash1(fReg, uint64(reg)),
		refHash1(fRegShape, refPack(reg, w.shape, sent)),
		refHash1(fFn, refPack(in.fn, sent)),
		refHash1(fSex, uint64(in.sex)),
		refHash1(fSn, uint64(in.sn)),
		refHash1(fWl, uint64(in.wl)),
		refHash1(fWr, uint64(in.wr)),
		refHash1(fPl, uint64(in.pl)),
		refHash1(fPop, uint64(in.pop)),
		refHash1(fShapeFn, refPack(w.shape, in.fn, in.wl)),
		refHash1(fShapeSn, refPack(w.shape, in.sn, in.wl)),
		refHash1(fShapeWl, refPack(w.shape, in.wl, in.wr)),
		refHash1(fShapePop, refPack(w.shape, in.pop, in.wl)),
		refHash1(fRegShapeWl, refPack(reg, w.shape, in.wl, in.fn, in.sn)),
		refHash1(fLen, refPack(w.shape, uint8(min(utf8.RuneCountInString(w.lower), 12)))),
	)
	if n := len(w.lower); n >= 3 {
		dst = append(dst, refHashS(fSuf3, w.lower[n-3:]), refHashS(fSuf2, w.lower[n-2:]), refHashS(fPre2, w.lower[:2]))
	}
	for b := 0; b < numFlags; b++ {
		if in.flags&(1<<b) != 0 {
			dst = append(dst, refHash1(fFlag, uint64(b)))
		}
	}
	ctx := func(j int) (string, uint8, refInfo, bool) {
		if j < 0 {
			return "<s>", 0, refInfo{}, false
		}
		if j >= len(ws) {
			return "</s>", 0, refInfo{}, false
		}
		return ws[j].lower, ws[j].shape, ws[j].info, true
	}
	pw, ps, pi, _ := ctx(i - 1)
	p2w, _, _, _ := ctx(i - 2)
	nw, ns, ni, _ := ctx(i + 1)
	n2w, _, _, _ := ctx(i + 2)
	dst = append(dst,
		refHashS(fPrevWord, pw), refHashS(fPrev2Word, p2w), refHashS(fNextWord, nw), refHashS(fNext2Word, n2w),
		refHash1(fPrevShape, refPack(ps, w.shape)), refHash1(fNextShape, refPack(ns, w.shape)),
		refHash1(fPrevName, refPack(pi.fn, pi.sn, w.shape)), refHash1(fNextName, refPack(ni.fn, ni.sn, ni.wl, w.shape)),
		refHash1(fPrevCap, refPack(ps, pi.wl, w.shape, in.wl)), refHash1(fNextCap, refPack(ns, ni.wl, ni.pop, w.shape)),
	)
	dst = append(dst, refHash1(fCapsElsewhere, refPack(w.capsElsewhere, w.shape, sent, reg)))
	// The refWord before across marks ("Dr. Vance", "son - Mateo").
	if i > 0 && ws[i-1].shape == shPunct {
		j := i - 2
		for j >= 0 && i-j <= 3 && ws[j].shape == shPunct {
			j--
		}
		if j >= 0 && ws[j].shape != shPunct {
			dst = append(dst, refHashS(fPrevWordSkip, ws[j].lower))
			for b := 0; b < numFlags; b++ {
				if ws[j].info.flags&(1<<b) != 0 {
					dst = append(dst, refHash1(fPrevFlagSkip, refPack(uint8(b), w.shape)))
				}
			}
		}
	}
	for b := 0; b < numFlags; b++ {
		if pi.flags&(1<<b) != 0 {
			dst = append(dst, refHash1(fPrevFlag, refPack(uint8(b), w.shape)))
		}
		if ni.flags&(1<<b) != 0 {
			dst = append(dst, refHash1(fNextFlag, refPack(uint8(b), w.shape)))
		}
	}
	return dst
}

func refTagFeatures(dst []uint64, ws []refWord, i int, p1, p2 uint8) []uint64 {
	return append(dst,
		refHash1(fPrevTag, uint64(p1)),
		refHash1(fPrevTags, refPack(p1, p2)),
		refHash1(fPrevTagShape, refPack(p1, ws[i].shape)),
		refHashTagWord(p1, ws[i].lower),
	)
}

func refPlainWord(ws []refWord, i int) bool {
	w := &ws[i]
	switch w.shape {
	case shPunct, shDigit:
		return true
	case shLower:
		in := w.info
		return in.wl >= 1 && in.fn == 0 && in.sn == 0 && in.pop == 0 && in.flags == 0
	case shUpper:
		// In capitals ("PT SEEN BY"), a common refWord that no list of
		// names or places holds.
		in := w.info
		return in.wl >= 1 && in.wl <= 3 && in.fn == 0 && in.sn == 0 && in.pop == 0 && in.pl == 0 && in.flags == 0
	}
	return false
}

type refTable struct {
	keys []uint64
	offs []int32
	mask uint64
}

func refNewTable(index map[uint64]int32) refTable {
	n := 1
	for n < 2*len(index)+1 {
		n <<= 1
	}
	t := refTable{keys: make([]uint64, n), offs: make([]int32, n), mask: uint64(n - 1)}
	for k, o := range index {
		if k == 0 {
			continue
		}
		i := k & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.offs[i] = k, o
	}
	return t
}

func (t *refTable) get(k uint64) (int32, bool) {
	if len(t.keys) == 0 || k == 0 {
		return 0, false
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.offs[i], true
		case 0:
			return 0, false
		}
	}
}

func (m *refModel) refScore(s *[numTags]float32, feats []uint64) {
	for _, f := range feats {
		if o, ok := m.table.get(f); ok {
			w := m.weights[o : o+numTags : o+numTags]
			for k := range s {
				s[k] += w[k]
			}
		}
	}
}

func (m *refModel) refDecode(ws []refWord, reg uint8, skip func(i int) bool) ([]uint8, []float32) {
	tags := make([]uint8, len(ws))
	margins := make([]float32, len(ws))
	feats := make([]uint64, 0, 96)
	var p1, p2 uint8
	for i := range ws {
		if skip != nil && p1 == tagO && skip(i) {
			tags[i] = tagO
			p2, p1 = p1, tagO
			continue
		}
		feats = refStaticFeatures(feats[:0], ws, i, reg)
		feats = refTagFeatures(feats, ws, i, p1, p2)
		var s [numTags]float32
		m.refScore(&s, feats)
		best, second := -1, float32(math.Inf(-1))
		for t := range s {
			if !allowed(p1, uint8(t)) {
				continue
			}
			if best < 0 || s[t] > s[best] {
				if best >= 0 {
					second = s[best]
				}
				best = t
			} else if s[t] > second {
				second = s[t]
			}
		}
		tags[i] = uint8(best)
		margins[i] = s[best] - second
		p2, p1 = p1, uint8(best)
	}
	return tags, margins
}

func (m *refModel) refFind(lex *lexicon.Lexicon, an *deid.Analysis, text string, note bool) []Found {
	toks := refTokenize(text)
	if len(toks) == 0 {
		return nil
	}
	ws, reg := refAnalyse(lex, an, text, toks, note)
	tags, margins := m.refDecode(ws, reg, func(i int) bool { return refPlainWord(ws, i) })
	var out []Found
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			i++
			continue
		}
		b := t
		if b%2 == 0 { // an I- tag opening a span (refDecode never gives it)
			b--
		}
		j := i + 1
		mg := margins[i]
		for j < len(tags) && tags[j] == b+1 {
			mg = min(mg, margins[j])
			j++
		}
		kind := [...]string{tagBPer: "PER", tagBLoc: "LOC", tagBOrg: "ORG"}[b]
		// Marks at either end are no part of the name ("_Ada_").
		a, z := i, j
		for a < z && ws[a].shape == shPunct {
			a++
		}
		for z > a && ws[z-1].shape == shPunct {
			z--
		}
		if a < z && refNameLike(ws[a:z]) {
			out = append(out, Found{toks[a].Start, refNameEnd(lex, toks[z-1]), kind, mg})
		}
		i = j
	}
	return out
}

func refNameEnd(lex *lexicon.Lexicon, tok refToken) int {
	i := strings.LastIndexByte(tok.Text, '-')
	if i <= 0 || lex == nil {
		return tok.End
	}
	tail := tok.Text[i+1:]
	if tail != strings.ToLower(tail) {
		return tok.End
	}
	if r, ok := lex.WordRank(tail); ok && r <= 100 {
		return tok.Start + i
	}
	return tok.End
}

func refNameLike(ws []refWord) bool {
	if len(ws) == 1 && ws[0].shape == shUpper && len(ws[0].lower) <= 5 {
		return false
	}
	letters := false
	for _, w := range ws {
		if w.shape != shDigit && w.shape != shPunct && !(w.shape == shMention && !refHasLetter(w.lower)) {
			letters = true
		}
	}
	return letters
}

func refHasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
