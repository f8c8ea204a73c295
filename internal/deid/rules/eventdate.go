package rules

import (
	"strings"

	"github.com/veil-blog/veil/internal/deid/vocab"
)

// Compact dates of a medical history. A note dates past events tersely,
// and these forms carry no month name and no four-digit year for the
// general date rules to see:
//
//   - an event word, "in" and a two-digit year: "stroke in 97", "knee
//     replaced in 11";
//   - an event word and a month over a two-digit year: "fx 6/99 of the
//     wrist" (where "6/99 of" would otherwise read as a fraction);
//   - two month/day dates joined by a dash: "6/2-6/5", "12/30-1/4".
//
// An event word is a diagnosis, an injury, an operation or an admission
// (eventWord: vocab.EventWords, vocab.EventSuffixes). A number of minutes
// or a count ("in 20 min", "in 12 places") is no year: the year must end
// its clause or be followed by a word that joins clauses
// (vocab.ClauseJoiners).

// eventWord reports whether the lower-cased word w names an event a
// history dates.
func eventWord(w string) bool {
	w = strings.Trim(w, ".,;:()'’")
	if vocab.EventWords().Has(w) || vocab.HistoryEvents().Has(w) {
		return true
	}
	for s := range vocab.EventSuffixes().All() {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// wordBefore returns the lower-cased word that ends before i (skipping
// spaces) and where it starts.
func wordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	e := j
	for j > 0 && e-j < 24 && (isASCIIAlnum(text[j-1]) || strings.IndexByte("/'-", text[j-1]) >= 0) {
		j--
	}
	return strings.ToLower(text[j:e]), j
}

// yearEndsClause reports whether a two-digit year ending at e ends its
// clause: the text ends, punctuation follows, or a word that joins
// clauses.
func yearEndsClause(text string, e int) bool {
	if e == len(text) {
		return true
	}
	switch text[e] {
	case ',', ';', ')', '\n', '\r', ':':
		return true
	case '.':
		return e+1 == len(text) || !isDigit(text[e+1])
	case ' ', '\t':
		nw := nextWord(text, e)
		if nw == "" {
			// punctuation or a dash after the space: "in 97 - then", "in 97 (L)"
			j := e
			for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				j++
			}
			return j == len(text) || strings.IndexByte("-–(,;.", text[j]) >= 0
		}
		return vocab.ClauseJoiners().Has(nw)
	}
	return false
}

// eventInYear reads "<event> in 97", "<event> in '97", with up to one word
// between the event and "in" ("hip fracture in 08", "knee replaced in
// 11"); the match starts at "in".
func eventInYear(text string, m []int) []hit {
	ys, ye := m[2], m[3]
	if wordRuneAfter(text, ye) || !yearEndsClause(text, ye) {
		return nil
	}
	n := atoi(text[ys:ye])
	if n > 25 && n < 40 {
		return nil // neither a likely 19xx nor a 20xx year
	}
	w, ws := wordBefore(text, m[0])
	if !eventWord(w) {
		w2, _ := wordBefore(text, ws)
		if !eventWord(w2) || w == "" || !isASCIIAlnum(w[0]) {
			return nil
		}
	}
	return []hit{{start: ys, end: ye, typ: "year", conf: 0.6, date: dv(yearOf(text[ys:ye]), 0, 0)}}
}

// eventMonthYear reads "<event> 6/99": a month over a two-digit year that
// cannot be a day, after an event word, whatever follows ("fx 6/99 of the
// wrist").
func eventMonthYear(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (isDigit(text[s-1]) || text[s-1] == '/') || e < len(text) && (text[e] == '/' || text[e] == '%' || isDigit(text[e])) {
		return nil
	}
	mo, y := atoi(group(text, m, 1)), group(text, m, 2)
	if mo < 1 || mo > 12 || atoi(y) <= 31 {
		return nil
	}
	if w, _ := wordBefore(text, s); !eventWord(w) {
		return nil
	}
	return []hit{{start: s, end: e, typ: "month-year", conf: 0.6, date: dv(yearOf(y), mo, 0)}}
}

// monthDayRange reads two month/day dates joined by a dash ("6/2-6/5",
// "12/30-1/4"). The second must follow the first within about two months,
// across the new year if need be: scores and ratios joined by a dash
// ("5/5-4/5") do not run forward like that. Groups: 1 the first date, 2
// and 3 its month and day, 4 the second date, 5 and 6 its month and day.
func monthDayRange(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (isDigit(text[s-1]) || text[s-1] == '/' || text[s-1] == '.') || e < len(text) && (text[e] == '/' || text[e] == '%' || isDigit(text[e])) {
		return nil
	}
	m1, d1 := atoi(group(text, m, 2)), atoi(group(text, m, 3))
	m2, d2 := atoi(group(text, m, 5)), atoi(group(text, m, 6))
	if !validMD(m1, d1) || !validMD(m2, d2) {
		return nil
	}
	a, b := m1*31+d1, m2*31+d2
	if b < a {
		b += 12 * 31 // across the new year
	}
	if b <= a || b-a > 62 {
		return nil
	}
	if vocab.FracPrev().Has(prevWord(text, s)) || vocab.FracNext().Has(nextWord(text, e)) || scoreClause(text, s) || ventClause(text, s) {
		return nil
	}
	return []hit{
		{start: m[2], end: m[3], typ: "month-day", conf: 0.6, date: dv(0, m1, d1)},
		{start: m[8], end: m[9], typ: "month-day", conf: 0.6, date: dv(0, m2, d2)},
	}
}

// eventDateRules are the rules above, for NewDate.
func eventDateRules() []rule {
	monthSlash := custom(digits, false, func(text string, t token) bool {
		j := t.start
		for j < len(text) && j-t.start < 3 && isDigit(text[j]) {
			j++
		}
		return j < len(text) && text[j] == '/'
	})
	return []rule{
		{re: anchored(`(?i)in\s+['’]?(\d{2})\b`), trig: tWordsThenDigit("in"), fn: eventInYear},
		{re: anchored(`(\d{1,2})/(\d{2})\b`), trig: monthSlash, fn: eventMonthYear},
		{re: anchored(`((\d{1,2})/(\d{1,2}))\s*(?:-|–|to)\s*((\d{1,2})/(\d{1,2}))\b`), trig: monthSlash, fn: monthDayRange},
	}
}
