package deid

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestShapeOfASCII: ShapeOf's reading of ASCII bytes classifies words as
// its reading of runes does, LookupForm as lookupForm, wordForms as both,
// and gapOpens as strings.ContainsAny.
func TestShapeOfASCII(t *testing.T) {
	pieces := []string{"a", "Z", "b", "Q", "-", "'", "7", "é", "É", "‐", "’", "x", "Mc", "ab", "CD", "!", ";", "“", "«", " "}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		w := b.String()
		gs, gn := ShapeOf(w)
		ws, wn := shapeOfRunes(w)
		if gs != ws || gn != wn {
			t.Fatalf("ShapeOf(%q) = %v, %d; by runes %v, %d", w, gs, gn, ws, wn)
		}
		if got, want := LookupForm(w), lookupForm(w); got != want {
			t.Fatalf("LookupForm(%q) = %q, want %q", w, got, want)
		}
		if l, sh, n := wordForms(w); l != lookupForm(w) || sh != ws || n != wn {
			t.Fatalf("wordForms(%q) = %q, %v, %d; want %q, %v, %d", w, l, sh, n, lookupForm(w), ws, wn)
		}
		if got, want := gapOpens(w), strings.ContainsAny(w, "!?:;\"“«"); got != want {
			t.Fatalf("gapOpens(%q) = %v, want %v", w, got, want)
		}
	}
	for _, g := range []string{"", " ", ". ", " “", "«", "!", "x?", " ; ", "\"", "é:", "—"} {
		if got, want := gapOpens(g), strings.ContainsAny(g, "!?:;\"“«"); got != want {
			t.Errorf("gapOpens(%q) = %v, want %v", g, got, want)
		}
	}
}

// TestWordShapeFastPath compares wordShape, with its path for plain words,
// with wordShapeAny on random words of letters, digits, marks and
// non-ASCII letters in every case.
func TestWordShapeFastPath(t *testing.T) {
	pieces := []string{"a", "z", "A", "Z", "q", "Q", "m", "-", "'", "0", "9", "é", "É", "ǅ", "’", "x"}
	r := rand.New(rand.NewPCG(8, 9))
	fast := 0
	for range 50000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		w := b.String()
		sh, n, form := wordShape(w)
		wsh, wn, wform := wordShapeAny(w)
		if sh != wsh || n != wn || form != wform {
			t.Fatalf("wordShape(%q) = %v, %d, %d; wordShapeAny = %v, %d, %d", w, sh, n, form, wsh, wn, wform)
		}
		if sh == ShapeLower || sh == ShapeTitle {
			fast++
		}
	}
	if fast < 1000 {
		t.Errorf("only %d plain words", fast)
	}
}
