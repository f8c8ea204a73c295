package seqtag

import (
	"math"
	"math/bits"
	"unicode/utf8"
)

// Roles in which a feature names another word than the one tagged.
const (
	rolePrev  = iota // fPrevWord: the word before
	rolePrev2        // fPrev2Word: two before
	roleNext         // fNextWord: the word after
	roleNext2        // fNext2Word: two after
	roleSkip         // fPrevWordSkip: the word before across marks
	numRoles
)

// roleFeature is the feature id of a role.
func roleFeature(role int) byte {
	switch role {
	case rolePrev:
		return fPrevWord
	case rolePrev2:
		return fPrev2Word
	case roleNext:
		return fNextWord
	case roleNext2:
		return fNext2Word
	}
	return fPrevWordSkip
}

// rowUnknown is no slot of the table: a row not looked up yet. A feature
// the model lacks has the row of an empty slot (rows.zero), whose weights
// are zero.
const rowUnknown = -1

// rows are what the tagger finds once per model: the slots of the
// features that name the ends of a text and of those of the tags before a
// word.
type rows struct {
	// zero is an empty slot of the table: all its weights are +0, so
	// adding them changes no sum (a running sum starts at +0 and so is
	// never -0, the one value x for which x + +0 is not x), and the row of
	// a feature the model lacks is zero rather than a mark that sum must
	// test for.
	zero  int32
	start [numRoles]int32 // "<s>" in each role (rolePrev, rolePrev2)
	end   [numRoles]int32 // "</s>" in each role (roleNext, roleNext2)
	// prevTag, prevTags and prevTagShape: fPrevTag of the tag before,
	// fPrevTags of it and the one before it, fPrevTagShape of it and the
	// word's shape.
	prevTag      [numTags]int32
	prevTags     [numTags][numTags]int32
	prevTagShape [numTags][numShapes]int32
	// The features of contextFeatures over small domains, by their packed
	// values: shapes, first-name and surname buckets, word levels (below
	// numLevels; a rarer level is hashed), populations, caps elsewhere,
	// sentence starts, registers and flags.
	prevShape, nextShape [numShapes][numShapes]int32                       // [ps][shape]
	prevName             [8][6][numShapes]int32                            // [pi.fn][pi.sn][shape]
	nextName             [8][6][numLevels][numShapes]int32                 // [ni.fn][ni.sn][ni.wl][shape]
	prevCap              [numShapes][numLevels][numShapes][numLevels]int32 // [ps][pi.wl][shape][in.wl]
	nextCap              [numShapes][numLevels][10][numShapes]int32        // [ns][ni.wl][ni.pop][shape]
	capsElsewhere        [3][numShapes][2][numRegs]int32                   // [capsElsewhere][shape][sent][reg]
	prevFlagSkip         [numFlags][numShapes]int32                        // [flag][shape]
	prevFlag, nextFlag   [numFlags][numShapes]int32                        // [flag][shape]
	// The features of prefixFeatures over small domains, the same way.
	bias     int32
	shape    [numShapes]int32
	sent     [2][numShapes]int32             // [sent][shape]
	reg      [numRegs]int32                  // [reg]
	regShape [numRegs][numShapes][2]int32    // [reg][shape][sent]
	fn       [8][2]int32                     // [fn][sent]
	sex      [4]int32                        // [sex]
	sn, wr   [6]int32                        // [sn], [wr]
	wl, pl   [numLevels]int32                // [wl], [pl]
	pop      [10]int32                       // [pop]
	shapeFn  [numShapes][8][numLevels]int32  // [shape][fn][wl]
	shapeSn  [numShapes][6][numLevels]int32  // [shape][sn][wl]
	shapeWl  [numShapes][numLevels][6]int32  // [shape][wl][wr]
	shapePop [numShapes][10][numLevels]int32 // [shape][pop][wl]
	length   [numShapes][13]int32            // [shape][runes, at most 12]
	flag     [numFlags]int32                 // [flag]
}

