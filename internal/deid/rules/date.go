package rules

import (
	"context"
	"regexp"
	"strings"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

const (
	reMonthFull = `January|February|March|April|May|June|July|August|September|October|November|December`
	reMonthAbbr = `Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`
	reMonth     = `[A-Za-z]{3,9}\.?` // validated by parseMonth: a big alternation would make RE2 slow
	reWeekday   = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	reWeekAbbr  = `Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun`
	reOrd       = `(?:st|nd|rd|th)`
	reNumWord   = `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of|couple\s+of|several|a|an`
	reHoliday   = `New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Christmas(?:\s+(?:Day|Eve))?|X-?mas|Thanksgiving(?:\s+Day)?|` +
		`Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Ash\s+Wednesday|Palm\s+Sunday|Lent|Hanukk?ah|Chanukk?ah|Ramadan|Ramadhan|Diwali|Deepavali|` +
		`Eid(?:\s+(?:al|ul)[-\s](?:Fitr|Adha))?|Kwanzaa|Memorial\s+Day|Labou?r\s+Day|Halloween|Independence\s+Day|` +
		`(?:Fourth|4th)\s+of\s+July|Valentine['’]?s(?:\s+Day)?|Mother['’]?s\s+Day|Father['’]?s\s+Day|Passover|Pesach|` +
		`Yom\s+Kippur|Rosh\s+Hashanah?|(?:Lunar|Chinese)\s+New\s+Year|Veterans['’]?\s+Day|Presidents['’]?\s+Day|` +
		`(?:Martin\s+Luther\s+King(?:\s+Jr\.?)?|MLK)\s+Day|(?:St\.?|Saint)\s+Patrick['’]?s\s+Day|Boxing\s+Day|Canada\s+Day|` +
		`Remembrance\s+Day|Juneteenth|Columbus\s+Day|Indigenous\s+Peoples['’]?\s+Day|Holi|Vesak|Purim|Sukkot|Navratri|Vaisakhi|Baisakhi|` +
		`Bastille\s+Day|Anzac\s+Day|Guy\s+Fawkes(?:\s+Night)?|Bonfire\s+Night|Mardi\s+Gras|Cinco\s+de\s+Mayo|Day\s+of\s+the\s+Dead|Dia\s+de\s+los\s+Muertos`
)

// Date finds calendar dates, weekdays, relative dates, seasons, holidays,
// decades and years written in context.
type Date struct{ rules *ruleSet }

var _ deid.Detector = (*Date)(nil)

// NewDate returns the date detector.
func NewDate() *Date {
	var rs []rule
	c := func(trig *trig, p string, fn func(string, []int) []hit) {
		rs = append(rs, rule{re: anchored(p), trig: trig, fn: fn})
	}
	// Month-name dates, day first or month first, optional weekday and year.
	c(tOr(custom(digits, false, dayThenMonth), tWeekday, tWordsThenDigit("the")), `(?i)\b(?:[a-z]{3,9}\.?,?\s+)?(?:the\s+)?(\d{1,2})`+reOrd+`?(?:\s*(?:-|–|to|and|&)\s*\d{1,2}`+reOrd+`?)?\s+(?:of\s+)?(`+reMonth+`)(?:,?\s*(\d{4})\b|(?:,\s*'?|\s+')(\d{2})\b)?`, dmy)
	rs[len(rs)-1].need = needMonthAfterBlank
	c(tOr(tMonth, tWeekday), `(?i)\b(?:[a-z]{3,9}\.?,?\s+)?(`+reMonth+`)\s*(\d{1,2})(`+reOrd+`)?(?:\s*(?:-|–|to|through|and|&)\s*\d{1,2}`+reOrd+`?)?\b(?:,?\s*(\d{4})\b|(?:,\s*'?|\s+')(\d{2})\b)?`, mdy)
	c(tMonth, `(?i)\b(`+reMonth+`),?\s+(?:of\s+)?(\d{4}|'\d{2})\b`, monthYear)
	rs[len(rs)-1].need = needMonthThenYear
	c(tMonth, `(?i)([a-z]{3,9}\.?)\b`, monthAlone)
	// Numeric dates.
	c(tDigits("1-4[/.-]1-2[/.-]1-4"), `\b(\d{1,4})([/.\-])(\d{1,2})([/.\-])(\d{2,4})(?:(?:T|\s+|\s*@\s*)(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|\s*[AaPp]\.?[Mm]\b\.?)?)?\b`, numericDate)
	c(tDigits("1-2[/]1-2"), `\b(\d{1,2})/(\d{1,2})\b`, monthDay)
	c(tApos, `['’](\d{2})\b`, shortYear)
	c(tShape(2, 2, "'\xe2"), `(\d{2})['’]`, trailingApostropheYear)
	rs = append(rs, rule{trig: tCentury, match: matchYear, fn: bareYear})
	c(tOr(tShape(2, 4, "'\xe2sS"), tApos, tWordsThenDigit("the", "early", "mid", "late")), `(?i)(?:(?:early|mid|late)[\s-]+)?(?:the\s+)?['’]?((?:19|20)?\d0)['’]?s\b`, decade)
	// Weekdays and relative dates.
	c(tOr(tWeekday, tWordsThen([]string{"last", "next", "this", "past", "previous", "coming", "following"}, weekdayWords)), `(?i)\b(?:(last|next|this|past|previous|coming|following)\s+)?([a-z]{3,10})\b(?:\.?,?\s+(?:the\s+)?(\d{1,2})`+reOrd+`\b)?(?:\s+(?:morning|afternoon|evening|night))?`, weekday)
	c(tOr(tWords("yesterday", "tomorrow"), tWordsThen([]string{"the"}, []string{"day"}), tWordsThen([]string{"last", "next", "this", "past", "previous", "coming"}, []string{"week", "weekend", "month", "year", "spring", "summer", "fall", "autumn", "winter", "night", "past"})), `(?i)\b(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)\b|\b(?:last|next|this\s+past|past|previous|coming)\s+(?:week|weekend|month|year|spring|summer|fall|autumn|winter|night)\b`, relative)
	c(tOr(tDigits("1-3[ ]{ }[dDwWmMyY]"), tNumWord, tWordsThen([]string{"a", "an"}, []string{"few", "couple", "day", "week", "month", "year", "decade"})), `(?i)\b(?:`+reNumWord+`|\d{1,3})\s+(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|decades?)\s+(?:ago|earlier|before|prior|previously|later|from\s+now|hence|back)\b`, relative)
	rs[len(rs)-1].need = unitAfterNumber(unitAgo)
	// The length of a sentence or a term served, which court judgments
	// report of the person they protect: "sentenced to 14 years",
	// "ten years' imprisonment", "the 12 year sentence".
	c(tWords("sentenced", "sentence", "sentences", "term", "terms", "served", "serving"), `(?i)\b(?:sentenced\s+(?:\w+\s+)?to|sentences?\s+of|terms?\s+of|served|serving)\s+(?:a\s+total\s+of\s+|approximately\s+|about\s+|almost\s+|nearly\s+|over\s+)?((?:`+reDurNum+`)[\s-]+(?:years?|months?|weeks?|days?))\b`, duration)
	c(tOr(tDigits("1-3[ ]{ }[yYmM]"), tDigits("1-3[-][yYmM]"), tNumWord, tWords("fourteen", "sixteen", "seventeen", "eighteen", "nineteen", "forty", "fifty")), `(?i)\b((?:`+reDurNum+`)[\s-]+(?:years?|months?))['’]?\s+(?:imprisonment|detention|custody|prison|jail|probation|sentence|suspended\s+sentence|prison\s+sentence|term)\b`, duration)
	c(tWords("early", "late", "mid", "spring", "summer", "fall", "autumn", "winter"), `(?i)\b(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?(\d{4}|'\d{2})\b`, season)
	rs[len(rs)-1].need = needSeasonYear
	rs = append(rs, rule{trig: tOr(tHoliday, tWordsThen([]string{"the", "day", "days", "week", "weekend", "night", "month", "morning", "evening"}, []string{"day", "days", "week", "weekend", "night", "month", "morning", "evening", "before", "after", "of", "following"}), tWordsThen([]string{"last", "next", "this", "past"}, holidayFirst)), match: matchHoliday, fn: holiday})
	c(tWordsThenDigit(vocab.HistoryEvents().Words()...), `(?i)\b([a-z/]{2,8})\s+(\d{2})\b`, eventYear)
	c(tWordsThenDigit("on", "since", "until", "till", "by"), `(?i)\b(?:on|since|until|till|by)\s+(\d{1,2})-(\d{1,2})\b`, dashedMonthDay)
	c(tWordsThenDigit("on", "by", "since", "until", "till", "from", "before", "after", "through", "thru", "starting", "beginning"), `(?i)\b(?:on|by|since|until|till|from|before|after|through|thru|as\s+of|starting|beginning)\s+(?:the\s+)?(\d{1,2})(st|nd|rd|th)\b`, ordinalDay)
	rs = append(rs, eventDateRules()...)
	return &Date{rules: newRuleSet(rs...)}
}

// Name implements deid.Detector.
func (d *Date) Name() string { return "rules/date" }

// Detect implements deid.Detector.
func (d *Date) Detect(ctx context.Context, doc *deid.Doc) ([]deid.Finding, error) {
	hs, err := runRules(ctx, doc, d.rules)
	if err != nil {
		return nil, err
	}
	return finish(doc.Text, d.Name(), deid.Date, hs), nil
}

var monthNum = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// parseMonth returns 1-12 for a month name or abbreviation, 0 otherwise.
func parseMonth(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 || !vocab.MonthWords().Has(s) {
		return 0
	}
	return monthNum[s[:3]]
}

// checkPrefix validates the optional leading weekday of a date match: it
// returns the start to use, or core when the leading word is not a weekday.
func checkPrefix(text string, s, core int) int {
	if s >= core {
		return s
	}
	j := s
	for j < core && isASCIIAlnum(text[j]) {
		j++
	}
	if vocab.Weekdays().Has(strings.ToLower(text[s:j])) {
		return s
	}
	return core
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validMD(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn[m] }

// yearOf reads a 4-digit year or a 2-digit one ("'92", "21").
func yearOf(s string) int {
	s = strings.TrimLeft(s, "'’")
	n := atoi(s)
	if n < 0 {
		return 0
	}
	if len(s) == 2 {
		if n <= 40 {
			return 2000 + n
		}
		return 1900 + n
	}
	if n < 1000 || n > 2199 {
		return 0
	}
	return n
}

func dv(y, m, d int) *deid.DateValue { return &deid.DateValue{Year: y, Month: m, Day: d} }

// mayIsVerb guards the month "May" without a year: it is most often the verb.
func mayIsVerb(text string, mStart, end int, month string) bool {
	if !strings.EqualFold(strings.TrimSuffix(month, "."), "may") {
		return false
	}
	if vocab.DatePrep().Has(prevWord(text, mStart)) {
		return false
	}
	if end >= len(text) {
		return false
	}
	nw := nextWord(text, end)
	return nw != ""
}

func dmy(text string, m []int) []hit {
	day := atoi(group(text, m, 1))
	mon := parseMonth(group(text, m, 2))
	y := 0
	if g := group(text, m, 3); g != "" {
		y = yearOf(g)
	} else if g := group(text, m, 4); g != "" {
		y = yearOf(g)
	}
	if !validMD(mon, day) {
		return nil
	}
	// "on 13 May that ..." is a date; "aged 13 may attend" is not: a
	// capital after a day number settles it, else the word before the day.
	if mw := group(text, m, 2); y == 0 && !(mw[0] == 'M' && ordinalOrDayBefore(text, m[2*2])) && mayIsVerb(text, m[2], m[1], mw) {
		return nil
	}
	if mw := group(text, m, 2); y == 0 && mw == "dec" && decreased(text, m[1]) {
		return nil // "O2 dec from 4->2": decreased
	}
	conf := 0.9
	if y == 0 {
		conf = 0.75
	}
	core := m[2]
	if k := strings.LastIndex(strings.ToLower(text[m[0]:core]), "the"); k >= 0 {
		core = m[0] + k
	}
	return []hit{{start: checkPrefix(text, m[0], core), end: m[1], typ: "date", conf: conf, date: dv(y, mon, day)}}
}

func mdy(text string, m []int) []hit {
	mon := parseMonth(group(text, m, 1))
	day := atoi(group(text, m, 2))
	y := 0
	if g := group(text, m, 4); g != "" {
		y = yearOf(g)
	} else if g := group(text, m, 5); g != "" {
		y = yearOf(g)
	}
	end := m[1]
	if !validMD(mon, day) {
		// "Oct 88": a two-digit number that cannot be a day is a year.
		g := group(text, m, 2)
		if len(g) == 2 && day > 31 && group(text, m, 3) == "" && mon != 0 {
			return []hit{{start: checkPrefix(text, m[0], m[2]), end: m[2*2+1], typ: "date", conf: 0.7, date: dv(yearOf(g), mon, 0)}}
		}
		return nil
	}
	if y == 0 && group(text, m, 3) == "" && mayIsVerb(text, m[2], end, group(text, m, 1)) {
		return nil
	}
	m[0] = checkPrefix(text, m[0], m[2])
	// "Mar 3" with a bare abbreviation and no year or ordinal is still a
	// date; "march 3 miles" is not worth worrying about.
	conf := 0.9
	if y == 0 {
		conf = 0.75
	}
	return []hit{{start: m[0], end: end, typ: "date", conf: conf, date: dv(y, mon, day)}}
}

func monthYear(text string, m []int) []hit {
	mon := parseMonth(group(text, m, 1))
	y := yearOf(group(text, m, 2))
	if mon == 0 || y == 0 {
		return nil
	}
	return []hit{{start: m[0], end: m[1], typ: "month-year", conf: 0.85, date: dv(y, mon, 0)}}
}

// modalMay reports whether "may" at text[s:e], after "and" or "to", is the
// modal: a word follows it, and no month stands before the "and" ("April
// and May").
func modalMay(text string, s, e int) bool {
	nw := nextWord(text, e)
	if nw == "" || strings.Trim(nw, "0123456789,.") == "" || parseMonth(nw) != 0 || nw == "of" {
		return false
	}
	j := strings.LastIndexAny(text[:s], " \t\n")
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j < 0 {
		return true
	}
	// the word before "and"/"to"
	k := j
	for k > 0 && text[k-1] != ' ' && text[k-1] != '\t' && text[k-1] != '\n' {
		k--
	}
	return parseMonth(prevWord(text, k)) == 0
}

func monthAlone(text string, m []int) []hit {
	word := group(text, m, 1)
	mon := parseMonth(word)
	if mon == 0 {
		return nil
	}
	lw := strings.ToLower(strings.TrimSuffix(word, "."))
	if len(lw) <= 3 && lw != "may" && !strings.HasSuffix(word, ".") {
		return nil // "DEC" is "decreased" in a clinical note
	}
	if vocab.AmbiguousMonth().Has(lw) || strings.HasSuffix(word, ".") {
		pw := prevWord(text, m[0])
		if !vocab.DatePrep().Has(pw) {
			return nil
		}
		if lw == "may" && (pw == "and" || pw == "to") && modalMay(text, m[0], m[1]) {
			return nil // "PLAN TO BOOK PT AND MAY NEED BRONCH"
		}
	}
	return []hit{{start: m[0], end: m[1], typ: "month", conf: 0.6, date: dv(0, mon, 0)}}
}

// numericDate reads 3/4/21, 03-04-2021, 2021-03-04 and 12.05.2021, with an
// optional time after it.
func numericDate(text string, m []int) []hit {
	a, sep1, b, sep2, c := group(text, m, 1), group(text, m, 2), group(text, m, 3), group(text, m, 4), group(text, m, 5)
	if sep1 != sep2 {
		return nil
	}
	s, e := m[0], m[1]
	// Part of a longer dotted or dashed run (IP address, version, phone).
	if s > 0 && (text[s-1] == '.' || text[s-1] == '/' || text[s-1] == '-') && s > 1 && isDigit(text[s-2]) {
		return nil
	}
	if e+1 < len(text) && (text[e] == sep1[0] || text[e] == '.' && sep1 == ".") && isDigit(text[e+1]) {
		return nil
	}
	if e < len(text) && text[e] == '%' {
		return nil // vent settings "10/5/40%"
	}
	var y, mo, d int
	switch {
	case len(a) == 4:
		if len(c) > 2 {
			return nil
		}
		y, mo, d = atoi(a), atoi(b), atoi(c)
		if y < 1800 || y > 2199 {
			return nil
		}
	case len(a) <= 2 && (len(c) == 2 || len(c) == 4):
		y = yearOf(c)
		if y == 0 || len(c) == 4 && y < 1850 {
			return nil // "3/2/1500" is a ratio
		}
		mo, d = atoi(a), atoi(b)
		if !validMD(mo, d) {
			mo, d = d, mo // day first
		}
	default:
		return nil
	}
	if !validMD(mo, d) {
		return nil
	}
	conf := 0.9
	if sep1 == "." && len(c) == 2 {
		conf = 0.5
	}
	return []hit{{start: s, end: e, typ: "numeric-date", conf: conf, date: dv(y, mo, d)}}
}

// prevWordInSentence is prevWord, or "" when a full stop ends the sentence
// before i ("DECREASED O2. 10/1 WENT").
func prevWordInSentence(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j > 1 && text[j-1] == '.' && j < i {
		return ""
	}
	return prevWord(text, i)
}

// afterDate reports whether a month/day date ends at i ("10/03" before
// "/10/04").
func afterDate(text string, i int) bool {
	j := i
	k := j
	for k > 0 && isDigit(text[k-1]) && j-k < 3 {
		k--
	}
	if n := j - k; n < 1 || n > 2 || k == 0 || text[k-1] != '/' {
		return false
	}
	j = k - 1
	k = j
	for k > 0 && isDigit(text[k-1]) && j-k < 3 {
		k--
	}
	if n := j - k; n < 1 || n > 2 || k > 0 && (isDigit(text[k-1]) || text[k-1] == '/') {
		return false
	}
	return validMD(atoi(text[k:j]), atoi(text[j+1:i]))
}

// monthDay reads "7/22" as a month and day, guarding against fractions,
// scores and doses.
func monthDay(text string, m []int) []hit {
	s, e := m[0], m[1]
	// "10/03/10/04": two dates run together; this is the second.
	if s > 0 && text[s-1] == '/' && afterDate(text, s-1) && (e == len(text) || !isDigit(text[e]) && text[e] != '/') {
		mo, d := atoi(group(text, m, 1)), atoi(group(text, m, 2))
		if validMD(mo, d) {
			return []hit{{start: s, end: e, typ: "month-day", conf: 0.6, date: dv(0, mo, d)}}
		}
		return nil
	}
	if s > 0 && (isDigit(text[s-1]) || text[s-1] == '$' || text[s-1] == '#' || text[s-1] == '+' ||
		strings.IndexByte("/.-:,", text[s-1]) >= 0 && s > 1 && isDigit(text[s-2])) {
		return nil
	}
	if e < len(text) && (text[e] == '%' || text[e] == '-' && e+1 < len(text) && isDigit(text[e+1]) ||
		text[e] == '.' && e+1 < len(text) && isDigit(text[e+1]) || text[e] == ':') {
		return nil
	}
	if s > 1 && text[s-1] == '.' && isASCIIAlnum(text[s-2]) {
		return nil // "600x12x.4/5": a ventilator setting
	}
	if pt := prevToken(text, s); strings.HasSuffix(pt, "%") {
		return nil // "40% 5/5": a ventilator setting after an oxygen share
	} else if pt != "" && len(pt) <= 2 && strings.Trim(pt, "0123456789") == "" && e-s == 3 && text[s] < text[s+2] && strings.IndexByte("2348", text[s+2]) >= 0 {
		return nil // "1 1/2 hours": a mixed number
	}
	if e < len(text) && text[e] == '/' && !(e+3 < len(text) && isDigit(text[e+1]) && text[e+3] == '/' || e+4 < len(text) && isDigit(text[e+1]) && text[e+2] != '/' && text[e+3] == '/') {
		return nil
	}
	mo, d := atoi(group(text, m, 1)), atoi(group(text, m, 2))
	if !validMD(mo, d) {
		// "8/87", "(12/93)": month and two-digit year.
		if mo >= 1 && mo <= 12 && d > 31 && len(group(text, m, 2)) == 2 && !vocab.FracPrev().Has(prevWord(text, s)) && !vocab.FracNext().Has(nextWord(text, e)) {
			return []hit{{start: s, end: e, typ: "month-year", conf: 0.6, date: dv(yearOf(group(text, m, 2)), mo, 0)}}
		}
		return nil
	}
	pw := prevWordInSentence(text, s)
	if vocab.FracPrev().Has(pw) && !(vocab.ApproxWords().Has(pw) && (mo > 4 || d > 8)) {
		return nil // "pain 5/10", "about 1/2"; but "approx 10/16 0930" is a date
	}
	if nw := nextWord(text, e); vocab.FracNext().Has(nw) || vocab.FracNext().Has(strings.SplitN(nw, "/", 2)[0]) {
		return nil // "5/5 PSV/CPAP"
	}
	if pw == "to" && settingChange(text, s) {
		return nil // "wean to 10/5", "PS decreased to 5/5": a setting
	}
	if scoreClause(text, s) && !vocab.DatePreps().Has(pw) {
		return nil // "describes pain as 5/10", "rales half way up, 1/3"
	}
	if mo <= 12 && d <= 15 && ventClause(text, s) {
		return nil // "SETTINGS-SIMV/PS, 500X10, 40%, & 5/8", "on BIPAP overnight 10/5"
	}
	conf := 0.7
	if mo == d || d <= 4 && mo <= 4 {
		// 1/2, 3/4, 5/5: often fractions or scores.
		conf = 0.4
	}
	return []hit{{start: s, end: e, typ: "month-day", conf: conf, date: dv(0, mo, d)}}
}

func shortYear(text string, m []int) []hit {
	s, e := m[0], m[1]
	if wordRuneBefore(text, s) || s > 0 && (text[s-1] == '\'' || text[s-1] == '.') {
		return nil // "I'm", "''"
	}
	if e < len(text) && (text[e] == '\'' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
		return nil // a quoted number
	}
	return []hit{{start: s, end: e, typ: "year", conf: 0.6, date: dv(yearOf(group(text, m, 1)), 0, 0)}}
}

func bareYear(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && strings.IndexByte("$#.,/:+-€£", text[s-1]) >= 0 && !(text[s-1] == '-' && s > 1 && text[s-2] == ' ') {
		if !(s > 1 && (text[s-1] == '-' || text[s-1] == '/') && isDigit(text[s-2]) && s >= 5 && atoi(text[s-5:s-1]) >= 1900) {
			return nil
		}
	}
	if e < len(text) {
		switch text[e] {
		case '%':
			return nil
		case '.', ',', ':', '/':
			if e+1 < len(text) && isDigit(text[e+1]) {
				return nil
			}
		case '-':
			if e+1 < len(text) && isDigit(text[e+1]) && !(e+5 <= len(text) && atoi(text[e+1:e+5]) >= 1900) {
				return nil
			}
		}
	}
	if wordRuneBefore(text, s) || wordRuneAfter(text, e) {
		return nil
	}
	if e < len(text) && text[e] == '+' {
		return nil // "dumped 2000+": an amount
	}
	pw := prevWord(text, s)
	if vocab.YearPrevDeny().Has(pw) {
		return nil
	}
	if vocab.YearNextDeny().Has(nextWord(text, e)) {
		return nil
	}
	if clockYear(text, s, e, pw) {
		return nil
	}
	conf := 0.5
	if vocab.YearPrevGood().Has(pw) {
		conf = 0.8
	}
	return []hit{{start: s, end: e, typ: "year", conf: conf, date: dv(atoi(group(text, m, 1)), 0, 0)}}
}

// decreased reports whether the lower-case "dec" ending at e is
// "decreased": "from" or "to" and a number follow ("nc 02 dec from 4->2"),
// not "12 dec to review".
func decreased(text string, e int) bool {
	rest := strings.TrimLeft(text[e:], " \t")
	for _, p := range []string{"from ", "to "} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			r = strings.TrimLeft(r, " \t")
			if r == "" || !isDigit(r[0]) {
				return false
			}
			// "from 3 dec to 5 jan": a range of dates, not a setting.
			r = strings.TrimLeft(r, "0123456789")
			w := strings.TrimLeft(r, " \t")
			end := 0
			for end < len(w) && (w[end] >= 'a' && w[end] <= 'z' || w[end] >= 'A' && w[end] <= 'Z') {
				end++
			}
			return !vocab.MonthWords().Has(strings.ToLower(w[:end]))
		}
	}
	return false
}

