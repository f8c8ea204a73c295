package rules

import (
	"math/rand"
	"strings"
	"testing"
)

// TestIsMeasureIsPattern compares isMeasure with measureRe on every unit
// in three cases after numbers of every form, and on 200,000 random
// tokens of digits, marks, unit pieces, letters that fold beyond ASCII
// ('ſ', the Kelvin sign) and other bytes.
func TestIsMeasureIsPattern(t *testing.T) {
	check := func(tok string) bool {
		t.Helper()
		got, want := isMeasure(tok), measureRe.MatchString(tok)
		if got != want {
			t.Fatalf("isMeasure(%q) = %v, measureRe says %v", tok, got, want)
		}
		return want
	}
	matched := 0
	for u := range measureUnitSet {
		for _, n := range []string{"5", "12", "0.5", "3,25", "7.", ",5", "", "x", "1-"} {
			for _, w := range []string{u, strings.ToUpper(u), strings.ToUpper(u[:1]) + u[1:], u + "s", u + "x", u[:len(u)-1]} {
				if check(n + w) {
					matched++
				}
			}
		}
	}
	r := rand.New(rand.NewSource(16))
	pieces := []string{"1", "2", "0", "45", "999", ".", ",", "-", "/", "%", "s", "S", "ſ", "\u212a", "k", "K", "mg", "MG", "m", "g",
		"hr", "hrs", "min", "mins", "cal", "kcal", "unit", "units", "yards", "cmh2o", "cmh20", "h2o", "mmhg", "x", "th", "st", "am",
		"é", "\xff", "a", "z", "q", "ab", "yrs", "puff", "tab", "cap", "mcg", "ug", "iu", "bpm", "e", "2o"}
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		if i%2 == 0 { // most measures start so
			b.WriteString(pieces[r.Intn(5)])
		}
		for k := 1 + r.Intn(5); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		if check(b.String()) {
			matched++
		}
	}
	if matched < 5000 {
		t.Errorf("only %d tokens were measures", matched)
	}
}

// BenchmarkIsMeasure asks isMeasure, and the pattern it stands for, of
// invented tokens of the kinds the code scanner meets.
func BenchmarkIsMeasure(b *testing.B) {
	toks := []string{"20mg", "5ml", "1990s", "2023-06-07T20", "07T20", "AB1234", "12.5kg", "3x", "Q4H", "120bpm"}
	b.Run("isMeasure", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			isMeasure(toks[i%len(toks)])
		}
	})
	b.Run("measureRe", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			measureRe.MatchString(toks[i%len(toks)])
		}
	})
}
