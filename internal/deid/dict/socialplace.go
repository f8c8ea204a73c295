package dict

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/veil-blog/veil/internal/deid/vocab"
	"github.com/veil-blog/veil/internal/lexicon"
)

// Places as comments and tweets write them: in lower case ("hello from abq
// new mexico", "we live in east portland", "at bryneven primary school"),
// and as the two capitals of a postal code ("weak US data", "Overbrook Ave
// (NY)").

// lowerVenue finds a venue named in lower case after "in", "at", "from",
// "near" or "go to" in a text that is no clinical note: one or two words
// before a venue word, the first no common word and no word of the kind
// ("orchard academy", "bryneven primary school"), and a town after it in
// capitals ("lantern hotel Penrhoslyn").
func (a *analysis) lowerVenue(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 3 || a.in(t, vVenueCues) || a.in(t, vGenericVenue) || a.stop(t) || a.isClinical() {
		return span{}, false
	}
	if a.placeContext(i) == 0 && !(i > 0 && a.toks[i-1].Lower == "to" && !strings.ContainsAny(t.Gap, "\n.!?;:")) {
		return span{}, false
	}
	f := a.f(i)
	if f.date || f.common(20) || f.title || f.kin || f.abbrev != 0 && f.wl != 0 {
		return span{}, false
	}
	for j := i + 1; j < n && j <= i+2; j++ {
		w := &a.toks[j]
		if !a.adjacent(j) || a.toks[j-1].Poss || w.Shape != shapeLower {
			return span{}, false
		}
		if a.in(w, vVenueCues) {
			end := j + 1
			// "lantern hotel Penrhoslyn": the town after it.
			if end < n && a.adjacent(end) && !w.Poss && a.toks[end].Shape == shapeTitle && !a.toks[end].SentStart {
				if g := a.f(end); !g.common(50) && !g.date {
					end++
				}
			}
			return span{i: i, j: end, conf: 0.6, typ: "place"}, true
		}
		if a.stop(w) || a.f(j).date || w.Poss {
			return span{}, false
		}
	}
	return span{}, false
}

// lowerPhrasePlace finds a place of two or three words written in lower
// case in a text that is no clinical note: a country or a US state
// ("new mexico", "south africa"), or a compass word before a GeoNames place
// of 10,000 people or more ("east portland", "north london"). It returns
// the span, or false.
func (a *analysis) lowerPhrasePlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 3 || i+1 >= n || a.stop(t) || a.isClinical() {
		return span{}, false
	}
	// A phrase is taken as a country or a state only after a word that
	// opens the name of one (lookupPlace's own gate, narrowed to those
	// names: countryStatePrefix), and as a place only after a compass word:
	// both asked of the word, once per word id, before its neighbours.
	prefix, compass := a.countryStatePrefix(t), a.in(t, vCompass)
	if !prefix && !compass || !a.phraseAhead(i) {
		return span{}, false
	}
	for j := i + 2; j <= n && j <= i+3; j++ {
		if !a.adjacent(j-1) || a.toks[j-2].Poss || a.toks[j-1].Shape != shapeLower {
			break
		}
		// The last word of a place's name is a proper noun SCOWL lists
		// ("mexico", "africa", "portland"): a cheap gate before the
		// phrase look-up.
		if a.ff(j-1)&ffProper == 0 {
			continue
		}
		if prefix {
			if typ, _ := a.gazetteer(a.phrase(i, j), i, j); typ == "country" || typ == "state" {
				return span{i: i, j: j, conf: 0.3, typ: typ}, true
			}
		}
		if compass && j == i+2 && a.toks[i+1].Letters >= 4 {
			f := a.f(i + 1)
			typ, pop := a.gazetteer(a.toks[i+1].Lower, i+1, j)
			if typ != "" && pop >= 10000 && !f.common(35) && !(f.births >= 1000 && f.births > int(f.surname)) {
				return span{i: i, j: j, conf: 0.6, typ: typ}, true
			}
		}
	}
	return span{}, false
}

// phraseAhead is what lowerPhrasePlace's loop asks of the words after word
// i before anything of word i itself: a word in lower case adjacent to it
// that SCOWL lists as a proper noun, or two, the second such a word.
func (a *analysis) phraseAhead(i int) bool {
	n := len(a.toks)
	for j := i + 1; j < n && j <= i+2; j++ {
		if !a.adjacent(j) || a.toks[j-1].Poss || a.toks[j].Shape != shapeLower {
			return false
		}
		if a.ff(j)&ffProper != 0 {
			return true
		}
	}
	return false
}

// codePlace finds a country or a US state written as its two capitals in
// running text that is not in capitals and no clinical note: "US" or "UK"
// inside a sentence ("weak US data"; the pronoun is written in lower case),
// and a state code in parentheses ("Overbrook Ave (NY)").
func (a *analysis) codePlace(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeUpper || t.Letters != 2 || t.Caps || t.Dot || t.Poss || a.isClinical() {
		return span{}, false
	}
	// "US" is the usual abbreviation of a country whose list name is
	// "USA"; in capitals inside a sentence it is not the pronoun.
	if !t.SentStart && (a.isCountry(t) || t.Text == "US") {
		return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
	}
	if strings.HasSuffix(t.Gap, "(") && i+1 <= len(a.toks) && strings.HasPrefix(a.text[t.End:], ")") {
		if _, ok := a.lex.USState(t.Text); ok {
			return span{i: i, j: i + 1, conf: 0.3, typ: "state"}, true
		}
	}
	return span{}, false
}