// settingChange reports whether the "to" before i follows a verb of
// changing a setting.
func settingChange(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j < 2 || strings.ToLower(text[j-2:j]) != "to" {
		return false
	}
	return vocab.ChangeVerbs().Has(strings.Trim(prevToken(text, j-2), ".,;:"))
}

// scoreClause reports whether one of the four words before i, in its
// clause, is a score word ("describes pain as 5/10", "rates her pain at a
// 3/10").
func scoreClause(text string, i int) bool {
	w := window(text, i, 48)
	if k := strings.LastIndexAny(w, ".\n;()"); k >= 0 && !(w[k] == '.' && k+1 < len(w) && isDigit(w[k+1])) {
		w = w[k+1:]
	}
	fs := strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == ':' || r == '-' })
	for k := len(fs) - 1; k >= 0 && k >= len(fs)-4; k-- {
		if vocab.ScoreWords().Has(fs[k]) {
			return true
		}
	}
	return false
}

// ventClause reports whether one of the three words before i, in its
// clause, is a ventilator mode or setting, an oxygen share or a volume by
// rate ("on BIPAP overnight 10/5", "SIMV/PS, 500X10, 40%, & 5/8").
func ventClause(text string, i int) bool {
	w := window(text, i, 48)
	if k := strings.LastIndexAny(w, ".\n;:()"); k >= 0 && !(w[k] == '.' && k+1 < len(w) && isDigit(w[k+1])) {
		w = w[k+1:]
	}
	fs := strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	for k := len(fs) - 1; k >= 0 && k >= len(fs)-3; k-- {
		f := strings.Trim(fs[k], "-")
		if vocab.VentWords().Has(f) || strings.HasSuffix(f, "%") || dimsRe.MatchString(f) {
			return true
		}
		for _, p := range strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '/' }) {
			if vocab.VentWords().Has(p) {
				return true
			}
		}
	}
	return false
}

