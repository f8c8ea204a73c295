package risk

import (
	"math/rand"
	"strings"
	"testing"
)

// TestMatchIsRef compares match with its former form (matchRef, without the test of the
// first two words' bits before the loop, and phraseRow without its rows kept per token) at
// every token, for every kind and length, in 1,500 random texts of whole phrases of the tables,
// their first words and other words.
func TestMatchIsRef(t *testing.T) {
	src, err := parseSource(readSource(t))
	if err != nil {
		t.Fatal(err)
	}
	var phrases []string
	for _, m := range src.phrases {
		keys := orderedKeys(m)
		for range 400 {
			phrases = append(phrases, keys[rand.New(rand.NewSource(int64(len(phrases)))).Intn(len(keys))])
		}
	}
	words := candTestWords(t)
	rng := rand.New(rand.NewSource(9))
	seps := []string{" ", " ", " ", ", ", ". ", " the ", " a "}
	tab := DefaultTables()
	for n := 0; n < 1500; n++ {
		var b strings.Builder
		for k := 2 + rng.Intn(30); k > 0; k-- {
			switch p := phrases[rng.Intn(len(phrases))]; rng.Intn(4) {
			case 0:
				b.WriteString(p)
			case 1:
				b.WriteString(strings.Fields(p)[0])
			case 2:
				b.WriteString(strings.ToUpper(p[:1]) + p[1:])
			default:
				b.WriteString(words[rng.Intn(len(words))])
			}
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		text := b.String()
		f := newFinder(tab, text)
		for i := 0; i <= len(f.toks); i++ {
			for kind := range numPhraseKinds {
				for maxWords := 1; maxWords <= 8; maxWords++ {
					j, e, ok := f.match(i, kind, maxWords)
					wj, we, wok := f.matchRef(i, kind, maxWords)
					if j != wj || e != we || ok != wok {
						t.Fatalf("%q at token %d, kind %d, %d words: %d %+v %v, want %d %+v %v", text, i, kind, maxWords, j, e, ok, wj, we, wok)
					}
				}
			}
		}
		f.release()
	}
}

// phraseRowRef is phraseRow as it was, without the rows of two words kept per token.
func (f *finder) phraseRowRef(i, j int) int {
	switch j - i {
	case 1:
		return f.rowAt(i)
	case 2:
		if f.bitsAt(i)&bitPrefix == 0 || f.bitsAt(i+1)&bitSecond == 0 {
			return -1
		}
	default:
		if !f.t.continues(f.phraseRowRef(i, j-1)) {
			return -1
		}
	}
	return f.t.phrase(f.key(i, j))
}

// matchRef is match as it was (with phraseRowRef).
func (f *finder) matchRef(i int, kind int, maxWords int) (int, Entry, bool) {
	if i >= len(f.toks) {
		return i, Entry{}, false
	}
	end, row := i, -1
	r, bits := f.rowAt(i), f.bitsAt(i)
	for n := 1; n <= maxWords && i+n <= len(f.toks) && f.toks[i+n-1].sent == f.toks[i].sent; n++ {
		if n > 1 {
			r = f.phraseRowRef(i, i+n)
			bits = f.t.bits(r)
		}
		if bits&(1<<kind) != 0 {
			end, row = i+n, r
		}
		if bits&bitPrefix == 0 {
			break
		}
	}
	if end == i {
		return i, Entry{}, false
	}
	return end, f.t.entry(row, kind), true
}

// TestMarkAuthorIsRef compares markAuthor, which reads "i", "we", "as" and "of" from class
// bits, with its former form (keys compared) in random texts, with the first-person clauses
// newFinder marks and with every clause marked.
func TestMarkAuthorIsRef(t *testing.T) {
	words := candTestWords(t)
	near := []string{"i", "I", "we", "We", "as", "As", "of", "OF", "is", "was", "with", "to", "she", "client", "the", "a"}
	rng := rand.New(rand.NewSource(4))
	seps := []string{" ", " ", " ", " ", ", ", ". ", "; "}
	tab := DefaultTables()
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := 2 + rng.Intn(40); k > 0; k-- {
			if rng.Intn(2) == 0 {
				b.WriteString(near[rng.Intn(len(near))])
			} else {
				b.WriteString(words[rng.Intn(len(words))])
			}
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		f := newFinder(tab, b.String())
		for pass := range 2 {
			if pass == 1 {
				for c := range f.first {
					f.first[c] = true
				}
			}
			f.markAuthor()
			got := append([]bool(nil), f.author...)
			f.markAuthorRef()
			for i := range got {
				if got[i] != f.author[i] {
					t.Fatalf("%q, token %d: author %v, want %v", b.String(), i, got[i], f.author[i])
				}
			}
		}
		f.release()
	}
}

// markAuthorRef is markAuthor as it was.
func (f *finder) markAuthorRef() {
	f.author = make([]bool, len(f.toks))
	author := false
	for i := range f.toks {
		tk := &f.toks[i]
		if i > 0 && tk.clause != f.toks[i-1].clause {
			author = false
		}
		if !f.first[tk.clause] {
			continue
		}
		f.author[i] = author
		w := &f.vocab[tk.id]
		switch {
		case w.key == "i" || w.key == "we":
			author = true
		case w.key == "as" || w.cls&clsCopula != 0:
		case w.cls&(clsPreposition|clsThird|clsPersonNoun) != 0 || w.key == "of":
			author = false
		}
	}
}