// Sizes of the small domains of rows.
const (
	numShapes = shMention + 1
	numLevels = 16                                   // word levels (1 + level/10) found by table; higher ones are hashed
	numRegs   = regSocial + regNote + regForeign + 1 // the largest register, plus one
)

// row returns the slot of feature f, or rows.zero when the model lacks it.
func (m *Model) row(f uint64) int32 {
	if o, ok := m.table.get(f); ok {
		return o
	}
	return m.rows.zero
}

// finish finds the model's rows; ReadModel and Trainer.Model call it.
func (m *Model) finish() {
	r := &rows{}
	m.rows = r
	// The table is at most half full: it has an empty slot.
	for i, lo := range m.table.los {
		if lo == 0 {
			r.zero = int32(i)
			break
		}
	}
	var found []*int32
	set := func(row *int32, f uint64) {
		*row = m.row(f)
		found = append(found, row)
	}
	for role := range numRoles {
		set(&r.start[role], hashS(roleFeature(role), "<s>"))
		set(&r.end[role], hashS(roleFeature(role), "</s>"))
	}
	for p1 := range uint8(numTags) {
		set(&r.prevTag[p1], hash1(fPrevTag, uint64(p1)))
		for p2 := range uint8(numTags) {
			set(&r.prevTags[p1][p2], hash1(fPrevTags, pack(p1, p2)))
		}
		for sh := range uint8(numShapes) {
			set(&r.prevTagShape[p1][sh], hash1(fPrevTagShape, pack(p1, sh)))
		}
	}
	for a := range uint8(numShapes) {
		for sh := range uint8(numShapes) {
			set(&r.prevShape[a][sh], hash1(fPrevShape, pack(a, sh)))
			set(&r.nextShape[a][sh], hash1(fNextShape, pack(a, sh)))
		}
	}
	for fn := range uint8(8) {
		for sn := range uint8(6) {
			for sh := range uint8(numShapes) {
				set(&r.prevName[fn][sn][sh], hash1(fPrevName, pack(fn, sn, sh)))
				for wl := range uint8(numLevels) {
					set(&r.nextName[fn][sn][wl][sh], hash1(fNextName, pack(fn, sn, wl, sh)))
				}
			}
		}
	}
	for a := range uint8(numShapes) {
		for wl := range uint8(numLevels) {
			for sh := range uint8(numShapes) {
				for wl2 := range uint8(numLevels) {
					set(&r.prevCap[a][wl][sh][wl2], hash1(fPrevCap, pack(a, wl, sh, wl2)))
				}
				for pop := range uint8(10) {
					set(&r.nextCap[a][wl][pop][sh], hash1(fNextCap, pack(a, wl, pop, sh)))
				}
			}
		}
	}
	for ce := range uint8(3) {
		for sh := range uint8(numShapes) {
			for sent := range uint8(2) {
				for reg := range uint8(numRegs) {
					set(&r.capsElsewhere[ce][sh][sent][reg], hash1(fCapsElsewhere, pack(ce, sh, sent, reg)))
				}
			}
		}
	}
	set(&r.bias, hash1(fBias, 0))
	for sh := range uint8(numShapes) {
		set(&r.shape[sh], hash1(fShape, uint64(sh)))
		for sent := range uint8(2) {
			set(&r.sent[sent][sh], hash1(fSent, pack(sent, sh)))
			for reg := range uint8(numRegs) {
				set(&r.regShape[reg][sh][sent], hash1(fRegShape, pack(reg, sh, sent)))
			}
		}
		for wl := range uint8(numLevels) {
			for fn := range uint8(8) {
				set(&r.shapeFn[sh][fn][wl], hash1(fShapeFn, pack(sh, fn, wl)))
			}
			for sn := range uint8(6) {
				set(&r.shapeSn[sh][sn][wl], hash1(fShapeSn, pack(sh, sn, wl)))
				set(&r.shapeWl[sh][wl][sn], hash1(fShapeWl, pack(sh, wl, sn)))
			}
			for pop := range uint8(10) {
				set(&r.shapePop[sh][pop][wl], hash1(fShapePop, pack(sh, pop, wl)))
			}
		}
		for n := range uint8(13) {
			set(&r.length[sh][n], hash1(fLen, pack(sh, n)))
		}
	}
	for reg := range uint8(numRegs) {
		set(&r.reg[reg], hash1(fReg, uint64(reg)))
	}
	for fn := range uint8(8) {
		for sent := range uint8(2) {
			set(&r.fn[fn][sent], hash1(fFn, pack(fn, sent)))
		}
	}
	for sex := range uint64(4) {
		set(&r.sex[sex], hash1(fSex, sex))
	}
	for b := range uint64(6) {
		set(&r.sn[b], hash1(fSn, b))
		set(&r.wr[b], hash1(fWr, b))
	}
	for lv := range uint64(numLevels) {
		set(&r.wl[lv], hash1(fWl, lv))
		set(&r.pl[lv], hash1(fPl, lv))
	}
	for pop := range uint64(10) {
		set(&r.pop[pop], hash1(fPop, pop))
	}
	for b := range uint8(numFlags) {
		set(&r.flag[b], hash1(fFlag, uint64(b)))
		for sh := range uint8(numShapes) {
			set(&r.prevFlagSkip[b][sh], hash1(fPrevFlagSkip, pack(b, sh)))
			set(&r.prevFlag[b][sh], hash1(fPrevFlag, pack(b, sh)))
			set(&r.nextFlag[b][sh], hash1(fNextFlag, pack(b, sh)))
		}
	}
	m.table.copyHot(found)
}

