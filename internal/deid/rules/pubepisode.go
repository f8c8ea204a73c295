package rules

import (
	"regexp"
	"strings"
)

// Publications named by a part of them: an episode of a podcast or a show,
// an issue or an edition of a newsletter or a magazine ("the latest
// episode of Tending Roots", "the spring issue of Practice Matters"). The
// name after "of" is written in title case, two capitalised words at
// least; an episode of an illness is written in lower case or in capitals
// ("an episode of chest pain", "an episode of SVT") and is no title.

// titleName is a name in title case: capitalised words with a lower-case
// letter after the capital, and the small words titles keep in lower case
// between them.
const titleName = `[A-Z][a-z][\p{L}'’]*(?:\s+(?:[A-Z][a-z][\p{L}'’]*|of|the|and|&|for|in|on|at|from|to|a))*`

var partOfRE = regexp.MustCompile(`\b(?i:episodes?|issues?|editions?|instal+ments?)\s+of\s+((?:The\s+)?` + titleName + `)`)

// partOfNames returns the spans of the publication names that follow a
// part of them.
func partOfNames(text string) [][2]int {
	if !strings.Contains(text, " of ") {
		return nil
	}
	var out [][2]int
	for _, m := range partOfRE.FindAllStringSubmatchIndex(text, -1) {
		s, e := m[2], m[3]
		// A title ends on a capitalised word, not on a small word.
		for {
			i := strings.LastIndexByte(text[s:e], ' ')
			if i < 0 || isUpperByte(text[s+i+1]) {
				break
			}
			e = s + i
		}
		caps := 0
		for _, w := range strings.Fields(strings.TrimPrefix(text[s:e], "The ")) {
			if isUpperByte(w[0]) {
				caps++
			}
		}
		if caps >= 2 {
			out = append(out, [2]int{s, e})
		}
	}
	return out
}

func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }
