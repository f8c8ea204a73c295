package ner

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// scanPieces are the pieces of the random texts of the byte scans' tests:
// long runs of each kind of byte, so that the loops that skip a run are
// crossed at every kind of edge.
var scanPieces = []string{"a", "bc", "D", "EF", " ", ".", "/", "'", "1", "42", "é", "É", "ǅ", "ǆ", "\u0301", "\xff", "\xc3",
	"Σ", "日", "-", "\u00a0", "٣", "abcdefghijklmnop", "ABCDEFGHIJ", "MixedCaseWords", "    \t\n  ", ",;:!?()[]",
	"2.5mg/kg", "q4h", "...///", "0123456789"}

func scanText(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(24) {
		b.WriteString(scanPieces[rng.IntN(len(scanPieces))])
	}
	return b.String()
}

// TestEachCapitalRunLong is TestEachCapitalRun with long runs of each kind
// of byte.
func TestEachCapitalRunLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for range 20000 {
		s := scanText(rng)
		var want, got []string
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				want = append(want, w)
			}
		}
		eachCapitalRun(s, func(w string) { got = append(got, w) })
		if !slices.Equal(got, want) {
			t.Fatalf("eachCapitalRun(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestEachDoseField checks eachDoseField against doseTokenFields, and that
// it stops when told to.
func TestEachDoseField(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for range 20000 {
		s := scanText(rng)
		want := doseTokenFields(s)
		var got []string
		eachDoseField(s, func(w string) bool { got = append(got, w); return true })
		if !slices.Equal(got, want) {
			t.Fatalf("eachDoseField(%q) = %q, want %q", s, got, want)
		}
		if len(want) > 0 {
			k := rng.IntN(len(want))
			got = got[:0]
			eachDoseField(s, func(w string) bool { got = append(got, w); return len(got) <= k })
			if !slices.Equal(got, want[:k+1]) {
				t.Fatalf("eachDoseField(%q) stopped after %q, want %q", s, got, want[:k+1])
			}
		}
	}
}

// TestEachLetterRun checks eachLetterRun against strings.FieldsFunc.
func TestEachLetterRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	for range 20000 {
		s := scanText(rng)
		want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		var got []string
		eachLetterRun(s, func(w string) { got = append(got, w) })
		if !slices.Equal(got, want) {
			t.Fatalf("eachLetterRun(%q) = %q, want %q", s, got, want)
		}
	}
}