// sum is written for seven tags: these stop the build if numTags is not 7.
const (
	_ = uint(numTags - 7)
	_ = uint(7 - numTags)
)

// sum adds to s the weights in the slots rows, in order. The running sums
// stay in registers, and the rows are found before the first is added, so
// that their cache misses overlap.
func (m *Model) sum(s *[numTags]float32, rows []int32) {
	s0, s1, s2, s3, s4, s5, s6 := s[0], s[1], s[2], s[3], s[4], s[5], s[6]
	slots := m.table.slots
	for _, o := range rows {
		w := &slots[o].w
		s0 += w[0]
		s1 += w[1]
		s2 += w[2]
		s3 += w[3]
		s4 += w[4]
		s5 += w[5]
		s6 += w[6]
	}
	*s = [numTags]float32{s0, s1, s2, s3, s4, s5, s6}
}

// tagger tags the words of one text. It sums the same weights in the same
// order as scoring staticFeatures and tagFeatures would, so its scores are
// the same to the bit, but it looks each feature that depends on a word
// alone up once per distinct token text (wtype) instead of once per use.
type tagger struct {
	m      *Model
	ws     []word
	types  []wtype
	reg    uint8
	rowBuf []int32
	// cache, when not nil, keeps the rows of common words for the next
	// text; info, their prefix sums (wtype.islot).
	cache *rowCache
	info  *infoCache
}

// prefix returns the summed weights of prefixFeatures of word type w, at
// a sentence's start (k 1) or not (k 0).
func (t *tagger) prefix(w *wtype, k int) *[numTags]float32 {
	if w.prefixDone[k] {
		return &w.prefix[k]
	}
	var e *infoEntry
	if w.islot > 0 && t.info != nil {
		// The sums of this text in this register from an earlier text.
		e = &t.info.entries[w.islot-1]
		if e.reg != t.reg {
			e.reg, e.done = t.reg, [2]bool{}
		}
		if e.done[k] {
			w.prefix[k], w.prefixDone[k] = e.sums[k], true
			return &w.prefix[k]
		}
	}
	t.rowBuf = t.m.prefixRows(t.rowBuf[:0], w.lower, w.shape, w.info, uint8(k), t.reg)
	t.m.sum(&w.prefix[k], t.rowBuf)
	w.prefixDone[k] = true
	if e != nil {
		e.sums[k], e.done[k] = w.prefix[k], true
	}
	return &w.prefix[k]
}

