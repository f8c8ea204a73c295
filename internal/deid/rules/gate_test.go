package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// TestNextGateHolds checks trig.next where a trigger sets it: at every
// token of random texts whose first byte the trigger takes, the trigger
// accepts no token that the gate passes over. It fails if a byte is taken
// out of the IPv6 trigger's set.
func TestNextGateHolds(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	pieces := append(slices.Clone(rulePieces), "fe80", "::", ":", "a", "b", "c", "de", "AD", "Cafe", "face", "ff", "0", "9",
		"1a", "a1", "dead:", "beef", "ab:", "Bead", "e:", "é", "\xff", "abcde:", "abcd:", "abcdef")
	for _, g := range []*trig{tHexColonTrig} {
		accepted, gated := 0, 0
		for i := 0; i < 20000; i++ {
			text := randomText(r, pieces, 1+r.Intn(30))
			for _, tk := range tokenize(text) {
				if !g.first[text[tk.start]] {
					continue
				}
				pass := tk.wend < len(text) && g.next[text[tk.wend]]
				if !pass {
					gated++
				}
				if g.accepts(text, tk) {
					accepted++
					if !pass {
						t.Fatalf("trigger accepts %q at %d, after which the gate passes over it", text, tk.start)
					}
				}
			}
		}
		if accepted < 1000 || gated < 10000 {
			t.Errorf("%d tokens accepted, %d passed over: the texts do not exercise the gate", accepted, gated)
		}
	}
}
