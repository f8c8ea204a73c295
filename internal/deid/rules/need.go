package rules

// Necessary conditions (rule.need): each says, from the bytes at a rule's
// start, that its pattern cannot match there, or that its function would
// make nothing of the match, before the pattern is run. Each is read from
// its pattern (RE2's \s is [\t\n\f\r ]; under (?i) 's' also matches 'ſ',
// whose UTF-8 begins with 0xC5, and 'k' the Kelvin sign, which begins with
// 0xE2) and tested against it (TestNeedsKeepHits).

// isRESpace reports whether b is in RE2's \s.
func isRESpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// skipRESpace returns the index of the first byte at or after j that is not
// in \s.
func skipRESpace(text string, j int) int {
	for j < len(text) && isRESpace(text[j]) {
		j++
	}
	return j
}

// shortDigits returns the end of the run of ASCII digits at i and whether it
// is 1 to 3 digits long: a pattern's \d{1,3} that the next byte must not
// continue (a digit) starts and ends there.
func shortDigits(text string, i int) (int, bool) {
	j := i
	for j < len(text) && isDigit(text[j]) && j-i <= 3 {
		j++
	}
	return j, j > i && j-i <= 3
}

// byteAt is text[j], or 0 past its end.
func byteAt(text string, j int) byte {
	if j < len(text) {
		return text[j]
	}
	return 0
}

// unitAfterNumber is the need of the age and duration patterns that read
// `\d{1,3}` then `(?:\s*|-)` (or `\s+`) then a unit word: at a digit, a run
// of one to three digits, then after nothing, a hyphen or blanks, two
// bytes that unit accepts as the start of the unit word. Where the rule
// starts at a word ("twenty years old"), it accepts.
func unitAfterNumber(unit func(b0, b1 byte) bool) func(string, int) bool {
	return func(text string, i int) bool {
		if !isDigit(text[i]) {
			return true
		}
		k, ok := shortDigits(text, i)
		if !ok {
			return false
		}
		if unit(byteAt(text, k), byteAt(text, k+1)) {
			return true
		}
		if byteAt(text, k) == '-' && unit(byteAt(text, k+1), byteAt(text, k+2)) {
			return true
		}
		s := skipRESpace(text, k)
		return s > k && unit(byteAt(text, s), byteAt(text, s+1))
	}
}

// The starts of the unit words of the age and duration patterns.
var (
	unitYear = func(b0, _ byte) bool { return b0|0x20 == 'y' } // years?|yrs?|yr\.|y\.?|y/o|yo
	// years?|yrs?
	unitYears = func(b0, b1 byte) bool { return b0|0x20 == 'y' && (b1|0x20 == 'e' || b1|0x20 == 'r') }
	// months?|mos?|weeks?|wks?|days?
	unitInfant = func(b0, b1 byte) bool {
		switch b0 | 0x20 {
		case 'm':
			return b1|0x20 == 'o'
		case 'w':
			return b1|0x20 == 'e' || b1|0x20 == 'k' || b1 == 0xE2
		case 'd':
			return b1|0x20 == 'a'
		}
		return false
	}
	// days?|weeks?|wks?|months?|mos?|years?|yrs?|decades?
	unitAgo = func(b0, b1 byte) bool {
		switch b0 | 0x20 {
		case 'd':
			return b1|0x20 == 'a' || b1|0x20 == 'e'
		case 'y':
			return b1|0x20 == 'e' || b1|0x20 == 'r'
		}
		return unitInfant(b0, b1)
	}
)

// ordinalAt reports whether an ordinal suffix (?i:st|nd|rd|th) can start
// at text[k:].
func ordinalAt(text string, k int) bool {
	switch b0, b1 := byteAt(text, k)|0x20, byteAt(text, k+1)|0x20; b0 {
	case 's':
		return b1 == 't'
	case 'n', 'r':
		return b1 == 'd'
	case 't':
		return b1 == 'h'
	}
	return byteAt(text, k) == 0xC5 // 'ſ'
}

// needOrdinal is the need of `\b(\d{1,3})(?:st|nd|rd|th)`: one to three
// digits and an ordinal suffix.
func needOrdinal(text string, i int) bool {
	k, ok := shortDigits(text, i)
	return ok && ordinalAt(text, k)
}

// needWordThenOrdinal is the need of `\b(?:her|his|...)\s+(\d{1,3})
// (?:st|nd|rd|th)` at a word of ASCII letters: blanks, one to three digits
// and an ordinal suffix after it.
func needWordThenOrdinal(text string, i int) bool {
	j := i
	for j < len(text) && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
		j++
	}
	s := skipRESpace(text, j)
	return s > j && s < len(text) && needOrdinal(text, s)
}

// needDottedQuad is the need of `\b(?:\d{1,3}\.){3}\d{1,3}\b`.
func needDottedQuad(text string, i int) bool {
	j := i
	for n := 0; n < 3; n++ {
		k, ok := shortDigits(text, j)
		if !ok || byteAt(text, k) != '.' {
			return false
		}
		j = k + 1
	}
	_, ok := shortDigits(text, j)
	return ok
}

// needGluedSuffixStreet is the need of the glued street suffix pattern,
// `\b((?:\p{Lu}[\p{L}\-]*)?(?i:katu|...|str\.|...))\s+(\d{1,5}...`: the
// name is letters and hyphens (and the dot of "str."), so it ends where the
// run of letters, digits, hyphens and non-ASCII bytes at i ends (or one
// dot after), and blanks and a digit must follow.
func needGluedSuffixStreet(text string, i int) bool {
	j := i
	for j < len(text) && (isASCIIAlnum(text[j]) || text[j] >= 0x80 || text[j] == '-') {
		j++
	}
	if byteAt(text, j) == '.' {
		j++
	}
	s := skipRESpace(text, j)
	return s > j && isDigit(byteAt(text, s))
}

