package dict

import "strings"

// Places as comments and tweets write them: in lower case ("hello from abq
// new mexico", "we live in east portland", "at bryneven primary school"),
// and as the two capitals of a postal code ("weak US data", "Undercliff Ave
// (NY)").

// venueCues end the name of a place people go to: "jubilee hotel",
// "orchard academy".
var venueCues = map[string]bool{
	"hotel": true, "school": true, "academy": true, "college": true, "clinic": true,
	"hospital": true, "church": true, "stadium": true, "arena": true, "mall": true,
	"library": true, "museum": true, "theatre": true, "theater": true, "university": true,
	"park": true, "inn": true, "motel": true, "cathedral": true, "chapel": true,
}

// genericVenue are words that make a kind of venue, not its name, before a
// venue word ("boarding school", "grad school", "state park").
var genericVenue = map[string]bool{
	"boarding": true, "grad": true, "high": true, "middle": true, "primary": true, "secondary": true,
	"elementary": true, "junior": true, "senior": true, "law": true, "medical": true, "nursing": true,
	"summer": true, "night": true, "sunday": true, "art": true, "music": true, "dance": true,
	"driving": true, "film": true, "cooking": true, "local": true, "public": true, "private": true,
	"catholic": true, "charter": true, "state": true, "national": true, "city": true, "theme": true,
	"water": true, "skate": true, "dog": true, "trailer": true, "amusement": true, "ball": true,
	"community": true, "new": true, "old": true, "big": true, "small": true, "little": true,
	"nearest": true, "next": true, "same": true, "other": true, "whole": true, "entire": true,
	"business": true, "beauty": true, "flight": true, "graduate": true, "cheap": true, "luxury": true,
	"psych": true, "mental": true, "animal": true, "pet": true, "vet": true, "dental": true,
	"eye": true, "walk": true, "sports": true, "football": true, "soccer": true, "baseball": true,
	"basketball": true, "hockey": true, "bible": true, "prep": true, "language": true, "ski": true,
}

// lowerVenue finds a venue named in lower case after "in", "at", "from",
// "near" or "go to" in a text that is no clinical note: one or two words
// before a venue word, the first no common word and no word of the kind
// ("orchard academy", "bryneven primary school"), and a town after it in
// capitals ("jubilee hotel Letterston").
func (a *analysis) lowerVenue(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.shape != shapeLower || t.letters < 3 || venueCues[t.lower] || genericVenue[t.lower] || isStop(t.lower) || a.isClinical() {
		return span{}, false
	}
	if a.placeContext(i) == 0 && !(i > 0 && a.toks[i-1].lower == "to" && !strings.ContainsAny(t.gap, "\n.!?;:")) {
		return span{}, false
	}
	f := a.f(i)
	if f.date || f.common(20) || f.title || f.kin || f.abbrev != 0 && f.wl != 0 {
		return span{}, false
	}
	for j := i + 1; j < n && j <= i+2; j++ {
		w := &a.toks[j]
		if !a.adjacent(j) || a.toks[j-1].poss || w.shape != shapeLower {
			return span{}, false
		}
		if venueCues[w.lower] {
			end := j + 1
			// "jubilee hotel Letterston": the town after it.
			if end < n && a.adjacent(end) && !w.poss && a.toks[end].shape == shapeTitle && !a.toks[end].sentStart {
				if g := a.f(end); !g.common(50) && !g.date {
					end++
				}
			}
			return span{i: i, j: end, conf: 0.6, typ: "place"}, true
		}
		if isStop(w.lower) || a.f(j).date || w.poss {
			return span{}, false
		}
	}
	return span{}, false
}

// compass are the words that name a part of a place: "east portland".
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "downtown": true, "central": true, "upstate": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "uptown": true,
}

