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
