package ner

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	prose "github.com/jdkato/prose/v2"

	"github.com/veil-blog/veil/internal/lexicon"
)

// tagger gives tokens part-of-speech tags as prose v2.0.0's averaged
// perceptron tagger does, from the same weights (prose's embedded
// model/AveragedPerceptron files, read with prose.Asset), without the
// string joins, feature maps and map iteration that made prose's tagger
// most of the cost of classifying a window once maxent replaced its entity
// extracter.
//
// prose sums the weights of a token's features in the random order of a Go
// map, so two runs of prose can differ in the last bit of a score; here
// they are summed in the order prose lists the features. prose breaks
// exact ties between tags at random; here the first tag of the model's
// class list wins.
type tagger struct {
	classes []string
	tags    *lexicon.Table // words that always take one tag (a string)
	// feats maps a feature ("i-1 tag NN") to its weights: rows
	// start..end of weights (a row of feats holds start and end, one of
	// weights a class and its weight). The features of words and
	// suffixes, and the bias and first letter, are not in it but in the
	// tables below, which find each with fewer lookups.
	feats   *lexicon.Table
	weights *lexicon.Table
	// words maps a context word to its features in each role of
	// wordRoles ("i word paris", "i-1 word paris", ...) and a suffix to
	// its features in each role of suffixRoles (see wordTable); pref1
	// holds the feature
	// "i pref1 " + string(rune(b)) of each byte b; bias is the feature
	// "bias". An absent feature is the empty range, which scores
	// nothing, as a feature not found does.
	words *wordTable
	pref1 [256][2]int32
	bias  [2]int32
	// tagIDs numbers the tags a token can have before the one being
	// tagged (tagSet and the -START- marks); prev1, prev2 and pair hold
	// the features that read only them, "i-1 tag X", "i-2 tag X" and
	// "i tag+i-2 tag X Y" (at X*len(prev1)+Y), looked up when the model is
	// opened rather than per token.
	tagIDs       map[string]int32
	classIDs     []int32 // the tagID of each class
	prev1, prev2 [][2]int32
	pair         [][2]int32
	// marks are the features of contextMarks.
	marks [4]ctxFeats
	// biasScores and biasTouched are the scores of a token after its first
	// feature, the bias, which is the same for every token: the sums of
	// its rows onto zero, made once (when there are at most 64 classes).
	biasScores  *[64]float64
	biasTouched *[64]bool
}

// taggerSource is the tagger as decoded from prose's files, before it
// is laid out in tables.
type taggerSource struct {
	classes  []string
	tags     map[string]string
	feats    map[string][2]int32
	weights  []classWeight
	words    map[string][numWordRoles][2]int32
	suffixes map[string][numSuffixRoles][2]int32
	pref1    [256][2]int32
	bias     [2]int32
}

// The roles of a context word and of a suffix in the tagger's features.
const (
	roleWord = iota // "i word"
	rolePrev1Word
	rolePrev2Word
	roleNext1Word
	roleNext2Word
	numWordRoles
)

const (
	roleSuffix = iota // "i suffix", of the word itself (not normalized)
	rolePrev1Suffix
	roleNext1Suffix
	numSuffixRoles
)

var (
	wordRoles   = [numWordRoles]string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}
	suffixRoles = [numSuffixRoles]string{"i suffix ", "i-1 suffix ", "i+1 suffix "}
)

// setFeat records the weights r of feature f in the table that holds it.
// pref1 collects the "i pref1" features, put in their table once all are
// read.
func (t *taggerSource) setFeat(f string, r [2]int32, pref1 map[string][2]int32) {
	if f == "bias" {
		t.bias = r
		return
	}
	// Each feature is "name value"; the names are told apart by their
	// first bytes, and a key starting with a name and a space is that
	// name's whatever its value, since a lookup builds it so.
	if v, ok := strings.CutPrefix(f, "i pref1 "); ok {
		pref1[v] = r
		return
	}
	for role, name := range wordRoles {
		if v, ok := strings.CutPrefix(f, name); ok {
			e := t.words[v]
			e[role] = r
			t.words[v] = e
			return
		}
	}
	for role, name := range suffixRoles {
		if v, ok := strings.CutPrefix(f, name); ok {
			e := t.suffixes[v]
			e[role] = r
			t.suffixes[v] = e
			return
		}
	}
	t.feats[f] = r
}

type classWeight struct {
	class int32
	w     float64
}

