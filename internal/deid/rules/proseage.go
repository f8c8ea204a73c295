package rules

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Ages as people write them in prose, beside the forms NewAge reads:
//
//   - a number of years with "young" in place of "old": "91 years young",
//     "ninety-one years young";
//   - a possessive before an ordinal that stands alone at the end of its
//     clause or before a word of celebrating: the ordinal is a birthday
//     ("we went to her 95th.", "for his 70th last month", "my 40th party").
//
// An ordinal after a possessive that a noun follows counts something else
// ("her 2nd child", "his 12th session") and is left alone.

// ageYoung reads "91 years young".
func ageYoung(text string, m []int) []hit {
	s, e := m[2], m[3]
	if s > 1 && (text[s-1] == '.' || text[s-1] == '/' || text[s-1] == ',') && isDigit(text[s-2]) {
		return nil
	}
	n := numberValue(text[s:e])
	if n <= 0 || n > 125 {
		return nil
	}
	return []hit{{start: s, end: e, typ: "age", conf: 0.8, age: n}}
}

// ageBirthdayOrdinal reads "her 95th" where the ordinal is a birthday.
func ageBirthdayOrdinal(text string, m []int) []hit {
	s, e := m[2], m[3]
	if wordRuneAfter(text, m[1]) {
		return nil
	}
	n := atoi(text[s:e])
	if n < 10 || n > 125 {
		return nil // "my 3rd": too often a count of attempts or children
	}
	nw := nextWord(text, m[1])
	if nw == "" {
		j := m[1]
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && strings.IndexByte(".,;:!?)\"'’—–-\n", text[j]) < 0 {
			return nil
		}
	} else if !vocab.CelebrationNext().Has(nw) {
		return nil
	}
	return []hit{{start: s, end: e, typ: "age", conf: 0.7, age: n}}
}

// proseAgeRules are the rules above, for NewAge.
func proseAgeRules(num *trig) []rule {
	return []rule{
		{re: anchored(`(?i)\b` + reAgeNum + `(?:\s*|-)(?:years?|yrs?)(?:\s*|-)young\b`), trig: num, fn: ageYoung, need: unitAfterNumber(unitYears)},
		{re: anchored(`(?i)\b(?:her|his|their|my|your|our)\s+(\d{1,3})(?:st|nd|rd|th)\b`), trig: wordTrig(set(vocab.BirthdayOwners().Words()...), always), fn: ageBirthdayOrdinal, need: needWordThenOrdinal},
	}
}