// clockYear reports whether text[s:e], four digits that could be a year, is
// a time on the 24-hour clock in a text that writes times so ("0400",
// "2300"): after "at" or "@", after a date ("10/22/03, 1900"), or ending a
// span of times ("0700->1930").
func clockYear(text string, s, e int, pw string) bool {
	if e-s != 4 || text[s+2] > '5' {
		return false
	}
	pt := prevToken(text, s)
	cue := vocab.ClockPrev().Has(pw) || s > 0 && text[s-1] == '@' || strings.Contains(pt, "/") && strings.Trim(pt, "0123456789/,") == ""
	if !cue {
		t := strings.TrimRight(pt, "->")
		cue = len(t) < len(pt) && isClock(t)
		if !cue && s > 0 && (text[s-1] == '-' || text[s-1] == '>') {
			k := strings.LastIndexFunc(text[:s], func(r rune) bool { return r != '-' && r != '>' })
			cue = k >= 3 && isClock(text[k-3:k+1]) && (k < 4 || !isASCIIAlnum(text[k-4]))
		}
	}
	return cue && (writesClock(text) || noteWords(text) >= 2)
}

// noteWords counts the different clinical abbreviations in text, up to 2.
func noteWords(text string) int {
	seen := map[string]bool{}
	for i := 0; i < len(text); {
		if !isASCIIAlnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIIAlnum(text[j]) {
			j++
		}
		if j-i <= 3 {
			if w := strings.ToLower(text[i:j]); vocab.ClockNoteWords().Has(w) {
				seen[w] = true
				if len(seen) >= 2 {
					return 2
				}
			}
		}
		i = j
	}
	return len(seen)
}

