// Package phrase gives the lookup form of words and phrases shared by the
// risk tables and their generator: lower case, letters without accents,
// dashes and slashes as spaces, apostrophes dropped, one space between words.
package phrase

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key returns the lookup form of s: "Erdheim–Chester Disease" and
// "erdheim chester disease" have the same key.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'' || r == '’' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// Words splits a key into its words.
func Words(key string) []string { return strings.Fields(key) }
