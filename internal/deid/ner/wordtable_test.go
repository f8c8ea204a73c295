package ner

import (
	"math"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/lexicon"
)

// TestWordTableMatchesSource reads every feature of every key of the word
// table's source back through the table, and checks that a key the source
// lacks has none.
func TestWordTableMatchesSource(t *testing.T) {
	src := &wordSource{flagged: map[string]uint32{}}
	if _, err := buildMaxent(src); err != nil {
		t.Fatal(err)
	}
	if _, err := buildTagger(src); err != nil {
		t.Fatal(err)
	}
	m := loadModel()
	wt := m.tagger.words
	for k, tag := range src.tags {
		if got, ok := wt.tag(wt.find(k)); !ok || got != tag {
			t.Errorf("tag of %q: %q, %v; want %q", k, got, ok, tag)
		}
	}
	for k, c := range src.ctx {
		if got := wt.ctxWords(wt.find(k)); got != c {
			t.Errorf("context features of %q: %v, want %v", k, got, c)
		}
	}
	for k, c := range src.suffixes {
		if got := wt.suffixes(wt.find(k)); got != c {
			t.Errorf("suffix features of %q: %v, want %v", k, got, c)
		}
	}
	for f := wWord; f < numWordFeats; f++ {
		for k, w := range src.ents[f] {
			got := wt.weights(wt.find(k), f)
			want := valueWeights{label: int16(w[0]), n: int16(w[0] >> 16), start: int32(w[1]),
				w: math.Float64frombits(uint64(w[2]) | uint64(w[3])<<32)}
			if !got.ok || got.vw != want {
				t.Errorf("feature %d of %q: %+v, want %+v", f, k, got, want)
			}
		}
	}
	n := 0
	for k := range src.inList {
		if !m.ents.inList(k) {
			t.Errorf("%q not in the word list", k)
		}
		n++
	}
	if n == 0 {
		t.Error("empty word list")
	}
	for k, flags := range src.flagged {
		if got := wt.find(k).mask &^ (1<<numWordFeats - 1) &^ bitInList; got != flags {
			t.Errorf("flags of %q: %b, want %b", k, got, flags)
		}
	}
	// Keys the model has nothing of.
	for _, k := range []string{"zzqxw", "Zzqxw!", "qqq", "\xff", "-START3-"} {
		if r := wt.find(k); r != (wordRow{}) {
			t.Errorf("%q: row %+v, want none", k, r)
		}
	}
	for _, k := range []string{"-START-", "-END2-", "None", "the", "The", "ing"} {
		if r := wt.find(k); r == (wordRow{}) {
			t.Errorf("%q: no row", k)
		}
	}
}

// TestWordTableFlags checks that the flags that let a token skip a probe
// are set on every key the probe could find: each "i-1 tag+i word T K" of
// the tagger's features flags its K, whatever space ends T, and each
// "word+nextpos" value "K+P" its K, whatever '+' ends K.
func TestWordTableFlags(t *testing.T) {
	m := loadModel()
	wt := m.tagger.words
	n := 0
	for r := range m.tagger.feats.Len() {
		rest, ok := strings.CutPrefix(m.tagger.feats.Key(r), "i-1 tag+i word ")
		if !ok {
			continue
		}
		for i := range len(rest) {
			if rest[i] == ' ' {
				n++
				if wt.find(rest[i+1:]).mask&bitTagWord == 0 {
					t.Errorf("%q not flagged as a word of i-1 tag+i word", rest[i+1:])
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("%d keys of i-1 tag+i word", n)
	}
	n = 0
	nv := m.ents.feats[fWordNextPos]
	for r := range nv.Len() {
		v := nv.Key(r)
		for i := range len(v) {
			if v[i] == '+' {
				n++
				if wt.find(v[:i]).mask&bitWordNextPos == 0 {
					t.Errorf("%q not flagged as a word of word+nextpos", v[:i])
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("%d keys of word+nextpos", n)
	}
}

// TestTokenFeatsWordLower checks that a token's "word.lower" weights, read
// off the row of its lower case in the word table, are those of the
// feature looked up by its lower case: for every word of the tagger's
// fixed list and of prose's word list, as written, capitalised and in
// capitals, and for words the model lacks. (prose v2.0.0's model holds no
// "word.lower" weights at all, so today both are empty; the test guards
// the day a model has some, with TestWordTableMatchesSource.)
func TestTokenFeatsWordLower(t *testing.T) {
	m := loadModel()
	var words []string
	for r := range m.tagger.tags.Len() {
		words = append(words, m.tagger.tags.Key(r))
	}
	words = append(words, "Zzqxw", "ÉCOLE", "naïve", "O'Brien", "-START-", "1990", "X")
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if v == "" {
				continue
			}
			got := m.newTokenFeats(v).wordLower
			want := m.ents.weightsOf(fWordLower, strings.ToLower(v))
			if got != want {
				t.Fatalf("word.lower of %q: %+v, want %+v", v, got, want)
			}
		}
	}
}

// TestWeightClassesInRange checks what addWeights64 and addLabelWeights16
// rely on: every class of the tagger's weight rows is below the number of
// its classes (at most 64), and every label of the entity model's weights
// (the first of each feature value, in the feature tables and the word
// table, and the rest in more) below the number of its labels (at most
// 16), so that taking them modulo 64 or 16 changes none.
func TestWeightClassesInRange(t *testing.T) {
	m := loadModel()
	tg, e := m.tagger, m.ents
	if len(tg.classes) > 64 || len(e.labels) > 16 {
		t.Skipf("%d classes, %d labels: the sums use slices", len(tg.classes), len(e.labels))
	}
	check := func(what string, tab *lexicon.Table, limit int, label func(r int) uint32) {
		if tab.Len() == 0 {
			t.Errorf("%s: no rows", what)
		}
		for r := range tab.Len() {
			if c := label(r); c >= uint32(limit) {
				t.Fatalf("%s: row %d has class %d of %d", what, r, c, limit)
			}
		}
	}
	check("tagger weights", tg.weights, len(tg.classes), func(r int) uint32 { return tg.weights.Word(r, 0) })
	check("entity more", e.more, len(e.labels), func(r int) uint32 { return e.more.Word(r, 0) })
	for f, tab := range e.feats {
		if tab != nil {
			check(featureNames[f], tab, len(e.labels), func(r int) uint32 { return tab.Word(r, 0) & 0xffff })
		}
	}
	wt := tg.words
	for r := range wt.rows.Len() {
		row := wordRow{mask: wt.rows.Word(r, 0), start: wt.rows.Int32(r, 1)}
		for f := wWord; f < numWordFeats; f++ {
			if w := wt.weights(row, f); w.ok && (w.vw.label < 0 || int(w.vw.label) >= len(e.labels)) {
				t.Fatalf("word table key %q, feature %d: label %d of %d", wt.rows.Key(r), f, w.vw.label, len(e.labels))
			}
		}
	}
}