// lowerCountry finds a country written in lower case in an informal text
// that is no clinical note, when the country's name is no common word
// ("see you soon ~ japan", not "china" or "turkey").
func (a *analysis) lowerCountry(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 4 || t.Handle || a.isClinical() || !a.informal() {
		return span{}, false
	}
	f := a.f(i)
	if f.wl != 0 && f.wl <= 35 || f.date || f.births >= 1000 || !a.isCountry(t) {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
}

// highway finds an Interstate written "I-95" or "I- 73": the capital I, a
// hyphen, and a number of one to three digits.
func (a *analysis) highway(i int) (span, bool) {
	t := &a.toks[i]
	if t.Text != "I" || i+1 >= len(a.toks) {
		return span{}, false
	}
	nx := &a.toks[i+1]
	if g := nx.Gap; g != "-" && g != "- " || nx.End-nx.Start > 3 {
		return span{}, false
	}
	for _, c := range nx.Text {
		if c < '0' || c > '9' {
			return span{}, false
		}
	}
	return span{i: i, j: i + 2, conf: 0.6, typ: "street"}, true
}

// lowerStreet finds a street whose type comments write in lower case after
// a capitalised name that is no common word: "the Malleshpet road", "on
// Brantwick ave". An abbreviated type needs a word such as "on" before.
func (a *analysis) lowerStreet(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || t.Letters < 4 || i+1 >= n || !a.adjacent(i+1) || a.isClinical() {
		return span{}, false
	}
	s := &a.toks[i+1]
	if s.Shape != shapeLower {
		return span{}, false
	}
	strong := a.in(s, vStrongStreetTypes)
	if !strong && !a.in(s, vWeakStreetTypes) {
		return span{}, false
	}
	if !strong && !(i > 0 && a.in(&a.toks[i-1], vStreetPreps) && !strings.ContainsAny(t.Gap, "\n.;:!?")) {
		return span{}, false
	}
	if f := a.f(i); f.common(50) || f.date || f.title || f.abbrev != 0 {
		return span{}, false
	}
	if i > 0 && a.in(&a.toks[i-1], vNameParticles) && a.toks[i-1].Shape == shapeLower && a.adjacent(i) {
		return span{}, false // "avenue de Provence street": part of a longer name
	}
	return span{i: i, j: i + 2, conf: 0.6, typ: "street"}, true
}

// socialPlaces finds the places of check-in posts and of captions, which
// the gazetteer rules cannot see: the venue after "I'm at" that a check-in
// service writes before "(City, ST)", " - @venue" or a link ("I'm at
// Hotel Lisboa Norte (Lisboa, PT)"); a city and its region code in
// parentheses ("(Lisboa, PT)"); a named site whose last word is a venue or
// landform word before a comma and a known place ("Riverside Clinic,
// Norway", "Eagle Rock, Sedona"); and a venue written as a possessive
// after "at" ("dinner at Marcello's"). Clinical notes are left out.
func (a *analysis) socialPlaces() []span {
	if a.isClinical() {
		return nil
	}
	var out []span
	off := socialRules.absent(a.text)
	for i := 0; i < len(a.toks); i++ {
		m := a.socialMay[i] &^ off // mayStart(&socialRules, i), but the rules the text cannot hold
		if m == 0 || a.tf[i]&tfHandle != 0 {
			continue
		}
		if s, ok := a.firstOf(&socialRules, i, m); ok {
			out = append(out, s.span)
			if s.skip {
				i = s.j - 1
			}
		}
	}
	return out
}

// socialRules are the rules of socialPlaces, in order.
var socialRules = newRuleChain(1, []spanRule{
	{find: (*analysis).checkIn, skip: true, word: "i'm"},
	{find: (*analysis).pinPlace, skip: true, shapes: anyCap, needs: "📍"},
	{find: (*analysis).parenCityCode, skip: true, shapes: onlyTitle, plain: true, needs: "("},
	{find: (*analysis).siteBeforePlace, skip: true, shapes: onlyTitle, plain: true, noPoss: true, notStop: true, idTest: noDateWord},
	{find: (*analysis).possVenue, shapes: onlyTitle, plain: true, poss: true},
	{find: (*analysis).cityAbbrev, shapes: onlyLower | onlyUpper, most: mostRunes(vocab.CityAbbrevs()), idGate: cityAbbrevMay},
	{find: (*analysis).compassRegion, shapes: onlyTitle, plain: true, noPoss: true, listed: true, list: vCompassRegions},
	{find: (*analysis).dottedCountry, skip: true, shapes: onlyTitle, word: "u"},
	{find: (*analysis).wardOrLine, skip: true, shapes: onlyTitle, plain: true, noPoss: true, idTest: wardOrLineWord},
	{find: (*analysis).republicOf, skip: true, shapes: notMixed, noPoss: true, listed: true, list: vStateForms},
	{find: (*analysis).theCountryCode, shapes: onlyLower, letters: 2, most: 3, idGate: theCountryCodeMay},
	{find: (*analysis).acronymVenue, skip: true, shapes: onlyUpper, plain: true, noPoss: true},
})

// checkIn finds the venue of a check-in: "I'm at" opening a sentence, then
// capitalised words (joined by "de", "do", "&" and the like) up to " (",
// " - ", " w/", a link or the end of the line.
func (a *analysis) checkIn(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Lower != "i'm" || !t.SentStart || i+2 >= n || a.toks[i+1].Lower != "at" || !a.adjacent(i+1) {
		return span{}, false
	}
	s := i + 2
	if !a.adjacent(s) && a.toks[s].Gap != " " || !a.toks[s].IsCap() || a.toks[s].Handle {
		return span{}, false
	}
	last := s
	for k := s + 1; k < n; k++ {
		g := a.toks[k].Gap
		if a.toks[k].Handle || a.toks[k-1].Poss || a.toks[k].Line != t.Line {
			break
		}
		if !(a.adjacent(k) || strings.TrimSpace(g) == "&") {
			break
		}
		if a.toks[k].IsCap() || a.toks[k].Shape == shapeNone {
			last = k
			continue
		}
		// "I'm at Café Lume in Porto, Portugal": the town follows.
		if a.toks[k].Lower == "in" && k+1 < n && a.adjacent(k+1) && a.toks[k+1].IsCap() {
			break
		}
		if !a.in(&a.toks[k], vPlaceJoin) {
			return span{}, false
		}
	}
	// What follows the venue must be the service's: " (", " - ", " w/",
	// " in " and the town, a link, or the end of the line.
	rest := strings.TrimLeft(a.text[a.toks[last].End:], " ")
	if a.toks[last].Poss {
		return span{}, false
	}
	if !(rest == "" || rest[0] == '\n' || rest[0] == '(' || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "w/") ||
		strings.HasPrefix(rest, "in ") || strings.HasPrefix(rest, "http")) {
		return span{}, false
	}
	return span{i: s, j: last + 1, conf: 0.75, typ: "place"}, true
}