// isClock reports whether w is four digits that read as a time on the
// 24-hour clock and not as a year ("0400", "1830", "2300").
func isClock(w string) bool {
	if len(w) != 4 || strings.Trim(w, "0123456789") != "" {
		return false
	}
	if w[:2] == "19" || w[:2] == "20" {
		return false
	}
	return (w[0] < '2' || w[0] == '2' && w[1] <= '3') && w[2] <= '5'
}

// writesClock reports whether text holds a time on the 24-hour clock that
// cannot be a year, standing alone ("at 0400", "1800-2300").
func writesClock(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if !isDigit(text[i]) || i > 0 && isASCIIAlnum(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j-i == 4 && (j == len(text) || !isASCIIAlnum(text[j])) && isClock(text[i:j]) {
			return true
		}
		i = j
	}
	return false
}

func decade(text string, m []int) []hit {
	g := group(text, m, 1)
	if len(g) == 2 {
		// "the 90s", "'90s"; but "HR 70's", "rate in the 20s" are vital signs.
		low := strings.ToLower(text[m[0]:m[1]])
		if !strings.Contains(low, "the") && text[m[0]] != '\'' && !strings.HasPrefix(text[m[0]:], "’") {
			return nil
		}
		if vocab.Possessive().Has(prevWord(text, m[0])) || vitalContext(window(text, m[0], 24)) || measureContext(window(text, m[0], 48)) {
			return nil
		}
	}
	y := atoi(g)
	if len(g) == 2 {
		y = 1900 + y
	}
	return []hit{{start: m[0], end: m[1], typ: "decade", conf: 0.4, date: dv(y, 0, 0)}}
}