// lowerPhrasePlace finds a place of two or three words written in lower
// case in a text that is no clinical note: a country or a US state
// ("new mexico", "south africa"), or a compass word before a GeoNames place
// of 10,000 people or more ("east portland", "north london"). It returns
// the span, or false.
func (a *analysis) lowerPhrasePlace(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.shape != shapeLower || t.letters < 3 || i+1 >= n || isStop(t.lower) || a.isClinical() {
		return span{}, false
	}
	for j := i + 2; j <= n && j <= i+3; j++ {
		if !a.adjacent(j-1) || a.toks[j-2].poss || a.toks[j-1].shape != shapeLower {
			break
		}
		// The last word of a place's name is a proper noun SCOWL lists
		// ("mexico", "africa", "portland"): a cheap gate before the
		// phrase look-up.
		if a.f(j-1).proper == 0 {
			continue
		}
		key := a.phrase(i, j)
		if typ, _ := a.gazetteer(key, i, j); typ == "country" || typ == "state" {
			return span{i: i, j: j, conf: 0.3, typ: typ}, true
		}
		if compass[t.lower] && j == i+2 && a.toks[i+1].letters >= 4 {
			f := a.f(i + 1)
			typ, pop := a.gazetteer(a.toks[i+1].lower, i+1, j)
			if typ != "" && pop >= 10000 && !f.common(35) && !(f.births >= 1000 && f.births > f.surname) {
				return span{i: i, j: j, conf: 0.6, typ: typ}, true
			}
		}
	}
	return span{}, false
}

// codePlace finds a country or a US state written as its two capitals in
// running text that is not in capitals and no clinical note: "US" or "UK"
// inside a sentence ("weak US data"; the pronoun is written in lower case),
// and a state code in parentheses ("Undercliff Ave (NY)").
func (a *analysis) codePlace(i int) (span, bool) {
	t := &a.toks[i]
	if t.shape != shapeUpper || t.letters != 2 || t.caps || t.dot || t.poss || a.isClinical() {
		return span{}, false
	}
	// "US" is the usual abbreviation of a country whose list name is
	// "USA"; in capitals inside a sentence it is not the pronoun.
	if !t.sentStart && (a.lex.IsCountry(t.lower) || t.text == "US") {
		return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
	}
	if strings.HasSuffix(t.gap, "(") && i+1 <= len(a.toks) && strings.HasPrefix(a.text[t.end:], ")") {
		if _, ok := a.lex.USState(t.text); ok {
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
	if t.shape != shapeLower || t.letters < 4 || t.handle || a.isClinical() || !a.informal() {
		return span{}, false
	}
	f := a.f(i)
	if f.wl != 0 && f.wl <= 35 || f.date || f.births >= 1000 || !a.lex.IsCountry(t.lower) {
		return span{}, false
	}
	return span{i: i, j: i + 1, conf: 0.3, typ: "country"}, true
}

// highway finds an Interstate written "I-95" or "I- 95": the capital I, a
// hyphen, and a number of one to three digits.
func (a *analysis) highway(i int) (span, bool) {
	t := &a.toks[i]
	if t.text != "I" || i+1 >= len(a.toks) {
		return span{}, false
	}
	nx := &a.toks[i+1]
	if g := nx.gap; g != "-" && g != "- " || nx.end-nx.start > 3 {
		return span{}, false
	}
	for _, c := range nx.text {
		if c < '0' || c > '9' {
			return span{}, false
		}
	}
	return span{i: i, j: i + 2, conf: 0.6, typ: "street"}, true
}

// lowerStreet finds a street whose type comments write in lower case after
// a capitalised name that is no common word: "the Cottonpet road", "on
// Elkington ave". An abbreviated type needs a word such as "on" before.
func (a *analysis) lowerStreet(i int) (span, bool) {
	n := len(a.toks)
	t := &a.toks[i]
	if t.shape != shapeTitle || t.caps || t.poss || t.letters < 4 || i+1 >= n || !a.adjacent(i+1) || a.isClinical() {
		return span{}, false
	}
	s := &a.toks[i+1]
	if s.shape != shapeLower {
		return span{}, false
	}
	strong, ok := streetWords[s.lower]
	if !ok {
		return span{}, false
	}
	if !strong && !(i > 0 && streetPreps[a.toks[i-1].lower] && !strings.ContainsAny(t.gap, "\n.;:!?")) {
		return span{}, false
	}
	if f := a.f(i); f.common(50) || f.date || f.title || f.abbrev != 0 {
		return span{}, false
	}
	if i > 0 && particles[a.toks[i-1].lower] && a.toks[i-1].shape == shapeLower && a.adjacent(i) {
		return span{}, false // "avenue de Provence street": part of a longer name
	}
	return span{i: i, j: i + 2, conf: 0.6, typ: "street"}, true
}