// The tables of the tagger in the model pack.
const (
	tagClasses = "tagger/classes"
	tagTags    = "tagger/tags"
	tagFeats   = "tagger/features"
	tagWeights = "tagger/weights"
	tagPref1   = "tagger/pref1" // 256 rows, then the bias
)

// openTagger reads the tagger from the tables of the model pack and the
// word table.
func openTagger(pack map[string]string, words *wordTable) (*tagger, error) {
	var tabs [5]*lexicon.Table
	for i, name := range []string{tagClasses, tagTags, tagFeats, tagWeights, tagPref1} {
		var err error
		if tabs[i], err = lexicon.OpenTable(pack[name]); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	t := &tagger{tags: tabs[1], feats: tabs[2], weights: tabs[3], words: words}
	for r := range tabs[0].Len() {
		t.classes = append(t.classes, tabs[0].String(r, 0))
	}
	if p := tabs[4]; p.Len() == 257 {
		for b := range t.pref1 {
			t.pref1[b] = [2]int32{p.Int32(b, 0), p.Int32(b, 1)}
		}
		t.bias = [2]int32{p.Int32(256, 0), p.Int32(256, 1)}
	} else {
		return nil, fmt.Errorf("%s: %d rows, want 257", tagPref1, p.Len())
	}
	t.initTagFeats()
	if len(t.classes) <= 64 {
		t.biasScores, t.biasTouched = new([64]float64), new([64]bool)
		vals, stride := t.weights.Rows(int(t.bias[0]), int(t.bias[1]))
		addWeights64(t.biasScores, t.biasTouched, vals, stride)
	}
	for i, w := range contextMarks {
		t.marks[i] = t.ctxFeatsOf(w)
	}
	return t, nil
}

// featRange returns the weights of feature f (the empty range if the model
// has none).
func (t *tagger) featRange(f string) [2]int32 {
	if r, ok := t.feats.Find(f); ok {
		return [2]int32{t.feats.Int32(r, 0), t.feats.Int32(r, 1)}
	}
	return [2]int32{}
}

// initTagFeats looks up the features of the tags before a token.
func (t *tagger) initTagFeats() {
	tags := append([]string{"-START-", "-START2-"}, t.tagSet()...)
	t.tagIDs = make(map[string]int32, len(tags))
	for _, tag := range tags {
		if _, ok := t.tagIDs[tag]; !ok {
			t.tagIDs[tag] = int32(len(t.prev1))
			t.prev1 = append(t.prev1, t.featRange("i-1 tag "+tag))
			t.prev2 = append(t.prev2, t.featRange("i-2 tag "+tag))
		}
	}
	for _, c := range t.classes {
		t.classIDs = append(t.classIDs, t.tagID(c))
	}
	n := len(t.prev1)
	t.pair = make([][2]int32, n*n)
	for x, i := range t.tagIDs {
		for y, j := range t.tagIDs {
			t.pair[int(i)*n+int(j)] = t.featRange("i tag+i-2 tag " + x + " " + y)
		}
	}
}

// tagID returns the number of a tag in tagIDs, or -1.
func (t *tagger) tagID(tag string) int32 {
	if id, ok := t.tagIDs[tag]; ok {
		return id
	}
	return -1
}

// buildTagger decodes prose's tagger model and lays it out in the
// tables openTagger reads, but for the features of a token's own text,
// which it leaves in src for the word table.
func buildTagger(src *wordSource) (map[string]*lexicon.TableBuilder, error) {
	t, err := loadTaggerSource()
	if err != nil {
		return nil, err
	}
	src.tags, src.ctx, src.suffixes = t.tags, t.words, t.suffixes
	tagWordKeys(t.feats, src.flagged)
	out := map[string]*lexicon.TableBuilder{}
	classes := lexicon.NewArrayBuilder(2)
	for _, c := range t.classes {
		classes.SetString(classes.Append(), 0, c)
	}
	tags := lexicon.NewTableBuilder(2)
	for _, w := range slices.Sorted(maps.Keys(t.tags)) {
		r, _ := tags.Insert(w)
		tags.SetString(r, 0, t.tags[w])
	}
	ranges := func(rs ...[2]int32) []uint32 {
		var v []uint32
		for _, r := range rs {
			v = append(v, uint32(r[0]), uint32(r[1]))
		}
		return v
	}
	feats := lexicon.NewTableBuilder(2)
	for _, f := range slices.Sorted(maps.Keys(t.feats)) {
		r, _ := feats.Insert(f)
		copy(feats.Vals(r), ranges(t.feats[f]))
	}
	weights := lexicon.NewArrayBuilder(3)
	for _, cw := range t.weights {
		r := weights.Append()
		weights.Vals(r)[0] = uint32(cw.class)
		weights.SetFloat64(r, 1, cw.w)
	}
	pref1 := lexicon.NewArrayBuilder(2)
	for _, r := range append(t.pref1[:], t.bias) {
		copy(pref1.Vals(pref1.Append()), ranges(r))
	}
	out[tagClasses], out[tagTags], out[tagFeats], out[tagWeights] = classes, tags, feats, weights
	out[tagPref1] = pref1
	return out, nil
}

// loadTaggerSource decodes prose's tagger model.
func loadTaggerSource() (*taggerSource, error) {
	var tags map[string]string
	var classes []string
	for _, a := range []struct {
		name string
		v    any
	}{{"classes", &classes}, {"tags", &tags}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name + ".gob")
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.v); err != nil {
			return nil, fmt.Errorf("model/AveragedPerceptron/%s.gob: %w", a.name, err)
		}
	}
	b, err := prose.Asset("model/AveragedPerceptron/weights.gob")
	if err != nil {
		return nil, err
	}
	weights := string(b)
	t := &taggerSource{classes: classes, tags: tags, feats: make(map[string][2]int32, 30000),
		words:    make(map[string][numWordRoles][2]int32, 17000),
		suffixes: make(map[string][numSuffixRoles][2]int32, 3000),
		weights:  make([]classWeight, 0, 280000)}
	pref1 := map[string][2]int32{}
	class := make(map[string]int32, len(classes))
	for i, c := range classes {
		class[c] = int32(i)
	}
	// Each feature's weights are appended in turn; end records the range
	// of the last one.
	feat, start, open := "", int32(0), false
	end := func() {
		if open {
			t.setFeat(feat, [2]int32{start, int32(len(t.weights))}, pref1)
		}
	}
	err = stringFloatMaps(weights, func(f string) {
		end()
		feat, start, open = f, int32(len(t.weights)), true
	}, func(c string, w float64) {
		i, ok := class[c]
		if !ok {
			// prose scores tags outside its class list too.
			i = int32(len(t.classes))
			t.classes = append(t.classes, c)
			class[c] = i
		}
		t.weights = append(t.weights, classWeight{i, w})
	})
	if err != nil {
		return nil, fmt.Errorf("model/AveragedPerceptron/weights.gob: %w", err)
	}
	end()
	for b := range t.pref1 {
		t.pref1[b] = pref1[string(rune(b))]
	}
	return t, nil
}