func weekday(text string, m []int) []hit {
	w := strings.ToLower(group(text, m, 2))
	if !vocab.Weekdays().Has(w) || w == "the" {
		return nil
	}
	// An abbreviation ("Mon", "sat", "sun") is a weekday only before a day
	// of the month: "on Mon 3rd", "Sat the 5th".
	if len(w) < 6 && group(text, m, 3) == "" {
		return nil
	}
	rel := group(text, m, 1) != "" || group(text, m, 3) == ""
	v := &deid.DateValue{Relative: rel}
	if d := atoi(group(text, m, 3)); d > 0 && d <= 31 {
		v.Day = d
	}
	return []hit{{start: m[0], end: m[1], typ: "weekday", conf: 0.7, date: v}}
}

// reDurNum is the number of a duration, in digits or words.
const reDurNum = `\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|` +
	`seventeen|eighteen|nineteen|twenty|twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty|forty|fifty`

// duration reports the length of a sentence or term, group 1.
func duration(text string, m []int) []hit {
	v := &deid.DateValue{Relative: true}
	phrase := strings.ToLower(group(text, m, 1))
	if i := strings.LastIndexAny(phrase, " \t\n-"); i > 0 {
		v.Length = numberValue(strings.TrimSpace(phrase[:i]))
		v.Unit = strings.TrimSuffix(phrase[i+1:], "s")
	}
	return []hit{{start: m[2], end: m[3], typ: "duration", conf: 0.6, date: v}}
}