// prefixRows appends the rows of prefixFeatures of a word to dst, in their
// order: by table where the feature's domain is small, hashed otherwise.
func (m *Model) prefixRows(dst []int32, lower string, sh uint8, in info, sent, reg uint8) []int32 {
	r := m.rows
	dst = append(dst, r.bias)
	dst = append(dst, m.row(hashS(fWord, lower)))
	dst = append(dst, r.shape[sh])
	dst = append(dst, r.sent[sent][sh])
	dst = append(dst, r.reg[reg])
	dst = append(dst, r.regShape[reg][sh][sent])
	dst = append(dst, r.fn[in.fn][sent])
	dst = append(dst, r.sex[in.sex])
	dst = append(dst, r.sn[in.sn])
	if in.wl < numLevels {
		dst = append(dst, r.wl[in.wl])
	} else {
		dst = append(dst, m.row(hash1(fWl, uint64(in.wl))))
	}
	dst = append(dst, r.wr[in.wr])
	if in.pl < numLevels {
		dst = append(dst, r.pl[in.pl])
	} else {
		dst = append(dst, m.row(hash1(fPl, uint64(in.pl))))
	}
	dst = append(dst, r.pop[in.pop])
	if in.wl < numLevels {
		dst = append(dst, r.shapeFn[sh][in.fn][in.wl])
		dst = append(dst, r.shapeSn[sh][in.sn][in.wl])
		dst = append(dst, r.shapeWl[sh][in.wl][in.wr])
		dst = append(dst, r.shapePop[sh][in.pop][in.wl])
	} else {
		dst = append(dst, m.row(hash1(fShapeFn, pack(sh, in.fn, in.wl))))
		dst = append(dst, m.row(hash1(fShapeSn, pack(sh, in.sn, in.wl))))
		dst = append(dst, m.row(hash1(fShapeWl, pack(sh, in.wl, in.wr))))
		dst = append(dst, m.row(hash1(fShapePop, pack(sh, in.pop, in.wl))))
	}
	dst = append(dst, m.row(hash1(fRegShapeWl, pack(reg, sh, in.wl, in.fn, in.sn))))
	dst = append(dst, r.length[sh][min(utf8.RuneCountInString(lower), 12)])
	if n := len(lower); n >= 3 {
		dst = append(dst, m.row(hashS(fSuf3, lower[n-3:])))
		dst = append(dst, m.row(hashS(fSuf2, lower[n-2:])))
		dst = append(dst, m.row(hashS(fPre2, lower[:2])))
	}
	for f := in.flags; f != 0; f &= f - 1 {
		dst = append(dst, r.flag[bits.TrailingZeros16(f)])
	}
	return dst
}

// wordRow returns the slot of the feature naming word j in role.
func (t *tagger) wordRow(j int, role int) int32 {
	if uint(j) < uint(len(t.ws)) {
		if r := t.types[t.ws[j].typ].rows[role]; r != rowUnknown {
			return r
		}
	}
	return t.findWordRow(j, role)
}

// findWordRow is wordRow of a row that may not be known yet.
func (t *tagger) findWordRow(j int, role int) int32 {
	switch {
	case j < 0:
		return t.m.rows.start[role]
	case j >= len(t.ws):
		return t.m.rows.end[role]
	}
	w := &t.types[t.ws[j].typ]
	if w.rows[role] != rowUnknown {
		return w.rows[role]
	}
	t.cached(w)
	if w.rows[role] == rowUnknown {
		w.rows[role] = t.m.row(hashS(roleFeature(role), w.lower))
		t.keepRow(w, role, w.rows[role])
	}
	return w.rows[role]
}

