package deid

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	text := "Dr. Ada Okafor's note.\nLOU-BETTE saw R. Kowal; lucía said hi"
	toks := Tokenize(text)
	var got []string
	for _, tk := range toks {
		s := tk.Text
		if tk.Poss {
			s += "+s"
		}
		if tk.SentStart {
			s = "^" + s
		}
		got = append(got, s)
	}
	want := "^Dr Ada Okafor+s note ^LOU-BETTE saw R Kowal ^lucía said hi"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("Tokenize(%q)\n got %s\nwant %s", text, g, want)
	}
}
