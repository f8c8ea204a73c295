package deid

import (
	"strconv"
	"strings"
)

// appositiveAges finds the age case writing puts right after a person's
// name: "Maria, 34, came in", "Mr. Reyes (72) and", "Ana, 7." Alone, "34"
// is any number, so this needs the person finding before it, which the
// pattern recognizers cannot see; it runs once every name is known.
func appositiveAges(text string, fs []Finding) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Kind != Person {
			continue
		}
		if s, e, n, ok := ageAfter(text, f.End); ok {
			out = append(out, Finding{
				Start: s, End: e, Kind: Age, Type: "apposition", Text: text[s:e],
				Recognizer: "context", Confidence: 0.8, Age: n,
			})
		}
	}
	return out
}

// ageAfter reads ", NN," / ", NN." / " (NN)" at position i: one to three
// digits, a plausible age, closed by punctuation or "and" so that "Ana, 34
// Elm Street" and "Ana, 2021" are not ages.
func ageAfter(text string, i int) (start, end, age int, ok bool) {
	rest := text[i:]
	var open string
	switch {
	case strings.HasPrefix(rest, ", "):
		open = ", "
	case strings.HasPrefix(rest, " ("):
		open = " ("
	case strings.HasPrefix(rest, "("):
		open = "("
	default:
		return 0, 0, 0, false
	}
	s := i + len(open)
	e := s
	for e < len(text) && e-s < 4 && text[e] >= '0' && text[e] <= '9' {
		e++
	}
	if e == s || e-s > 3 {
		return 0, 0, 0, false
	}
	n, err := strconv.Atoi(text[s:e])
	if err != nil || n < 1 || n > 120 {
		return 0, 0, 0, false
	}
	after := text[e:]
	if open != ", " {
		if !strings.HasPrefix(after, ")") {
			return 0, 0, 0, false
		}
		return s, e, n, true
	}
	if after == "" || strings.HasPrefix(after, " and ") || strings.HasPrefix(after, ", ") && !startsWithDigit(after[2:]) ||
		(after[0] == '.' || after[0] == ';' || after[0] == ':' || after[0] == ')') && !startsWithDigit(after[1:]) {
		return s, e, n, true
	}
	return 0, 0, 0, false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