// The tokens prose tags -NONE- (trace markers of the Penn treebank) and
// those it tags as themselves ("-LRB-").
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagSet returns every tag the tagger gives but those it copies from a
// token ("-LRB-"): its classes, those of its fixed words and those of its
// special cases.
func (t *tagger) tagSet() []string {
	tags := append([]string{"-", "SYM", "NN", "-NONE-"}, t.classes...)
	for r := range t.tags.Len() {
		tags = append(tags, t.tags.String(r, 0))
	}
	return tags
}

// tag sets the Tag of each token, as prose's tagger does, and appends the
// tagID of each to ids; feats are the features of the tokens' texts
// (tokenCache.of), and memo, if not nil, those of the tokens beside the
// tags before them (see ctxMemo).
func (t *tagger) tag(toks []prose.Token, feats []*tokenFeats, ids []int32, memo *ctxMemo) []int32 {
	// Scratch space on the stack for the usual model.
	var scoresArr [64]float64
	var touchedArr [64]bool
	scores, touched := scoresArr[:0], touchedArr[:0]
	if len(t.classes) > len(scoresArr) {
		scores, touched = make([]float64, 0, len(t.classes)), make([]bool, 0, len(t.classes))
	}
	scores, touched = scores[:len(t.classes)], touched[:len(t.classes)]
	var bufArr [64]byte
	buf := bufArr[:0]
	p1, p2 := "-START-", "-START2-"
	id1, id2 := t.tagID(p1), t.tagID(p2)
	for i := range toks {
		tag, id := feats[i].fixed, feats[i].fixedID
		if !feats[i].hasFixed {
			tag, id, buf = t.predict(scores, touched, buf, feats, i, p1, p2, id1, id2, memo)
		}
		toks[i].Tag = tag
		ids = append(ids, id)
		p2, p1 = p1, tag
		id2, id1 = id1, id
	}
	return ids
}