// tagRow returns the slot of fPrevTagWord of word type w after tag p.
func (t *tagger) tagRow(w *wtype, p uint8) int32 {
	if r := w.tagRows[p]; r != rowUnknown {
		return r
	}
	t.cached(w)
	if w.tagRows[p] != rowUnknown {
		return w.tagRows[p]
	}
	var e *infoEntry
	if w.islot > 0 && t.info != nil {
		// cached read the rows after the first three tags only.
		e = &t.info.entries[w.islot-1]
		if r := e.tagRow(p); r != rowUnknown {
			w.tagRows[p] = r
			return r
		}
	}
	r := t.m.row(hashTagWord(p, w.lower))
	w.tagRows[p] = r
	switch {
	case e != nil:
		e.keepTagRow(p, r)
	case w.set != nil:
		w.set.tagRows[p] = r
	}
	return r
}

// maxRows bounds the rows of contextFeatures and tagFeatures of a word: 11
// always, the word before across marks and its flags (12), the flags of
// the words before and after (22), and the 4 of the tags.
const maxRows = 64

// contextRows writes the rows of contextFeatures of word i to rows, in
// their order, and returns how many.
func (t *tagger) contextRows(rows *[maxRows]int32, i int) int {
	m, ws, types := t.m, t.ws, t.types
	w := &ws[i]
	in := types[w.typ].info
	sent := uint8(0)
	if w.sentStart {
		sent = 1
	}
	r := m.rows
	sh := w.shape
	// The shapes and info of the words around, and the rows naming them
	// where their types know them (wordRow's test, written out: the call
	// is not inlined).
	var ps, ns uint8
	var pi, ni info
	var rp, rp2, rn, rn2 int32 = rowUnknown, rowUnknown, rowUnknown, rowUnknown
	if i > 0 {
		pt := &types[ws[i-1].typ]
		ps, pi, rp = ws[i-1].shape, pt.info, pt.rows[rolePrev]
		if i > 1 {
			rp2 = types[ws[i-2].typ].rows[rolePrev2]
		}
	}
	if i+1 < len(ws) {
		nt := &types[ws[i+1].typ]
		ns, ni, rn = ws[i+1].shape, nt.info, nt.rows[roleNext]
		if i+2 < len(ws) {
			rn2 = types[ws[i+2].typ].rows[roleNext2]
		}
	}
	if rp == rowUnknown {
		rp = t.findWordRow(i-1, rolePrev)
	}
	if rp2 == rowUnknown {
		rp2 = t.findWordRow(i-2, rolePrev2)
	}
	if rn == rowUnknown {
		rn = t.findWordRow(i+1, roleNext)
	}
	if rn2 == rowUnknown {
		rn2 = t.findWordRow(i+2, roleNext2)
	}
	rows[0], rows[1], rows[2], rows[3] = rp, rp2, rn, rn2
	rows[4], rows[5], rows[6] = r.prevShape[ps][sh], r.nextShape[ns][sh], r.prevName[pi.fn][pi.sn][sh]
	if ni.wl < numLevels {
		rows[7] = r.nextName[ni.fn][ni.sn][ni.wl][sh]
	} else {
		rows[7] = m.row(hash1(fNextName, pack(ni.fn, ni.sn, ni.wl, sh)))
	}
	if pi.wl < numLevels && in.wl < numLevels {
		rows[8] = r.prevCap[ps][pi.wl][sh][in.wl]
	} else {
		rows[8] = m.row(hash1(fPrevCap, pack(ps, pi.wl, sh, in.wl)))
	}
	if ni.wl < numLevels {
		rows[9] = r.nextCap[ns][ni.wl][ni.pop][sh]
	} else {
		rows[9] = m.row(hash1(fNextCap, pack(ns, ni.wl, ni.pop, sh)))
	}
	rows[10] = r.capsElsewhere[capsElsewhere(ws, types, i)][sh][sent][t.reg]
	n := 11
	if j := skipBack(ws, i); j >= 0 {
		rows[n] = t.wordRow(j, roleSkip)
		n++
		for f := t.types[ws[j].typ].info.flags; f != 0; f &= f - 1 {
			rows[n] = r.prevFlagSkip[bits.TrailingZeros16(f)][sh]
			n++
		}
	}
	// The flags of the words before and after, by flag, the one before
	// first.
	for f := pi.flags | ni.flags; f != 0; f &= f - 1 {
		b := bits.TrailingZeros16(f)
		if pi.flags&(1<<b) != 0 {
			rows[n] = r.prevFlag[b][sh]
			n++
		}
		if ni.flags&(1<<b) != 0 {
			rows[n] = r.nextFlag[b][sh]
			n++
		}
	}
	return n
}

