package deid

import (
	"regexp"
	"strings"
)

// wholePhrases shapes the resolved findings for replacement, where a
// replacement must stand for more than what was recognized: an age takes in
// the words that make its number an age phrase (see widenAge), and a city
// takes in the state written after it ("Springfield, IL"), so that the
// replaced phrase is not followed by a stray ", IL". fs is sorted and
// non-overlapping, and so is the result; no finding reaches into another.
// The operators of the planner then read each finding's span as the whole
// of what they replace.
func (e *Engine) wholePhrases(text string, fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	joined := false // fs[i] is joined to the finding before it
	for i, f := range fs {
		if joined || f.Start >= f.End {
			joined = false
			continue
		}
		if f.Kind == Age {
			lo, hi := 0, len(text)
			if i > 0 {
				lo = fs[i-1].End
			}
			if i+1 < len(fs) {
				hi = fs[i+1].Start
			}
			f = widenAge(text, f, lo, hi)
		}
		if f.Kind == Place && i+1 < len(fs) {
			if g := fs[i+1]; g.Kind == Place && e.isState(g.Text) && strings.TrimSpace(text[f.End:g.Start]) == "," && !e.isState(f.Text) {
				f.End, f.Text = g.End, text[f.Start:g.End]
				joined = true // skipped above
			}
		}
		out = append(out, f)
	}
	return out
}

// isState reports whether a place name is a state (or province).
func (e *Engine) isState(name string) bool {
	info, ok := e.gaz.Place(name)
	return ok && info.Level == State
}

// ageSuffixRE matches what follows an age's number when the age is used as
// an adjective or abbreviated: "-year-old", " years old", " yo", " y/o",
// " y.o.".
var ageSuffixRE = regexp.MustCompile(`^(?i:-?\s?years?[- ]old|-yr-old|\s?y/?o\b|\s?y\.\s?o\b\.?|\s?yrs?\.?\s?old|\s?years?[- ]young)`)

// ordinalRE matches the ordinal ending right after an age's number: "her
// 43rd birthday".
var ordinalRE = regexp.MustCompile(`^(?i:st|nd|rd|th)\b`)

// ageOfRE matches "at the age of " just before an age's number.
var ageOfRE = regexp.MustCompile(`(?i)\b(?:at\s+)?the\s+age\s+of\s+$`)

// inPronounRE matches "in her " just before an age band.
var inPronounRE = regexp.MustCompile(`(?i)\bin\s+(?:her|his|their|my|your|our|its)\s+$`)

// widenAge takes into an age finding that spans only the number the words
// that make it an age phrase, so that the phrase is replaced whole: the
// "-year-old" after it and the article before it ("a 34-year-old" -> "a
// mid-30s"). It stays within [lo, hi), clear of its neighbours.
func widenAge(text string, f Finding, lo, hi int) Finding {
	if m := ordinalRE.FindStringIndex(text[f.End:min(hi, f.End+3)]); m != nil && f.End+m[1] <= hi {
		// "her 43rd birthday": the ending goes with the number.
		f.End += m[1]
		f.Text = text[f.Start:f.End]
		f.Type = TypeOrdinal
		return f
	}
	if f.Type == TypeAgeRange && f.Age > 89 {
		// "in her 90s" says more than Safe Harbor's single "90 or older"
		// category: the pronoun phrase goes too, for "over 89".
		if m := inPronounRE.FindStringIndex(text[max(lo, f.Start-12):f.Start]); m != nil {
			f.Start -= f.Start - max(lo, f.Start-12) - m[0]
			f.Text = text[f.Start:f.End]
		}
		return f
	}
	if m := ageOfRE.FindStringIndex(text[max(lo, f.Start-20):f.Start]); m != nil && f.Type != TypeApposition {
		// "at the age of 51" -> "in her early 50s".
		f.Start -= f.Start - max(lo, f.Start-20) - m[0]
		f.Text = text[f.Start:f.End]
		return f
	}
	m := ageSuffixRE.FindStringIndex(text[f.End:min(hi, f.End+16)])
	if m == nil || strings.Contains(strings.ToLower(f.Text), "old") {
		return f
	}
	f.End += m[1]
	lower := strings.ToLower(text[max(lo, f.Start-3):f.Start])
	switch {
	case strings.HasSuffix(lower, "an ") && f.Start-3 >= lo:
		f.Start -= 3
	case strings.HasSuffix(lower, "a ") && f.Start-2 >= lo && (f.Start-2 == 0 || !isLetterByte(text[f.Start-3])):
		f.Start -= 2
	}
	f.Text = text[f.Start:f.End]
	return f
}
