package seqtag

import "math"

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

// Offsets into the weights that are no offset.
const (
	rowAbsent  = -1 // the model has no weights for the feature
	rowUnknown = -2 // not looked up yet
)

// rows are what the tagger finds once per model: the offsets of the
// features that name the ends of a text and of those of the tags before a
// word.
type rows struct {
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
}

// Sizes of the small domains of rows.
const (
	numShapes = shMention + 1
	numLevels = 16                                   // word levels (1 + level/10) found by table; higher ones are hashed
	numRegs   = regSocial + regNote + regForeign + 1 // the largest register, plus one
)

// row returns the offset of feature f's weights, or rowAbsent.
func (m *Model) row(f uint64) int32 {
	if o, ok := m.table.get(f); ok {
		return o
	}
	return rowAbsent
}

// finish finds the model's rows; ReadModel and Trainer.Model call it.
func (m *Model) finish() {
	r := &rows{}
	m.rows = r
	for role := range numRoles {
		r.start[role] = m.row(hashS(roleFeature(role), "<s>"))
		r.end[role] = m.row(hashS(roleFeature(role), "</s>"))
	}
	for p1 := range uint8(numTags) {
		r.prevTag[p1] = m.row(hash1(fPrevTag, uint64(p1)))
		for p2 := range uint8(numTags) {
			r.prevTags[p1][p2] = m.row(hash1(fPrevTags, pack(p1, p2)))
		}
		for sh := range uint8(numShapes) {
			r.prevTagShape[p1][sh] = m.row(hash1(fPrevTagShape, pack(p1, sh)))
		}
	}
	for a := range uint8(numShapes) {
		for sh := range uint8(numShapes) {
			r.prevShape[a][sh] = m.row(hash1(fPrevShape, pack(a, sh)))
			r.nextShape[a][sh] = m.row(hash1(fNextShape, pack(a, sh)))
		}
	}
	for fn := range uint8(8) {
		for sn := range uint8(6) {
			for sh := range uint8(numShapes) {
				r.prevName[fn][sn][sh] = m.row(hash1(fPrevName, pack(fn, sn, sh)))
				for wl := range uint8(numLevels) {
					r.nextName[fn][sn][wl][sh] = m.row(hash1(fNextName, pack(fn, sn, wl, sh)))
				}
			}
		}
	}
	for a := range uint8(numShapes) {
		for wl := range uint8(numLevels) {
			for sh := range uint8(numShapes) {
				for wl2 := range uint8(numLevels) {
					r.prevCap[a][wl][sh][wl2] = m.row(hash1(fPrevCap, pack(a, wl, sh, wl2)))
				}
				for pop := range uint8(10) {
					r.nextCap[a][wl][pop][sh] = m.row(hash1(fNextCap, pack(a, wl, pop, sh)))
				}
			}
		}
	}
	for ce := range uint8(3) {
		for sh := range uint8(numShapes) {
			for sent := range uint8(2) {
				for reg := range uint8(numRegs) {
					r.capsElsewhere[ce][sh][sent][reg] = m.row(hash1(fCapsElsewhere, pack(ce, sh, sent, reg)))
				}
			}
		}
	}
	for b := range uint8(numFlags) {
		for sh := range uint8(numShapes) {
			r.prevFlagSkip[b][sh] = m.row(hash1(fPrevFlagSkip, pack(b, sh)))
			r.prevFlag[b][sh] = m.row(hash1(fPrevFlag, pack(b, sh)))
			r.nextFlag[b][sh] = m.row(hash1(fNextFlag, pack(b, sh)))
		}
	}
}

// add adds the weights at offset o, if any, to s.
func (m *Model) add(s *[numTags]float32, o int32) {
	if o < 0 {
		return
	}
	w := m.weights[o : o+numTags : o+numTags]
	for k := range s {
		s[k] += w[k]
	}
}

// addFeature adds the weights of feature f, if any, to s.
func (m *Model) addFeature(s *[numTags]float32, f uint64) {
	if o, ok := m.table.get(f); ok {
		w := m.weights[o : o+numTags : o+numTags]
		for k := range s {
			s[k] += w[k]
		}
	}
}

// tagger tags the words of one text. It sums the same weights in the same
// order as scoring staticFeatures and tagFeatures would, so its scores are
// the same to the bit, but it looks each feature that depends on a word
// alone up once per distinct token text (wtype) instead of once per use.
type tagger struct {
	m     *Model
	ws    []word
	types []wtype
	reg   uint8
	feats []uint64
}

// prefix returns the summed weights of prefixFeatures of word type ty, at
// a sentence's start or not.
func (t *tagger) prefix(ty int32, sentStart bool) *[numTags]float32 {
	w := &t.types[ty]
	k := 0
	if sentStart {
		k = 1
	}
	if !w.prefixDone[k] {
		t.feats = prefixFeatures(t.feats[:0], w.lower, w.shape, w.info, sentStart, t.reg)
		for _, f := range t.feats {
			t.m.addFeature(&w.prefix[k], f)
		}
		w.prefixDone[k] = true
	}
	return &w.prefix[k]
}

