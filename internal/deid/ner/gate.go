package ner

import (
	"unicode"
	"unicode/utf8"
)

// mayHoldName reports whether prose could usefully look at s: whether it
// has an upper-case letter followed by a lower-case one, as names written
// in ordinary case do ("Marisol went home.", "McAllister"). It is false for
// lower-case text, numbers and code, where prose finds nothing, and for
// text written in capitals, where prose tags every word as a proper noun
// and labels nearly anything as a name (see TestAllCapsGate).
func mayHoldName(s string) bool {
	prevUpper := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if prevUpper && 'a' <= c && c <= 'z' {
				return true
			}
			prevUpper = 'A' <= c && c <= 'Z'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if prevUpper && unicode.IsLower(r) {
			return true
		}
		prevUpper = unicode.IsUpper(r)
		i += size
	}
	return false
}