// ctxFeats are the features of one word of the context in the roles it
// takes for the words around it.
type ctxFeats struct {
	words    [numWordRoles][2]int32
	suffixes [numSuffixRoles][2]int32
}

// The context words before the first token and after the last, in the
// order of tagger.marks.
var contextMarks = [4]string{"-START-", "-START2-", "-END-", "-END2-"}

// suffix returns the features of suffix s in each role.
func (t *tagger) suffix(s string) [numSuffixRoles][2]int32 {
	return t.words.suffixes(t.words.find(s))
}

// ctxFeatsOf returns the features of context word w.
func (t *tagger) ctxFeatsOf(w string) ctxFeats {
	return ctxFeats{words: t.words.ctxWords(t.words.find(w)), suffixes: t.suffix(w[len(w)-min(len(w), 3):])}
}

// predict scores the features prose's featurize gives token i (feats
// holds the features of every token; p1 and p2 are the tags of the two
// tokens before, id1 and id2 their numbers in tagIDs or -1) and returns the
// best tag and its tagID. scores, touched and buf are scratch space; memo,
// if not nil, keeps the "i-1 tag+i word" weights of the tokens it has seen
// after each tag.
func (t *tagger) predict(scores []float64, touched []bool, buf []byte, feats []*tokenFeats, i int, p1, p2 string, id1, id2 int32, memo *ctxMemo) (string, int32, []byte) {
	// Only the tags of features found are scored (touched), each from 0.
	// The usual model has at most 64 classes, and tag lends scratch space
	// of that size: the sums then index arrays, without a bounds check on
	// each row's class (addWeights64), and start from the sums of the
	// bias, made once.
	var scores64 *[64]float64
	var touched64 *[64]bool
	if cap(scores) >= 64 && cap(touched) >= 64 && len(scores) <= 64 && t.biasScores != nil {
		scores64, touched64 = (*[64]float64)(scores[:64]), (*[64]bool)(touched[:64])
		*scores64, *touched64 = *t.biasScores, *t.biasTouched
	} else {
		clear(touched)
		clear(scores)
	}
	addRange := func(r [2]int32) {
		vals, stride := t.weights.Rows(int(r[0]), int(r[1]))
		if scores64 != nil {
			addWeights64(scores64, touched64, vals, stride)
			return
		}
		addWeights(scores, touched, vals, stride)
	}
	// find returns the weights of the feature of parts joined by
	// spaces (the empty range if the model has none).
	find := func(parts ...string) [2]int32 {
		buf = buf[:0]
		for k, p := range parts {
			if k > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, p...)
		}
		if r, ok := t.feats.Find(unsafe.String(unsafe.SliceData(buf), len(buf))); ok {
			return [2]int32{t.feats.Int32(r, 0), t.feats.Int32(r, 1)}
		}
		return [2]int32{}
	}
	add := func(parts ...string) { addRange(find(parts...)) }
	// at returns the features of the context word k places after token
	// i (or before, k < 0).
	at := func(k int) *ctxFeats {
		switch j := i + k; {
		case j < 0:
			return &t.marks[2+j] // -START-, -START2-
		case j >= len(feats):
			return &t.marks[2+j-len(feats)] // -END-, -END2-
		default:
			return &feats[j].ctx
		}
	}
	w := feats[i]
	// The features in prose's order; the first three read the token's
	// text alone, and their sums come with it when there is room for
	// them (see tagPrefix).
	if scores64 != nil && w.prefix != nil {
		*scores64, *touched64 = w.prefix.scores, w.prefix.touched
	} else {
		if scores64 == nil {
			addRange(t.bias) // else summed already
		}
		addRange(w.suffix)
		addRange(t.pref1[w.first]) // prose converts the first byte, not rune
	}
	if id1 >= 0 && id2 >= 0 {
		addRange(t.prev1[id1])
		addRange(t.prev2[id2])
		addRange(t.pair[int(id1)*len(t.prev1)+int(id2)])
	} else {
		add("i-1 tag", p1)
		add("i-2 tag", p2)
		add("i tag+i-2 tag", p1, p2)
	}
	cur, prev1 := at(0), at(-1)
	addRange(cur.words[roleWord])
	if w.tagWord {
		if memo != nil && id1 >= 0 {
			// id1 names p1 (tagIDs numbers each tag once).
			k := tagWordKey{w, id1}
			r, ok := memo.tagWord[k]
			if !ok {
				r = find("i-1 tag+i word", p1, w.norm)
				memo.tagWord[k] = r
			}
			addRange(r)
		} else {
			add("i-1 tag+i word", p1, w.norm)
		}
	}
	addRange(prev1.words[rolePrev1Word])
	addRange(prev1.suffixes[rolePrev1Suffix])
	addRange(at(-2).words[rolePrev2Word])
	next1 := at(1)
	addRange(next1.words[roleNext1Word])
	addRange(next1.suffixes[roleNext1Suffix])
	addRange(at(2).words[roleNext2Word])
	best, bestScore := -1, math.Inf(-1)
	for c, s := range scores {
		if touched[c] && s > bestScore {
			best, bestScore = c, s
		}
	}
	if best < 0 {
		return "", t.tagID(""), buf
	}
	return t.classes[best], t.classIDs[best], buf
}