func relative(text string, m []int) []hit {
	return []hit{{start: m[0], end: m[1], typ: "relative", conf: 0.6, date: &deid.DateValue{Relative: true}}}
}

func season(text string, m []int) []hit {
	return []hit{{start: m[0], end: m[1], typ: "season", conf: 0.8, date: dv(yearOf(group(text, m, 1)), 0, 0)}}
}

func holiday(text string, m []int) []hit {
	h := group(text, m, 1)
	if vocab.TitleOnlyHoliday().Has(strings.ToLower(h)) && (h[0] < 'A' || h[0] > 'Z' || h == strings.ToUpper(h)) {
		return nil
	}
	v := &deid.DateValue{Relative: group(text, m, 2) == ""}
	if y := group(text, m, 2); y != "" {
		v.Year = yearOf(y)
	}
	return []hit{{start: m[0], end: m[1], typ: "holiday", conf: 0.8, date: v}}
}

func ordinalDay(text string, m []int) []hit {
	d := atoi(group(text, m, 1))
	if d < 1 || d > 31 {
		return nil
	}
	if next := nextWord(text, m[1]); next != "" && !vocab.OrdinalNextOK().Has(next) {
		return nil
	}
	s := m[2*1]
	return []hit{{start: s, end: m[1], typ: "day", conf: 0.6, date: dv(0, 0, d)}}
}