// parenCityCode finds "(City, XX)": one or two capitalised words that are
// no common word, a comma and a region code of two capitals, in
// parentheses.
func (a *analysis) parenCityCode(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !strings.HasSuffix(t.Gap, "(") || t.Shape != shapeTitle || t.Caps {
		return span{}, false
	}
	for j := i + 1; j < n && j <= i+2; j++ {
		c := &a.toks[j]
		if a.afterComma(j) && c.Shape == shapeUpper && c.Letters == 2 && len(c.Text) == 2 && !a.in(c, vCredentials) && strings.HasPrefix(a.text[c.End:], ")") {
			for k := i; k < j; k++ {
				if f := a.f(k); f.common(50) || f.date {
					return span{}, false
				}
			}
			return span{i: i, j: j + 1, conf: 0.75, typ: "town"}, true
		}
		if !a.adjacent(j) || c.Shape != shapeTitle {
			break
		}
	}
	return span{}, false
}

// siteBeforePlace finds a named site of two to four capitalised words whose
// last word is a venue or a landform ("Riverside Clinic", "Eagle Rock"),
// followed by a comma and a place the gazetteer knows.
func (a *analysis) siteBeforePlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || (i > 0 && a.adjacent(i) && a.toks[i-1].IsCap()) {
		return span{}, false
	}
	if f := a.f(i); f.date || a.stop(t) {
		return span{}, false
	}
	for j := i + 1; j < n && j <= i+3; j++ {
		c := &a.toks[j]
		if !a.adjacent(j) || c.Shape != shapeTitle || a.toks[j-1].Poss {
			return span{}, false
		}
		if !(a.in(c, vVenueCues) || a.in(c, vSiteWords)) || c.Poss {
			continue
		}
		if j+1 >= n || !a.afterComma(j+1) || !a.toks[j+1].IsCap() {
			return span{}, false
		}
		nx := a.toks[j+1].Lower
		if typ, pop := a.gazetteer(nx, j+1, j+2); typ == "country" || typ == "state" || pop >= 10000 {
			return span{i: i, j: j + 1, conf: 0.6, typ: "small-place"}, true
		}
		return span{}, false
	}
	return span{}, false
}

// possVenue finds a shop or a restaurant named by its owner after "at":
// "dinner at Marcello's", a capitalised possessive that is no common word
// and no first name.
func (a *analysis) possVenue(i int) (span, bool) {
	t := &a.toks[i]
	if !t.Poss || t.Shape != shapeTitle || t.Caps || t.Letters < 3 || t.SentStart || i == 0 || !a.adjacent(i) || a.toks[i-1].Lower != "at" {
		return span{}, false
	}
	if f := a.f(i); f.common(50) || f.date || f.kin || f.title || f.births >= 1000 {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.6, typ: "place", poss: true}, true
}

// placeAcronyms adds the acronym written in parentheses right after a place
// of two words or more when its letters are the initials of the place's
// capitalised words ("Universidade Estadual do Jequitinhonha (UFT)"), and the
// region code after a town (regionCode).
func (a *analysis) placeAcronyms(places []span) []span {
	var add []span
	for _, s := range places {
		if r, ok := a.regionCode(s); ok {
			add = append(add, r)
			continue
		}
		if s.j-s.i < 2 || s.j >= len(a.toks) {
			continue
		}
		c := &a.toks[s.j]
		if c.Shape != shapeUpper || c.Caps || strings.TrimSpace(c.Gap) != "(" || !strings.HasPrefix(a.text[c.End:], ")") {
			continue
		}
		var ini strings.Builder
		for k := s.i; k < s.j; k++ {
			if a.toks[k].IsCap() {
				ini.WriteString(a.toks[k].Text[:1])
			}
		}
		if ini.Len() >= 2 && ini.String() == c.Text {
			add = append(add, span{i: s.j, j: s.j + 1, conf: s.conf, typ: s.typ})
		}
	}
	if len(add) == 0 {
		return places
	}
	return mergeSpans(append(places, add...))
}