// decodeInto tags the words left to right, each with the best tag allowed
// after the one before; a word plainWord passes after an O is an O
// unscored. It returns the tags and, for each word, the margin of its tag
// over the best other, in the buffers of sc.
func (t *tagger) decodeInto(sc *scratch) ([]uint8, []float32) {
	m, ws := t.m, t.ws
	// decode writes every word's tag and margin: they are not cleared.
	tags := grow(&sc.tags, len(ws))
	margins := grow(&sc.margins, len(ws))
	var p1, p2 uint8
	var rows [maxRows]int32
	mr := m.rows
	for i := 0; i < len(ws); {
		if p1 == tagO && ws[i].plain {
			// A run of words plainWord passes, after an O: all O.
			tags[i] = tagO
			for i++; i < len(ws) && ws[i].plain; i++ {
				tags[i] = tagO
			}
			p2 = tagO
			continue
		}
		// The weights of staticFeatures then tagFeatures, in their
		// order: the word's own (prefix), its context's, the tags'.
		w := &ws[i]
		ty := &t.types[w.typ]
		k := 0
		if w.sentStart {
			k = 1
		}
		var s [numTags]float32
		if ty.prefixDone[k] {
			s = ty.prefix[k]
		} else {
			s = *t.prefix(ty, k)
		}
		n := t.contextRows(&rows, i)
		tr := ty.tagRows[p1]
		if tr == rowUnknown {
			tr = t.tagRow(ty, p1)
		}
		tail := rows[n : n+4 : n+4]
		tail[0], tail[1], tail[2], tail[3] = mr.prevTag[p1], mr.prevTags[p1][p2], mr.prevTagShape[p1][w.shape], tr
		m.sum(&s, rows[:n+4])
		best, margin := pick(&s, p1)
		tags[i] = uint8(best)
		margins[i] = margin
		p2, p1 = p1, uint8(best)
		i++
	}
	return tags, margins
}

// pick returns the best tag allowed after tag p1 by the scores s, the
// first of equals, and its margin over the best other allowed: the tags
// are weighed in order, O (always allowed), the B- tags (always allowed)
// and of the I- tags the one iAfter(p1) only, as allowed says (TestIAfter,
// TestPick).
func pick(s *[numTags]float32, p1 uint8) (int, float32) {
	ik := iAfter(p1)
	best, bv, second := better(tagO, s[tagO], float32(math.Inf(-1)), tagBPer, s[tagBPer])
	if ik == tagIPer {
		best, bv, second = better(best, bv, second, tagIPer, s[tagIPer])
	}
	best, bv, second = better(best, bv, second, tagBLoc, s[tagBLoc])
	if ik == tagILoc {
		best, bv, second = better(best, bv, second, tagILoc, s[tagILoc])
	}
	best, bv, second = better(best, bv, second, tagBOrg, s[tagBOrg])
	if ik == tagIOrg {
		best, bv, second = better(best, bv, second, tagIOrg, s[tagIOrg])
	}
	return best, bv - second
}

// better returns the best tag, its score and the best score of the others
// once tag k, of score v, is weighed after tag best, of score bv, and
// others whose best score is second: the first of equals wins.
func better(best int, bv, second float32, k int, v float32) (int, float32, float32) {
	if v > bv {
		return k, v, bv
	}
	if v > second {
		return best, bv, v
	}
	return best, bv, second
}

// iAfter returns the one I- tag allowed after tag p, that of p's kind (an
// I- tag is even, its B- tag the odd one before it), or 0 after O.
func iAfter(p uint8) int { return int(p) + int(p&1) }
