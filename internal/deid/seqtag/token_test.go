package seqtag

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"I met Lou-Bette O'Keane.", "I|met|Lou-Bette|O'Keane|."},
		{"Ada's mum, from the N.Z.", "Ada|'s|mum|,|from|the|N.Z|."},
		{"seen by Dr.Vance.plan agreed, U.S.A. too", "seen|by|Dr|.|Vance|.|plan|agreed|,|U.S.A|.|too"},
		{"Tavi’s dog", "Tavi|’s|dog"},
		{"#Brookvale @quill_ok #", "#Brookvale|@quill|_|ok|#"},
		{"  ", ""},
		{"café naïve 3/4", "café|naïve|3|/|4"},
	} {
		var got []string
		for _, tok := range Tokenize(tt.text) {
			if tt.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q at [%d,%d)", tt.text, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
}
