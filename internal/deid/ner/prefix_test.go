package ner

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestTagPrefixMatchesRef checks, bit for bit, the tagger's scores kept
// with a token text after its first three features (tagPrefix) against
// predictRef's sums of the same features, in prose's order, for every
// word of the reference texts and its lower and upper case.
func TestTagPrefixMatchesRef(t *testing.T) {
	m := loadModel()
	tg := m.tagger
	if tg.biasScores == nil {
		t.Fatal("the model has more than 64 classes: no prefixes")
	}
	seen := map[string]bool{}
	n := 0
	for _, s := range refTexts(t) {
		for _, w := range strings.Fields(s) {
			for _, w := range []string{w, strings.ToLower(w), strings.ToUpper(w)} {
				if seen[w] {
					continue
				}
				seen[w] = true
				f := m.newTokenFeats(w)
				if f.hasFixed {
					if f.prefix != nil {
						t.Fatalf("%q: a token of fixed tag %q has a prefix", w, f.fixed)
					}
					continue
				}
				if f.prefix == nil {
					t.Fatalf("%q: a predicted token has no prefix", w)
				}
				var scores [64]float64
				var touched [64]bool
				for _, r := range [][2]int32{tg.bias, tg.suffix(w[len(w)-min(len(w), 3):])[roleSuffix], tg.pref1[w[0]]} {
					for k := int(r[0]); k < int(r[1]); k++ {
						class := tg.weights.Word(k, 0)
						if !touched[class] {
							touched[class] = true
							scores[class] = 0
						}
						scores[class] += tg.weights.Float64(k, 1)
					}
				}
				for c := range scores {
					if touched[c] != f.prefix.touched[c] || touched[c] && math.Float64bits(scores[c]) != math.Float64bits(f.prefix.scores[c]) {
						t.Fatalf("%q: class %d: prefix %v %v, want %v %v", w, c, f.prefix.touched[c], f.prefix.scores[c], touched[c], scores[c])
					}
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d predicted token texts", n)
	}
}

// TestEntityPrefixMatchesRef checks, bit for bit, the entity model's
// scores kept with each tag after a token's first three features
// (posFeats.prefix) against classifyRef's sums of the same features, in
// prose's order.
func TestEntityPrefixMatchesRef(t *testing.T) {
	e := loadModel().ents
	s := &e.small
	tags := []*posFeats{&s.none}
	for _, p := range s.tags {
		tags = append(tags, p)
	}
	for _, p := range tags {
		if !p.hasPrefix {
			t.Fatalf("tag %q has no prefix", p.lower)
		}
		for in, list := range []string{"False", "True"} {
			scores := make([]float64, 16)
			for _, fv := range []struct {
				f int
				v string
			}{{fBias, "True"}, {fWordlist, list}, {fNextPos, p.lower}} {
				vw, ok := e.feat(fv.f, fv.v)
				if !ok {
					continue
				}
				scores[vw.label] += vw.w
				for r := int(vw.start); r < int(vw.start)+int(vw.n); r++ {
					scores[e.more.Word(r, 0)] += e.more.Float64(r, 1)
				}
			}
			for l := range scores {
				if math.Float64bits(scores[l]) != math.Float64bits(p.prefix[in][l]) {
					t.Fatalf("tag %q, in list %v: label %d: prefix %v, want %v", p.lower, in == 1, l, p.prefix[in][l], scores[l])
				}
			}
		}
	}
}

// TestCtxMemoMatchesModel checks that tagging and labelling window after
// window with one cache's ctxMemo gives the tags and labels that the
// same code gives without it, and that every pair the memo keeps holds
// what the model's table says of the key it stands for.
func TestCtxMemoMatchesModel(t *testing.T) {
	m := loadModel()
	cache, plain := newTokenCache(m), newTokenCache(m)
	for i, s := range refTexts(t) {
		s = proseText(s)
		if i%3 == 0 {
			// Now and then a token whose tag the tagger copies, which
			// the memo cannot key ("-XYZ-" has no posFeats of the model).
			s += " -XYZ- Ann"
		}
		toks, feats, _ := cache.tokens(s)
		ids := m.tagger.tag(toks, feats, nil, &cache.memo)
		m.ents.classify(toks, feats, ids, &cache.memo)
		want, wantFeats, _ := plain.tokens(s)
		wantIDs := m.tagger.tag(want, wantFeats, nil, nil)
		m.ents.classify(want, wantFeats, wantIDs, nil)
		if !slices.Equal(toks, want) || !slices.Equal(ids, wantIDs) {
			t.Fatalf("%q: with the memo %v %v, without %v %v", s, toks, ids, want, wantIDs)
		}
	}
	if len(cache.memo.nextPos) < 500 || len(cache.memo.tagWord) < 100 {
		t.Fatalf("the memo kept %d and %d pairs: the test reads too few", len(cache.memo.nextPos), len(cache.memo.tagWord))
	}
	for k, w := range cache.memo.nextPos {
		if !k.next.perModel {
			t.Fatalf("%q: a pair keyed by a tag the model does not number", k.tok.lower)
		}
		if want := tableWeights(m.ents.feats[fWordNextPos], k.tok.lower+"+"+k.next.lower); w != want {
			t.Fatalf("word+nextpos %q+%q: kept %+v, the model says %+v", k.tok.lower, k.next.lower, w, want)
		}
	}
	tags := map[int32]string{}
	for tag, id := range m.tagger.tagIDs {
		tags[id] = tag
	}
	for k, r := range cache.memo.tagWord {
		if want := m.tagger.featRange("i-1 tag+i word " + tags[k.prev] + " " + k.tok.norm); r != want {
			t.Fatalf("i-1 tag+i word %q %q: kept %v, the model says %v", tags[k.prev], k.tok.norm, r, want)
		}
	}
}
