package plan

import (
	"maps"
	"strings"
	"testing"
	"unicode"
)

// TestPseudonymsIn compares the one-pass scan with the plain reading: the
// set of the text's lower-case words, kept where they are pseudonyms.
func TestPseudonymsIn(t *testing.T) {
	for _, text := range []string{
		"",
		"Brenda met BRENDA's brother, brenda-ann and O'Hara at Riverside.",
		"Cedar Hill is two words; cedar and hill are none of ours.",
		"Zoë and Zoe, Renée, Ａｌｉｃｅ and \u212Aaren (a Kelvin sign) came.",
		"Wilsonville is not Wilson; Wilson is.",
		strings.Repeat("x", 40) + " Christopherchristopher Christopher",
	} {
		want := map[string]bool{}
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if l := strings.ToLower(w); pseudonymWords[l] {
				want[l] = true
			}
		}
		if got := pseudonymsIn(text); !maps.Equal(got, want) {
			t.Errorf("pseudonymsIn(%q) = %v, want %v", text, got, want)
		}
	}
}
