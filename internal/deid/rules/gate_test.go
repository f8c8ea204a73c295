package rules

import (
	"math/rand"
	"slices"
	"strings"
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

// TestRunBoundsHold checks trig.run for every trigger of Default's walk
// that sets it: at every token of random texts that starts with a digit,
// a trigger accepts only tokens whose run of digits its bounds allow
// (runAllows, as the walk's byRun lists are made). Narrowing any bound by
// one fails it.
func TestRunBoundsHold(t *testing.T) {
	p := Default()[0].(*Email).rules.shared
	seen := map[*trig]bool{}
	var gs []*trig
	for b := '0'; b <= '9'; b++ {
		for _, c := range append(slices.Clone(p.byFirst[b].free), p.byFirst[b].digit...) {
			if c.part.run[1] > 0 && !seen[c.part] {
				seen[c.part] = true
				gs = append(gs, c.part)
			}
		}
	}
	if len(gs) < 15 {
		t.Fatalf("only %d triggers bound their digits", len(gs))
	}
	r := rand.New(rand.NewSource(15))
	// Runs of digits of every length, leading zeros and ones, between
	// the marks and words of numbers.
	seps := []string{" ", " ", ".", "-", "/", "(", ")", ") ", "- ", ":", "'", "’", "x", " ext ", "th", "s", "'s", "a", "T", " and ",
		" to ", "–", "\n", ",", "%", "phone ", "call ", "tel: ", "st", "nd", "+", "@", " March ", "years", " am", " years", "-month", " Months", "  y"}
	accepted := make([]int, len(gs))
	for i := 0; i < 40000; i++ {
		var b strings.Builder
		for k := 1 + r.Intn(12); k > 0; k-- {
			if k%2 == 0 {
				if r.Intn(3) > 0 {
					b.WriteByte(" .-/"[r.Intn(4)])
				} else {
					b.WriteString(seps[r.Intn(len(seps))])
				}
				continue
			}
			n := 1 + r.Intn(5)
			if r.Intn(4) == 0 {
				n = 1 + r.Intn(14)
			}
			for j := 0; j < n; j++ {
				switch {
				case j == 0 && r.Intn(4) == 0:
					b.WriteByte('0' + byte(r.Intn(2)))
				default:
					b.WriteByte('0' + byte(r.Intn(10)))
				}
			}
		}
		text := b.String()
		for _, tk := range tokenize(text) {
			if !isDigit(text[tk.start]) {
				continue
			}
			n := leadingDigits(text, tk.start)
			for k, g := range gs {
				if g.accepts(text, tk) {
					accepted[k]++
					if !runAllows(g, n) {
						t.Fatalf("trigger %d (run %v) accepts %q at %d, whose %d digits it rules out", k, g.run, text, tk.start, n)
					}
				}
			}
		}
	}
	for k, n := range accepted {
		if n < 20 {
			t.Errorf("trigger %d (run %v) accepted only %d tokens", k, gs[k].run, n)
		}
	}
}

// TestAfterRunHolds checks each trigger that states the bytes after its
// run of digits (trig.after) at every digit token of random texts of
// digit groups and the marks and words around numbers: where it accepts,
// the byte after the token's run of digits (or the end) is one of them.
// Taking a byte out of any of them fails it.
func TestAfterRunHolds(t *testing.T) {
	p := Default()[0].(*Email).rules.shared
	seen := map[*trig]bool{}
	var gs []*trig
	for b := '0'; b <= '9'; b++ {
		for _, c := range append(slices.Clone(p.byFirst[b].free), p.byFirst[b].digit...) {
			if c.after != c.part.after {
				t.Fatalf("a candidate's after is not its trigger's")
			}
			if c.part.after != nil && !seen[c.part] {
				seen[c.part] = true
				gs = append(gs, c.part)
			}
		}
	}
	if len(gs) < 10 {
		t.Fatalf("only %d triggers state what follows their digits", len(gs))
	}
	r := rand.New(rand.NewSource(16))
	seps := []string{" ", " ", ".", "-", "/", "(", ")", ") ", "- ", ":", "'", "’", "x", " ext ", "th", "s", "'s", "a", "T", " and ",
		" to ", "–", "\n", "\t", ",", "%", "phone ", "call ", "tel: ", "st", "nd", "+", "@", " March ", "years", " am", " years",
		"-month", " Months", "  y", "\x00", "S", "rd", "\r", "\tyears", "\nmonths", "\rY", "\r\nm", "\tw", "\nd", "\rD",
		"ND", "RD", "TH", "ST", "Nd", "Rd"}
	accepted := make([]int, len(gs))
	used := make([]map[int]bool, len(gs))
	for i := 0; i < 40000; i++ {
		var b strings.Builder
		for k := 1 + r.Intn(12); k > 0; k-- {
			if k%2 == 0 {
				if r.Intn(3) > 0 {
					b.WriteByte(" .-/ .-/\n\t\r"[r.Intn(11)])
				} else {
					b.WriteString(seps[r.Intn(len(seps))])
				}
				continue
			}
			n := 1 + r.Intn(5)
			if r.Intn(4) == 0 {
				n = 1 + r.Intn(15)
			}
			for j := 0; j < n; j++ {
				b.WriteByte('0' + byte(r.Intn(10)))
			}
		}
		text := b.String()
		for _, tk := range tokenize(text) {
			if !isDigit(text[tk.start]) {
				continue
			}
			ab := afterDigits(text, tk.start+leadingDigits(text, tk.start))
			for k, g := range gs {
				if g.accepts(text, tk) {
					accepted[k]++
					if !g.after[ab] {
						t.Fatalf("trigger %d accepts %q at %d, followed by %d, which its after rules out", k, text, tk.start, ab)
					}
					if used[k] == nil {
						used[k] = map[int]bool{}
					}
					used[k][ab] = true
				}
			}
		}
	}
	for k, n := range accepted {
		if n < 20 {
			t.Errorf("trigger %d accepted only %d tokens", k, n)
		}
		// Every byte an after allows is met, so that taking any out of
		// it would fail the test (the end and the bytes beyond ASCII
		// aside; blanks other than the space are among the pieces).
		for ab, ok := range gs[k].after {
			if ok && !used[k][ab] && ab < 0x80 {
				t.Errorf("trigger %d: byte %q allowed after its digits but never met", k, rune(ab))
			}
		}
	}
}
