package dict

import "strings"

// dischargeBefore reports whether the words before word k (a "to") are an
// abbreviation of sending a patient on: "D/C TO", "dc to", "xfer to"
// (vocab.DischargeVerbs). "D/C" is two one-letter words joined by a slash.
func (a *analysis) dischargeBefore(k int) bool {
	if k < 1 || !a.adjacent(k) {
		return false
	}
	p := &a.toks[k-1]
	if a.in(p, vDischargeVerbs) {
		return true
	}
	return p.Lower == "c" && k >= 2 && strings.TrimSpace(p.Gap) == "/" && a.toks[k-2].Lower == "d"
}

// facilityBefore reports whether a kind of care facility comes right
// before word k (an "at"): "REHAB AT", "snf at" (vocab.FacilityNouns).
func (a *analysis) facilityBefore(k int) bool {
	return k >= 1 && a.adjacent(k) && a.in(&a.toks[k-1], vFacilityNouns)
}

// bigCityWord reports whether a gazetteer city of pop people whose name is
// also a word of SCOWL level level is the city after "in" or "from" in
// a note in capitals: a city of 100,000 people or more named by a word that
// is not an everyday one ("FROM PROVIDENCE", "IN WARREN"), or of a million
// and more named by any but the most common words ("FROM PHOENIX"). "IN
// READING", "IN ORANGE" stay words.
func bigCityWord(level, pop int) bool {
	return pop >= 1_000_000 && level > 10 || pop >= 100_000 && level > 20
}
