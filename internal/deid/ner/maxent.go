package ner

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	prose "github.com/jdkato/prose/v2"

	"github.com/veil-blog/veil/internal/lexicon"
)

// maxent labels tagged tokens with IOB entity labels exactly as prose
// v2.0.0's entity extracter does, from the same weights (prose's embedded
// model/Maxent files, read with prose.Asset), but about ten times faster.
//
// prose scores each token against each of its 13 labels by building the
// string "name-value-label" for each of its 17 features and looking it up in
// a map of about 150,000 joint features, allocating as it goes: 221 lookups
// and some 500 allocations a token, most of prose's cost. Here the joint
// features are grouped by feature and value once, when the model is
// loaded, so that a token costs 17 lookups keyed by substrings of its
// words, which allocate nothing, and the label scores are summed in an
// array.
//
// The scores are summed in prose's order (for each label, feature by
// feature in featureOrder), so they are bit for bit prose's. prose takes the
// best label by ranging over a map, so it breaks exact ties at random; here
// the first label in the model's order wins.
type maxent struct {
	labels []string
	// simple is prose's simplePOS of each label: what the next token sees
	// as "prevtag".
	simple []string
	// feats holds, for each feature of featureOrder, the weights of each
	// value the model knows, the first in the table's row, so that the
	// lookup that finds the value also brings its weight, and the others
	// side by side in more (see valueWeights and labelWeight for the
	// words of their rows). Each label occurs at most once for a feature
	// and value (its joint feature "name-value-label" is one key of the
	// model), so the order of the pairs does not change the sums.
	feats [numFeatures]*lexicon.Table
	more  *lexicon.Table
	// words holds the features of a token's own text (those of
	// maxentWordFeat, and prose's English word list, the "en-wordlist"
	// feature); their feats are nil.
	words *wordTable
	// small holds the weights of the features of small sets of values.
	small smallFeats
}

// inList reports whether word is in prose's English word list.
func (m *maxent) inList(word string) bool {
	return m.words.find(word).mask&bitInList != 0
}

// feat returns the weights of value v of feature f.
func (m *maxent) feat(f int, v string) (valueWeights, bool) {
	var w weightsOf
	if wf := maxentWordFeat[f]; wf >= 0 {
		w = m.words.weights(m.words.find(v), wf)
	} else {
		w = tableWeights(m.feats[f], v)
	}
	return w.vw, w.ok
}

// tableWeights returns the weights of value v in t, the table of a
// feature.
func tableWeights(t *lexicon.Table, v string) weightsOf {
	r, ok := t.Find(v)
	if !ok {
		return weightsOf{}
	}
	w0 := t.Word(r, 0)
	return weightsOf{valueWeights{label: int16(w0), n: int16(w0 >> 16), start: t.Int32(r, 1), w: t.Float64(r, 2)}, true}
}

// valueWeights are the (label, weight) pairs of one feature value: the
// first, then rows start..start+n of more. A feature table's row holds
// label | n<<16, start and w; a row of more holds label and w.
type valueWeights struct {
	label, n int16
	start    int32
	w        float64
}

type labelWeight struct {
	label int32
	w     float64
}

// featureValues is about how many values each feature of the model has,
// so that its map is made at its size once.
var featureValues = [numFeatures]int{
	fNextWord: 21400, fPrevWord: 21400, fWord: 23400, fWordNextPos: 54300,
	fPrefix3: 3500, fSuffix3: 3400, fPosPrevTag: 300,
}

// The features of prose's entity extracter, in the order prose sums them
// (its featureOrder).
const (
	fBias = iota
	fWordlist
	fNextPos
	fNextWord
	fPos
	fPosPrevTag
	fPrefix3
	fPrevPos
	fPrevTag
	fPrevWord
	fShape
	fShapePrevTag
	fSuffix3
	fWord
	fWordNextPos
	fWordLower
	fWordLen
	numFeatures
)

var featureNames = [numFeatures]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// maxentTables names the tables of the entity model in the model pack
// ("" for the features kept in the word table).
func maxentTables() (labels, more string, feats [numFeatures]string) {
	for f, name := range featureNames {
		if maxentWordFeat[f] < 0 {
			feats[f] = "maxent/feature/" + name
		}
	}
	return "maxent/labels", "maxent/more", feats
}

