package ner

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/veil-blog/veil/internal/lexicon"
)

// wordTable holds, in one table keyed by a string, what both models say of
// that string in each of the features a token's own text is looked up
// by: the tagger's fixed tag and its context-word and suffix features, the
// entity model's "word", "prevword", "nextword", "suffix3", "prefix3" and
// "word.lower" weights and its word list ("word.lower" since session 9: it
// is keyed by the token's lower case, whose row a token reads anyway). They were nine tables, and a token new to a
// text was looked up in each of them: about eleven probes, each mostly a
// wait for memory, since the tables lie scattered over 4 MB. Most of the
// keys a token asks for are the same string (its text, its lower case and
// its normalized form are one word for a word in lower case), so here a
// token costs two to five probes, and the features of one key lie side by
// side in vals.
//
// A row of rows holds a mask (which features the key has: bit f for
// feature f of the wordFeat constants, and the flags below) and the first
// entry of its values in vals, an array of four words an entry; the
// features present follow one another there in the order of the
// constants, each taking wordFeatSize entries.
//
// Two flags say whether a feature keyed by two strings can hold the key at
// all: bitTagWord, whether some tagger feature "i-1 tag+i word T K" has
// the key as K, and bitWordNextPos, whether some entity feature
// "word+nextpos" has a value "K+P". A token whose word lacks the flag
// skips the probe of the tables of those features, which would find
// nothing (TestWordTableFlags).
type wordTable struct {
	rows, vals *lexicon.Table
}

// The features of the word table, in the order of their values.
const (
	wTag     = iota // the tagger's fixed tag: a string (words 0 and 1)
	wCtx            // the tagger's "i word", "i-1 word", ... (ctxFeats.words)
	wSuffix         // the tagger's "i suffix", "i-1 suffix", "i+1 suffix"
	wWord           // the entity model's "word"
	wPrev           // "prevword"
	wNext           // "nextword"
	wSuffix3        // "suffix3"
	wPrefix3        // "prefix3"
	wLower          // "word.lower"
	numWordFeats
)

// The flags of a row, above the feature bits.
const (
	bitInList      = 1 << (numWordFeats + iota) // in prose's word list ("en-wordlist")
	bitTagWord                                  // the K of some "i-1 tag+i word T K"
	bitWordNextPos                              // the K of some "word+nextpos" value "K+P"
)

// wordFeatSize is the entries (of four words) each feature's values take.
var wordFeatSize = [numWordFeats]int{wTag: 1, wCtx: 3, wSuffix: 2, wWord: 1, wPrev: 1, wNext: 1, wSuffix3: 1, wPrefix3: 1, wLower: 1}

// maxentWordFeat maps the entity model's features kept in the word table
// to their wordFeat; the others map to -1.
var maxentWordFeat = func() (m [numFeatures]int) {
	for f := range m {
		m[f] = -1
	}
	m[fWord], m[fPrevWord], m[fNextWord], m[fSuffix3], m[fPrefix3] = wWord, wPrev, wNext, wSuffix3, wPrefix3
	m[fWordLower] = wLower
	return m
}()

// The word table's tables in the model pack.
const (
	wordRowsName = "words/rows"
	wordValsName = "words/vals"
)

// wordRow is the row of one key: its mask and the first entry of its
// values. The zero wordRow is that of a key the table lacks.
type wordRow struct {
	mask  uint32
	start int32
}

func openWordTable(pack map[string]string) (*wordTable, error) {
	t := &wordTable{}
	for _, x := range []struct {
		name string
		t    **lexicon.Table
	}{{wordRowsName, &t.rows}, {wordValsName, &t.vals}} {
		var err error
		if *x.t, err = lexicon.OpenTable(pack[x.name]); err != nil {
			return nil, fmt.Errorf("%s: %w", x.name, err)
		}
	}
	return t, nil
}

// find returns the row of key k.
func (t *wordTable) find(k string) wordRow {
	r, ok := t.rows.Find(k)
	if !ok {
		return wordRow{}
	}
	return wordRow{mask: t.rows.Word(r, 0), start: t.rows.Int32(r, 1)}
}

// entry returns the entry in vals of the first value of feature f of row
// r, or false if the key has none.
func (r wordRow) entry(f int) (int, bool) {
	if r.mask&(1<<f) == 0 {
		return 0, false
	}
	e := int(r.start)
	for g := range f {
		if r.mask&(1<<g) != 0 {
			e += wordFeatSize[g]
		}
	}
	return e, true
}