// wordRow returns the offset of the feature naming word j in role.
func (t *tagger) wordRow(j int, role int) int32 {
	switch {
	case j < 0:
		return t.m.rows.start[role]
	case j >= len(t.ws):
		return t.m.rows.end[role]
	}
	w := &t.types[t.ws[j].typ]
	if w.rows[role] == rowUnknown {
		w.rows[role] = t.m.row(hashS(roleFeature(role), w.lower))
	}
	return w.rows[role]
}

// tagRow returns the offset of fPrevTagWord of word i after tag p.
func (t *tagger) tagRow(i int, p uint8) int32 {
	w := &t.types[t.ws[i].typ]
	if w.tagRows[p] == rowUnknown {
		w.tagRows[p] = t.m.row(hashTagWord(p, w.lower))
	}
	return w.tagRows[p]
}

// static sets s to the summed weights of staticFeatures of word i, in
// their order: the word's own (prefix), then contextFeatures'.
func (t *tagger) static(s *[numTags]float32, i int) {
	m, ws := t.m, t.ws
	w := &ws[i]
	in := w.info
	*s = *t.prefix(w.typ, w.sentStart)
	sent := uint8(0)
	if w.sentStart {
		sent = 1
	}
	var ps, ns uint8
	var pi, ni info
	if i > 0 {
		ps, pi = ws[i-1].shape, ws[i-1].info
	}
	if i+1 < len(ws) {
		ns, ni = ws[i+1].shape, ws[i+1].info
	}
	m.add(s, t.wordRow(i-1, rolePrev))
	m.add(s, t.wordRow(i-2, rolePrev2))
	m.add(s, t.wordRow(i+1, roleNext))
	m.add(s, t.wordRow(i+2, roleNext2))
	r := m.rows
	sh := w.shape
	m.add(s, r.prevShape[ps][sh])
	m.add(s, r.nextShape[ns][sh])
	m.add(s, r.prevName[pi.fn][pi.sn][sh])
	if ni.wl < numLevels {
		m.add(s, r.nextName[ni.fn][ni.sn][ni.wl][sh])
	} else {
		m.addFeature(s, hash1(fNextName, pack(ni.fn, ni.sn, ni.wl, sh)))
	}
	if pi.wl < numLevels && in.wl < numLevels {
		m.add(s, r.prevCap[ps][pi.wl][sh][in.wl])
	} else {
		m.addFeature(s, hash1(fPrevCap, pack(ps, pi.wl, sh, in.wl)))
	}
	if ni.wl < numLevels {
		m.add(s, r.nextCap[ns][ni.wl][ni.pop][sh])
	} else {
		m.addFeature(s, hash1(fNextCap, pack(ns, ni.wl, ni.pop, sh)))
	}
	m.add(s, r.capsElsewhere[w.capsElsewhere][sh][sent][t.reg])
	if j := skipBack(ws, i); j >= 0 {
		m.add(s, t.wordRow(j, roleSkip))
		for b := 0; b < numFlags; b++ {
			if ws[j].info.flags&(1<<b) != 0 {
				m.add(s, r.prevFlagSkip[b][sh])
			}
		}
	}
	for b := 0; b < numFlags; b++ {
		if pi.flags&(1<<b) != 0 {
			m.add(s, r.prevFlag[b][sh])
		}
		if ni.flags&(1<<b) != 0 {
			m.add(s, r.nextFlag[b][sh])
		}
	}
}

// decode tags the words left to right, each with the best tag allowed
// after the one before; a word plainWord passes after an O is an O
// unscored. It returns the tags and, for each word, the margin of its tag
// over the best other.
func (t *tagger) decode() ([]uint8, []float32) {
	m, ws := t.m, t.ws
	tags := make([]uint8, len(ws))
	margins := make([]float32, len(ws))
	var p1, p2 uint8
	for i := range ws {
		if p1 == tagO && plainWord(ws, i) {
			tags[i] = tagO
			p2, p1 = p1, tagO
			continue
		}
		var s [numTags]float32
		t.static(&s, i)
		m.add(&s, m.rows.prevTag[p1])
		m.add(&s, m.rows.prevTags[p1][p2])
		m.add(&s, m.rows.prevTagShape[p1][ws[i].shape])
		m.add(&s, t.tagRow(i, p1))
		best, second := -1, float32(math.Inf(-1))
		for k := range s {
			if !allowed(p1, uint8(k)) {
				continue
			}
			if best < 0 || s[k] > s[best] {
				if best >= 0 {
					second = s[best]
				}
				best = k
			} else if s[k] > second {
				second = s[k]
			}
		}
		tags[i] = uint8(best)
		margins[i] = s[best] - second
		p2, p1 = p1, uint8(best)
	}
	return tags, margins
}