// monthAbbrAt reports whether the three bytes at text[a:], lower-cased,
// begin a month's name (parseMonth accepts no other word).
func monthAbbrAt(text string, a int) bool {
	if a+3 > len(text) {
		return false
	}
	b0, b1, b2 := text[a]|0x20, text[a+1]|0x20, text[a+2]|0x20
	switch b0 {
	case 'j':
		return b1 == 'a' && b2 == 'n' || b1 == 'u' && (b2 == 'n' || b2 == 'l')
	case 'f':
		return b1 == 'e' && b2 == 'b'
	case 'm':
		return b1 == 'a' && (b2 == 'r' || b2 == 'y')
	case 'a':
		return b1 == 'p' && b2 == 'r' || b1 == 'u' && b2 == 'g'
	case 's':
		return b1 == 'e' && b2 == 'p'
	case 'o':
		return b1 == 'c' && b2 == 't'
	case 'n':
		return b1 == 'o' && b2 == 'v'
	case 'd':
		return b1 == 'e' && b2 == 'c'
	}
	return false
}

// needMonthAfterBlank is the need of the day-first date pattern, whose
// month (a name parseMonth must accept) follows `\s+`: a blank then a
// month's first three letters, within the rule's window.
func needMonthAfterBlank(text string, i int) bool {
	end := min(len(text), i+defaultWindow)
	for a := i + 1; a < end; a++ {
		if isRESpace(text[a-1]) && monthAbbrAt(text, a) {
			return true
		}
	}
	return false
}

// needMonthThenYear is the need of the month-year pattern,
// `(?i)\b([A-Za-z]{3,9}\.?),?\s+(?:of\s+)?(\d{4}|'\d{2})\b`, at a word of
// ASCII letters.
func needMonthThenYear(text string, i int) bool {
	j := i
	for j < len(text) && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z') {
		j++
	}
	if n := j - i; n < 3 || n > 9 {
		return false
	}
	if byteAt(text, j) == '.' {
		j++
	}
	if byteAt(text, j) == ',' {
		j++
	}
	s := skipRESpace(text, j)
	if s == j {
		return false
	}
	if byteAt(text, s)|0x20 == 'o' && byteAt(text, s+1)|0x20 == 'f' && isRESpace(byteAt(text, s+2)) {
		s = skipRESpace(text, s+2)
	}
	wordAfter := func(k int) bool { b := byteAt(text, k); return isASCIIAlnum(b) || b == '_' }
	if byteAt(text, s) == '\'' {
		return isDigit(byteAt(text, s+1)) && isDigit(byteAt(text, s+2)) && !wordAfter(s+3)
	}
	for k := s; k < s+4; k++ {
		if !isDigit(byteAt(text, k)) {
			return false
		}
	}
	return !wordAfter(s + 4)
}

// lowerAt reports whether the ASCII letters w (in lower case) stand at
// text[j:] in any case. None of w may be 'k' or 's', which (?i) also
// matches beyond ASCII.
func lowerAt(text string, j int, w string) bool {
	return j+len(w) <= len(text) && equalLower(text[j:j+len(w)], w)
}

// needAtTheAge is the need of the age pattern
// `(?i)\b(?:aged?|ages|age\s+of|at\s+the\s+age\s+of)\s*[:=]?\s*...`, also
// tried at every "at" before "the": at an "at" (no other branch starts
// with "at"), "the", "age" and "of" with blanks between.
func needAtTheAge(text string, i int) bool {
	if !lowerAt(text, i, "at") {
		return true // "age", "aged", "ages": left to the pattern
	}
	j := skipRESpace(text, i+2)
	if j == i+2 || !lowerAt(text, j, "the") {
		return false
	}
	k := skipRESpace(text, j+3)
	if k == j+3 || !lowerAt(text, k, "age") {
		return false
	}
	m := skipRESpace(text, k+3)
	return m > k+3 && lowerAt(text, m, "of")
}

// needSeasonYear is the need of the season pattern
// `(?i)\b(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?(\d{4}|'\d{2})\b`:
// at i, or after an "early", "late" or "mid" at i and blanks or hyphens,
// a word, blanks, an optional "of" and blanks, then a digit or an
// apostrophe (seasonThenYear).
func needSeasonYear(text string, i int) bool {
	if seasonThenYear(text, i) {
		return true
	}
	j := i
	for j < len(text) && isASCIILetter(text[j]) {
		j++
	}
	if w := text[i:j]; !equalLower(w, "early") && !equalLower(w, "late") && !equalLower(w, "mid") {
		return false
	}
	k := j
	for k < len(text) && (isRESpace(text[k]) || text[k] == '-') {
		k++
	}
	return k > j && seasonThenYear(text, k)
}

// seasonThenYear reports whether a run of ASCII letters at j is followed by
// `\s+(?:of\s+)?(?:\d|')`, or the run ends at a byte beyond ASCII (the 'ſ'
// that (?i) reads as 's' in "spring" and "summer"), where the pattern
// decides.
func seasonThenYear(text string, j int) bool {
	e := j
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	if e < len(text) && text[e] >= 0x80 {
		return true
	}
	s := skipRESpace(text, e)
	if s == e || e == j {
		return false
	}
	if b := byteAt(text, s); isDigit(b) || b == '\'' {
		return true
	}
	if !lowerAt(text, s, "of") {
		return false
	}
	o := skipRESpace(text, s+2)
	b := byteAt(text, o)
	return o > s+2 && (isDigit(b) || b == '\'')
}
