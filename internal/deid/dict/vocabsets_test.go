package dict

import (
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/lexicon"
)

// TestVocabIndex: the index says of every word what each list says of it,
// and a text's words get the lists and spelling bits of their lookup form.
func TestVocabIndex(t *testing.T) {
	idx := vocabIndex()
	for s, set := range vocabSets {
		n := 0
		for w := range set().All() {
			l := idx[w]
			if !l.has(vocabSet(s)) {
				t.Errorf("list %d holds %q, the index does not say so", s, w)
			}
			n++
		}
		if n == 0 {
			t.Errorf("list %d is empty", s)
		}
	}
	for w, l := range idx {
		for s, set := range vocabSets {
			if got, want := l.has(vocabSet(s)), set().Has(w); got != want {
				t.Errorf("index: %q in list %d = %v, the list says %v", w, s, got, want)
			}
		}
	}
	text := "The Dr. met Mrs Quorlan at the MD office; ok lol, thanks. I'm sooo tired, y'all hahaha, we'll see"
	a := newAnalysis(lexicon.Default(), (&deid.Doc{Text: text}).Analysis())
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
// strings.ContainsAny does, on ASCII words and words with other letters.
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
}
