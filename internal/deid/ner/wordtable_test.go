package ner

import (
	"math"
	"strings"
	"testing"
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