var (
	tMonth = tWords("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	tWeekday = tWords("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
		"wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
		"saturdays", "sundays")
	tNumWord = tWords("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "several", "couple")
	tHoliday     = tWords(holidayFirst...)
	holidayFirst = []string{"new", "christmas", "xmas", "x", "thanksgiving", "easter", "good", "ash", "palm", "lent", "hanukkah",
		"hanukah", "chanukah", "chanukkah", "ramadan", "ramadhan", "diwali", "deepavali", "eid", "kwanzaa", "memorial",
		"labor", "labour", "halloween", "independence", "fourth", "valentine", "valentines", "mother", "mothers", "father",
		"fathers", "passover", "pesach", "yom", "rosh", "lunar", "chinese", "veterans", "veteran", "presidents", "president",
		"martin", "mlk", "st", "saint", "boxing", "canada", "remembrance", "juneteenth", "columbus", "indigenous", "holi",
		"vesak", "purim", "sukkot", "navratri", "vaisakhi", "baisakhi", "bastille", "anzac", "guy", "bonfire", "mardi",
		"cinco", "dia"}
	weekdayWords = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	tApos        = custom("'\xe2", false, func(text string, t token) bool {
		return text[t.start] == '\'' || strings.HasPrefix(text[t.start:], "’")
	})
)

var vitalWords = []string{"bp", "hr", "rr", "sat", "rate", "temp", "sbp", "dbp", "map", "pressure", "glucose", "pulse",
	"resp", "o2", "spo2", "cvp", "pap", "heart", "fs", "bs", "sugar", "k ", "na ", "nsr", "sr ", "sb ", "st ", "afib",
	"a-fib", "sinus", "tach", "brady", "hypotensive", "hypertensive", "sats", "rhythm", "to", "in"}

// measureWords are the measurements of clinical notes that a decade-shaped
// number after them is the value of ("desating into the 80s", "PaO2 in the
// 60s", "peak pressures to the 50s", "A paced in the 70's").
var measureWords = []string{"desat", "pao2", "pa02", "pco2", "pc02", "paco2", "pac02", "peak", "plateau",
	"paced", "pressure", "h.r.", "resp rate", "rate", "sats", "hr ", "bp ", "sbp", "map "}

// measureContext reports whether w, text before a decade-shaped number,
// names a clinical measurement.
func measureContext(w string) bool {
	lw := strings.ToLower(w)
	for _, v := range measureWords {
		if i := strings.Index(lw, v); i >= 0 && (i == 0 || !isASCIIAlnum(lw[i-1])) {
			return true
		}
	}
	return false
}

// prevToken returns the run of non-space bytes that ends before the spaces
// before i ("40%" in "40% 5/5"), lower-cased; "" at a line start.
func prevToken(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i {
		return ""
	}
	k := j
	for k > 0 && j-k < 24 && !isSpaceByte(text[k-1]) {
		k--
	}
	return strings.ToLower(text[k:j])
}

// vitalContext reports whether w (text before a number) talks about a vital
// sign or a measured value.
func vitalContext(w string) bool {
	lw := strings.ToLower(w)
	for _, v := range vitalWords[:len(vitalWords)-2] {
		if i := strings.Index(lw, v); i >= 0 && (i == 0 || !isASCIIAlnum(lw[i-1])) {
			return true
		}
	}
	return false
}

// trailingApostropheYear reads "CVA 74'." as a year; a one-digit "5'" is a
// height and is not matched.
func trailingApostropheYear(text string, m []int) []hit {
	s, e := m[0], m[1]
	if s > 0 && (isDigit(text[s-1]) || text[s-1] == '.' || text[s-1] == '\'') {
		return nil
	}
	if e < len(text) && (isASCIIAlnum(text[e]) || text[e] == '\'' || text[e] == '"') {
		return nil
	}
	n := atoi(group(text, m, 1))
	if n < 0 || n >= 10 && n <= 25 && !vocab.YearPrevGood().Has(prevWord(text, s)) {
		return nil // 12' is a length more often than 2012, but not "REPAIR IN 14'"
	}
	if vocab.DistancePrev().Has(prevWord(text, s)) {
		return nil // "AMBULATED 30' WITH ASSIST": feet walked
	}
	return []hit{{start: s, end: m[3], typ: "year", conf: 0.4, date: dv(yearOf(group(text, m, 1)), 0, 0)}}
}

// dayThenMonth is the cheap test for "3 March", "3rd of March", "11-13 May":
// one or two digits, an optional ordinal, then a month-like word or a range.
func dayThenMonth(text string, t token) bool {
	j := t.start
	for j < len(text) && isDigit(text[j]) && j-t.start < 3 {
		j++
	}
	if j-t.start > 2 {
		return false
	}
	for k := 0; k < 2 && j < len(text) && text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z'; k++ {
		j++ // ordinal suffix
	}
	for j < len(text) && (isSpaceByte(text[j]) || text[j] == '-') {
		j++
	}
	if j+3 > len(text) {
		return false
	}
	if isDigit(text[j]) || strings.HasPrefix(text[j:], "–") {
		return true
	}
	var buf [3]byte
	for k := 0; k < 3; k++ {
		buf[k] = text[j+k] | 0x20
	}
	w := string(buf[:])
	return monthNum[w] != 0 || w[:2] == "of" || w[:2] == "to" || w == "and" || w[0] == '&'
}