// regionCode finds the code of a state or a province written after a town
// and a comma at the end of a phrase: "Bundaberg, QLD", "Gurupi, TO". The
// code is two or three capitals, in a text not written in capitals, and
// nothing but punctuation, a link or the end of the line follows it.
func (a *analysis) regionCode(s span) (span, bool) {
	j := s.j
	if j >= len(a.toks) || s.typ == "state" || s.typ == "country" || !a.afterComma(j) || a.toks[j-1].Poss || a.isClinical() {
		return span{}, false
	}
	c := &a.toks[j]
	if c.Shape != shapeUpper || c.Caps || c.Letters < 2 || c.Letters > 3 || len(c.Text) != c.Letters || c.Poss || a.in(c, vCredentials) {
		return span{}, false
	}
	if j+1 < len(a.toks) && a.toks[j+1].Line == c.Line && !strings.ContainsAny(a.toks[j+1].Gap, ".!?;:)(/") {
		return span{}, false
	}
	return span{i: j, j: j + 1, conf: 0.3, typ: "state"}, true
}

// cityAbbrev finds a city abbreviation in capitals inside a text that is
// not written in capitals ("moving to NYC", "the appeal SF has"), or in
// lower case after a preposition of place ("back in nyc").
func (a *analysis) cityAbbrev(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape == shapeLower && !t.Poss && a.cityAbbrevLower(t) && a.informal() {
		// "flights to la", "back in nyc": in lower case only after a
		// preposition of place or motion, before no other word of a name.
		p := ""
		if i > 0 && a.adjacent(i) {
			p = a.toks[i-1].Lower
		}
		ctx := a.placeContext(i) == 2 || p == "to" && i >= 2 && (a.toks[i-2].Lower == "flights" || a.toks[i-2].Lower == "flight")
		// "la" is also the Romance article ("a la playa"): an English word
		// or nothing must follow it.
		if ctx && (t.Lower != "la" || i+1 >= len(a.toks) || !a.adjacent(i+1) || a.toks[i+1].Shape == shapeLower && a.f(i+1).common(50)) {
			return span{i: i, j: i + 1, conf: 0.6, typ: "city"}, true
		}
		return span{}, false
	}
	if t.Shape != shapeUpper || t.Caps || t.Poss && t.Letters < 3 || !vocab.CityAbbrevs().Has(t.Text) {
		return span{}, false
	}
	// "LA Galaxy", "NYC FC": part of a longer capitalised name.
	if i+1 < len(a.toks) && a.adjacent(i+1) && a.toks[i+1].IsCap() {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.6, typ: "city"}, true
}

// mostRunes is the most runes a word of set has. A word with more letters
// is in the set in no case: each letter is a rune, and changing case maps
// rune to rune.
func mostRunes(set vocab.Set) int {
	m := 0
	for w := range set.All() {
		m = max(m, utf8.RuneCountInString(w))
	}
	return m
}

// compassRegion finds a capitalised compass word after "the" and a
// preposition of place or motion, not followed by another capitalised word
// ("to the Southwest", not "the North Sea").
func (a *analysis) compassRegion(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || !a.in(t, vCompassRegions) || i < 2 || !a.adjacent(i) || !a.adjacent(i-1) {
		return span{}, false
	}
	if a.toks[i-1].Lower != "the" {
		return span{}, false
	}
	switch a.toks[i-2].Lower {
	case "to", "in", "from", "across", "toward", "towards", "through", "throughout":
	default:
		return span{}, false
	}
	if i+1 < len(a.toks) && a.adjacent(i+1) && a.toks[i+1].IsCap() {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.3, typ: "place"}, true
}

// wardOrLine finds a city ward by its number ("in Ward 8") and a metro or
// bus line by its colour ("on the Teal Line") in a text that is no
// clinical note (there a ward is a hospital's).
func (a *analysis) wardOrLine(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeTitle || t.Caps || t.Poss || i+1 >= n || !a.adjacent(i+1) || a.isClinical() {
		return span{}, false
	}
	nx := &a.toks[i+1]
	if t.Lower == "ward" {
		if len(nx.Text) > 2 || strings.Trim(nx.Text, "0123456789") != "" || nx.Poss {
			return span{}, false
		}
		if i+2 < n && a.adjacent(i+2) && unitWord(a.toks[i+2].Lower) {
			return span{}, false
		}
		return span{i: i, j: i + 2, conf: 0.6, typ: "place"}, true
	}
	if a.in(t, vLineColours) && nx.Text == "Line" && i > 0 && a.adjacent(i) && a.toks[i-1].Lower == "the" {
		return span{i: i, j: i + 2, conf: 0.6, typ: "place"}, true
	}
	return span{}, false
}

