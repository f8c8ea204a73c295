package deid

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestTermSetFind(t *testing.T) {
	tests := []struct {
		terms []string
		text  string
		want  string
	}{
		{[]string{"Odette"}, "Odette, odette and ODETTE's; Odettes no", "[0 6] [8 14] [19 25]"},
		{[]string{"Odette Marchand", "Odette"}, "Odette   Marchand\nsaw Odette, Marchand", "[0 17] [22 28]"},
		{[]string{"Saint Jude"}, "at Saint Jude’s Home", "[3 13]"},
		{[]string{"Dr. Okafor"}, "with dr okafor and Dr. Okafor.", "[5 14] [19 29]"},
		{[]string{"Lou-Bette"}, "Lou-Bette, Lou Bette", "[0 9]"},
		{[]string{"Ann"}, "Anne and Ann-Marie and (Ann)", "[24 27]"},
		{[]string{"Zoë"}, "ZOË and zoë", "[0 4] [9 13]"},
		{nil, "anything", "[]"},
		// The longest term wins among many that share a first word, and a
		// possessive ends a term of several words.
		{[]string{"Bram", "Bram Ilse", "Bram Ilse Wren", "Bram Wren"}, "Bram Ilse Wren; Bram Ilse's; Bram Wrens", "[0 14] [16 25] [29 33]"},
		{[]string{"Bram Ilse", "Bram"}, "Bram's Ilse", "[0 4]"},
	}
	for _, tt := range tests {
		var spans [][2]int
		for _, m := range newTermSet(tt.terms).find(tt.text, splitWords(tt.text)) {
			spans = append(spans, [2]int{m.start, m.end})
		}
		got := fmt.Sprint(spans)
		if tt.want == "[]" && got == "[]" {
			continue
		}
		if got != "["+tt.want+"]" {
			t.Errorf("terms %q in %q: got %s, want [%s]", tt.terms, tt.text, got, tt.want)
		}
	}
}

func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{"Odette's", "a\xffb", "’’--..", "Lou-Bette O'Neill", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, w := range splitWords(s) {
			if int(w.start) < prev || w.end <= w.start || int(w.end) > len(s) {
				t.Fatalf("bad word %+v in %q", w, s)
			}
			prev = int(w.end)
		}
	})
}

// TestLowered makes the keys of random ASCII words of random texts (every
// byte value, capitals among them) one after another, as splitWords does,
// and checks each against lowering byte by byte once all are made: a key
// made later must not write over an earlier one.
func TestLowered(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		b := make([]byte, 1+r.IntN(400))
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(3) == 0 {
				b[i] = "@AZ[`az{\x7f\x80\xc1\xdaMm"[r.IntN(14)]
			}
		}
		lw := lowerWords{text: string(b)}
		type made struct {
			s, e int
			key  string
		}
		var keys []made
		for s := 0; s < len(b); {
			e := min(len(b), s+1+r.IntN(30))
			keys = append(keys, made{s, e, lw.lowered(s, e)})
			s = e + r.IntN(3)
		}
		for _, k := range keys {
			want := make([]byte, k.e-k.s)
			for i, c := range b[k.s:k.e] {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[i] = c
			}
			if k.key != string(want) {
				t.Fatalf("lowered(%d, %d) of %q = %q, want %q", k.s, k.e, b, k.key, want)
			}
		}
	}
}
