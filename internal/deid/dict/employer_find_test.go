package dict

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestStartsAtFindsWhatTheWholeTextPatternFinds compares each anchored pattern,
// tried only where it can start, with the same pattern run unanchored over the
// whole text, on texts put together at random from the pieces the patterns read.
func TestStartsAtFindsWhatTheWholeTextPatternFinds(t *testing.T) {
	pieces := []string{"I", "work", "worked", "for", "at", "with", "by", "joined", "left", "our", "agency",
		"charity", "a", "the", "The", "small", "Second", "Chances", "Open", "Door", "Steady", "Ground",
		"of", "and", "&", "McArdle", "2-agency", "x_y", "-", ",", ", ", " ", "  ", "\t", "\n", ".", "é",
		"Été", "New", "Leaf", "Counselling", "co-op", "my", "an", "team", "9", "'s", "’", "ABC",
		"agency,", "Ground,", "Door,", "co-op,", "a small charity", "our team",
		// prefixes of longer words, "The" before other spaces, curly
		// apostrophes inside names: where a hand matcher could part from
		// the expression.
		"often", "forth", "andrew", "theory", "The\n", "The\r\n", "Theo", "The\t", "Ann’s", "O’Neill", "&Co", "fortnight",
		// bytes no match holds, where anchored ends the text it reads.
		"!", "?", ";", ":", "(", ")", "\"", "/", "[x]", ".\n"}
	pats := []struct {
		name string
		a    startsAt
		re   *regexp.Regexp
	}{
		{"cue", employerCue, regexp.MustCompile(`\b` + employerCueBody)},
		{"move", employerMove, regexp.MustCompile(`\b` + employerMoveBody)},
		{"kind after", orgKindAfter, regexp.MustCompile(`\b` + orgKindAfterBody)},
		{"kind next", orgKindNext, regexp.MustCompile(orgKindNextBody)},
	}
	r := rand.New(rand.NewPCG(1, 2))
	matched := map[string]int{}
	for range 50000 {
		var b strings.Builder
		for range 4 + r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		for _, p := range pats {
			want := p.re.FindAllStringSubmatchIndex(text, -1)
			var got [][]int
			p.a.findAll(text, func(m []int) { got = append(got, slices.Clone(m)) })
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("%s on %q:\n got %v\nwant %v", p.name, text, got, want)
			}
			// Detect lists the starts of the first two in one pass.
			if cue, move := wordStarts(text); p.name == "cue" || p.name == "move" {
				a := cue
				if p.name == "move" {
					a = move
				}
				got = got[:0]
				a.findAll(text, func(m []int) { got = append(got, slices.Clone(m)) })
				if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
					t.Fatalf("%s, listed, on %q:\n got %v\nwant %v", p.name, text, got, want)
				}
			}
			matched[p.name] += len(want)
		}
	}
	for _, p := range pats {
		if matched[p.name] < 100 {
			t.Errorf("%s: only %d matches in the random texts; the comparison saw too little", p.name, matched[p.name])
		}
	}
}