// dottedCountry finds "U.S.", "U.K." and "U.S.A." written with full stops,
// also as a tokenised text spaces them ("the U. S").
func (a *analysis) dottedCountry(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Text != "U" || !t.Dot || i+1 >= n {
		return span{}, false
	}
	nx := &a.toks[i+1]
	if (nx.Text != "S" && nx.Text != "K") || nx.Gap != "." && nx.Gap != ". " {
		return span{}, false
	}
	j := i + 2
	if nx.Text == "S" && nx.Dot && j < n && a.toks[j].Text == "A" && (a.toks[j].Gap == "." || a.toks[j].Gap == ". ") {
		j++
	}
	// "U. S. Grant": initials before a capitalised surname.
	if j < n && a.toks[j].IsCap() && !a.toks[j].SentStart && a.toks[j].Line == t.Line && strings.TrimSpace(a.toks[j].Gap) != "," {
		return span{}, false
	}
	return span{i: i, j: j, conf: 0.3, typ: "country"}, true
}

// pinPlace finds the place after a location pin, as posts shared from
// photo apps write it: "📍 Ullapool", "📍Kirkwall, Orkney". The capitalised
// words after the pin (joined by "de", "of" and the like) are the place.
func (a *analysis) pinPlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !strings.HasSuffix(strings.TrimRight(t.Gap, " "), "📍") || !t.IsCap() {
		return span{}, false
	}
	last := i
	for k := i + 1; k < n && k <= i+4; k++ {
		if !a.adjacent(k) || a.toks[k].Handle || a.toks[k-1].Poss {
			break
		}
		if a.toks[k].IsCap() {
			last = k
			continue
		}
		if !a.in(&a.toks[k], vPlaceJoin) {
			break
		}
	}
	return span{i: i, j: last + 1, conf: 0.6, typ: "place"}, true
}

// spanRule is one rule of a chain tried at each word: find reports a span
// starting there; skip says the scan moves past the span's words. The
// other fields restate the first test of find on the word itself, so that
// firstRule passes over a word the rule cannot start at without calling
// it: shapes, when not zero, holds the shapes (1<<shape) a starting word
// may have; plain says it is in no line written in capitals; word, when
// not empty, is the one word (its Lower) the rule starts at; poss and
// noPoss say the word must or must not be followed by 's.
type spanRule struct {
	find   func(*analysis, int) (span, bool)
	skip   bool
	shapes shapeSet
	plain  bool
	word   string
	poss   bool
	noPoss bool
	// letters, when not zero, is the fewest letters the word may have;
	// noHandle says it may not follow "@" or "#"; notStop that it is no
	// stop word.
	letters int
	// most, when not zero, is the most letters the word may have.
	most     int
	noHandle bool
	notStop  bool
	// listed says the word must be in list.
	listed bool
	list   vocabSet
	// idGate, when not nil, is more of the rule's first tests of the word
	// itself, asked once per word id and wordKey (mayStartOnce) where the
	// rule's other pre-tests admit the word: what it reads of the word must
	// be fixed by them (its Lower, and its Text when asLower says the word
	// is in lower case and written as its Lower).
	idGate func(a *analysis, t *token, asLower bool) bool
	// idTest, when not nil, is more of the rule's first tests that read
	// only the word's Lower and features (fixed by its id) and its shape,
	// asked with word, notStop and listed (admitsID).
	idTest func(a *analysis, t *token) bool
	// needs, when not empty, is a string the rule reads in a word's gap:
	// in a text without it the rule finds nothing (ruleChain.absent).
	needs string
}

// noDateWord is siteBeforePlace's test of the word's features: no date
// word.
func noDateWord(a *analysis, t *token) bool { return t.Shape == shapeNone || !a.feats[t.ID].date }

// wardOrLineWord is wardOrLine's test of the word: "ward", or a line's
// colour.
func wardOrLineWord(a *analysis, t *token) bool { return t.Lower == "ward" || a.in(t, vLineColours) }

// absent returns the rules of c that need a string text does not hold
// (spanRule.needs): they find nothing in it.
func (c *ruleChain) absent(text string) ruleSet {
	var off ruleSet
	for k := range c.rules {
		if r := &c.rules[k]; r.needs != "" && !strings.Contains(text, r.needs) {
			off |= 1 << k
		}
	}
	return off
}

// shapeSet is a set of word shapes, one bit (1<<shape) each.
type shapeSet uint8

const (
	onlyLower = shapeSet(1 << shapeLower)
	onlyTitle = shapeSet(1 << shapeTitle)
	onlyUpper = shapeSet(1 << shapeUpper)
	anyCap    = onlyTitle | onlyUpper
	notMixed  = ^shapeSet(1 << shapeMixed)
)

// admits reports whether a rule may start at word t: whether t passes the
// rule's stated pre-test.
func (r *spanRule) admits(t *token) bool {
	return (r.shapes == 0 || r.shapes&(1<<t.Shape) != 0) && !(r.plain && t.Caps) &&
		(r.word == "" || r.word == t.Lower) && !(r.poss && !t.Poss) && !(r.noPoss && t.Poss) &&
		t.Letters >= r.letters && !(r.most > 0 && t.Letters > r.most) && !(r.noHandle && t.Handle)
}

// admitsID is the part of the pre-test of r that reads only the word
// itself (its Lower, by id): word, notStop, listed and idTest.
func (r *spanRule) admitsID(a *analysis, t *token) bool {
	return (r.word == "" || r.word == t.Lower) && !(r.notStop && a.stop(t)) && !(r.listed && !a.in(t, r.list)) &&
		(r.idTest == nil || r.idTest(a, t))
}

