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

// TestLowerASCIIText compares lowerASCIIText with lowering byte by byte on
// random strings of every byte value and length.
func TestLowerASCIIText(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(3) == 0 {
				b[i] = "@AZ[`az{\x7f\x80\xc1\xdaMm"[r.IntN(14)]
			}
		}
		want := make([]byte, len(b))
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want[i] = c
		}
		if got := lowerASCIIText(string(b)); got != string(want) {
			t.Fatalf("lowerASCIIText(%q) = %q, want %q", b, got, want)
		}
	}
}
