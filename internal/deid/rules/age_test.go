package rules

import "testing"

func TestNumberValueOneNumber(t *testing.T) {
	for s, want := range map[string]int{
		"twenty-one": 21, "one hundred and five": 105, "ninety seven": 97, "14": 14,
		// Two numbers joined by "and" are not their sum.
		"nine and twelve": 0, "six and four": 0, "twenty thirty": 0, "seven eight": 0,
	} {
		if got := numberValue(s); got != want {
			t.Errorf("numberValue(%q) = %d, want %d", s, got, want)
		}
	}
}
