package dict

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestVocabIndex: the index says of every word what each list says of it,
// and a text's words get the lists and spelling bits of their lookup form.
func TestVocabIndex(t *testing.T) {
	x := vocabIndex()
	idx := x.m
	for s, set := range vocabSets {
		n := 0
		for w := range set().All() {
			l := x.lists(w)
			if !l.has(vocabSet(s)) {
				t.Errorf("list %d holds %q, the index does not say so", s, w)
			}
			n++
		}
		if n == 0 {
			t.Errorf("list %d is empty", s)
		}
	}
	// The gate turns away no word of the index, and most others: every
	// 7th word of the lexicon, in lower case and capitalised.
	k, others, gated := 0, 0, 0
	for w := range lexicon.Default().Words() {
		if k++; k%7 != 0 {
			continue
		}
		for _, v := range []string{w, capitalise(w)} {
			if got, want := x.lists(v), idx[v]; got != want {
				t.Fatalf("lists(%q) = %v, the map says %v", v, got, want)
			}
			if _, ok := idx[v]; !ok {
				others++
				if h := gateHash(v) & x.mask; x.gate[h>>6]&(1<<(h&63)) == 0 {
					gated++
				}
			}
		}
	}
	if gated*10 < others*9 {
		t.Errorf("the gate turns away %d of %d words in no list", gated, others)
	}
	for w, l := range idx {
		if x.lists(w) != l {
			t.Errorf("lists(%q) = %v, the map says %v", w, x.lists(w), l)
		}
		for s, set := range vocabSets {
			if got, want := l.has(vocabSet(s)), set().Has(w); got != want {
				t.Errorf("index: %q in list %d = %v, the list says %v", w, s, got, want)
			}
		}
	}
	text := "The Dr. met Mrs Quorlan at the MD office; ok lol, thanks. I'm sooo tired, y'all hahaha, we'll see"
	a := newAnalysis(lexicon.Default(), (&deid.Doc{Text: text}).Analysis(), new(scratch))
	for i := range a.toks {
		tk := &a.toks[i]
		if a.contraction(tk) != isContraction(tk.Lower) || a.stretchedWord(tk) != stretched(tk.Lower) || a.vowel(tk) != hasVowel(tk.Lower) {
			t.Errorf("%q: the spelling bits are not what isContraction, stretched and hasVowel say", tk.Text)
		}
		for s, set := range vocabSets {
			if got, want := a.in(tk, vocabSet(s)), set().Has(tk.Lower); got != want {
				t.Errorf("%q in list %d = %v, want %v", tk.Text, s, got, want)
			}
		}
	}
}

// TestContainsAnyASCIIFirst: hasVowel and hasHyphen answer as
// strings.ContainsAny does, on ASCII words and words with other letters,
// and stretched as it did when it read a copy of the word's bytes.
func TestContainsAnyASCIIFirst(t *testing.T) {
	for _, w := range []string{"", "rhythm", "hct", "zoë", "brûlée", "café-noir", "x‐ray", "nth‑degree", "a-fib",
		"ŧŵ", "ßß", "grr-", "nrg‐", "ǅ", "q", "y", "école", "über", "øre", "ÿ", "–"} {
		if got, want := hasVowel(w), strings.ContainsAny(w, "aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿ"); got != want {
			t.Errorf("hasVowel(%q) = %v, want %v", w, got, want)
		}
		if got, want := hasHyphen(w), strings.ContainsAny(w, "-‐‑"); got != want {
			t.Errorf("hasHyphen(%q) = %v, want %v", w, got, want)
		}
	}
	r := rand.New(rand.NewPCG(3, 5))
	parts := []string{"a", "b", "-", "‐", "‑", "–", "é", "ee", "ab", "x", "ǅ", "\xff"}
	for range 50000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		w := b.String()
		if got, want := hasHyphen(w), strings.ContainsAny(w, "-‐‑"); got != want {
			t.Fatalf("hasHyphen(%q) = %v, want %v", w, got, want)
		}
		if got, want := stretched(w), stretchedBytes([]byte(w)); got != want {
			t.Fatalf("stretched(%q) = %v, want %v", w, got, want)
		}
	}
}

// stretchedBytes is stretched as it was written, over a copy of the bytes.
func stretchedBytes(b []byte) bool {
	for k := 2; k < len(b); k++ {
		if b[k] == b[k-1] && b[k] == b[k-2] {
			return true
		}
	}
	for k := 0; k+5 < len(b); k++ {
		if b[k] == b[k+2] && b[k] == b[k+4] && b[k+1] == b[k+3] && b[k+1] == b[k+5] {
			return true
		}
	}
	return false
}

// TestCommaBetween: commaBetween answers as its former test, TrimSpace of
// the gap is "," and the gap holds no line break, on random gaps.
func TestCommaBetween(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 2))
	parts := []string{" ", ",", "\n", "\t", "\u00a0", "\u2003", ";", ".", "(", ",,", "\r"}
	hits := 0
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		text := "alpha" + b.String() + "beta"
		a := newAnalysis(lexicon.Default(), (&deid.Doc{Text: text}).Analysis(), new(scratch))
		for i := 1; i < len(a.toks); i++ {
			gap := a.toks[i].Gap
			want := strings.TrimSpace(gap) == "," && !strings.Contains(gap, "\n")
			if got := a.commaBetween(i); got != want {
				t.Fatalf("commaBetween after gap %q = %v, want %v", gap, got, want)
			}
			if want {
				hits++
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d gaps were a comma", hits)
	}
}
