package rules

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHasFaxIsLower compares hasFax with the test it replaces on random
// strings of cases of "fax", its neighbours and characters beyond ASCII,
// and checks what it rests on: no character beyond ASCII lowers to an
// ASCII 'f', 'a' or 'x'.
func TestHasFaxIsLower(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if l := strings.ToLower(string(r)); strings.ContainsAny(l, "faxFAX") {
			t.Fatalf("%U lowers to %q", r, l)
		}
	}
	pieces := []string{"f", "F", "a", "A", "x", "X", "fa", "FA", "ax", "Fax", "fAX", "FAX", "fax", " ", "-", "1", "é", "ſ",
		"\u212a", "\u0130", "\xff", "\xe2\x80", "ﬀ", "Ａ", "ｘ"}
	r := rand.New(rand.NewSource(12))
	found := 0
	for i := 0; i < 50000; i++ {
		s := randomText(r, pieces, r.Intn(8))
		want := strings.Contains(strings.ToLower(s), "fax")
		if got := hasFax(s); got != want {
			t.Fatalf("hasFax(%q) = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 5000 {
		t.Errorf("only %d strings with fax", found)
	}
}

// TestDateShapeIndexIsPattern compares dateShapeIndex with the pattern it
// replaces on random strings of runs of digits and separators.
func TestDateShapeIndexIsPattern(t *testing.T) {
	pieces := []string{"1", "12", "123", "1234", "12345", "0", "/", ".", "-", "/", ".", "-", " ", "a", "٣", "\n", "--"}
	r := rand.New(rand.NewSource(13))
	matched := 0
	for i := 0; i < 100000; i++ {
		s := randomText(r, pieces, r.Intn(7))
		if r.Intn(2) == 0 {
			// Three runs of digits with separators, now and then with a
			// piece before, between or after.
			seps := []string{"/", ".", "-", " ", "a"}
			run := func(n int) string { return strings.Repeat("7", 1+r.Intn(n)) }
			parts := []string{run(5), seps[r.Intn(len(seps))], run(3), seps[r.Intn(len(seps))], run(5)}
			if r.Intn(4) == 0 {
				k := r.Intn(len(parts) + 1)
				parts = append(parts[:k], append([]string{pieces[r.Intn(len(pieces))]}, parts[k:]...)...)
			}
			s = strings.Join(parts, "")
		}
		want := dateShape.FindStringSubmatchIndex(s)
		if got := dateShapeIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("dateShapeIndex(%q) = %v, want %v", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 2000 {
		t.Errorf("only %d strings of the shape", matched)
	}
}
