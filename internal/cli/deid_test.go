package cli

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid"
)

// checkResult asserts the invariants every de-identification must keep.
func checkResult(t *testing.T, text string, res *deid.Result) {
	t.Helper()
	prev := 0
	for _, f := range res.Findings {
		if err := f.Check(text); err != nil {
			t.Fatalf("%v", err)
		}
		if f.Start < prev {
			t.Fatalf("findings overlap or are out of order at %d", f.Start)
		}
		if !onBoundary(text, f.Start) || !onBoundary(text, f.End) {
			t.Fatalf("finding [%d,%d) splits a UTF-8 sequence", f.Start, f.End)
		}
		if !f.Kind.Valid() {
			t.Fatalf("finding kind %q", f.Kind)
		}
		prev = f.End
	}
}

// onBoundary reports whether byte offset i does not fall inside a valid
// multi-byte UTF-8 sequence. (A stray continuation byte of invalid UTF-8 is
// a sequence of its own, so offsets on either side of it are boundaries.)
func onBoundary(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(text[j]) {
			r, size := utf8.DecodeRuneInString(text[j:])
			return r == utf8.RuneError && size == 1 || j+size <= i
		}
	}
	return true
}

// TestBadInput runs the whole recognizer set on inputs that break naive
// code: no panic, every offset inside the input and on rune boundaries.
func TestBadInput(t *testing.T) {
	eng := engineForTest(t)
	inputs := map[string]string{
		"no letters":      strings.Repeat("12 -- ?? !! .. ", 20000),
		"100,000 digits":  strings.Repeat("7", 100000),
		"one long line":   strings.Repeat("Odette met Dr. Okafor in Springfield on March 3, 2021 and called 555-0134. ", 1000),
		"invalid utf-8":   "Odette \xff\xfe Marchand \xc3 met \xe2\x80 Lucía in Zürich \xf0\x9f\x98",
		"nested markdown": strings.Repeat("> ", 5000) + strings.Repeat("[", 5000) + "Odette" + strings.Repeat("]", 5000),
		"only spaces":     strings.Repeat(" \n\t", 10000),
		"empty":           "",
		"control chars":   "Odette\x00\x01\x02 Marchand\r\n\v\f",
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, text, res)
		})
	}
}

// FuzzDeidentify: whatever the text, every finding is a valid span of the
// exact input and no replaced span can still be read at its place in the
// output, however it was written (character references, invisible
// characters).
func FuzzDeidentify(f *testing.F) {
	for _, s := range []string{
		"Odette Marchand, a 34-year-old from Springfield, called 555-0134 on March 3, 2021.",
		"MRN: 12345678. DR OKAFOR SAW PT 7/22 AT WINSTEAD HOSPITAL.",
		"@jess_m lol saw emma at the mall in boston",
		"Lucía’s son Mateo (aged 4) — 12 Elm St, Apt 2B, Harlow Creek, OH 45011",
		"\xff\xfeOdette\xc3",
		"Walter was 97 when he came. At 94, she swims; I'm 34. Ana Ruiz, MD, saw Dr.Vorn.",
		"He has Erdheim–Chester disease and Parkinson's disease. By last Tuesday, about two years ago, the next week.",
		"Yesterday &#79;&#100;&#101;tte Marchand and Ren&eacute;e Okafor came; Ode\u200btte Mar\u00adchand signed.",
		"---\ntitle: Visit with Jos&eacute; Okafor\n---\n<p>Dr. Oka&#x66;or met O\u200ddette</p> [Od&#101;tte](/a/) ![Mar\ufeffchand](b.png)",
	} {
		f.Add(s)
	}
	eng := engineForTest(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := eng.Deidentify(context.Background(), &deid.Doc{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, text, res)
		checkReplaced(t, text, res)
	})
}