// openMaxent reads the entity model from the tables of the model pack and
// the word table.
func openMaxent(pack map[string]string, words *wordTable) (*maxent, error) {
	labelsName, moreName, featNames := maxentTables()
	open := func(name string) (*lexicon.Table, error) {
		t, err := lexicon.OpenTable(pack[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return t, nil
	}
	labels, err := open(labelsName)
	if err != nil {
		return nil, err
	}
	m := &maxent{words: words}
	for r := range labels.Len() {
		m.labels = append(m.labels, labels.String(r, 0))
		m.simple = append(m.simple, simplePOS(labels.String(r, 0)))
	}
	if m.more, err = open(moreName); err != nil {
		return nil, err
	}
	for f, name := range featNames {
		if name == "" {
			continue
		}
		if m.feats[f], err = open(name); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// buildMaxent decodes prose's entity model and lays it out in the tables
// openMaxent reads, but for the features of a token's own text, which it
// leaves in src for the word table.
func buildMaxent(src *wordSource) (map[string][]byte, error) {
	type maxentSource struct {
		labels []string
		feats  [numFeatures]map[string]valueWeights
		more   []labelWeight
		basic  map[string]bool
	}
	// The biggest file is decompressed on another goroutine meanwhile:
	// the texts that reach the NER detector first wait for this model.
	type asset struct {
		b   []byte
		err error
	}
	mappingAsset := make(chan asset, 1)
	go func() {
		b, err := prose.Asset("model/Maxent/mapping.gob")
		mappingAsset <- asset{b, err}
	}()
	var weights []float64
	var labels, words []string
	for _, a := range []struct {
		name string
		v    any
	}{{"weights", &weights}, {"labels", &labels}, {"words", &words}} {
		b, err := prose.Asset("model/Maxent/" + a.name + ".gob")
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.v); err != nil {
			return nil, fmt.Errorf("model/Maxent/%s.gob: %w", a.name, err)
		}
	}
	ma := <-mappingAsset
	if ma.err != nil {
		return nil, ma.err
	}
	mapping := string(ma.b)
	m := &maxentSource{labels: labels, basic: make(map[string]bool, len(words))}
	for _, w := range words {
		m.basic[w] = true
	}
	for i := range m.feats {
		m.feats[i] = make(map[string]valueWeights, featureValues[i])
	}
	feature := make(map[string]int, numFeatures)
	for f, name := range featureNames {
		feature[name] = f
	}
	label := make(map[string]int, len(labels))
	for l, name := range labels {
		label[name] = l
	}
	// A joint feature is "name-value-label"; the value may hold '-' and so
	// may a feature name ("en-wordlist") and a label ("B-PERSON"), though
	// not twice, so the key is split at each of its possible names and
	// labels. Any split that is valid is recorded: a lookup of (name,
	// value, label) then finds the key exactly when prose's would.
	var bad error
	// While the model is read, the pairs of a value after the first are
	// chained: its start is the index in chain of the one after, or -1.
	type link struct {
		labelWeight
		next int32
	}
	chain := make([]link, 0, 25000)
	push := func(f int, value string, l int, weight float64) {
		next := int32(-1)
		if old, ok := m.feats[f][value]; ok {
			next = int32(len(chain))
			chain = append(chain, link{labelWeight{int32(old.label), old.w}, old.start})
		}
		m.feats[f][value] = valueWeights{label: int16(l), start: next, w: weight}
	}
	add := func(f int, rest string, weight float64) {
		// The label is the last part, or the last two.
		i := strings.LastIndexByte(rest, '-')
		if i < 0 {
			return
		}
		if l, ok := label[rest[i+1:]]; ok {
			push(f, rest[:i], l, weight)
		}
		if j := strings.LastIndexByte(rest[:i], '-'); j >= 0 {
			if l, ok := label[rest[j+1:]]; ok {
				push(f, rest[:j], l, weight)
			}
		}
	}
	err := stringIntMap(mapping, func(key string, idx int64) {
		if idx < 0 || idx >= int64(len(weights)) {
			bad = fmt.Errorf("model/Maxent: feature %q has no weight", key)
			return
		}
		i := strings.IndexByte(key, '-')
		if i < 0 {
			return
		}
		if f, ok := feature[key[:i]]; ok {
			add(f, key[i+1:], weights[idx])
		}
		if j := strings.IndexByte(key[i+1:], '-'); j >= 0 {
			if f, ok := feature[key[:i+1+j]]; ok {
				add(f, key[i+1+j+1:], weights[idx])
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("model/Maxent/mapping.gob: %w", err)
	}
	if bad != nil {
		return nil, bad
	}
	// Lay each value's chained pairs side by side: the features with few
	// values (bias, shape, pos, prevtag ...) have a weight for nearly
	// every label and are looked up for every token.
	m.more = make([]labelWeight, 0, len(chain))
	for f := range m.feats {
		for v, vw := range m.feats[f] {
			start := len(m.more)
			for j := vw.start; j >= 0; j = chain[j].next {
				m.more = append(m.more, chain[j].labelWeight)
			}
			vw.start, vw.n = int32(start), int16(len(m.more)-start)
			m.feats[f][v] = vw
		}
	}
	// The tables, each map's keys in sorted order (the layout of more
	// follows the maps' random order; it is rebuilt here in that order).
	labelsName, moreName, featNames := maxentTables()
	out := map[string]*lexicon.TableBuilder{}
	lt := lexicon.NewArrayBuilder(2)
	for _, l := range m.labels {
		lt.SetString(lt.Append(), 0, l)
	}
	more := lexicon.NewArrayBuilder(3)
	for f := range m.feats {
		ft := lexicon.NewTableBuilder(4)
		wf := maxentWordFeat[f]
		if wf >= 0 {
			src.ents[wf] = make(map[string][4]uint32, len(m.feats[f]))
		}
		for _, v := range slices.Sorted(maps.Keys(m.feats[f])) {
			vw := m.feats[f][v]
			u := math.Float64bits(vw.w)
			w := [4]uint32{uint32(uint16(vw.label)) | uint32(uint16(vw.n))<<16, uint32(more.Len()), uint32(u), uint32(u >> 32)}
			if wf >= 0 {
				src.ents[wf][v] = w
			} else {
				r, _ := ft.Insert(v)
				copy(ft.Vals(r), w[:])
			}
			for _, lw := range m.more[vw.start : vw.start+int32(vw.n)] {
				mr := more.Append()
				more.Vals(mr)[0] = uint32(lw.label)
				more.SetFloat64(mr, 1, lw.w)
			}
		}
		if wf < 0 {
			out[featNames[f]] = ft
		}
	}
	src.inList = m.basic
	wordNextPosKeys(slices.Collect(maps.Keys(m.feats[fWordNextPos])), src.flagged)
	out[labelsName], out[moreName] = lt, more
	return layOut(out)
}

// simplePOS is what prose keeps of a label as the history the next token's
// features see.
func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	s, _, _ := strings.Cut(label, "-")
	return s
}

// weightsOf is the weights of one feature value, if the model has it.
type weightsOf struct {
	vw valueWeights
	ok bool
}

func (m *maxent) weightsOf(f int, v string) weightsOf {
	vw, ok := m.feat(f, v)
	return weightsOf{vw, ok}
}

// The shapes a word can take (see shape), in shapeNames' order, and the
// "None" prose gives the shape before the first and second tokens.
const (
	numShapes = 6
	shapeNone = numShapes
)

var shapeNames = [numShapes + 1]string{"other", "number", "punct", "downcase", "upcase", "mixedcase", "None"}

// maxWordLen bounds the word lengths whose "wordlen" weights are looked up
// when the model is opened.
const maxWordLen = 64

// smallFeats are the weights of the features whose values come from small
// sets (a tag, the label before, a shape, a length, true or false), looked
// up once when the model is opened: prose's extracter reads ten of its
// seventeen features from them, and a lookup in a table as large as the
// model's mostly waits for memory. Only the features of the words
// themselves are looked up per token.
type smallFeats struct {
	bias, inList, notInList weightsOf
	// prevWordNone and nextWordNone are the "None" of the words before the
	// first token and after the last.
	prevWordNone, nextWordNone weightsOf
	// tags maps each tag the tagger gives to its features; byID holds
	// them by the tagger's tagID; none is the "None" of the tokens before
	// the first and after the last.
	tags map[string]*posFeats
	byID []*posFeats
	none posFeats
	// prevTag, shape and shapePrev are indexed by prevID (the label before)
	// and by shape.
	prevTag   []weightsOf
	shape     [numShapes]weightsOf
	shapePrev [numShapes + 1][]weightsOf
	wordLen   [maxWordLen]weightsOf
}

// posFeats are the weights of one tag in the features that read tags.
type posFeats struct {
	lower                 string // the tag in lower case, as "nextpos" and "word+nextpos" read it
	pos, prevPos, nextPos weightsOf
	posPrev               []weightsOf // "pos+prevtag", by prevID
	// prefix, if hasPrefix, holds the label scores of a token before a
	// token of this tag after the entity model's first three features,
	// "bias", "en-wordlist" (by whether the token is in the list) and
	// "nextpos" (this tag's), summed in classify's order onto zero: they
	// read nothing else, and are summed once when the model is opened
	// instead of for every token (some 35 of a token's 100 weights).
	prefix    [2][16]float64
	hasPrefix bool
	// perModel is set for the posFeats made when the model is opened,
	// one per tag (small.tags and none), which ctxMemo keys by address.
	perModel bool
}

// prevIDs is the number of values the label before a token takes: "None"
// (0) or the simplified form of label l (l+1).
func (m *maxent) prevIDs() int { return len(m.labels) + 1 }

// prevName is the label before a token as prose writes it.
func (m *maxent) prevName(id int) string {
	if id == 0 {
		return "None"
	}
	return m.simple[id-1]
}

// posFeatsOf returns the features of a tag: those looked up when the model
// was opened, or else looked up now.
func (m *maxent) posFeatsOf(tag string) *posFeats {
	if t, ok := m.small.tags[tag]; ok {
		return t
	}
	return m.newPosFeats(tag)
}

func (m *maxent) newPosFeats(tag string) *posFeats {
	t := &posFeats{lower: strings.ToLower(tag)}
	t.pos = m.weightsOf(fPos, tag)
	t.prevPos = m.weightsOf(fPrevPos, tag)
	t.nextPos = m.weightsOf(fNextPos, t.lower)
	var buf []byte
	t.posPrev = make([]weightsOf, m.prevIDs())
	for p := range t.posPrev {
		buf = join(buf[:0], tag, m.prevName(p))
		t.posPrev[p] = m.weightsOf(fPosPrevTag, string(buf))
	}
	return t
}

// initSmall looks up the features of the small sets; tags are the tags
// the tagger gives.
func (m *maxent) initSmall(tags []string) {
	s := &m.small
	s.bias = m.weightsOf(fBias, "True")
	s.inList, s.notInList = m.weightsOf(fWordlist, "True"), m.weightsOf(fWordlist, "False")
	s.prevWordNone, s.nextWordNone = m.weightsOf(fPrevWord, "None"), m.weightsOf(fNextWord, "None")
	s.tags = make(map[string]*posFeats, len(tags))
	for _, t := range tags {
		if _, ok := s.tags[t]; !ok {
			s.tags[t] = m.newPosFeats(t)
		}
	}
	s.none = posFeats{lower: "None", prevPos: m.weightsOf(fPrevPos, "None"), nextPos: m.weightsOf(fNextPos, "None")}
	s.prevTag = make([]weightsOf, m.prevIDs())
	for p := range s.prevTag {
		s.prevTag[p] = m.weightsOf(fPrevTag, m.prevName(p))
	}
	var buf []byte
	for sh, name := range shapeNames {
		if sh < numShapes {
			s.shape[sh] = m.weightsOf(fShape, name)
		}
		s.shapePrev[sh] = make([]weightsOf, m.prevIDs())
		for p := range s.shapePrev[sh] {
			buf = join(buf[:0], name, m.prevName(p))
			s.shapePrev[sh][p] = m.weightsOf(fShapePrevTag, string(buf))
		}
	}
	for n := range s.wordLen {
		s.wordLen[n] = m.weightsOf(fWordLen, strconv.Itoa(n))
	}
	for _, p := range s.tags {
		p.perModel = true
	}
	s.none.perModel = true
	if len(m.labels) <= 16 {
		for _, p := range s.tags {
			m.initPrefix(p)
		}
		m.initPrefix(&s.none)
	}
}

// initPrefix sums the prefix scores of next, the tag of the token after
// (see posFeats.prefix), as classify sums a token's features.
func (m *maxent) initPrefix(next *posFeats) {
	s := &m.small
	for in, wordlist := range [2]*weightsOf{&s.notInList, &s.inList} {
		scores := &next.prefix[in]
		for _, w := range [...]*weightsOf{&s.bias, wordlist, &next.nextPos} {
			m.addWeights16(scores, w)
		}
	}
	next.hasPrefix = true
}

// initTagIDs notes the features of each tag by its number in ids (the
// tagger's tagIDs).
func (m *maxent) initTagIDs(ids map[string]int32) {
	m.small.byID = make([]*posFeats, len(ids))
	for tag, id := range ids {
		m.small.byID[id] = m.posFeatsOf(tag)
	}
}

// classify sets the Label of each token, as prose's entity extracter does;
// feats are the features of the tokens' texts (tokenCache.of), ids the
// tagger's tagID of their tags (-1 for a tag it does not number) and memo,
// if not nil, keeps the "word+nextpos" weights of the tokens it has seen
// before each tag (see ctxMemo).
func (m *maxent) classify(toks []prose.Token, feats []*tokenFeats, ids []int32, memo *ctxMemo) {
	// Scratch space on the stack for the usual window and model.
	var tagsArr [64]*posFeats
	var scoresArr [16]float64
	var bufArr [64]byte
	tags := tagsArr[:0]
	if len(toks) > len(tagsArr) {
		tags = make([]*posFeats, 0, len(toks))
	}
	for i, t := range toks {
		if id := ids[i]; id >= 0 {
			tags = append(tags, m.small.byID[id])
		} else {
			tags = append(tags, m.posFeatsOf(t.Tag))
		}
	}
	s := &m.small
	scores := scoresArr[:0]
	if len(m.labels) > len(scoresArr) {
		scores = make([]float64, 0, len(m.labels))
	}
	scores = scores[:len(m.labels)]
	// The usual model has at most 16 labels: its sums index an array,
	// without a bounds check on each label (addLabelWeights16).
	var scores16 *[16]float64
	if cap(scores) == len(scoresArr) && len(scores) <= 16 {
		scores16 = &scoresArr
	}
	buf := bufArr[:0]
	prevID := 0                    // the label before, as prevIDs counts it
	var fs [numFeatures]*weightsOf // pointers: a token's 17 are set and read, not copied
	var wordNextPos weightsOf
	for i := range toks {
		tok, tag := feats[i], tags[i]
		fs[fBias] = &s.bias
		fs[fWordlist] = &s.notInList
		if tok.inList {
			fs[fWordlist] = &s.inList
		}
		fs[fWord] = &tok.word
		fs[fPos] = &tag.pos
		fs[fWordLower] = &tok.wordLower
		fs[fSuffix3] = &tok.suffix3
		fs[fPrefix3] = &tok.prefix3
		fs[fShape] = &s.shape[tok.shape]
		fs[fWordLen] = &tok.wordLen
		prevShape := shapeNone
		prev := &s.none
		fs[fPrevWord] = &s.prevWordNone
		if i > 0 {
			prev = tags[i-1]
			fs[fPrevWord] = &feats[i-1].asPrevWord
			if i > 1 {
				// prose leaves the shape of the word before the second
				// one as "None".
				prevShape = int(feats[i-1].shape)
			}
		}
		fs[fPrevPos] = &prev.prevPos
		fs[fPrevTag] = &s.prevTag[prevID]
		fs[fPosPrevTag] = &tag.posPrev[prevID]
		fs[fShapePrevTag] = &s.shapePrev[prevShape][prevID]
		next := &s.none
		fs[fNextWord] = &s.nextWordNone
		if i < len(toks)-1 {
			next = tags[i+1]
			fs[fNextWord] = &feats[i+1].asNextWord
		}
		fs[fNextPos] = &next.nextPos
		wordNextPos = weightsOf{}
		if tok.wordNextPos {
			// A tag the model does not number has a posFeats made
			// for this token, which the memo cannot key.
			kept := memo != nil && next.perModel
			var ok bool
			if kept {
				wordNextPos, ok = memo.nextPos[nextPosKey{tok, next}]
			}
			if !ok {
				buf = join(buf[:0], tok.lower, next.lower)
				wordNextPos = tableWeights(m.feats[fWordNextPos], unsafe.String(unsafe.SliceData(buf), len(buf)))
				if kept {
					memo.nextPos[nextPosKey{tok, next}] = wordNextPos
				}
			}
		}
		fs[fWordNextPos] = &wordNextPos
		if scores16 != nil && next.hasPrefix {
			// The sums of the first three features are next's.
			in := 0
			if tok.inList {
				in = 1
			}
			*scores16 = next.prefix[in]
			for _, w := range fs[fNextPos+1:] {
				m.addWeights16(scores16, w)
			}
		} else if scores16 != nil {
			clear(scores)
			for _, w := range fs {
				m.addWeights16(scores16, w)
			}
		} else {
			clear(scores)
			for _, w := range fs {
				if !w.ok {
					continue
				}
				vw := w.vw
				scores[vw.label] += vw.w
				more, stride := m.more.Rows(int(vw.start), int(vw.start)+int(vw.n))
				addLabelWeights(scores, more, stride)
			}
		}
		best, bestScore := -1, math.Inf(-1)
		for l, s := range scores {
			if s > bestScore {
				best, bestScore = l, s
			}
		}
		label := ""
		prevID = 0
		if best >= 0 {
			label, prevID = m.labels[best], best+1
		}
		toks[i].Label = label
	}
}

// addLabelWeights is addWeights without marking the labels.
func addLabelWeights(scores []float64, rows []byte, stride int) {
	for k, n := 0, rowCount(rows, stride); k < n; k++ {
		r := row12(rows, k*stride)
		scores[binary.LittleEndian.Uint32(r[:4])] += math.Float64frombits(binary.LittleEndian.Uint64(r[4:]))
	}
}

// addLabelWeights16 is addLabelWeights for at most 16 labels, each row's
// label taken modulo 16, which leaves it as it is: every label of the
// entity model's weights is below the number of its labels
// (TestWeightClassesInRange).
// addWeights16 adds a feature's weights, if the model has the feature, to
// scores: its first weight, then the rest of its rows, in the order
// classify sums them.
func (m *maxent) addWeights16(scores *[16]float64, w *weightsOf) {
	if !w.ok {
		return
	}
	vw := w.vw
	scores[vw.label&15] += vw.w
	more, stride := m.more.Rows(int(vw.start), int(vw.start)+int(vw.n))
	addLabelWeights16(scores, more, stride)
}

func addLabelWeights16(scores *[16]float64, rows []byte, stride int) {
	for k, n := 0, rowCount(rows, stride); k < n; k++ {
		r := row12(rows, k*stride)
		scores[binary.LittleEndian.Uint32(r[:4])&15] += math.Float64frombits(binary.LittleEndian.Uint64(r[4:]))
	}
}

func join(buf []byte, a, b string) []byte {
	buf = append(buf, a...)
	buf = append(buf, '+')
	return append(buf, b...)
}

// shape is prose's word shape: "number" if strconv.ParseFloat accepts the
// word, else "punct" if it ends with a character outside [0-9A-Za-z_], else
// "downcase", "upcase" (strings.Title leaves it as it is) or "mixedcase";
// "other" for the empty word.
func shape(word string) string { return shapeNames[shapeOf(word)] }

// shapeOf is shape as an index of shapeNames.
func shapeOf(word string) int8 { return shapeOfLower(word, strings.ToLower(word)) }

// shapeOfLower is shapeOf(word), given strings.ToLower(word).
func shapeOfLower(word, lower string) int8 {
	if word == "" {
		return 0 // other
	}
	if isNumeric(word) {
		return 1 // number
	}
	if c := word[len(word)-1]; !isWordByte(c) {
		// prose's regexp \W+$: a non-ASCII or invalid last byte belongs
		// to a rune outside \w.
		return 2 // punct
	}
	if lower == word {
		return 3 // downcase
	}
	//lint:ignore SA1019 prose's feature is defined by strings.Title.
	if strings.Title(word) == word { //nolint:staticcheck
		return 4 // upcase
	}
	return 5 // mixedcase
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isNumeric reports whether strconv.ParseFloat accepts s, without the
// error value it allocates for the words that are not numbers: a float
// starts, after an optional sign, with a digit, a '.', or the "inf" or
// "nan" of the special values.
func isNumeric(s string) bool {
	t := s
	if t != "" && (t[0] == '+' || t[0] == '-') {
		t = t[1:]
	}
	if t == "" || !strings.ContainsRune("0123456789.iInN", rune(t[0])) {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// proseSanitizer is the rewrite prose's tokenizer applies to its input
// before splitting it (see anchor).
var proseSanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

// sanitize is proseSanitizer.Replace(w), without its copy when w holds
// nothing it replaces.
func sanitize(w string) string {
	if strings.IndexByte(w, '&') < 0 && !strings.Contains(w, "\u201c") && !strings.Contains(w, "\u201d") &&
		!strings.Contains(w, "\u2018") && !strings.Contains(w, "\u2019") {
		return w
	}
	return proseSanitizer.Replace(w)
}

// fieldSpans returns the maximal runs of s without white space, as prose's
// tokenizer finds them (unicode.IsSpace).
func fieldSpans(s string) []Span { return appendFieldSpans(nil, s) }

// appendFieldSpans appends the spans of fieldSpans(s) to dst.
func appendFieldSpans(out []Span, s string) []Span {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			if start >= 0 {
				out = append(out, Span{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Span{start, len(s)})
	}
	return out
}
