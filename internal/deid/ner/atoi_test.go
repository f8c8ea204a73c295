package ner

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestIsAtoi compares isAtoi with strconv.Atoi: every string of up to four
// bytes over an alphabet of signs, digits, letters, white space, '_' and
// non-ASCII bytes, and random strings of up to 24 bytes.
func TestIsAtoi(t *testing.T) {
	alphabet := []byte("+-09 5_xA.\xff\xc3")
	check := func(s string) {
		_, err := strconv.Atoi(s)
		if got, want := isAtoi(s), err == nil; got != want {
			t.Fatalf("isAtoi(%q) = %v, Atoi says %v", s, got, want)
		}
	}
	var rec func(prefix []byte, n int)
	rec = func(prefix []byte, n int) {
		check(string(prefix))
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			rec(append(prefix, c), n-1)
		}
	}
	rec(nil, 4)
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		b := make([]byte, r.IntN(25))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = byte('0' + r.IntN(10))
			}
		}
		check(string(b))
	}
}
