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
		"!", "?", ";", ":", "(", ")", "\"", "/", "[x]", ".\n",
		// after a determiner: runs of small letters and hyphens, then a
		// capital, a digit, "_" or a byte of a longer character, where
		// matchKindNext looks for the word boundary.
		"small-town", "-x", "x-", "--", "A", "x9", "9x", "_", "ü", "—", ", a", ", the", ", my"}
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

// wordStartListsRef is wordStartLists as it was: from blank run to blank
// run, walking back over the letters before each: the reference for the
// one forward pass.
func wordStartListsRef(text string) (cues, moves []int) {
	tabs := strings.IndexByte(text, '\t') >= 0
	for i := 0; i < len(text); {
		if tabs {
			for i < len(text) && byteClass[text[i]]&clsBlank == 0 {
				i++
			}
		} else if k := strings.IndexByte(text[i:], ' '); k < 0 {
			i = len(text)
		} else {
			i += k
		}
		if i >= len(text) {
			break
		}
		s := i
		q, _ := afterBlanks(text, s)
		i = q
		if q >= len(text) {
			break
		}
		up := isUpperAt(text, q)
		if c := text[q]; !up && (c != 'f' && c != 'a' && c != 'w' && c != 'b' || !cueAt(text, q)) {
			continue
		}
		w := s
		for w > 0 && byteClass[text[w-1]]&clsLetter != 0 {
			w--
		}
		if w == s || w > 0 && byteClass[text[w-1]]&clsWord != 0 {
			continue
		}
		if up {
			moves = append(moves, w)
		} else {
			cues = append(cues, w)
		}
	}
	return cues, moves
}

// TestWordStartListsAsBefore compares the starts of employerCue and
// employerMove, listed in one forward pass, with the former walk from
// blank run to blank run, on random texts of letters, digits, "_",
// blanks, line breaks, punctuation, non-ASCII letters and the cue words,
// with and without tabs.
func TestWordStartListsAsBefore(t *testing.T) {
	pieces := []string{"I", "work", "for", "at", "with", "by", "fo", "a", "w", "b", "The", "Open", "Door",
		"x", "X", "9", "_", "x9", "9x", "_x", "x_", "é", "Été", "o’", "'", "-", ",", ".", "(", " ", " ", " ", "  ", "\t", "\n", "\r\n",
		"forth", "athlete", "bye", "withheld", "at\t", "for  ", "by\n"}
	r := rand.New(rand.NewPCG(6, 9))
	seen := 0
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		gc, gm := wordStartLists(text)
		wc, wm := wordStartListsRef(text)
		if !slices.Equal(gc, wc) || !slices.Equal(gm, wm) {
			t.Fatalf("wordStartLists(%q) = %v %v, before %v %v", text, gc, gm, wc, wm)
		}
		seen += len(wc) + len(wm)
	}
	if seen < 5000 {
		t.Errorf("only %d starts in the random texts: the comparison says little", seen)
	}
}

// TestLowIn8 compares lowIn8, eight bytes at once, with a byte loop, at
// every start of random byte strings of every length up to 40, drawn from
// all 256 bytes and from the bytes around '!' and the top bit.
func TestLowIn8(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 1))
	near := []byte{0, 1, 0x1f, ' ', '!', '"', 0x7f, 0x80, 0x81, 0xa0, 0xdf, 0xe2, 0xff, 'a', 'Z', '\t', '\n'}
	for range 200000 {
		b := make([]byte, r.IntN(41))
		for k := range b {
			if r.IntN(2) == 0 {
				b[k] = byte(r.IntN(256))
			} else {
				b[k] = near[r.IntN(len(near))]
			}
		}
		text := string(b)
		for i := 0; i+8 <= len(text); i++ {
			want := 0
			for want < 8 && text[i+want] >= '!' {
				want++
			}
			if got := lowIn8(text, i); got != want {
				t.Fatalf("lowIn8(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}
