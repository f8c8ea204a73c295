package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/veil-blog/veil/internal/deid"
	"github.com/veil-blog/veil/internal/deid/vocab"
)

// dateOp shifts, generalises or labels a date (see date); a date written
// with a full stop at the end of a sentence keeps it.
type dateOp struct{}

func (dateOp) replace(d *document, f deid.Finding, action deid.Action) string {
	return d.keepFullStop(f, d.date(f, action)) // "until 5 Jan." and "at 3 a.m." end their sentence too
}

// shiftDays is the site's keyed date offset: between 7 and 120 days, forward
// or back, never zero.
func (d *document) shiftDays() int {
	if d.shiftOK {
		return d.shift
	}
	n := int(d.mac("date-shift")%114) + 7
	if d.mac("date-shift-sign")%2 == 0 {
		n = -n
	}
	d.shift, d.shiftOK = n, true
	return n
}

var numericDateRE = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})(?:([/.-])(\d{2,4}))?$`)

// date replaces a date. With replace, a date whose month and day are known
// is shifted by the site's offset and keeps its year and its numeric or
// written form; with generalise it becomes its month and year; relative
// dates become "recently"; a year alone is kept.
func (d *document) date(f deid.Finding, action deid.Action) string {
	v := f.Date
	if action == deid.Redact {
		if f.Type == deid.TypeTime {
			return "[time]"
		}
		return "[date]"
	}
	lower := strings.ToLower(f.Text)
	switch f.Type {
	case deid.TypeSeason, deid.TypeHoliday, deid.TypeDecade, deid.TypeYear:
		// A year is allowed by Safe Harbor; a season, holiday or decade says
		// less than a year does.
		return f.Text
	case deid.TypeDuration:
		return roughDuration(f.Date)
	case deid.TypeWeekday, deid.TypeRelative:
		if f.Type == deid.TypeWeekday && strings.ContainsAny(f.Text, "0123456789") {
			// "Tuesday the 10th" names a day of the month: keep the weekday
			// only ("a Tuesday").
			return "a " + weekdayIn(f.Text)
		}
		return d.afterPreposition(f.Start, relativeDate(f.Text, lower))
	}
	if v == nil {
		if f.Type == deid.TypeTime {
			return "[time]"
		}
		return "[date]"
	}
	if v.Relative {
		return d.afterPreposition(f.Start, relativeDate(f.Text, lower))
	}
	switch {
	case v.Month == 0 && v.Year != 0 && v.Day == 0:
		return strconv.Itoa(v.Year)
	case v.Month == 0:
		return "[date]"
	}
	year := v.Year
	if year == 0 {
		year = 2001 // any non-leap year; the year is not printed
	}
	if action == deid.Generalise {
		if v.Year != 0 {
			return fmt.Sprintf("%s %d", time.Month(v.Month), v.Year)
		}
		return time.Month(v.Month).String()
	}
	if v.Day == 0 {
		// A month alone moves with the site's shift, from its middle, so
		// that "in May ... on May 23" stay in step.
		t := time.Date(year, time.Month(v.Month), 15, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d.shiftDays())
		if v.Year != 0 {
			return fmt.Sprintf("%s %d", t.Month(), v.Year)
		}
		return t.Month().String()
	}
	t := time.Date(year, time.Month(v.Month), v.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d.shiftDays())
	if m := numericDateRE.FindStringSubmatch(strings.TrimSpace(f.Text)); m != nil {
		return numericDate(m, t)
	}
	return writtenDate(f.Text, t, v.Year)
}

// dayFirstRE matches a written date that puts the day first: "6 February
// 2024", "3rd March", "the 3rd of March".
var dayFirstRE = regexp.MustCompile(`(?i)^(the\s+)?\d{1,2}(st|nd|rd|th)?(\s+of)?\s`)

// writtenDate writes t in the order and style of the original written date
// orig ("the 3rd of March" -> "the 1st of April", "6 February 2024" -> "26
// May 2024", "March 3, 2021" -> "April 1, 2021"), with year kept when
// given (0: none).
func writtenDate(orig string, t time.Time, year int) string {
	m := dayFirstRE.FindStringSubmatch(strings.TrimSpace(orig))
	if m == nil {
		if year == 0 {
			return fmt.Sprintf("%s %d", t.Month(), t.Day())
		}
		return fmt.Sprintf("%s %d, %d", t.Month(), t.Day(), year) // only month and day move
	}
	day := strconv.Itoa(t.Day())
	if m[2] != "" {
		day += ordinalSuffix(t.Day())
	}
	out := day + " " + t.Month().String()
	if m[3] != "" {
		out = day + " of " + t.Month().String()
	}
	if m[1] != "" {
		out = m[1] + out
	}
	if year != 0 {
		out += " " + strconv.Itoa(year)
	}
	return out
}

// ordinalSuffix is the English ordinal ending of n: "st", "nd", "rd", "th".
func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// roughDuration generalises the length of a sentence or term served, which
// court reports and case studies give exactly: "14 years" -> "over ten
// years", "6 months" -> "some months". The recognizer reads the length.
func roughDuration(v *deid.DateValue) string {
	if v == nil {
		return "some time"
	}
	switch v.Unit {
	case "year":
		switch n := v.Length; {
		case n >= 10:
			return "over ten years"
		case n >= 5:
			return "several years"
		case n >= 2:
			return "a few years"
		}
		return "about a year"
	case "month":
		return "some months"
	case "week":
		return "some weeks"
	}
	return "some days"
}

// weekdayIn returns the weekday named in text, as written.
func weekdayIn(text string) string {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if name := d.String(); strings.EqualFold(w, name) || len(w) >= 3 && strings.EqualFold(w, name[:3]) {
				return w
			}
		}
	}
	return "day"
}

// relativeDate softens a date relative to the time of writing ("last
// Tuesday" -> "recently", "tomorrow" -> "soon"); an interval between two
// events ("eleven days later") and a bare weekday say nothing of when, and
// are kept.
func relativeDate(text, lower string) string {
	holds := func(s vocab.Set) bool {
		for w := range s.All() {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	switch {
	case holds(vocab.IntervalWords()):
		return text
	case strings.Contains(lower, "ago"):
		return agoPhrase(text, lower)
	case holds(vocab.SoonWords()):
		return "soon"
	case holds(vocab.RecentWords()):
		return "recently"
	}
	return text
}

// afterPreposition rewords a softened relative date that follows a
// preposition of time: "by last Tuesday" -> "by a recent date", not "by
// recently"; "until next week" -> "until a later date".
func (d *document) afterPreposition(off int, r string) string {
	if r != "recently" && r != "soon" {
		return r
	}
	_, w := vocab.WordBefore(d.doc.Text, off)
	if !vocab.TimePrepositions().Has(strings.ToLower(w)) {
		return r
	}
	if r == "soon" {
		return "a later date"
	}
	return "a recent date"
}

// agoPhrase softens "N units ago" to what Safe Harbor lets stand: a year
// is no protected element, so "two years ago" stays; "four months ago"
// becomes "some months ago", "three weeks ago" "some weeks ago", and days
// or hours "recently".
func agoPhrase(text, lower string) string {
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		switch unit := strings.TrimSuffix(w, "s"); {
		case vocab.AgoKeptUnits().Has(unit):
			return text
		case vocab.AgoMonthUnits().Has(unit):
			if w == unit {
				return "some weeks ago" // "a month ago"
			}
			return "some months ago"
		case vocab.AgoWeekUnits().Has(unit):
			return "some weeks ago"
		}
	}
	return "recently"
}

// numericDate writes t in the numeric form of the original (m is a match of
// numericDateRE), keeping the original year.
func numericDate(m []string, t time.Time) string {
	pad := func(n int, like string) string {
		if len(like) == 2 && n < 10 {
			return fmt.Sprintf("0%d", n)
		}
		return strconv.Itoa(n)
	}
	if len(m[1]) == 4 { // year first: 2021-03-04
		return m[1] + m[2] + pad(int(t.Month()), m[3]) + m[4] + pad(t.Day(), m[5])
	}
	s := pad(int(t.Month()), m[1]) + m[2] + pad(t.Day(), m[3])
	if m[5] != "" {
		s += m[4] + m[5]
	}
	return s
}