// weights returns the weights of entity feature f (a wordFeat) of row r.
func (t *wordTable) weights(r wordRow, f int) weightsOf {
	e, ok := r.entry(f)
	if !ok {
		return weightsOf{}
	}
	w0 := t.vals.Word(e, 0)
	return weightsOf{valueWeights{label: int16(w0), n: int16(w0 >> 16), start: t.vals.Int32(e, 1), w: t.vals.Float64(e, 2)}, true}
}

// ranges returns n ranges of the values of feature f of row r, or empty
// ones.
func (t *wordTable) ranges(r wordRow, f int, out [][2]int32) {
	e, ok := r.entry(f)
	if !ok {
		return
	}
	for i := range out {
		k := 2 * i
		out[i] = [2]int32{t.vals.Int32(e+k/4, k%4), t.vals.Int32(e+(k+1)/4, (k+1)%4)}
	}
}

// ctxWords returns the tagger's features of row r's key as a context word.
func (t *wordTable) ctxWords(r wordRow) (p [numWordRoles][2]int32) {
	t.ranges(r, wCtx, p[:])
	return p
}

// suffixes returns the tagger's features of row r's key as a suffix.
func (t *wordTable) suffixes(r wordRow) (p [numSuffixRoles][2]int32) {
	t.ranges(r, wSuffix, p[:])
	return p
}

// tag returns the tagger's fixed tag of row r's key.
func (t *wordTable) tag(r wordRow) (string, bool) {
	e, ok := r.entry(wTag)
	if !ok {
		return "", false
	}
	return t.vals.String(e, 0), true
}

// wordSource is what buildWordTable gathers into the word table.
type wordSource struct {
	tags     map[string]string
	ctx      map[string][numWordRoles][2]int32
	suffixes map[string][numSuffixRoles][2]int32
	// ents holds, for each feature from wWord to wPrefix3, the entity
	// model's row of each value: label | n<<16, start in more, weight.
	ents    [numWordFeats]map[string][4]uint32
	inList  map[string]bool
	flagged map[string]uint32 // bitTagWord and bitWordNextPos
}

// tagWordKeys returns the K of each tagger feature "i-1 tag+i word T K",
// at every space after "i-1 tag+i word ": a tag holds no space, so the K of
// a key is among them.
func tagWordKeys(feats map[string][2]int32, flagged map[string]uint32) {
	for f := range feats {
		rest, ok := strings.CutPrefix(f, "i-1 tag+i word ")
		if !ok {
			continue
		}
		for i := range len(rest) {
			if rest[i] == ' ' {
				flagged[rest[i+1:]] |= bitTagWord
			}
		}
	}
}

// wordNextPosKeys flags the K of each value "K+P" of the entity feature
// "word+nextpos", at every '+'.
func wordNextPosKeys(values []string, flagged map[string]uint32) {
	for _, v := range values {
		for i := range len(v) {
			if v[i] == '+' {
				flagged[v[:i]] |= bitWordNextPos
			}
		}
	}
}

// buildWordTable lays the word table out.
func buildWordTable(src *wordSource) map[string]*lexicon.TableBuilder {
	keys := map[string]bool{}
	for k := range src.tags {
		keys[k] = true
	}
	for k := range src.ctx {
		keys[k] = true
	}
	for k := range src.suffixes {
		keys[k] = true
	}
	for _, m := range src.ents {
		for k := range m {
			keys[k] = true
		}
	}
	for k := range src.inList {
		keys[k] = true
	}
	for k := range src.flagged {
		keys[k] = true
	}
	rows := lexicon.NewTableBuilder(2)
	vals := lexicon.NewArrayBuilder(4)
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		r, _ := rows.Insert(k)
		mask := src.flagged[k]
		if src.inList[k] {
			mask |= bitInList
		}
		start := vals.Len()
		put := func(f int, words []uint32) {
			mask |= 1 << f
			for n := 0; n < wordFeatSize[f]; n++ {
				e := vals.Append()
				copy(vals.Vals(e), words[min(4*n, len(words)):])
			}
		}
		if tag, ok := src.tags[k]; ok {
			mask |= 1 << wTag
			vals.SetString(vals.Append(), 0, tag)
		}
		if c, ok := src.ctx[k]; ok {
			put(wCtx, rangeWords(c[:]))
		}
		if s, ok := src.suffixes[k]; ok {
			put(wSuffix, rangeWords(s[:]))
		}
		for f := wWord; f < numWordFeats; f++ {
			if w, ok := src.ents[f][k]; ok {
				put(f, w[:])
			}
		}
		copy(rows.Vals(r), []uint32{mask, uint32(start)})
	}
	return map[string]*lexicon.TableBuilder{wordRowsName: rows, wordValsName: vals}
}

func rangeWords(rs [][2]int32) []uint32 {
	var v []uint32
	for _, r := range rs {
		v = append(v, uint32(r[0]), uint32(r[1]))
	}
	return v
}
