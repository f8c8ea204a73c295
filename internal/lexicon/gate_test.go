package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestGateKeepsLookups checks that a gated table finds exactly what the table finds: every
// key of the gated tables, every word of word_facts in several cases, and random strings
// (empty, long, non-ASCII); and that the gate rules out most words, or it would be of no use.
func TestGateKeepsLookups(t *testing.T) {
	l := New()
	words := wordKeys(l)
	rng := rand.New(rand.NewPCG(7, 12))
	const alphabet = "aAbBnNsSyYzZ'’ -éÉ0"
	random := func() string {
		var b strings.Builder
		n := rng.IntN(70)
		for range n {
			r := []rune(alphabet)
			b.WriteRune(r[rng.IntN(len(r))])
		}
		return b.String()
	}
	for _, name := range []string{"countries", "states_code", "states_name", "prefixes"} {
		g, err := l.openGated(name)()
		if err != nil {
			t.Fatal(err)
		}
		check := func(s string) {
			t.Helper()
			r, ok := g.find(s)
			wr, wok := g.Find(s)
			if r != wr || ok != wok {
				t.Fatalf("%s: find(%q) = %d, %v; Find = %d, %v", name, s, r, ok, wr, wok)
			}
			r, ok = g.findKey(s)
			wr, wok = g.Find(key(s))
			if r != wr || ok != wok {
				t.Fatalf("%s: findKey(%q) = %d, %v; Find(key) = %d, %v", name, s, r, ok, wr, wok)
			}
		}
		for r := range g.Len() {
			k := g.Key(r)
			check(k)
			check(strings.ToUpper(k))
		}
		passed, asked := 0, 0
		for r := 0; r < len(words); r += 7 {
			k := words[r]
			check(k)
			check(strings.ToUpper(k[:1]) + k[1:])
			asked++
			if g.gate.may(k) {
				passed++
			}
		}
		for range 20000 {
			check(random())
		}
		t.Logf("%s: %d rows; the gate passed %d of %d words", name, g.Len(), passed, asked)
		if name != "prefixes" && 2*passed > asked {
			t.Errorf("%s: the gate passed %d of %d words", name, passed, asked)
		}
	}
}

// TestAppendKeyGrows checks appendKey past the spare capacity of its buffer and keyOf on
// keys longer than its buffer.
func TestAppendKeyGrows(t *testing.T) {
	ref := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }
	for _, s := range []string{strings.Repeat("AbC", 30), strings.Repeat("é’X", 30), "Ab", ""} {
		for _, c := range []int{0, 2, 100} {
			b := append(make([]byte, 0, c), "p"...)
			if got, want := string(appendKey(b, s)), "p"+ref(s); got != want {
				t.Errorf("appendKey(cap %d, %q) = %q, want %q", c, s, got, want)
			}
		}
		var buf [64]byte
		if got, want := keyOf(&buf, s), ref(s); got != want {
			t.Errorf("keyOf(%q) = %q, want %q", s, got, want)
		}
	}
}

// wordKeys returns the keys of word_facts in the order of its records.
func wordKeys(l *Lexicon) []string {
	w := l.wordTab()
	var keys []string
	w.each(func(p int) bool { keys = append(keys, w.key(p)); return true })
	return keys
}
