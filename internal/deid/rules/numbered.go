package rules

import "strings"

// Numbers cited after "no." or "nos.": in judgments and letters a file, a
// case, a complaint or a register entry is cited by its number, with the cue
// some words away or none but the abbreviation ("registered as no.
// 11-2/771", "under no. 2a-1187/2003"). A number joined by hyphens or
// slashes after "no." is such a reference whatever came before; a plain
// number after "no." ("Protocol No. 1", "page no. 4") needs the cue words
// of the other ID rules. A date written after "no." is still a date.

// numberedRef reads "no. <digits and letters joined by - or />".
func numberedRef(text string, m []int) []hit {
	s, e := m[2], m[3]
	tok := text[s:e]
	if countDigits(tok) < 2 || e < len(text) && (isASCIIAlnum(text[e]) || text[e] == '%') {
		return nil
	}
	if !strings.ContainsAny(tok, "/") && countLetters(tok) == 0 && strings.Count(tok, "-") == 1 && !shortGroupsOver(tok, 3) {
		return nil // "no. 12-14 Mill Road": a house range, "no. 3-4": a range
	}
	if looksLikeDate(tok) && countDigits(tok) >= 6 {
		return nil // "no. 12/03/2004" is a date the date rules read
	}
	return []hit{{start: s, end: e, typ: "case", conf: 0.8}}
}

// numberedRule is the rule above, for NewIDNumber.
func numberedRule() rule {
	return rule{trig: tWords("no", "nos"), re: anchored(`(?i)\bnos?\.\s*([A-Za-z0-9]*\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)+)`), fn: numberedRef}
}

// shortGroupsOver reports whether one of the groups of tok, split at '-'
// and '/', has more than n characters.
func shortGroupsOver(tok string, n int) bool {
	for _, g := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '/' }) {
		if len(g) > n {
			return true
		}
	}
	return false
}