// prefixOf returns the scores of a token whose "i suffix" feature has the
// weights suffix and whose first byte is first after the tagger's first
// three features (bias, suffix, pref1): predict's sums, in its order, onto
// the bias's. It needs biasScores (at most 64 classes).
func (t *tagger) prefixOf(suffix [2]int32, first byte) *tagPrefix {
	p := &tagPrefix{scores: *t.biasScores, touched: *t.biasTouched}
	for _, r := range [...][2]int32{suffix, t.pref1[first]} {
		vals, stride := t.weights.Rows(int(r[0]), int(r[1]))
		addWeights64(&p.scores, &p.touched, vals, stride)
	}
	return p
}

// addWeights adds to scores the weight of each row of rows, a class (or
// label) as a little-endian uint32 and its weight as a little-endian
// float64, one row every stride bytes (lexicon.Table.Rows of such a
// table), and marks the classes in touched. The rows are added in order.
func addWeights(scores []float64, touched []bool, rows []byte, stride int) {
	for k, n := 0, rowCount(rows, stride); k < n; k++ {
		r := row12(rows, k*stride)
		class := binary.LittleEndian.Uint32(r[:4])
		touched[class] = true
		scores[class] += math.Float64frombits(binary.LittleEndian.Uint64(r[4:]))
	}
}

// addWeights64 is addWeights for at most 64 classes, each row's class
// taken modulo 64, which leaves it as it is: every class of the tagger's
// weights is below the number of its classes (TestWeightClassesInRange).
func addWeights64(scores *[64]float64, touched *[64]bool, rows []byte, stride int) {
	for k, n := 0, rowCount(rows, stride); k < n; k++ {
		r := row12(rows, k*stride)
		class := binary.LittleEndian.Uint32(r[:4]) & 63
		touched[class] = true
		scores[class] += math.Float64frombits(binary.LittleEndian.Uint64(r[4:]))
	}
}

// rowCount is the number of rows of twelve bytes in rows, one every
// stride bytes (stride >= 12): the last one ends within rows.
func rowCount(rows []byte, stride int) int {
	if len(rows) < 12 {
		return 0
	}
	return (len(rows)-12)/stride + 1
}

// row12 returns the twelve bytes of rows at off, which the caller has
// bounded (off+12 <= len(rows), see rowCount), without a bounds check on
// each of the loads that read them.
func row12(rows []byte, off int) *[12]byte {
	return (*[12]byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(rows)), off))
}

// normalizeLower is normalize(word), given strings.ToLower(word).
func normalizeLower(word, lower string) string {
	switch {
	case word == "":
		return word
	case word[0] != '-' && strings.IndexByte(word, '-') >= 0:
		return "!HYPHEN"
	case len(word) == 4 && isAtoi(word):
		return "!YEAR"
	case '0' <= word[0] && word[0] <= '9':
		return "!DIGITS"
	}
	return lower
}

// isAtoi reports whether strconv.Atoi accepts s. A string of fewer than 19
// bytes (the only ones asked: normalizeLower asks of four) is accepted
// exactly when it is an optional sign and one digit or more, which is
// answered here without the error value Atoi allocates for every word that
// is not a number (TestIsAtoi compares with Atoi).
func isAtoi(s string) bool {
	if len(s) == 0 || len(s) >= 19 {
		_, err := strconv.Atoi(s)
		return err == nil
	}
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
		if s == "" {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