// matched is a span found by a spanRule, with the rule's skip.
type matched struct {
	span
	skip bool
}

// ruleChain is a list of spanRules, tried in order, with the rules that
// admit a word of each shape, in a line in capitals or not, before a
// possessive or not, whatever the word (may, a set of rules by index), the
// rules that admit a word of each letter count, as a handle or not
// (letters), and the rules whose pre-tests read the word itself (byID, by
// its id; gated, by its idGate). firstRule tries only the rules that admit
// a word; what admits it is worked out once per distinct word and way of
// writing it (mayStart). Tried rule by rule at every word, the pre-tests were a
// tenth of the places' time.
type ruleChain struct {
	id      int // index of the chain in analysis.chainMasks
	rules   []spanRule
	may     [8][2][2]ruleSet           // [shape][Caps][Poss]
	letters [2][maxLetters + 1]ruleSet // [Handle][min(Letters, maxLetters)]
	byID    ruleSet
	gated   ruleSet
}

// ruleSet is a set of the rules of a chain, by index.
type ruleSet uint16

// numChains is the number of ruleChains (shapeRules, socialRules).
const numChains = 2

// maxLetters bounds the letter counts a spanRule may test (letters, most):
// ruleChain.letters counts letters up to it.
const maxLetters = 63

func newRuleChain(id int, rules []spanRule) ruleChain {
	if len(rules) > 16 {
		panic("dict: a rule chain of more than 16 rules")
	}
	c := ruleChain{id: id, rules: rules}
	for k := range rules {
		r := &rules[k]
		if r.letters >= maxLetters || r.most >= maxLetters {
			panic("dict: a rule tests more letters than ruleChain.letters counts")
		}
		if r.word != "" || r.notStop || r.listed || r.idTest != nil {
			c.byID |= 1 << k
		}
		if r.idGate != nil {
			if r.most == 0 || r.most > asLowerMost {
				panic("dict: a rule with an idGate admits words longer than wordKey's keyAsLower covers")
			}
			c.gated |= 1 << k
		}
		for h := range 2 {
			for n := range maxLetters + 1 {
				if !(n < r.letters || r.most > 0 && n > r.most || r.noHandle && h == 1) {
					c.letters[h][n] |= 1 << k
				}
			}
		}
	}
	for sh := range c.may {
		for caps := range 2 {
			for poss := range 2 {
				t := token{Shape: shape(sh), Caps: caps == 1, Poss: poss == 1}
				for k := range rules {
					r := rules[k]
					r.word, r.letters, r.most, r.noHandle = "", 0, 0, false // tested of the word itself
					if r.admits(&t) {
						c.may[sh][caps][poss] |= 1 << k
					}
				}
			}
		}
	}
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cityAbbrevMay is cityAbbrev's first test of a word in lower case written
// as its Lower (asLower): a city's abbreviation in capitals, and no
// possessive. At such a word that fails it, cityAbbrev finds nothing (its
// second branch needs capitals).
func cityAbbrevMay(a *analysis, t *token, asLower bool) bool {
	return !asLower || !t.Poss && a.cityAbbrevLower(t)
}

// theCountryCodeMay is theCountryCode's tests of the word itself, for a
// word in lower case written as its Lower (asLower): all letters, and a
// country's name or "us".
func theCountryCodeMay(a *analysis, t *token, asLower bool) bool {
	return !asLower || len(t.Text) == t.Letters && (a.isCountry(t) || t.Lower == "us")
}

// wordKey packs what the pre-tests of a rule read of a word beyond its
// Lower: shape, capitals line, possessive, handle, letters (up to
// maxLetters; every rule's bounds are below), and for a word in lower case
// whether it is written as its Lower (keyAsLower). Its top bit is set, so
// that no key is zero.
func wordKey(t *token) uint16 {
	k := uint16(t.Shape&7) | uint16(min(t.Letters, maxLetters))<<6 | 1<<15
	if t.Shape == shapeLower && t.Letters <= asLowerMost && t.Text == t.Lower {
		k |= keyAsLower
	}
	if t.Caps {
		k |= 1 << 3
	}
	if t.Poss {
		k |= 1 << 4
	}
	if t.Handle {
		k |= 1 << 5
	}
	return k
}

// keyAsLower is the bit of wordKey that says a word in lower case is
// written as its Lower: its Text is then fixed by its id. wordKey sets it
// only for a word of asLowerMost letters or fewer: only rules that admit
// no longer word have an idGate (newRuleChain checks), and the comparison
// of Text with Lower at every word would cost more than it saves.
const (
	keyAsLower  = 1 << 12
	asLowerMost = 4
)

// mayStart returns the rules of c whose pre-tests admit word i. The answers
// for a word id are kept with the wordKey they were worked out for, the
// last two (analysis.chainMasks): a word that recurs written one of those
// ways is answered from there. (With one, a third of the calls worked the
// answer out again: "The" and "the" share an id.)
func (a *analysis) mayStart(c *ruleChain, i int) ruleSet {
	t := &a.toks[i]
	key := wordKey(t)
	if ms := a.chainMasks[c.id]; ms != nil {
		k := 2 * int(t.ID)
		if e := ms[k]; uint16(e>>16) == key {
			return ruleSet(e)
		}
		if e := ms[k+1]; uint16(e>>16) == key {
			return ruleSet(e)
		}
	}
	return a.mayStartOnce(c, t, key)
}

// mayStartOnce works out mayStart of word t, whose wordKey is key, and
// keeps it: the rules its shape, capitals line and possessive admit (may),
// and its letters and handle (letters); of those, the ones whose tests of
// the word itself admit it (admitsID); and of those, the ones whose idGate
// admits it.
func (a *analysis) mayStartOnce(c *ruleChain, t *token, key uint16) ruleSet {
	m := c.may[t.Shape&7][b2i(t.Caps)][b2i(t.Poss)] & c.letters[b2i(t.Handle)][min(t.Letters, maxLetters)]
	for r := m & c.byID; r != 0; r &= r - 1 {
		k := bits.TrailingZeros16(uint16(r))
		if !c.rules[k].admitsID(a, t) {
			m &^= 1 << k
		}
	}
	for g := m & c.gated; g != 0; g &= g - 1 {
		k := bits.TrailingZeros16(uint16(g))
		if !c.rules[k].idGate(a, t, key&keyAsLower != 0) {
			m &^= 1 << k
		}
	}
	ms := &a.chainMasks[c.id]
	if *ms == nil {
		*ms = make([]uint32, 2*len(a.lists))
	}
	k := 2 * int(t.ID)
	(*ms)[k+1] = (*ms)[k]
	(*ms)[k] = uint32(key)<<16 | uint32(m)
	return m
}

// firstRule tries the rules of c in order at word i and returns the first
// match.
func (a *analysis) firstRule(c *ruleChain, i int) (matched, bool) {
	m := a.mayStart(c, i)
	if m == 0 {
		return matched{}, false
	}
	return a.firstOf(c, i, m)
}

// firstOf tries the rules m of c in order at word i and returns the first
// match.
func (a *analysis) firstOf(c *ruleChain, i int, m ruleSet) (matched, bool) {
	for ; m != 0; m &= m - 1 {
		r := &c.rules[bits.TrailingZeros16(uint16(m))]
		if s, ok := r.find(a, i); ok {
			return matched{s, r.skip}, true
		}
	}
	return matched{}, false
}

// lowerFamousCity finds a famous city written in lower case anywhere in a
// comment ("a hollywood ending", "miss you loads, manchester"): no English
// word, no first name and no abbreviation, a GeoNames place of 100,000
// people or more, and a name frequent enough in an encyclopaedia (among
// its 20,000 most frequent words) to be the place's. lowerCity needs a
// place word before; a city this well known needs none.
func (a *analysis) lowerFamousCity(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 5 || t.Handle || !a.informal() || a.isClinical() || a.clinicalHits != 0 {
		return span{}, false
	}
	f := a.f(i)
	if f.wl != 0 || f.rank == 0 || f.rank > 20000 || f.abbrev != 0 || f.births >= 1000 || f.date || f.title || f.kin || a.chat(t) || a.stretchedWord(t) {
		return span{}, false
	}
	return a.bigPlace(i)
}

// republicOf finds a country under its formal name at word i in a
// comment, in any case: a state form, "of", "the" perhaps, and one to three
// words that name a country ("republic of ireland", "Rep. of Korea"). The
// country alone is found elsewhere; comments' annotators take the form as
// part of the name, where court judgments keep only the country.
func (a *analysis) republicOf(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if !a.in(t, vStateForms) || !a.informal() || t.Poss || t.Shape == shapeMixed || i+2 >= n || a.toks[i+1].Lower != "of" || !a.adjacent(i+1) && !(t.Dot && strings.TrimSpace(a.toks[i+1].Gap) == ".") {
		return span{}, false
	}
	k := i + 2
	if a.toks[k].Lower == "the" && k+1 < n && a.adjacent(k+1) {
		k++
	}
	if !a.adjacent(k) {
		return span{}, false
	}
	for j := min(n, k+3); j > k; j-- {
		if typ, _ := a.gazetteer(a.phrase(k, j), k, j); typ == "country" {
			return span{i: i, j: j, conf: 0.3, typ: "country"}, true
		}
	}
	return span{}, false
}

// theCountryCode finds a country's code written in lower case after "the"
// in a comment ("greetings from the uk", "back in the usa"): the pronoun
// "us" only after a word that introduces places ("in the us").
func (a *analysis) theCountryCode(i int) (span, bool) {
	t := &a.toks[i]
	if t.Shape != shapeLower || t.Letters < 2 || t.Letters > 3 || len(t.Text) != t.Letters || t.Handle || i == 0 || !a.adjacent(i) || a.toks[i-1].Lower != "the" || !a.informal() {
		return span{}, false
	}
	if !a.isCountry(t) && t.Lower != "us" {
		return span{}, false
	}
	if t.Lower == "us" && !(i >= 2 && a.adjacent(i-1) && a.in(&a.toks[i-2], vPlacePreps)) {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
}

// acronymVenue finds a venue named by letters in capitals before a venue
// word in lower case, after "the", "at" or "in" in a comment ("at the QMC
// restaurant").
func (a *analysis) acronymVenue(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.Shape != shapeUpper || t.Caps || t.Letters < 2 || t.Letters > 5 || len(t.Text) != t.Letters || t.Poss || i == 0 || i+1 >= n || !a.informal() {
		return span{}, false
	}
	switch a.toks[i-1].Lower {
	case "the", "at", "in":
	default:
		return span{}, false
	}
	nx := &a.toks[i+1]
	// A known abbreviation names a kind of place or a public body, not
	// one venue: "the ICU cafe", "the NHS library".
	if f := a.f(i); !a.adjacent(i) || !a.adjacent(i+1) || nx.Shape != shapeLower || !a.in(nx, vVenueNouns) || a.in(t, vCredentials) || a.stop(t) || f.wl != 0 || f.abbrev != 0 || f.proper != 0 || a.clinicalWord(i) {
		return span{}, false
	}
	return span{i: i, j: i + 2, conf: 0.6, typ: "place"}, true
}

// bigPlace returns word i as a place when the gazetteer knows it as a
// country, a US state or a city of 100,000 people or more: the places a
// lower-case word may be taken for without a capital.
func (a *analysis) bigPlace(i int) (span, bool) {
	typ, pop := a.gazetteer(a.toks[i].Lower, i, i+1)
	switch {
	case typ == "country" || typ == "state":
		return span{i: i, j: i + 1, conf: 0.3, typ: typ}, true
	case typ != "" && pop >= 100000:
		return span{i: i, j: i + 1, conf: 0.6, typ: typ}, true
	}
	return span{}, false
}

// countryStatePrefix reports whether some country or US state has a name
// of several words that begins with word t, written with the full stop
// after it when it has one: what lookupPlace's prefix gate (PlacePrefix of
// the phrase's first word) says of the names that can make a phrase a
// country or a state, which are all lowerPhrasePlace takes. The gate of
// every place name asked the lexicon's prefix table, a probe of a large
// table for each distinct word before a lower-case proper noun; this one
// is a small set, made once per lexicon (countryStateFirsts). A word that
// is not plain lower-case ASCII, whose lookup form may differ from its
// Lower, is asked PlacePrefix as before: a wider gate, since every prefix
// of a country's or a state's name is one of PlacePrefix's.
func (a *analysis) countryStatePrefix(t *token) bool {
	if t.Dot {
		if firsts := a.countryStateFirsts(); firsts != nil && asciiNoCaps(t.Lower) {
			var buf [32]byte
			if len(t.Lower) < len(buf) {
				n := copy(buf[:], t.Lower)
				buf[n] = '.'
				return firsts[string(buf[:n+1])]
			}
			return firsts[t.Lower+"."]
		}
		return a.lex.PlacePrefix(t.Lower + ".")
	}
	if m := a.prefixMemo; m != nil {
		if c := m[t.ID]; c != 0 {
			return c > 0
		}
	}
	return a.memo(&a.prefixMemo, t.ID, func() bool {
		if firsts := a.countryStateFirsts(); firsts != nil && asciiNoCaps(t.Lower) {
			return firsts[t.Lower]
		}
		return a.lex.PlacePrefix(t.Lower)
	})
}

// countryStateFirsts is countryStateFirsts of a's lexicon, asked once.
func (a *analysis) countryStateFirsts() map[string]bool {
	if !a.csDone {
		a.csFirsts, a.csDone = countryStateFirsts(a.lex), true
	}
	return a.csFirsts
}

// asciiNoCaps reports whether w is ASCII without capitals: its own lookup
// form (the lexicon's key).
func asciiNoCaps(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

type countryStateKey struct{}

// countryStateFirsts returns the first words of the names of several words
// of countries and US states (lexicon.CountryStateNames), in lookup form,
// or nil when the lexicon cannot list them.
func countryStateFirsts(lex *lexicon.Lexicon) map[string]bool {
	return lexicon.Derived(lex, countryStateKey{}, func(l *lexicon.Lexicon) map[string]bool {
		names, err := l.CountryStateNames()
		if err != nil {
			return nil
		}
		m := map[string]bool{}
		for _, n := range names {
			if i := strings.IndexByte(n, ' '); i > 0 {
				m[n[:i]] = true
			}
		}
		return m
	})
}

// isCountry is a.lex.IsCountry(t.Lower), worked out once per distinct
// word.
func (a *analysis) isCountry(t *token) bool {
	return a.memo(&a.countryMemo, t.ID, func() bool { return a.lex.IsCountry(t.Lower) })
}

// memo returns the answer of f for word id id, kept in *m (by id: 0 not
// yet asked, 1 yes, -1 no) after the first time.
func (a *analysis) memo(m *[]int8, id int32, f func() bool) bool {
	if *m == nil {
		*m = make([]int8, len(a.lists))
	}
	if c := (*m)[id]; c != 0 {
		return c > 0
	}
	v := f()
	(*m)[id] = -1
	if v {
		(*m)[id] = 1
	}
	return v
}

// cityAbbrevLower is hasUpper(vocab.CityAbbrevs(), t.Text) for a word of
// the text, worked out once per distinct word when t.Text is its Lower.
func (a *analysis) cityAbbrevLower(t *token) bool {
	if t.Text != t.Lower {
		return hasUpper(vocab.CityAbbrevs(), t.Text)
	}
	return a.memo(&a.cityLower, t.ID, func() bool { return hasUpper(vocab.CityAbbrevs(), t.Text) })
}

// hasUpper reports whether set holds w written in capitals, as
// set.Has(strings.ToUpper(w)) does, without making the string for a short
// ASCII word.
func hasUpper(set vocab.Set, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return set.Has(strings.ToUpper(w))
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return set.Has(strings.ToUpper(w))
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[k] = c
	}
	return set.Has(string(buf[:len(w)]))
}
