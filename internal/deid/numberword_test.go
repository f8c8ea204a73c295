package deid

import (
	"strings"
	"testing"
)

// numberWordValueRef is numberWordValue as first written, with lists.
func numberWordValueRef(w string) int {
	units := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
		"twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	value := func(w string, list []string, mul int) int {
		for k, u := range list {
			if u != "" && w == u {
				return k * mul
			}
		}
		return 0
	}
	if t, u, ok := strings.Cut(w, "-"); ok {
		tv, uv := value(t, tens, 10), value(u, units, 1)
		if tv == 0 || uv == 0 || uv > 9 {
			return 0
		}
		return tv + uv
	}
	if v := value(w, units, 1); v > 0 {
		return v
	}
	return value(w, tens, 10)
}

// TestNumberWordValue compares numberWordValue with its first form on
// every pair of the words it knows and some it does not, and checks that
// numberFirst and the length bound of wordAges keep every number word.
func TestNumberWordValue(t *testing.T) {
	words := []string{"", "one", "two", "three", "seven", "nine", "ten", "eleven", "twelve", "thirteen", "seventeen",
		"nineteen", "twenty", "forty", "seventy", "ninety", "hundred", "zero", "a", "fourty", "-", "twenty-", "x"}
	n := 0
	for _, a := range words {
		for _, b := range words {
			for _, w := range []string{a, a + "-" + b, a + b, a + "-" + b + "-" + a} {
				got, want := numberWordValue(w), numberWordValueRef(w)
				if got != want {
					t.Errorf("numberWordValue(%q) = %d, want %d", w, got, want)
				}
				if want > 0 {
					n++
					if !numberFirst[w[0]] || len(w) > len("seventy-seven") {
						t.Errorf("wordAges would pass over %q", w)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d number words", n)
	}
}
