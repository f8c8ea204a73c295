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

const partOf = `(?i:episodes?|issues?|editions?|instal+ments?)\s+of\s+((?:The\s+)?` + titleName + `)`

var (
	partOfRE = regexp.MustCompile(`\b` + partOf)
	// partOfAt is partOfRE without its \b, anchored: partOfMatches tries
	// it only where a match can start.
	partOfAt = anchored(partOf)
)

// partOfMatches returns what partOfRE.FindAllStringSubmatchIndex(text, -1)
// returns, without running the pattern over the whole text. A match is a
// word (ASCII letters, once the text holds no "ſ", the one other letter
// (?i:s) matches) after \b, blanks, a lower-case "of" and blanks: so each
// "of" between blanks names the one place a match can start, the run of
// ASCII letters before its blanks, and the pattern is tried there only
// when that run is one of the words. The pattern reads letters,
// apostrophes, blanks, '&' and non-ASCII characters only, so it is run up
// to the first other byte: it cannot read that byte, and so finds there
// what it finds on the whole text. Matches are taken left to right, each
// after the end of the last, as FindAll takes them.
func partOfMatches(text string) [][]int {
	if strings.Contains(text, "ſ") {
		return partOfRE.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	last := 0
	for off := 0; ; {
		q := strings.Index(text[off:], "of")
		if q < 0 {
			break
		}
		q += off
		off = q + 2
		if q+2 >= len(text) || !isPerlSpace(text[q+2]) {
			continue
		}
		ke := q
		for ke > 0 && isPerlSpace(text[ke-1]) {
			ke--
		}
		p := ke
		for p > 0 && isASCIILetter(text[p-1]) {
			p--
		}
		if ke == q || p < last || p > 0 && isWordByte(text[p-1]) || !isPartWord(text[p:ke]) {
			continue
		}
		e := p
		for e < len(text) && (text[e] >= 0x80 || isASCIILetter(text[e]) || isPerlSpace(text[e]) || text[e] == '\'' || text[e] == '&') {
			e++
		}
		m := partOfAt.FindStringSubmatchIndex(text[p:e])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		last = m[1]
	}
	return out
}

// isPartWord reports whether w, ASCII letters, is a word partOf starts
// with: episode(s), issue(s), edition(s), instal(l)ment(s), in any case.
func isPartWord(w string) bool {
	var buf [24]byte
	if len(w) < 5 || len(w) > len(buf) {
		return false
	}
	b := buf[:len(w)]
	for i := range b {
		b[i] = w[i] | 0x20
	}
	s := strings.TrimSuffix(string(b), "s")
	switch s {
	case "episode", "issue", "edition":
		return true
	}
	if len(s) < len("instalment") || !strings.HasPrefix(s, "instal") || !strings.HasSuffix(s, "ment") {
		return false
	}
	return strings.Trim(s[len("instal"):len(s)-len("ment")], "l") == ""
}

// isPerlSpace reports whether b is in RE2's \s: [\t\n\f\r ].
func isPerlSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// isWordByte reports whether b is in RE2's \w, which \b reads.
func isWordByte(b byte) bool { return isASCIIAlnum(b) || b == '_' }

// partOfNames returns the spans of the publication names that follow a
// part of them.
func partOfNames(text string) [][2]int {
	if !strings.Contains(text, " of ") {
		return nil
	}
	var out [][2]int
	for _, m := range partOfMatches(text) {
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
