package ner

import (
	"bufio"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/veil-blog/veil/internal/lexicon"
)

// TestKnownPlacePair checks knownPlacePair against knownPlace of the phrase
// on every name of two words of the lexicon's places, countries and
// states (as written, in lower case, in capitals, with a typographic
// apostrophe), on their first words with other second words, and on
// random pairs of their words.
func TestKnownPlacePair(t *testing.T) {
	d := New(WithLexicon(lexicon.Default()))
	var pairs [][2]string
	var words []string
	for _, src := range []struct {
		file  string
		field []int
	}{{"places.tsv.gz", []int{0, 1}}, {"countries.tsv.gz", []int{0}}, {"us_states.tsv.gz", []int{1}}} {
		f, err := os.Open("../../lexicon/data/" + src.file)
		if err != nil {
			t.Fatal(err)
		}
		z, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(z)
		for sc.Scan() {
			fs := strings.Split(sc.Text(), "\t")
			for _, i := range src.field {
				if i >= len(fs) || fs[i] == "" {
					continue
				}
				ws := strings.Split(fs[i], " ")
				words = append(words, ws...)
				if len(ws) == 2 {
					pairs = append(pairs, [2]string{ws[0], ws[1]})
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	if len(pairs) < 1000 {
		t.Fatalf("%d names of two words", len(pairs))
	}
	check := func(a, b string) {
		t.Helper()
		if got, want := d.knownPlacePair(a, b), d.knownPlace(a+" "+b); got != want {
			t.Fatalf("knownPlacePair(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(31, 32))
	found := 0
	for _, p := range pairs {
		a, b := p[0], p[1]
		if d.knownPlace(a + " " + b) {
			found++
		}
		check(a, b)
		check(strings.ToLower(a), strings.ToLower(b))
		check(strings.ToUpper(a), b)
		check(strings.ReplaceAll(a, "'", "’"), b)
		check(a, words[rng.IntN(len(words))])
		check(words[rng.IntN(len(words))], b)
		check(words[rng.IntN(len(words))], words[rng.IntN(len(words))])
		check("", b)
	}
	if found < len(pairs)/2 {
		t.Errorf("only %d of %d names of two words are known places", found, len(pairs))
	}
}