// tCentury accepts a four-digit run starting 19 or 20.
var tCentury = func() *trig {
	four := tDigits("4-4")
	return custom("12", false, func(text string, t token) bool {
		i := t.start
		return i+1 < len(text) && (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') && four.fn(text, t)
	})
}()

// holidayPrefix is what may come before a holiday: "the week after",
// "last".
var holidayPrefix = regexp.MustCompile(`^(?i)\b(?:(?:the\s+)?(?:days?|week|weekend|night|month|morning|evening)\s+(?:before|after|of|following)\s+|(?:last|next|this|past)\s+)`)

// holidayByFirst holds the holidays of reHoliday split by the first letter
// of their names, one pattern per letter: one pattern for them all is too
// large for RE2's fast backtracker.
var holidayByFirst = func() map[byte]*regexp.Regexp {
	groups := map[byte][]string{}
	for _, alt := range splitTop(reHoliday) {
		for _, b := range firstLetters(alt) {
			groups[b] = append(groups[b], alt)
		}
	}
	out := make(map[byte]*regexp.Regexp, len(groups))
	for b, alts := range groups {
		out[b] = regexp.MustCompile(`^(?i)(` + strings.Join(alts, "|") + `)\b(?:,?\s+(\d{4})\b)?`)
	}
	return out
}()

// splitTop splits a pattern at the '|' that are outside any group.
func splitTop(p string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, p[start:i])
				start = i + 1
			}
		}
	}
	return append(out, p[start:])
}

// firstLetters returns the lower-cased first bytes a pattern's matches can
// start with; it knows literals and leading (?:a|b) groups only.
func firstLetters(alt string) []byte {
	if strings.HasPrefix(alt, "(?:") {
		depth, end := 0, 0
		for i := 0; i < len(alt); i++ {
			if alt[i] == '(' {
				depth++
			} else if alt[i] == ')' {
				if depth--; depth == 0 {
					end = i
					break
				}
			}
		}
		var out []byte
		for _, a := range splitTop(alt[3:end]) {
			out = append(out, firstLetters(a)...)
		}
		return out
	}
	if alt == "" {
		return nil
	}
	return []byte{alt[0] | 0x20}
}

// matchHoliday matches an optional prefix and a holiday name with an
// optional year, with the submatches (name, year) that holiday reads.
func matchHoliday(w string) []int {
	pe := 0
	if m := holidayPrefix.FindStringIndex(w); m != nil {
		pe = m[1]
	}
	if pe >= len(w) {
		return nil
	}
	re := holidayByFirst[w[pe]|0x20]
	if re == nil {
		return nil
	}
	h := re.FindStringSubmatchIndex(w[pe:])
	if h == nil {
		return nil
	}
	for k := range h {
		if h[k] >= 0 {
			h[k] += pe
		}
	}
	h[0] = 0
	return h
}

// eventYear reads the two-digit year after a medical event in a history
// list ("PMH MI 92, 3 VCABG"); a value, a dose or a rate follows a
// measurement, not an event.
func eventYear(text string, m []int) []hit {
	if !vocab.HistoryEvents().Has(strings.ToLower(group(text, m, 1))) {
		return nil
	}
	s, e := m[4], m[5]
	if e < len(text) && !(text[e] == ',' || text[e] == ';' || text[e] == ')' || text[e] == '\n' || text[e] == '.' && (e+1 == len(text) || !isDigit(text[e+1])) || text[e] == ' ' && (e+1 == len(text) || !isASCIIAlnum(text[e+1]))) {
		return nil // "MI 92 mg", "CVA 45%"
	}
	n := atoi(group(text, m, 2))
	if n > 25 && n < 40 {
		return nil // neither a likely 19xx nor a 20xx year
	}
	return []hit{{start: s, end: e, typ: "year", conf: 0.5, date: dv(yearOf(group(text, m, 2)), 0, 0)}}
}

// dashedMonthDay reads "returned to OR on 7-8" as a month and day.
func dashedMonthDay(text string, m []int) []hit {
	e := m[1]
	if e < len(text) && (text[e] == '-' || text[e] == '/' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1]) || text[e] == '%') {
		return nil
	}
	mo, d := atoi(group(text, m, 1)), atoi(group(text, m, 2))
	if !validMD(mo, d) || vocab.FracNext().Has(nextWord(text, e)) || vocab.YearNextDeny().Has(nextWord(text, e)) {
		return nil
	}
	return []hit{{start: m[2], end: e, typ: "month-day", conf: 0.5, date: dv(0, mo, d)}}
}

// ordinalOrDayBefore reports whether a day number ("13", "13th", "13th of")
// comes just before i.
func ordinalOrDayBefore(text string, i int) bool {
	w := prevWord(text, i)
	if w == "of" {
		w = prevWord(text, i-3)
	}
	w = strings.TrimRight(w, "stndrh")
	n := atoi(w)
	return n >= 1 && n <= 31
}

// matchYear matches `\b((?:19|20)\d{2})\b` at the start of w.
func matchYear(w string) []int {
	if len(w) < 4 || !(w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') || !isDigit(w[2]) || !isDigit(w[3]) {
		return nil
	}
	if len(w) > 4 && (isASCIIAlnum(w[4]) || w[4] == '_') {
		return nil
	}
	return []int{0, 4, 0, 4}
}
